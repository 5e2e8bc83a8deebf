"""What the core holds about a person: notifications, notification choices, the access log."""

from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from reconnect.core.models import AccessLogEntry, Notification, NotificationPreference
from reconnect.privacy.registry import Item, Section, register


def _profile_url(user) -> str:
    if not user.pseudonym:
        return ""
    try:
        return reverse("forum:profile", kwargs={"pseudonym": user.pseudonym})
    except NoReverseMatch:
        return ""


def _rename_in_others_notifications(user, plan) -> int:
    """Other people's notifications may name the person ("Lighthouse replied" to peers, "Ingrid
    Nilsen has sent you a message" to providers): the new name.

    A link to the person's profile goes (the profile no longer exists); other links stay, even
    when the old name happens to be part of them (a member called "Forum").
    """
    names = {name for name in (plan.old_display_name, plan.old_name_for_providers) if name}
    if not names:
        return 0
    profile_url = _profile_url(user).lower()
    query = Q()
    for name in names:
        query |= Q(params_text__icontains=name)
    if profile_url:
        query |= Q(url__istartswith=profile_url)
    mentioning = Notification.objects.annotate(params_text=Cast("params", TextField())).filter(query)
    renamed = 0
    for note in mentioning:
        params = {key: plan.new_display_name if value in names else value for key, value in note.params.items()}
        url = "" if profile_url and note.url.lower().startswith(profile_url) else note.url
        if params == note.params and url == note.url:
            continue
        note.params, note.url = params, url
        note.save(update_fields=["params", "url"])
        renamed += 1
    return renamed


def _erase(user, plan) -> dict[str, int]:
    # The access log stays: it is the record of who opened the person's data, kept under the
    # anonymous account until its retention period ends (it holds no name of the person).
    return {
        "core.notifications": Notification.objects.filter(user=user).delete()[0],
        "core.notification_choices": NotificationPreference.objects.filter(user=user).delete()[0],
        "core.notifications_renamed": _rename_in_others_notifications(user, plan),
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
                _("Access log: who opened my data, and my own requests"),
                AccessLogEntry,
                lambda u: AccessLogEntry.objects.filter(subject=u),
                fields=("created_at", "actor_name", "actor_role", "action", "object_type", "object_label", "reason"),
                url_name="accounts:access_log",
            ),
        ),
        erase=_erase,
    )
)
