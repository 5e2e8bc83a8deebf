"""Moderation's Celery tasks."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import OperationalError
from django.utils import translation
from django.utils.translation import gettext as _

from moderation import notifications as kinds
from moderation.services import escalate_unclaimed_crisis, moderators, queue_size
from reconnect.core.services import notify


@shared_task(name="moderation.queue_summary")
def queue_summary() -> int:
    """Tell moderators once a day how many items wait. Nothing is sent when the queue is empty."""
    from django.urls import reverse

    count = queue_size()
    if count:
        notify(users=moderators(), kind=kinds.QUEUE_SUMMARY, url=reverse("moderation:queue"), params={"count": count})
    return count


@shared_task(name="moderation.escalate_unclaimed_crisis", autoretry_for=(OperationalError,), max_retries=3)
def escalate_unclaimed() -> int:
    """Run by beat every MODERATION_ESCALATION_CHECK_SECONDS; each item is escalated once."""
    return len(escalate_unclaimed_crisis())


@shared_task(name="moderation.email_escalation_contact", autoretry_for=(OSError,), max_retries=5)
def email_escalation_contact(email: str, url: str) -> None:
    """A content-free email to one escalation contact, in English and Norwegian: no post text, no
    names, a link to the item."""
    minutes = settings.MODERATION_CRISIS_ESCALATE_MINUTES
    parts = []
    for language in ("en", "nb"):
        with translation.override(language):
            subject = _("ReConnect: a crisis flag waits for a peer moderator")
            parts.append(
                _(
                    "A post with crisis language has waited %(minutes)s minutes in the ReConnect moderation "
                    "queue without a peer moderator taking it up. Please make sure someone looks at it now:"
                )
                % {"minutes": minutes}
            )
    with translation.override("en"):
        subject = _("ReConnect: a crisis flag waits for a peer moderator")
    body = "\n\n".join([*parts, url, "(This email holds no content from the post on purpose.)"])
    send_mail(subject, body, None, [email], fail_silently=False)
