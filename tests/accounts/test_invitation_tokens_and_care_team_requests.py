"""Invitation links are stored as a hash, and /provider/invite/ never tells a provider whether an
address has an account: a member who has one is asked by email to confirm the care-team link."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from reconnect.accounts import services
from reconnect.accounts.models import CareRelationship, Invitation, Role
from tests.factories import CommunityFactory, MemberFactory, ModeratorFactory, ProviderFactory

pytestmark = pytest.mark.django_db


def _token_in(text: str) -> str:
    return re.search(r"/accounts/invitation/([\w-]+)/", text).group(1)


def test_the_database_holds_only_a_hash_of_the_link(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.create_invitation(email="new@example.net", role=Role.MEMBER, community=CommunityFactory())
    token = _token_in(mail.outbox[0].body)
    row = Invitation.objects.values().get()
    assert token not in str(row.values())
    assert row["token_hash"] == hashlib.sha256(token.encode()).hexdigest()


def test_the_link_opens_the_invitation_and_a_hash_in_its_place_does_not(client):
    invitation = services.create_invitation(email="new@example.net", role=Role.MEMBER, community=None, send=False)
    assert client.get(f"/accounts/invitation/{invitation.token_hash}/").status_code == 404
    response = client.get(f"/accounts/invitation/{invitation.token}/")
    assert response.status_code == 302 and response["Location"] == "/accounts/signup/"
    # The session keeps the hash, not the link.
    assert invitation.token not in str(dict(client.session))


def test_an_invitation_read_back_from_the_database_has_no_link():
    invitation = services.create_invitation(email="new@example.net", role=Role.MEMBER, community=None, send=False)
    with pytest.raises(ValueError):
        Invitation.objects.get(pk=invitation.pk).get_absolute_url()


def test_links_sent_before_the_hashing_migration_keep_working(client, migrate):
    old = migrate(("accounts", "0004_pseudonym_skeleton")).get_model("accounts", "Invitation")
    old.objects.create(
        email="sent-before@example.net",
        role="member",
        token="an-old-link-token",
        expires_at=timezone.now() + timedelta(days=3),
    )
    migrate(("accounts", "0005_invitation_token_hash"))
    invitation = Invitation.objects.get(email="sent-before@example.net")
    assert invitation.token_hash == hashlib.sha256(b"an-old-link-token").hexdigest()
    response = client.get("/accounts/invitation/an-old-link-token/")
    assert response.status_code == 302 and response["Location"] == "/accounts/signup/"


def _invite(client, provider, email, capture):
    client.force_login(provider)
    with capture(execute=True):
        return client.post("/provider/invite/", {"email": email})


def test_inviting_a_new_address_and_a_members_address_answers_the_same(client, django_capture_on_commit_callbacks):
    provider = ProviderFactory()
    MemberFactory(email="member@example.net", pseudonym="Quiet Fjord")
    answers = []
    for email in ("new@example.net", "member@example.net"):
        response = _invite(client, provider, email, django_capture_on_commit_callbacks)
        assert response.status_code == 302
        page = client.get(response["Location"]).content.decode()
        # Each page has its own CSRF token and script nonce; everything else must be the same.
        page = re.sub(r'(name="csrfmiddlewaretoken" value|nonce)="[^"]*"', r"\1", page)
        answers.append(page.replace(email, "ADDRESS"))
    assert answers[0] == answers[1]
    assert [m.to for m in mail.outbox] == [["new@example.net"], ["member@example.net"]]
    assert "create your account" in mail.outbox[0].body
    assert "asked to join your care team" in mail.outbox[1].body
    assert provider.real_name not in mail.outbox[1].body  # who it is shows after signing in


def test_a_staff_address_or_a_member_already_in_the_team_gets_no_email_and_the_same_answer(
    client, django_capture_on_commit_callbacks
):
    provider = ProviderFactory()
    ModeratorFactory(email="moderator@example.net")
    linked = MemberFactory(email="linked@example.net")
    CareRelationship.objects.create(member=linked, provider=provider)
    for email in ("moderator@example.net", "linked@example.net"):
        assert _invite(client, provider, email, django_capture_on_commit_callbacks).status_code == 302
    assert not mail.outbox
    assert not Invitation.objects.exists()


def test_a_member_confirms_the_link_after_signing_in(client, django_capture_on_commit_callbacks):
    provider = ProviderFactory(real_name="Dr. Ada Lind")
    member = MemberFactory(email="member@example.net")
    _invite(client, provider, "member@example.net", django_capture_on_commit_callbacks)
    link = f"/accounts/invitation/{_token_in(mail.outbox[0].body)}/"
    client.logout()
    response = client.get(link)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")
    client.force_login(member)
    page = client.get(link)
    assert page.status_code == 200 and "Dr. Ada Lind asks to join your care team" in page.content.decode()
    assert not CareRelationship.objects.filter(member=member).exists()  # nothing until they say yes
    response = client.post(link, {"answer": "accept"})
    assert response.status_code == 302 and response["Location"] == "/me/care-team/"
    assert CareRelationship.objects.active().filter(member=member, provider=provider).exists()
    assert client.get(link).status_code == 410  # used up


def test_a_member_can_decline_and_nothing_is_linked(client, django_capture_on_commit_callbacks):
    provider = ProviderFactory()
    member = MemberFactory(email="member@example.net")
    _invite(client, provider, "member@example.net", django_capture_on_commit_callbacks)
    link = f"/accounts/invitation/{_token_in(mail.outbox[0].body)}/"
    client.force_login(member)
    client.post(link, {"answer": "decline"})
    assert not CareRelationship.objects.filter(member=member).exists()
    assert client.get(link).status_code == 410


def test_someone_else_signed_in_finds_no_such_request(client, django_capture_on_commit_callbacks):
    provider = ProviderFactory()
    member = MemberFactory(email="member@example.net")
    _invite(client, provider, "member@example.net", django_capture_on_commit_callbacks)
    link = f"/accounts/invitation/{_token_in(mail.outbox[0].body)}/"
    client.force_login(MemberFactory(email="someone@example.net"))
    assert client.get(link).status_code == 404
    assert client.post(link, {"answer": "accept"}).status_code == 404
    assert not CareRelationship.objects.filter(member=member).exists()


def test_a_care_team_request_cannot_be_used_to_sign_up(client, django_capture_on_commit_callbacks):
    provider = ProviderFactory()
    MemberFactory(email="member@example.net")
    _invite(client, provider, "member@example.net", django_capture_on_commit_callbacks)
    link = f"/accounts/invitation/{_token_in(mail.outbox[0].body)}/"
    client.logout()
    client.get(link)
    response = client.get("/accounts/signup/")
    assert "Registration is by invitation" in response.content.decode()


def test_inviting_is_rate_limited_per_address_without_telling_anything(client, django_capture_on_commit_callbacks):
    provider = ProviderFactory()
    for _ in range(3):
        assert _invite(client, provider, "new@example.net", django_capture_on_commit_callbacks).status_code == 302
    response = _invite(client, provider, "new@example.net", django_capture_on_commit_callbacks)
    assert response.status_code == 429
    page = response.content.decode()
    assert "many invitations in a short time" in page and 'value="new@example.net"' in page
    assert len(mail.outbox) == 3


def test_inviting_is_rate_limited_per_provider(client, django_capture_on_commit_callbacks, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "provider_invite": "2/h/user,3/d/key"}
    provider = ProviderFactory()
    statuses = [
        _invite(client, provider, f"p{n}@example.net", django_capture_on_commit_callbacks).status_code for n in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_a_post_without_an_answer_changes_nothing(client, django_capture_on_commit_callbacks):
    provider = ProviderFactory()
    member = MemberFactory(email="member@example.net")
    _invite(client, provider, "member@example.net", django_capture_on_commit_callbacks)
    link = f"/accounts/invitation/{_token_in(mail.outbox[0].body)}/"
    client.force_login(member)
    assert client.post(link, {"answer": "maybe"}).status_code == 200
    assert not CareRelationship.objects.filter(member=member).exists()
    assert Invitation.objects.get().is_usable
