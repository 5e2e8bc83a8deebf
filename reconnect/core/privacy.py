"""What the core holds about a person: notifications, notification choices, the access log."""

from urllib.parse import quote

from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from reconnect.core.models import AccessLogEntry, Notification, NotificationPreference
from reconnect.privacy.registry import Item, Section, register


def _rename_in_others_notifications(plan) -> int:
    """Other people's notifications may name the person ("Lighthouse replied"): the new name."""
    if not plan.old_display_name:
        return 0
    name = plan.old_display_name
    in_links = {name, quote(name)}
    mentioning = Notification.objects.annotate(params_text=Cast("params", TextField())).filter(
        Q(params_text__icontains=name) | Q(url__icontains=name) | Q(url__icontains=quote(name))
    )
    renamed = 0
    for note in mentioning:
        note.params = {
            key: plan.new_display_name if value == plan.old_display_name else value
            for key, value in note.params.items()
        }
        if any(text.lower() in note.url.lower() for text in in_links):
            note.url = ""  # a link to the person's profile, which no longer exists
        note.save(update_fields=["params", "url"])
        renamed += 1
    return renamed


def _erase(user, plan) -> dict[str, int]:
    # The access log stays: it is the record of who opened the person's data, kept under the
    # anonymous account until its retention period ends (it holds no name of the person).
    return {
        "core.notifications": Notification.objects.filter(user=user).delete()[0],
        "core.notification_choices": NotificationPreference.objects.filter(user=user).delete()[0],
        "core.notifications_renamed": _rename_in_others_notifications(plan),
    }


register(
    Section(
        key="account_activity",
        title=_("Notifications and access log"),
        order=90,
        items=(
            Item(
                "notifications",
                _("Notifications"),
                Notification,
                lambda u: Notification.objects.filter(user=u),
                fields=("kind", "url", "created_at", "read_at", "emailed_at"),
                url_name="core:notifications",
            ),
            Item(
                "notification_choices",
                _("Notification choices"),
                NotificationPreference,
                lambda u: NotificationPreference.objects.filter(user=u),
                fields=("kind", "in_app", "email"),
                url_name="accounts:notification_settings",
            ),
            Item(
                "access_log",
                _("Times someone opened my data"),
                AccessLogEntry,
                lambda u: AccessLogEntry.objects.filter(subject=u),
                fields=("created_at", "actor_name", "actor_role", "action", "object_type", "object_label", "reason"),
                url_name="accounts:access_log",
            ),
        ),
        erase=_erase,
    )
)
