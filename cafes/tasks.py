from celery import shared_task

from cafes import services


@shared_task(name="cafes.dispatch_due_reminders")
def dispatch_due_reminders() -> int:
    """Run by beat every minute: claim due reminders in batches and enqueue their sending."""
    return sum(len(batch) for batch in services.claim_due_reminders())


# acks_late with rejection on worker loss: a batch whose worker dies is delivered again; the
# lease in the database covers the case where the broker keeps the message too long.
@shared_task(name="cafes.send_reminders", acks_late=True, reject_on_worker_lost=True)
def send_reminders(batch: list[list]) -> int:
    return services.send_reminder_batch([(int(pk), str(key)) for pk, key in batch])
