import pytest
from django.conf import settings

from tests.factories import AdminFactory, ModeratorFactory

pytestmark = pytest.mark.django_db


def test_sessions_end_after_thirty_idle_minutes_and_at_browser_close():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    # Activity renews the timer at most once a minute (tests/core/test_session_activity.py).
    assert settings.SESSION_ACTIVITY_REFRESH_SECONDS == 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def test_every_request_renews_the_idle_timer(client, login, member):
    login(member)
    client.get("/")
    first_expiry = client.session.get_expiry_date()
    client.get("/me/")
    assert client.session.get_expiry_date() >= first_expiry


@pytest.mark.parametrize("factory", [ModeratorFactory, AdminFactory])
def test_staff_without_two_factor_reach_nothing_of_their_role(client, login, factory):
    login(factory(mfa=False, pseudonym=None))
    for path in ["/", "/admin/", "/notifications/", "/me/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == "/accounts/2fa/totp/activate/", path


def test_members_are_not_forced_to_use_two_factor(client, login, member):
    login(member)
    assert client.get("/").status_code == 200


def test_member_can_list_their_sessions(client, login, member):
    login(member)
    response = client.get("/accounts/sessions/")
    assert response.status_code == 200
    assert b"Sign out" in response.content or b"Sessions" in response.content
