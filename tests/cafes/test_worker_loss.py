"""A real Celery worker on Redis is killed in the middle of a batch of reminders; another worker
takes over; every due reminder is sent exactly once (rows, in-app notifications and emails)."""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from email import message_from_bytes
from pathlib import Path

import kombu.pools
import pytest
import redis
from django.conf import settings
from django.core.cache.backends.redis import RedisCache
from django.utils import timezone

from cafes import services
from cafes.models import Reminder, ReminderStatus
from reconnect.celery import app as celery_app
from reconnect.core import beat
from reconnect.core.models import Notification
from tests.cafes.factories import MeetingFactory
from tests.factories import MemberFactory

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
MEMBERS = 12  # two reminders each


def _database_url() -> str:
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _start_worker(name: str, tmp_path: Path, *, slow: bool) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": REDIS_URL,
        "CELERY_BROKER_URL": REDIS_URL,
        "RECONNECT_TESTING": "true",
        "EMAIL_URL": f"file://{tmp_path / 'mail'}",
        # One reminder a chunk for the slow worker, so that it is killed between commits of its batch.
        "CAFES_REMINDER_CHUNK_SIZE": "1" if slow else "50",
    }
    log = (tmp_path / f"{name}.log").open("wb")
    # The slow worker pauses before each chunk (patched in by tests/cafes/slow_worker.py).
    command = ["-m", "tests.cafes.slow_worker"] if slow else ["-m", "celery", "-A", "reconnect", "worker"]
    return subprocess.Popen(
        [
            sys.executable,
            *command,
            "--pool=prefork",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=INFO",
            "-n",
            f"{name}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _kill(worker: subprocess.Popen) -> None:
    """SIGKILL the worker and its pool processes at once, as when a machine dies."""
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)


def _wait_until(condition, tmp_path: Path, what: str, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            logs = "\n".join(p.read_text(errors="replace")[-3000:] for p in tmp_path.glob("*.log"))
            pytest.fail(f"Gave up waiting until {what}.\n{logs}")
        time.sleep(0.1)


def _sent() -> int:
    return Reminder.objects.filter(status=ReminderStatus.SENT).count()


def _email_keys(mail_dir: Path) -> list[str]:
    keys = []
    for path in mail_dir.glob("*.log"):
        # The file backend writes each message followed by a line of dashes.
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                keys.append(message_from_bytes(chunk.strip())["X-ReConnect-Reminder"])
    return keys


@pytest.fixture
def redis_broker(settings):
    """Tasks go to the real broker in this test, on a queue emptied of earlier runs' leftovers."""
    redis.Redis.from_url(REDIS_URL).delete("celery", "unacked", "unacked_index")
    # A beat killed by an earlier test keeps the beat lock until it expires; a new beat would wait.
    RedisCache(REDIS_URL, {"KEY_PREFIX": "reconnect"}).delete(beat.LOCK_KEY)
    broker_url, eager = celery_app.conf.broker_url, celery_app.conf.task_always_eager
    _forget_broker_connections()  # an earlier test's pool may point at another broker
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = REDIS_URL, False
    # A batch whose worker died is claimed again after this lease.
    settings.CAFES_REMINDER_LEASE_SECONDS = 2
    yield
    # Close this test's connections and forget kombu's shared pools, so that later tests (even
    # eager tasks acquire a producer) open fresh ones instead of finding a closed pool.
    _forget_broker_connections()
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = broker_url, eager


def _forget_broker_connections() -> None:
    celery_app.pool.force_close_all()
    kombu.pools.reset()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def test_killed_worker_loses_no_reminder_and_sends_none_twice(redis_broker, series, tmp_path):
    cafe = MeetingFactory(series=series)
    for _ in range(MEMBERS):
        services.answer(meeting=cafe, user=MemberFactory(community=cafe.community), answer="going")
    Reminder.objects.update(due_at=timezone.now() - timedelta(minutes=1))
    total = Reminder.objects.count()
    assert total == 2 * MEMBERS

    first = _start_worker("first", tmp_path, slow=True)
    try:
        assert len(services.claim_due_reminders()) == 1  # one batch, sent slowly
        _wait_until(lambda: _sent() >= 3, tmp_path, "the first worker has sent a few reminders")
    finally:
        _kill(first)
    sent_by_first = _sent()
    assert 3 <= sent_by_first < total, "the worker was killed in the middle of its batch"
    assert Reminder.objects.filter(status=ReminderStatus.CLAIMED).count() == total - sent_by_first

    second = _start_worker("second", tmp_path, slow=False)
    try:
        # Beat's job, done here: the lost batch's rows are claimed again once their lease is over.
        _wait_until(
            lambda: bool(services.claim_due_reminders()) or _sent() == total,
            tmp_path,
            "the lost batch was claimed again",
        )
        _wait_until(lambda: _sent() == total, tmp_path, "every reminder was sent")
    finally:
        _kill(second)

    keys = sorted(Reminder.objects.values_list("idempotency_key", flat=True))
    assert len(set(keys)) == total
    assert sorted(_email_keys(tmp_path / "mail")) == keys  # each reminder emailed exactly once
    assert Notification.objects.filter(kind="cafes.reminder").count() == total
