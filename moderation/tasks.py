"""Moderation's Celery tasks."""

from celery import shared_task

from moderation import notifications as kinds
from moderation.services import moderators, queue_size
from reconnect.core.services import notify


@shared_task(name="moderation.queue_summary")
def queue_summary() -> int:
    """Tell moderators once a day how many items wait. Nothing is sent when the queue is empty."""
    from django.urls import reverse

    count = queue_size()
    if count:
        notify(users=moderators(), kind=kinds.QUEUE_SUMMARY, url=reverse("moderation:queue"), params={"count": count})
    return count
