"""How fast are café reminders sent? 10,000 reminders due in the same minute, through the real
service code (claiming in batches with SKIP LOCKED, then sending each batch over one SMTP
connection with its bookkeeping committed chunk by chunk), against the configured database.

    DATABASE_URL=postgres://... python benchmarks/cafes_reminders.py [--reminders 10000]
        [--batch 500] [--chunk 50] [--smtp-port 8120 | --smtp-port 0 for Django's in-memory backend]

Emails go to a small SMTP server started by the benchmark on localhost (it accepts and discards
them, and counts connections and messages), so the figure includes real SMTP round trips but not a
real mail server's own work. The benchmark creates its own community and members and removes them
afterwards. It is one process sending sequentially, as one worker process would; Celery workers
multiply it. Goal: 10,000 due in one minute sent within 60 s.
"""

import argparse
import multiprocessing
import secrets
import socketserver
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.common import load_average, setup_django

setup_django(DEBUG="true")  # the benchmark never serves requests

from datetime import datetime, timedelta  # noqa: E402

from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from cafes import services, tasks  # noqa: E402
from cafes.models import Answer, CafeSeries, Meeting, Reminder, ReminderStatus, Rsvp  # noqa: E402
from reconnect.accounts.models import Community, Role, User  # noqa: E402
from reconnect.core.models import Notification  # noqa: E402


class _SmtpSink(socketserver.StreamRequestHandler):
    """Just enough SMTP to take messages and forget them."""

    connections: Any = None  # shared counters (multiprocessing.Value)
    messages: Any = None

    def handle(self) -> None:
        with self.connections.get_lock():
            self.connections.value += 1
        self.wfile.write(b"220 sink ready\r\n")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb == b"DATA":
                self.wfile.write(b"354 go on\r\n")
                while (body := self.rfile.readline()) and body != b".\r\n":
                    pass
                with self.messages.get_lock():
                    self.messages.value += 1
                self.wfile.write(b"250 queued\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            elif verb == b"EHLO":
                self.wfile.write(b"250-sink\r\n250 8BITMIME\r\n")
            else:
                self.wfile.write(b"250 ok\r\n")


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def _serve(port: int, connections, messages, ready) -> None:
    # In a process of its own, so that the sink does not take the sender's interpreter lock.
    _SmtpSink.connections, _SmtpSink.messages = connections, messages
    with _Server(("127.0.0.1", port), _SmtpSink) as server:
        ready.set()
        server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reminders", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=settings.CAFES_REMINDER_BATCH_SIZE)
    parser.add_argument("--chunk", type=int, default=settings.CAFES_REMINDER_CHUNK_SIZE)
    parser.add_argument("--smtp-port", type=int, default=8120, help="0: Django's in-memory backend instead")
    args = parser.parse_args()
    settings.CAFES_REMINDER_CHUNK_SIZE = args.chunk
    sink = None
    if args.smtp_port:
        counts = multiprocessing.Value("i", 0), multiprocessing.Value("i", 0)
        ready = multiprocessing.Event()
        sink = multiprocessing.Process(target=_serve, args=(args.smtp_port, *counts, ready), daemon=True)
        sink.start()
        ready.wait(30)
        settings.MAILERS = {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": args.smtp_port},
            }
        }
    else:
        settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    tag = "bench-" + secrets.token_hex(4)
    members_needed = (args.reminders + 1) // 2  # two reminders per member: two days before, morning

    community = Community.objects.create(name=tag, slug=tag)
    try:
        _run(args, tag, community, members_needed)
        if sink is not None:
            print(f"SMTP: {counts[1].value} messages over {counts[0].value} connections")
    finally:
        if sink is not None:
            sink.terminate()
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
    cpu = time.process_time()
    sent = sum(services.send_reminder_batch(batch) for batch in batches)
    finished = time.perf_counter()
    cpu = time.process_time() - cpu

    assert sent == count == Reminder.objects.filter(meeting=meeting, status=ReminderStatus.SENT).count()
    total = finished - started
    print(f"database: {connection.vendor} {settings.DATABASES['default']['NAME']}")
    print(
        f"reminders due in the same minute: {count} ({len(batches)} batches of up to {args.batch},"
        f" committed every {args.chunk})"
    )
    print(
        f"claiming: {claimed - started:.2f} s; sending: {finished - claimed:.2f} s"
        f" (of it {cpu:.2f} s on this process's CPU); total {total:.2f} s"
    )
    print(f"reminders per second: {count / total:.0f} (one process; goal: 10,000 within 60 s)")
    print(f"load average: {load_average()}")


if __name__ == "__main__":
    main()
