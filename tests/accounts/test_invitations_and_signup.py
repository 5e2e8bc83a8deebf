import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from reconnect.accounts import services
from reconnect.accounts.models import CareRelationship, Invitation, Role, User
from tests.factories import CommunityFactory, InvitationFactory, MemberFactory, ProviderFactory

pytestmark = pytest.mark.django_db

PASSWORD = "calm-harbour-evening-42"


def _signup(client, invitation, **overrides):
    client.get(invitation.get_absolute_url())
    data = {"email": invitation.email, "password1": PASSWORD, "password2": PASSWORD, "real_name": ""}
    data.update(overrides)
    return client.post("/accounts/signup/", data)


def test_invitation_email_holds_a_single_use_link_and_no_health_content(django_capture_on_commit_callbacks):
    community = CommunityFactory()
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.create_invitation(email="New@Example.net", role=Role.MEMBER, community=community)
    assert invitation.email == "new@example.net"
    assert len(mail.outbox) == 1
    assert invitation.token in mail.outbox[0].body
    assert mail.outbox[0].to == ["new@example.net"]


def test_signup_through_a_valid_invitation_creates_the_user_with_its_role_and_community(client):
    community = CommunityFactory()
    invitation = InvitationFactory(email="someone@example.net", role=Role.MEMBER, community=community)

    response = _signup(client, invitation)

    assert response.status_code == 302
    user = User.objects.get(email="someone@example.net")
    assert user.role == Role.MEMBER and user.community == community
    assert not user.is_onboarded
    invitation.refresh_from_db()
    assert invitation.used_by == user and invitation.used_at is not None
    # The invitation link reached the mailbox, so the address counts as verified.
    assert user.emailaddress_set.get().verified


def test_signup_without_an_invitation_is_closed_and_creates_nothing(client):
    response = client.post(
        "/accounts/signup/", {"email": "x@example.net", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 200
    assert b"Registration is by invitation" in response.content
    assert not User.objects.filter(email="x@example.net").exists()


def test_unknown_invitation_gets_404_with_a_clear_message(client):
    response = client.get("/accounts/invitation/not-a-token/")
    assert response.status_code == 404
    assert b"We could not find this invitation" in response.content


def test_expired_invitation_is_refused_and_creates_nothing(client):
    invitation = InvitationFactory(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(invitation.get_absolute_url())
    assert response.status_code == 410
    assert b"has expired" in response.content
    _signup(client, invitation)
    assert not User.objects.filter(email=invitation.email).exists()


def test_used_invitation_cannot_be_used_twice(client):
    invitation = InvitationFactory()
    _signup(client, invitation)
    client.logout()
    response = client.get(invitation.get_absolute_url())
    assert response.status_code == 410
    assert b"already been used" in response.content


def test_invitation_used_elsewhere_meanwhile_leaves_nothing_half_created(client):
    invitation = InvitationFactory(email="race@example.net")
    client.get(invitation.get_absolute_url())
    Invitation.objects.filter(pk=invitation.pk).update(used_at=timezone.now())
    response = client.post(
        "/accounts/signup/", {"email": "race@example.net", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="race@example.net").exists()


def test_signup_with_another_email_than_the_invitation_is_refused(client):
    invitation = InvitationFactory(email="invited@example.net")
    response = _signup(client, invitation, email="someone-else@example.net")
    assert response.status_code == 200
    assert "the email address your invitation was sent to" in response.content.decode()
    assert User.objects.count() == 0


def test_a_new_invitation_revokes_the_earlier_open_one():
    first = services.create_invitation(email="twice@example.net", role=Role.MEMBER, community=None, send=False)
    second = services.create_invitation(email="twice@example.net", role=Role.MEMBER, community=None, send=False)
    first.refresh_from_db()
    assert first.revoked_at is not None and second.is_usable


def test_inviting_an_existing_account_is_refused():
    MemberFactory(email="exists@example.net")
    with pytest.raises(ValueError, match="already has an account"):
        services.create_invitation(email="Exists@example.net", role=Role.MEMBER, community=None)


def test_provider_invitation_links_the_member_to_their_care_team_on_signup(
    client, login, django_capture_on_commit_callbacks
):
    provider = ProviderFactory()
    login(provider)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/provider/invite/", {"email": "patient@example.net"})
    assert response.status_code == 302
    client.logout()
    invitation = Invitation.objects.by_token(_token_in(mail.outbox[0].body))
    assert invitation.care_provider == provider and invitation.community == provider.community
    _signup(client, invitation)
    member = User.objects.get(email="patient@example.net")
    assert CareRelationship.objects.active().filter(member=member, provider=provider).exists()


def _token_in(text: str) -> str:
    return re.search(r"/accounts/invitation/([\w-]+)/", text).group(1)


def test_create_invitation_command_prints_the_link(capsys):
    community = CommunityFactory(slug="nordvik")
    call_command("create_invitation", "cmd@example.net", "--role", "provider", "--community", "nordvik")
    invitation = Invitation.objects.get(email="cmd@example.net")
    assert invitation.role == Role.PROVIDER and invitation.community == community
    assert Invitation.objects.by_token(_token_in(capsys.readouterr().out)) == invitation


def test_create_invitation_command_refuses_an_unknown_community():
    with pytest.raises(CommandError, match="No community"):
        call_command("create_invitation", "cmd@example.net", "--community", "atlantis")
    assert not Invitation.objects.exists()
