"""How fast are café reminders sent? 10,000 reminders due in the same minute, through the real
service code (claiming in batches with SKIP LOCKED, then sending each in its own transaction with
its in-app notification and email), against the configured database.

    DATABASE_URL=postgres://... python benchmarks/cafes_reminders.py [--reminders 10000] [--batch 200]

Emails go to Django's in-memory backend, so the figure is the portal's own cost, not the mail
server's. The benchmark creates its own community and members and removes them afterwards. It is
one process sending sequentially; Celery workers multiply it.
"""

import argparse
import os
import secrets
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reconnect.settings")
os.environ.setdefault("DEBUG", "true")  # the benchmark never serves requests

import django

django.setup()

from datetime import datetime, timedelta  # noqa: E402

from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from cafes import services, tasks  # noqa: E402
from cafes.models import Answer, CafeSeries, Meeting, Reminder, ReminderStatus, Rsvp  # noqa: E402
from reconnect.accounts.models import Community, Role, User  # noqa: E402
from reconnect.core.models import Notification  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reminders", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=services.REMINDER_BATCH_SIZE)
    args = parser.parse_args()
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    tag = "bench-" + secrets.token_hex(4)
    members_needed = (args.reminders + 1) // 2  # two reminders per member: two days before, morning

    community = Community.objects.create(name=tag, slug=tag)
    try:
        _run(args, tag, community, members_needed)
    finally:
        with transaction.atomic():
            users = User.objects.filter(email__startswith=tag)
            Notification.objects.filter(user__in=users).delete()
            Meeting.objects.filter(community=community).delete()
            CafeSeries.objects.filter(community=community).delete()
            users.delete()
            community.delete()


def _run(args, tag, community, members_needed) -> None:
    password = make_password(None)
    host = User.objects.create(
        email=f"{tag}-host@example.invalid", pseudonym=tag, role=Role.MODERATOR, community=community, password=password
    )
    members = User.objects.bulk_create(
        User(
            email=f"{tag}-{i}@example.invalid",
            pseudonym=f"{tag}-{i}",
            role=Role.MEMBER,
            community=community,
            password=password,
        )
        for i in range(members_needed)
    )
    # 18:00 in three days, so that both the two-days-before and the morning reminder are wanted.
    day = timezone.localdate() + timedelta(days=3)
    starts_at = timezone.make_aware(datetime.combine(day, datetime.min.time().replace(hour=18)))
    series = CafeSeries.objects.create(
        community=community,
        title="Benchmark café",
        host=host,
        weekday=0,
        start_time=starts_at.time(),
        first_date=starts_at.date(),
        last_date=starts_at.date(),
        place="Library",
        address="Storgata 1",
    )
    meeting = Meeting.objects.create(
        series=series,
        community=community,
        host=host,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        place="Library",
        address="Storgata 1",
    )
    Rsvp.objects.bulk_create(Rsvp(meeting=meeting, user=m, answer=Answer.GOING) for m in members)
    with transaction.atomic():
        services.sync_reminders(meetings=[meeting])
    # Every reminder falls due in the same minute.
    due = timezone.now().replace(second=0, microsecond=0)
    Reminder.objects.filter(meeting=meeting).update(due_at=due)
    count = Reminder.objects.filter(meeting=meeting).count()

    batches: list = []
    # The batches a worker would receive, collected instead of sent to the broker.
    tasks.send_reminders.delay = batches.append  # type: ignore[method-assign]
    started = time.perf_counter()
    services.claim_due_reminders(batch_size=args.batch)
    claimed = time.perf_counter()
    sent = sum(services.send_reminder_batch(batch) for batch in batches)
    finished = time.perf_counter()

    assert sent == count == Reminder.objects.filter(meeting=meeting, status=ReminderStatus.SENT).count()
    total = finished - started
    print(f"database: {connection.vendor} {settings.DATABASES['default']['NAME']}")
    print(f"reminders due in the same minute: {count} ({len(batches)} batches of up to {args.batch})")
    print(f"claiming: {claimed - started:.2f} s; sending: {finished - claimed:.2f} s; total {total:.2f} s")
    print(f"reminders per second: {count / total:.0f} (one process)")


if __name__ == "__main__":
    main()
