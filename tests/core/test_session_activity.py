"""A signed-in page view writes nothing in the steady state; the idle timer and allauth's
"last seen" are renewed at most once a minute, and signing out works as before."""

from datetime import timedelta

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reconnect.core import middleware

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")


def _writes(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)]


@pytest.fixture
def clock(monkeypatch):
    """The activity stamp's clock, moved by hand."""
    now = [1_900_000_000]
    monkeypatch.setattr(middleware.time, "time", lambda: now[0])
    return now


def test_a_second_look_at_a_page_writes_nothing(client, login, member):
    login(member)
    client.get("/me/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/me/").status_code == 200
    assert _writes(queries) == []


def test_activity_is_written_at_most_once_a_minute(client, login, member, clock, settings):
    settings.SESSION_ACTIVITY_REFRESH_SECONDS = 60
    login(member)
    client.get("/")
    seen = UserSession.objects.get(user=member).last_seen_at

    clock[0] += 59
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert _writes(queries) == []
    assert UserSession.objects.get(user=member).last_seen_at == seen

    clock[0] += 2
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert _writes(queries), "a minute later the activity is written again"
    assert UserSession.objects.get(user=member).last_seen_at > seen


def test_renewing_the_activity_moves_the_idle_timeout_thirty_minutes_ahead(client, login, member, clock):
    login(member)
    client.get("/")
    clock[0] += 61
    before = timezone.now()
    client.get("/")
    expiry = Session.objects.get(session_key=client.session.session_key).expire_date
    assert before + timedelta(minutes=30) <= expiry <= timezone.now() + timedelta(minutes=30)


def test_a_session_past_its_idle_timeout_is_signed_out(client, login, member, settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    login(member)
    assert client.get("/me/").status_code == 200
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    response = client.get("/me/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_new_browser_or_address_is_written_at_once(client, login, member, clock):
    login(member)
    client.get("/", HTTP_USER_AGENT="Phone browser")
    client.get("/", HTTP_USER_AGENT="Laptop browser")
    assert UserSession.objects.get(user=member).user_agent == "Laptop browser"


def test_signing_out_other_sessions_ends_them_at_once(member):
    here, there = Client(), Client()
    here.force_login(member)
    there.force_login(member)
    assert here.get("/me/").status_code == 200
    assert there.get("/me/").status_code == 200
    assert UserSession.objects.filter(user=member).count() == 2

    here.get("/accounts/sessions/")
    assert here.post("/accounts/sessions/").status_code == 302

    response = there.get("/me/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert here.get("/me/").status_code == 200
