"""Escalation with the real parts: Celery beat and a Celery worker on Redis, as in production.

The clock is moved by dating a crisis item 16 minutes back; beat (checking every second here)
sends the task, the worker claims the item in the database and tells the admins and the
escalation contact. Beat keeps firing: the item is still escalated only once.
"""

import os
import subprocess
import sys
import time
from datetime import timedelta
from email import message_from_bytes
from pathlib import Path

import pytest
from django.utils import timezone

from moderation.models import EscalationContact, ModerationAction, QueueItem
from reconnect.core.models import Notification
from tests.cafes.test_worker_loss import REDIS_URL, ROOT, _database_url, _kill, _wait_until, redis_broker
from tests.moderation.factories import QueueItemFactory, post_by

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
__all__ = ["redis_broker"]  # the fixture, shared with the cafés' worker test


def _start(kind: str, tmp_path: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": REDIS_URL,
        "CELERY_BROKER_URL": REDIS_URL,
        "RECONNECT_TESTING": "true",
        "EMAIL_URL": f"file://{tmp_path / 'mail'}",
        "MODERATION_CRISIS_ESCALATE_MINUTES": "15",
        "MODERATION_ESCALATION_CHECK_SECONDS": "1",
    }
    if kind == "worker":
        args = ["worker", "--pool=solo", "--without-gossip", "--without-mingle", "--without-heartbeat", "-n",
                "escalation@%h"]  # fmt: skip
    else:
        args = ["beat", "--schedule", str(tmp_path / "beat-schedule")]
    log = (tmp_path / f"{kind}.log").open("wb")
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "reconnect", *args, "--loglevel=INFO"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _emails_to(mail_dir: Path, address: str) -> list:
    found = []
    for path in mail_dir.glob("*.log"):
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                message = message_from_bytes(chunk.strip())
                if address in (message["To"] or ""):
                    found.append(message)
    return found


def test_beat_and_a_worker_escalate_an_unclaimed_crisis_item_once(redis_broker, member, admin_user, tmp_path):
    EscalationContact.objects.create(name="On-call clinician", email="on-call@example.org")
    item = QueueItemFactory(post=post_by(member), kind=QueueItem.Kind.CRISIS, priority=1, severity="crisis")
    fresh = QueueItemFactory(post=post_by(member), kind=QueueItem.Kind.CRISIS, priority=1, severity="crisis")
    QueueItem.objects.filter(pk=item.pk).update(created_at=timezone.now() - timedelta(minutes=16))

    worker, beat = _start("worker", tmp_path), _start("beat", tmp_path)
    try:
        _wait_until(
            lambda: (
                Notification.objects.filter(user=admin_user, kind="moderation.crisis_unclaimed").exists()
                and bool(_emails_to(tmp_path / "mail", "on-call@example.org"))
            ),
            tmp_path,
            "the admin and the escalation contact were told",
        )
        time.sleep(4)  # four more beats
    finally:
        _kill(beat)
        _kill(worker)

    item.refresh_from_db()
    fresh.refresh_from_db()
    assert item.auto_escalated_at is not None and fresh.auto_escalated_at is None
    assert Notification.objects.filter(kind="moderation.crisis_unclaimed").count() == 1
    assert ModerationAction.objects.filter(item=item, action=ModerationAction.Action.AUTO_ESCALATE).count() == 1
    emails = _emails_to(tmp_path / "mail", "on-call@example.org")
    assert len(emails) == 1
    assert f"/moderation/items/{item.pk}/" in emails[0].get_payload(decode=True).decode()
