import pytest
from allauth.account.models import EmailAddress

from reconnect.accounts.models import CareRelationship
from reconnect.core.models import Notification

pytestmark = pytest.mark.django_db


def test_member_sees_their_care_team(client, login, member, provider):
    login(member)
    response = client.get("/me/care-team/")
    assert response.status_code == 200
    assert provider.display_name in response.content.decode()


def test_member_ends_a_care_link_after_reauthentication(client, login, member, provider, reauthenticate):
    login(member)
    reauthenticate()
    link = CareRelationship.objects.get(member=member, provider=provider)
    response = client.post(f"/me/care-team/{link.pk}/end/")
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.ended_at is not None and link.ended_by == member
    assert Notification.objects.filter(user=provider, kind="accounts.care_team").exists()


def test_ending_a_link_is_asked_to_reauthenticate_first(client, login, member, provider):
    login(member)
    link = CareRelationship.objects.get(member=member, provider=provider)
    response = client.post(f"/me/care-team/{link.pk}/end/")
    assert response["Location"].startswith("/accounts/reauthenticate/")
    link.refresh_from_db()
    assert link.ended_at is None


def test_another_members_link_is_a_404(client, login, other_member, provider, member, reauthenticate):
    login(other_member)
    reauthenticate()
    link = CareRelationship.objects.get(member=member, provider=provider)
    assert client.post(f"/me/care-team/{link.pk}/end/").status_code == 404
    assert client.post("/me/care-team/not-a-number/end/").status_code == 404


def test_care_team_page_runs_a_fixed_number_of_queries(client, login, member, provider, assert_constant_queries):
    from tests.factories import CareRelationshipFactory, ProviderFactory

    login(member)

    def grow():
        for _ in range(8):
            CareRelationshipFactory(member=member, provider=ProviderFactory())

    assert_constant_queries("/me/care-team/", grow, maximum=14)


def test_demo_seed_creates_the_contract_accounts(settings):
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("seed_demo", "--quiet")
    call_command("seed_demo", "--quiet")  # idempotent
    from reconnect.accounts.models import User

    expected = {
        "ingrid@example.org": ("member", "Lighthouse", "Ingrid Nilsen", "nordvik"),
        "marte@example.org": ("member", "Birch", "Marte Olsen", "nordvik"),
        "sofie@example.org": ("member", "Northern Star", "Sofie Hansen", "elvdal"),
        "lillian@example.org": ("moderator", "Lillian", "Lillian Dahl", "nordvik"),
        "berg@example.org": ("provider", None, "Dr. Kari Berg", "nordvik"),
        "holm@example.org": ("provider", None, "Nurse Per Holm", "elvdal"),
        "admin@example.org": ("admin", None, "Portal Admin", None),
    }
    for email, (role, pseudonym, real_name, community) in expected.items():
        user = User.objects.get(email=email)
        assert (user.role, user.pseudonym, user.real_name) == (role, pseudonym, real_name)
        assert (user.community.slug if user.community else None) == community
        assert user.check_password("reconnect-demo")
        assert EmailAddress.objects.get(user=user).verified
        assert user.is_onboarded
    lillian = User.objects.get(email="lillian@example.org")
    assert lillian.community_ids() == {c.pk for c in lillian.extra_communities.all()} | {lillian.community_id}
    assert {c.slug for c in lillian.extra_communities.all()} == {"elvdal"}
    teams = {(link.member.email, link.provider.email) for link in CareRelationship.objects.active()}
    assert teams == {
        ("ingrid@example.org", "berg@example.org"),
        ("marte@example.org", "berg@example.org"),
        ("sofie@example.org", "holm@example.org"),
    }
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value, yield_hotp_counters_from_time

    for email in ["lillian@example.org", "berg@example.org", "holm@example.org", "admin@example.org"]:
        totp = Authenticator.objects.get(user__email=email, type=Authenticator.Type.TOTP)
        code = format_hotp_value(
            hotp_value("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", next(iter(yield_hotp_counters_from_time())))
        )
        assert TOTP(totp).validate_code(code)


def test_seed_demo_refuses_to_run_with_debug_off(settings):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="Refusing"):
        call_command("seed_demo", "--quiet")
