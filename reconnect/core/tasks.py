from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from reconnect.core.models import Notification


def _send_content_free_email(user, template: str, context: dict) -> None:
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        context = {"user": user, "site_url": settings.SITE_URL, **context}
        subject = render_to_string(f"core/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"core/email/{template}.txt", context)
    send_mail(subject, body, None, [user.email])


@shared_task(name="core.send_notification_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_notification_email(notification_id: int) -> None:
    with transaction.atomic():
        note = (
            Notification.objects.select_for_update(skip_locked=True)
            .select_related("user")
            .filter(pk=notification_id, emailed_at__isnull=True)
            .first()
        )
        if note is None:  # already sent, or being sent by another worker
            return
        _send_content_free_email(note.user, "notification", {"url": settings.SITE_URL + (note.url or "/")})
        note.emailed_at = timezone.now()
        note.save(update_fields=["emailed_at"])


@shared_task(name="core.send_daily_digests")
def send_daily_digests() -> int:
    """Send one content-free summary per user whose daily notifications are waiting.

    Runs once a day (07:30) from beat; a user gets at most one summary a day (the notifications are marked
    emailed in the same transaction as the send).
    """
    user_ids = (
        Notification.objects.filter(digest_due=True, emailed_at__isnull=True)
        .values_list("user_id", flat=True)
        .distinct()
    )
    sent = 0
    for user_id in list(user_ids):
        with transaction.atomic():
            pending = list(
                Notification.objects.select_for_update(skip_locked=True)
                .select_related("user")
                .filter(user_id=user_id, digest_due=True, emailed_at__isnull=True)
            )
            if not pending:
                continue
            user = pending[0].user
            _send_content_free_email(
                user, "digest", {"count": len(pending), "url": settings.SITE_URL + "/notifications/"}
            )
            Notification.objects.filter(pk__in=[n.pk for n in pending]).update(
                emailed_at=timezone.now(), digest_due=False
            )
            sent += 1
    return sent
