"""Several processes, one portal: two gunicorn web instances (each with its own RECONNECT_VAR_DIR,
as two hosts would have), two Celery workers and one beat on the same PostgreSQL and Redis."""

import re
from datetime import timedelta

import pytest
import redis
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.utils import timezone

from benchmarks.load.stack import environment, start_beat, start_stack, wait_until_ready
from cafes import services
from cafes.models import Reminder, ReminderStatus
from reconnect.core.models import Notification
from tests.cafes.factories import CafeSeriesFactory, MeetingFactory
from tests.cafes.test_worker_loss import (  # noqa: F401 - redis_broker is a fixture
    REDIS_URL,
    _database_url,
    _email_keys,
    _sent,
    _wait_until,
    redis_broker,
)
from tests.core.test_shutdown import _free_port
from tests.factories import TEST_PASSWORD, MemberFactory

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

MEMBERS = 10  # two reminders each


@pytest.fixture
def stack(tmp_path):
    redis.Redis.from_url(REDIS_URL).flushdb()  # this run's broker queue, cache and beat lock only
    env = environment(
        database_url=_database_url(),
        redis_url=REDIS_URL,
        EMAIL_URL=f"file://{tmp_path / 'mail'}",
        CAFES_REMINDER_CHUNK_SIZE="1",
    )
    # Slowed-down workers (a pause before each chunk), so that both workers get some batches.
    running = start_stack(
        tmp_path,
        env=env,
        web_ports=[_free_port(), _free_port()],
        web_processes=1,
        worker_module=["-m", "tests.cafes.slow_worker"],
    )
    running.env = env
    try:
        wait_until_ready(running)
        yield running
    finally:
        running.stop_all()
        redis.Redis.from_url(REDIS_URL).flushdb()


def _with_real_password(user):
    """The web instances know only the production hashers, not the suite's fast one."""
    hasher = PBKDF2PasswordHasher()
    type(user).objects.filter(pk=user.pk).update(password=hasher.encode(TEST_PASSWORD, hasher.salt()))
    return user


def _sign_in(session: requests.Session, base: str, email: str, password: str) -> requests.Response:
    # Behind a load balancer every instance sees the public host name (allauth's failed-login
    # counter is per site, and the site is the Host header); here the instances differ by port.
    session.headers["Host"] = "127.0.0.1"
    page = session.get(f"{base}/accounts/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return session.post(
        f"{base}/accounts/login/",
        data={"login": email, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/accounts/login/"},
        timeout=30,
    )


def test_two_web_instances_two_workers_and_beat_act_as_one_portal(redis_broker, stack, tmp_path):  # noqa: F811
    first, second = stack.urls
    member = _with_real_password(MemberFactory(pseudonym="Quiet Harbour"))

    # Signed in on one instance, the person goes on on the other (sessions live in the database).
    session = requests.Session()
    signed_in = _sign_in(session, first, member.email, TEST_PASSWORD)
    assert signed_in.status_code == 200 and "Successfully signed in" in signed_in.text
    page = session.get(f"{second}/me/", timeout=30, allow_redirects=False)
    assert page.status_code == 200 and "Quiet Harbour" in page.text

    # Failed sign-ins count across instances (the rate limit lives in Redis): 5 per address.
    target = _with_real_password(MemberFactory())
    attacker = requests.Session()
    for attempt in range(5):
        wrong = _sign_in(attacker, stack.urls[attempt % 2], target.email, "not-the-password")
        assert "Too many failed login attempts" not in wrong.text
    for base in stack.urls:  # three were made on one instance, two on the other: both now refuse
        refused = _sign_in(attacker, base, target.email, "another-guess")
        assert "Too many failed login attempts" in refused.text

    # Café reminders, claimed in several batches, sent by two workers: each exactly once, even
    # with a second beat started by mistake (it waits in standby; the claims are in the database).
    start_beat(stack, "beat2", stack.env)
    cafe = MeetingFactory(series=CafeSeriesFactory())
    for _ in range(MEMBERS):
        services.answer(meeting=cafe, user=MemberFactory(community=cafe.community), answer="going")
    Reminder.objects.update(due_at=timezone.now() - timedelta(minutes=1))
    total = Reminder.objects.count()
    assert total == 2 * MEMBERS
    assert len(services.claim_due_reminders(batch_size=4)) == 5  # what beat's task does every minute
    _wait_until(lambda: _sent() == total, tmp_path, "every reminder was sent", timeout=180)
    _wait_until(lambda: "in standby" in stack.log("beat2"), tmp_path, "the second beat started", timeout=120)

    keys = sorted(Reminder.objects.values_list("idempotency_key", flat=True))
    assert sorted(_email_keys(tmp_path / "mail")) == keys  # each emailed once
    assert Notification.objects.filter(kind="cafes.reminder").count() == total
    assert not Reminder.objects.exclude(status=ReminderStatus.SENT).exists()
    for worker in ("worker1", "worker2"):
        assert "cafes.send_reminders" in stack.log(worker) and "succeeded" in stack.log(worker), worker
    assert "the active beat" in stack.log("beat1")
    assert "the active beat" not in stack.log("beat2")
