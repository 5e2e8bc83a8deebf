"""Operations on cross-cutting data: notifications, preferences and the access log."""

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconnect.core import frame, notifications
from reconnect.core.models import AccessLogEntry, Notification, NotificationPreference

if TYPE_CHECKING:
    from reconnect.accounts.models import User

# What an access-log entry says happened, in the member's language.
ACCESS_ACTIONS = {
    "viewed": _("opened"),
    "replied": _("answered"),
    "viewed_in_admin": _("opened in the admin"),
    "exported": _("exported"),
    "moderated": _("moderated"),
    "export_requested": _("asked for a copy of all the data"),
    "export_downloaded": _("downloaded the copy of all the data"),
    "erasure_requested": _("deleted the account"),
}


def preference_for(user: "User", kind: notifications.NotificationKind) -> tuple[bool, str]:
    """(in_app, email) for one kind, falling back to the kind's protective default."""
    for pref in user.notification_preferences.all():
        if pref.kind == kind.key:
            return pref.in_app, pref.email
    return True, kind.default_email


@transaction.atomic
def notify(
    *, users: Iterable, kind: notifications.NotificationKind, url: str = "", params: dict | None = None
) -> list[Notification]:
    """Tell each user something new happened. Emails go out after the transaction commits."""
    from reconnect.core import tasks

    created = []
    recipients = list(users)
    prefs = {(p.user_id, p.kind): p for p in NotificationPreference.objects.filter(user__in=recipients, kind=kind.key)}
    for user in recipients:
        if not user.is_active:
            continue
        pref = prefs.get((user.pk, kind.key))
        in_app, email = (pref.in_app, pref.email) if pref else (True, kind.default_email)
        if not in_app and email == notifications.EmailChoice.OFF:
            continue
        note = Notification.objects.create(
            user=user,
            kind=kind.key,
            url=url,
            params=params or {},
            read_at=None if in_app else timezone.now(),
            digest_due=email == notifications.EmailChoice.DAILY,
        )
        created.append(note)
        if email == notifications.EmailChoice.IMMEDIATE:
            transaction.on_commit(partial(tasks.send_notification_email.delay, note.pk))
    return created


def mark_all_read(*, user: "User") -> int:
    # A bulk update sends no signal: the cached count is dropped here.
    frame.forget_unread_count(user_id=user.pk)
    return Notification.objects.for_user(user).unread().update(read_at=timezone.now())


def mark_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


@transaction.atomic
def set_notification_preferences(*, user: "User", choices: dict[str, tuple[bool, str]]) -> None:
    for key, (in_app, email) in choices.items():
        NotificationPreference.objects.update_or_create(
            user=user, kind=key, defaults={"in_app": in_app, "email": email}
        )


def _actor_name(actor: "User", subject: "User") -> str:
    """The actor as the subject, who reads the log, knows them: a provider knows a member by the
    name for their care team, never by the pseudonym."""
    return actor.name_for_providers if getattr(subject, "is_provider", False) else actor.display_name


def log_access(
    *,
    actor: "User | None",
    subject: "User",
    action: str = "viewed",
    obj: models.Model | None = None,
    object_type: str = "",
    label: str = "",
    reason: str = "",
) -> AccessLogEntry | None:
    """Record that `actor` opened something of `subject`'s. Looking at one's own data is not logged."""
    if actor is not None and actor.pk == subject.pk:
        return None
    if obj is not None:
        object_type = object_type or str(obj._meta.verbose_name)
        label = label or str(obj)
    return AccessLogEntry.objects.create(
        subject=subject,
        actor=actor,
        actor_role=getattr(actor, "role", "system"),
        actor_name=(_actor_name(actor, subject) if actor is not None else "ReConnect")[:150],
        action=action,
        object_type=str(object_type)[:60],
        object_id=str(getattr(obj, "pk", "") or "")[:40],
        object_label=label[:200],
        reason=reason[:200],
    )
