"""The national eID in a browser, against a real OpenID provider started by the test session
(node oidc-provider): joining through an invitation, a returning sign-in, staff without an
authenticator code, linking from /me/, and signing out at the provider too. axe-core checks
every portal page visited."""

import re

import pytest
from allauth.socialaccount.models import SocialAccount
from playwright.sync_api import expect

from reconnect.accounts import services
from reconnect.accounts.eid.hashing import pid_digest
from reconnect.accounts.models import Role, User
from tests.e2e.conftest import finish_onboarding, sign_in
from tests.factories import TEST_PASSWORD, CommunityFactory, MemberFactory, ProviderFactory
from tests.oidc.fixtures import PEOPLE

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in_at_the_provider(page, person: str):
    page.wait_for_url(re.compile(r"^http://127\.0\.0\.1:\d+/interaction/"))
    expect(page.get_by_role("heading", name="Test eID: sign in")).to_be_visible()
    page.get_by_label("Test person").fill(person)
    page.get_by_label("Password").fill(PEOPLE[person]["password"])
    page.get_by_role("button", name="Sign in with test eID").click()


def _sign_out_everywhere(page):
    """The portal's sign-out continues to the provider, which asks once and sends the person back."""
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"/session/end\?"))
    expect(page.get_by_text("Do you want to sign out of the test eID?")).to_be_visible()
    page.get_by_role("button", name="Yes, sign me out").click()
    page.get_by_role("banner").get_by_role("link", name="Sign in").wait_for()


def test_member_joins_with_the_eid_through_an_invitation_and_comes_back(
    page, axe_check, live_server, live_oidc_provider
):
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    invitation = services.create_invitation(email="kari@example.net", role=Role.MEMBER, community=nordvik)

    page.goto(invitation.get_absolute_url())
    page.wait_for_url("**/accounts/signup/")
    axe_check(page)
    page.get_by_role("button", name="Sign in with test eID").click()
    _sign_in_at_the_provider(page, "kari")

    page.wait_for_url("**/onboarding/")
    axe_check(page)
    finish_onboarding(page, "Quiet Fjord")
    expect(page.get_by_role("heading", name="Hello, Quiet Fjord")).to_be_visible()
    axe_check(page)

    user = User.objects.get(email="kari@example.net")
    assert user.real_name == "Kari Nordmann" and user.pseudonym == "Quiet Fjord" and user.community == nordvik
    assert SocialAccount.objects.get(user=user).uid == pid_digest(PEOPLE["kari"]["pid"])

    page.goto("/me/sign-in/")
    expect(page.get_by_text("Your eID is linked to this account")).to_be_visible()
    axe_check(page)
    _sign_out_everywhere(page)
    axe_check(page)

    # A returning sign-in: the provider asks again (its session ended), then straight home.
    page.goto("/accounts/login/")
    page.get_by_role("button", name="Sign in with test eID").click()
    _sign_in_at_the_provider(page, "kari")
    page.wait_for_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", name="Hello, Quiet Fjord")).to_be_visible()
    assert User.objects.count() == 1


def test_staff_member_at_the_high_level_reaches_their_pages_without_an_authenticator_code(
    page, axe_check, live_server, live_oidc_provider
):
    provider = ProviderFactory(email="dr.berit@example.net", real_name="Dr. Berit Lege", mfa=False)
    SocialAccount.objects.create(user=provider, provider="eid", uid=pid_digest(PEOPLE["berit"]["pid"]))

    page.goto("/accounts/login/")
    axe_check(page)
    page.get_by_role("button", name="Sign in with test eID").click()
    _sign_in_at_the_provider(page, "berit")
    page.wait_for_url(re.compile(r"/$"))
    page.goto("/provider/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert "/provider/" in page.url and "2fa" not in page.url
    axe_check(page)
    _sign_out_everywhere(page)


def test_eid_below_the_required_level_is_refused_with_a_clear_message(page, axe_check, live_server, live_oidc_provider):
    member = MemberFactory(email="lise@example.net")
    SocialAccount.objects.create(user=member, provider="eid", uid=pid_digest(PEOPLE["lav"]["pid"]))

    page.goto("/accounts/login/")
    page.get_by_role("button", name="Sign in with test eID").click()
    _sign_in_at_the_provider(page, "lav")

    expect(page.get_by_role("heading", name="eID sign-in did not work")).to_be_visible()
    expect(page.get_by_text("lower security level than this portal needs")).to_be_visible()
    axe_check(page)
    expect(page.get_by_role("banner").get_by_role("link", name="Sign in")).to_be_visible()


def test_member_links_the_eid_from_their_account_page(page, axe_check, live_server, live_oidc_provider):
    member = MemberFactory(email="ola@example.net", pseudonym="Driftwood", real_name="Ola Nordmann")
    sign_in(page, member.email, TEST_PASSWORD)

    page.goto("/me/sign-in/")
    axe_check(page)
    page.get_by_role("button", name="Link my eID").click()
    page.wait_for_url("**/accounts/reauthenticate/**")
    axe_check(page)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    _sign_in_at_the_provider(page, "ola")

    page.wait_for_url("**/me/sign-in/")
    expect(page.get_by_text("Your eID is linked to this account")).to_be_visible()
    axe_check(page)
    assert SocialAccount.objects.get(provider="eid").user == member
    _sign_out_everywhere(page)


def test_sign_in_refusals_and_the_eid_confirmation_are_clear_pages(
    page, axe_check, live_server, live_oidc_provider, settings
):
    settings.SIGN_IN_METHODS = {**settings.SIGN_IN_METHODS, "provider": frozenset({"eid"})}
    provider = ProviderFactory(email="dr.password@example.net")
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(provider.email)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("heading", name="Please sign in another way")).to_be_visible()
    expect(page.get_by_text("sign in here with: eID.")).to_be_visible()
    axe_check(page)

    # Someone who joined with the eID confirms a sensitive action with it, not with a password.
    member = MemberFactory(email="kari@example.net", pseudonym="Quiet Fjord")
    member.set_unusable_password()
    member.save(update_fields=["password"])
    SocialAccount.objects.create(user=member, provider="eid", uid=pid_digest(PEOPLE["kari"]["pid"]))
    page.goto("/accounts/login/")
    page.get_by_role("button", name="Sign in with test eID").click()
    _sign_in_at_the_provider(page, "kari")
    page.wait_for_url(re.compile(r"/$"))
    page.goto("/me/export/")
    page.get_by_role("button", name="Prepare a copy of my data").click()
    page.wait_for_url("**/me/sign-in/eid/reauthenticate/**")
    expect(page.get_by_role("heading", name="Confirm it is you")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Confirm with my eID").click()
    _sign_in_at_the_provider(page, "kari")
    page.wait_for_url("**/me/export/**")
    axe_check(page)


def test_eid_and_sign_in_methods_fit_a_phone(phone_page, axe_check, live_server, live_oidc_provider):
    member = MemberFactory(email="ola@example.net")
    phone_page.goto("/accounts/login/")
    expect(phone_page.get_by_role("button", name="Sign in with test eID")).to_be_visible()
    axe_check(phone_page)
    sign_in(phone_page, member.email, TEST_PASSWORD)
    phone_page.goto("/me/sign-in/")
    expect(phone_page.get_by_role("button", name="Link my eID")).to_be_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"/me/sign-in/ scrolls sideways on a phone ({width}px)"
    axe_check(phone_page)
