"""Graceful shutdown: SIGTERM in the middle of work finishes that work, and beat runs only once.

Real processes: gunicorn with the project's gunicorn.conf.py, a Celery worker and two Celery beats
on the test database and Redis.
"""

import base64
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
import redis
from django.core.cache.backends.redis import RedisCache
from django.utils import timezone

from cafes import services
from cafes.models import Reminder, ReminderStatus
from reconnect.core import beat
from tests.cafes.factories import CafeSeriesFactory, MeetingFactory
from tests.cafes.test_worker_loss import (  # noqa: F401 - redis_broker is a fixture
    REDIS_URL,
    _database_url,
    _email_keys,
    _sent,
    _start_worker,
    _wait_until,
    redis_broker,
)
from tests.factories import MemberFactory

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": REDIS_URL,
        "CELERY_BROKER_URL": REDIS_URL,
        "RECONNECT_TESTING": "true",
        "EMAIL_URL": f"file://{tmp_path / 'mail'}",
        **extra,
    }


def _start(args: list[str], tmp_path: Path, name: str, **extra: str) -> subprocess.Popen:
    """Start a process as on its own host: its own RECONNECT_VAR_DIR (beat's schedule file, ...)."""
    log = (tmp_path / f"{name}.log").open("wb")
    env = _env(tmp_path, RECONNECT_VAR_DIR=str(tmp_path / f"var-{name}"), **extra)
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


def _wait_for_web(port: int, tmp_path: Path) -> None:
    """Until the web process answers (gunicorn listens before its workers have loaded the portal)."""

    def answers() -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
                return response.status == 200
        except OSError:
            return False

    _wait_until(answers, tmp_path, f"the web process on port {port} answers", timeout=120)


@pytest.mark.django_db
def test_gunicorn_answers_a_request_in_progress_when_told_to_stop(tmp_path):
    port = _free_port()
    web = _start(
        [sys.executable, "-m", "gunicorn", "reconnect.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        tmp_path,
        "web",
    )
    try:
        _wait_for_web(port, tmp_path)
        body = b"login=someone%40example.org&password=x"
        with socket.create_connection(("127.0.0.1", port), timeout=60) as client:
            client.sendall(
                b"POST /accounts/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
                + body[:10]
            )
            time.sleep(1.5)  # the worker is now inside the request, waiting for the rest of the body
            web.send_signal(signal.SIGTERM)
            time.sleep(1.5)
            with socket.socket() as late:  # no new connection is accepted any more
                assert late.connect_ex(("127.0.0.1", port)) != 0
            client.sendall(body[10:])
            answer = b""
            while chunk := client.recv(65536):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 403"), answer[:200]  # a whole answer (no CSRF token: 403)
        assert answer.rstrip().endswith(b"</html>")
        assert web.wait(timeout=60) == 0
    finally:
        _stop(web)
    log = (tmp_path / "web.log").read_text()
    assert "Handling signal: term" in log


@pytest.mark.django_db(transaction=True)
def test_a_worker_told_to_stop_finishes_its_batch_of_reminders_first(redis_broker, tmp_path):  # noqa: F811
    cafe = MeetingFactory(series=CafeSeriesFactory())
    for _ in range(8):
        services.answer(meeting=cafe, user=MemberFactory(community=cafe.community), answer="going")
    Reminder.objects.update(due_at=timezone.now() - timedelta(minutes=1))
    total = Reminder.objects.count()
    worker = _start_worker("stopping", tmp_path, slow=True)
    try:
        assert len(services.claim_due_reminders()) == 1
        _wait_until(lambda: _sent() >= 2, tmp_path, "the worker has sent a few reminders")
        os.kill(worker.pid, signal.SIGTERM)  # warm shutdown, as `docker stop` asks
        assert worker.wait(timeout=120) == 0
    finally:
        _stop(worker)
    # The batch was finished, not cut off: every reminder sent once, none left claimed.
    assert _sent() == total
    assert sorted(_email_keys(tmp_path / "mail")) == sorted(Reminder.objects.values_list("idempotency_key", flat=True))
    assert not Reminder.objects.filter(status=ReminderStatus.CLAIMED).exists()


def _queued_origins(client: redis.Redis) -> list[str]:
    """Which process sent each task waiting in the broker (kombu's message headers)."""
    origins = []
    for raw in client.lrange("celery", 0, -1):
        message = json.loads(raw)
        origins.append(message["headers"]["origin"])
        json.loads(base64.b64decode(message["body"]))  # a real task message
    return origins


@pytest.mark.django_db
def test_a_second_beat_is_locked_out_until_the_first_stops_and_takes_over_then(tmp_path):
    broker = redis.Redis.from_url(REDIS_URL)
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": "reconnect"})
    broker.delete("celery")
    cache.delete_many([beat.LOCK_KEY, beat.HEARTBEAT_KEY])
    command = [sys.executable, "-m", "celery", "-A", "reconnect", "beat", "--loglevel", "INFO"]
    every_second = {"MODERATION_ESCALATION_CHECK_SECONDS": "1"}
    first = _start(command, tmp_path, "first", **every_second)
    second = None
    try:
        _wait_until(lambda: cache.get(beat.HEARTBEAT_KEY) is not None, tmp_path, "the first beat wrote its heartbeat")
        _wait_until(lambda: len(_queued_origins(broker)) >= 2, tmp_path, "the first beat sent tasks")
        second = _start(command, tmp_path, "second", **every_second)
        _wait_until(lambda: "in standby" in (tmp_path / "second.log").read_text(), tmp_path, "the second beat started")
        time.sleep(4)
        assert set(_queued_origins(broker)) == {f"gen{first.pid}@{socket.gethostname()}"}
        heartbeat = cache.get(beat.HEARTBEAT_KEY)
        assert heartbeat["instance"].split(":")[1] == str(first.pid)

        os.kill(first.pid, signal.SIGTERM)
        assert first.wait(timeout=60) == 0
        _wait_until(
            lambda: f"gen{second.pid}@{socket.gethostname()}" in _queued_origins(broker),
            tmp_path,
            "the second beat took over",
            timeout=60,
        )
        assert cache.get(beat.HEARTBEAT_KEY)["instance"].split(":")[1] == str(second.pid)
    finally:
        _stop(first)
        if second is not None:
            _stop(second)
        broker.delete("celery")
        cache.delete_many([beat.LOCK_KEY, beat.HEARTBEAT_KEY])


@pytest.mark.django_db
def test_healthz_reports_a_recent_late_or_missing_beat(client):
    from django.core.cache import cache

    assert client.get("/healthz").json()["beat"] == "never"
    cache.set(beat.HEARTBEAT_KEY, {"at": time.time() - 5, "instance": "h:1:x"})
    answer = client.get("/healthz").json()
    assert answer["beat"] == "ok" and 4 <= answer["beat_seconds_ago"] < 60
    cache.set(beat.HEARTBEAT_KEY, {"at": time.time() - beat.HEARTBEAT_MAX_AGE - 1, "instance": "h:1:x"})
    response = client.get("/healthz")
    assert response.json()["beat"] == "late"
    assert response.status_code == 200  # a late beat alone does not take the web out of service
