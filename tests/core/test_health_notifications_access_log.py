import pytest
from django.core import mail
from django.db import DatabaseError, transaction

from reconnect.core import notifications, services
from reconnect.core.models import AccessLogEntry, Notification
from reconnect.core.tasks import send_daily_digests
from tests.factories import AccessLogEntryFactory, CrisisContactFactory, NotificationFactory

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "broker": "ok",
        "beat": "never",  # no beat runs in this test (see tests/core/test_shutdown.py)
        "beat_seconds_ago": None,
    }


def test_healthz_answers_503_when_the_broker_is_down(client, monkeypatch):
    from reconnect.core import views

    monkeypatch.setattr(views, "_broker_ok", lambda: False)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"] == "down"


def test_healthz_answers_503_when_the_database_is_down(client, monkeypatch):
    from reconnect.core import views

    monkeypatch.setattr(views, "_database_ok", lambda: False)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_notification_email_is_content_free(member, django_capture_on_commit_callbacks):
    kind = notifications.register(
        notifications.NotificationKind(key="test.secret", label="Test", message="{pseudonym} wrote: {text}")
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            users=[member], kind=kind, url="/somewhere/", params={"pseudonym": "Birch", "text": "I feel low"}
        )
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert "I feel low" not in email.body and "I feel low" not in email.subject
    assert "/somewhere/" in email.body
    assert Notification.objects.get(user=member).emailed_at is not None


def test_notification_preferences_are_respected(member, django_capture_on_commit_callbacks):
    kind = notifications.CARE_TEAM_CHANGED
    services.set_notification_preferences(user=member, choices={kind.key: (False, notifications.EmailChoice.OFF)})
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notify(users=[member], kind=kind) == []
    assert not mail.outbox


def test_daily_summary_sends_one_content_free_email_per_person(member):
    kind = notifications.CARE_TEAM_CHANGED
    services.set_notification_preferences(user=member, choices={kind.key: (True, notifications.EmailChoice.DAILY)})
    services.notify(users=[member], kind=kind)
    services.notify(users=[member], kind=kind)
    assert not mail.outbox
    assert send_daily_digests() == 1
    assert len(mail.outbox) == 1 and "2 new things" in mail.outbox[0].body
    assert send_daily_digests() == 0


def test_notification_preferences_page_saves_choices(client, login, member):
    login(member)
    response = client.post(
        "/me/notifications/", {"inapp-accounts-care_team": "on", "email-accounts-care_team": "daily"}
    )
    assert response.status_code == 302
    pref = member.notification_preferences.get(kind="accounts.care_team")
    assert pref.in_app and pref.email == "daily"


def test_notification_preferences_page_refuses_an_unknown_choice(client, login, member):
    login(member)
    response = client.post("/me/notifications/", {"email-accounts-care_team": "hourly"})
    assert response.status_code == 400
    assert not member.notification_preferences.exists()


def test_opening_a_notification_marks_it_read_and_only_goes_to_local_urls(client, login, member):
    note = NotificationFactory(user=member, url="https://evil.example/")
    login(member)
    response = client.post(f"/notifications/{note.pk}/open/")
    assert response["Location"] == "/"
    note.refresh_from_db()
    assert note.read_at is not None


def test_notification_list_runs_a_fixed_number_of_queries(client, login, member, assert_constant_queries):
    NotificationFactory(user=member)
    login(member)
    assert_constant_queries("/notifications/", lambda: NotificationFactory.create_batch(20, user=member), maximum=14)


def test_access_log_is_append_only_in_the_database(member, provider):
    entry = AccessLogEntryFactory(subject=member, actor=provider)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AccessLogEntry.objects.filter(pk=entry.pk).update(reason="tampered")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AccessLogEntry.objects.filter(pk=entry.pk).delete()
    assert AccessLogEntry.objects.get(pk=entry.pk).reason == ""


def test_access_log_cannot_be_changed_in_the_admin(client, login, admin_user, member, provider):
    entry = AccessLogEntryFactory(subject=member, actor=provider)
    login(admin_user)
    assert client.get("/admin/core/accesslogentry/add/").status_code == 403
    assert client.post(f"/admin/core/accesslogentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    page = client.get(f"/admin/core/accesslogentry/{entry.pk}/change/").content.decode()
    assert 'name="_save"' not in page


def test_member_sees_who_opened_their_data(client, login, member, provider, assert_constant_queries):
    services.log_access(actor=provider, subject=member, object_type="crisis plan", label="My plan")
    login(member)
    response = client.get("/me/access-log/")
    assert "Dr. Kari Berg" in response.content.decode() and "crisis plan" in response.content.decode()
    assert_constant_queries(
        "/me/access-log/", lambda: AccessLogEntryFactory.create_batch(30, subject=member, actor=provider), maximum=14
    )


def test_looking_at_ones_own_data_is_not_logged(member):
    assert services.log_access(actor=member, subject=member, object_type="goal") is None
    assert not AccessLogEntry.objects.exists()


def test_crisis_contacts_show_the_communitys_own_first_then_the_defaults(client, login, member, other_member):
    CrisisContactFactory(community=member.community, name="Nordvik crisis team", phone="77 00 00 00")
    login(member)
    body = client.get("/").content.decode()
    assert body.index("Nordvik crisis team") < body.index("116 123")
    login(other_member)
    assert "Nordvik crisis team" not in client.get("/").content.decode()


def test_anonymous_visitors_see_the_default_crisis_contacts_in_their_language(client):
    assert "Medical emergency" in client.get("/").content.decode()
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert "Medisinsk nødtelefon" in body


def test_home_page_differs_per_role(client, login, world):
    expected = {
        "member": "Hello, Lighthouse",
        "moderator": "Hello, Lillian",
        "provider": "Waiting for an answer",
        "admin": "Portal administration",
    }
    for role, text in expected.items():
        login(world.users[role])
        assert text in client.get("/").content.decode(), role


def test_language_switch_turns_the_portal_norwegian(client):
    client.post("/i18n/setlang/", {"language": "nb", "next": "/"})
    body = client.get("/").content.decode()
    assert 'lang="nb"' in body
    assert "Ikke for nødsituasjoner – få hjelp nå" in body
