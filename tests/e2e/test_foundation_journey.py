"""The foundation in a browser: an invitation link, signup, onboarding, two-factor set-up for a
provider, the home page of each role, and signing out; axe-core checks every page visited."""

import re

import pytest
from playwright.sync_api import expect

from reconnect.accounts import services
from reconnect.accounts.models import Role, User
from tests.e2e.conftest import finish_onboarding, sign_in, sign_out, totp_code, wrong_totp_code
from tests.factories import TEST_PASSWORD, TEST_TOTP_SECRET, AdminFactory, CommunityFactory, ModeratorFactory

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "calm-harbour-evening-42"


def _signup_through_invitation(page, axe_check, invitation):
    page.goto(invitation.get_absolute_url())
    page.wait_for_url("**/accounts/signup/")
    axe_check(page)
    expect(page.get_by_label("Email")).to_have_value(invitation.email)
    page.locator("#id_password1").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url("**/onboarding/")
    axe_check(page)


def test_member_joins_by_invitation_and_onboards(page, axe_check, live_server):
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    invitation = services.create_invitation(email="new.member@example.net", role=Role.MEMBER, community=nordvik)

    _signup_through_invitation(page, axe_check, invitation)

    # An identifying pseudonym is refused with guidance, and what was typed stays.
    page.get_by_label("Pseudonym").fill("new.member")
    for box in page.get_by_role("checkbox").all():
        box.check()
    page.get_by_role("button", name="Start using ReConnect").click()
    expect(page.get_by_text("contains your name or email name")).to_be_visible()
    axe_check(page)

    finish_onboarding(page, "Quiet Fjord")
    expect(page.get_by_role("heading", name="Hello, Quiet Fjord")).to_be_visible()
    expect(page.get_by_text("Not for emergencies — get help now")).to_be_visible()
    axe_check(page)

    user = User.objects.get(email="new.member@example.net")
    assert user.pseudonym == "Quiet Fjord" and user.community == nordvik and user.is_onboarded

    page.goto("/me/")
    axe_check(page)
    sign_out(page)
    axe_check(page)

    # The link worked once: opening it again explains why nothing happens.
    page.goto(invitation.get_absolute_url())
    expect(page.get_by_role("heading", name="This invitation cannot be used")).to_be_visible()
    axe_check(page)


def test_provider_must_set_up_two_factor_before_reaching_their_pages(page, axe_check, live_server):
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    invitation = services.create_invitation(email="dr.new@example.net", role=Role.PROVIDER, community=nordvik)

    _signup_through_invitation(page, axe_check, invitation)
    for box in page.get_by_role("checkbox").all():
        box.check()
    page.get_by_role("button", name="Start using ReConnect").click()

    # Onboarding done, the portal insists on two-factor sign-in before anything else; setting it
    # up is sensitive, so allauth first asks for the password once more.
    page.wait_for_url("**/accounts/reauthenticate/**")
    expect(page.get_by_text("Your role needs two-factor sign-in")).to_be_visible()
    axe_check(page)
    page.locator("#id_password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/accounts/2fa/totp/activate/")
    axe_check(page)
    page.goto("/provider/invite/")
    page.wait_for_url("**/accounts/2fa/totp/activate/")

    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(wrong_totp_code(secret))
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_text("Incorrect code")).to_be_visible()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Activate").click()
    page.wait_for_url(lambda url: "/totp/activate/" not in url)
    axe_check(page)

    page.goto("/")
    expect(page.get_by_role("heading", name=re.compile("Hello"))).to_be_visible()
    axe_check(page)
    page.goto("/provider/invite/")
    expect(page.get_by_role("heading", name="Invite a member to ReConnect")).to_be_visible()
    axe_check(page)
    sign_out(page)


@pytest.mark.parametrize("role", ["moderator", "admin"])
def test_staff_sign_in_with_totp_and_see_their_home(page, axe_check, live_server, role):
    factory = {"moderator": ModeratorFactory, "admin": AdminFactory}[role]
    user = factory(
        email=f"{role}@example.net", real_name="Lillian Dahl", pseudonym="Lillian" if role == "moderator" else None
    )

    sign_in(page, user.email, TEST_PASSWORD, totp_secret=TEST_TOTP_SECRET, axe=axe_check)
    heading = "Portal administration" if role == "admin" else "Hello, Lillian"
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    axe_check(page)
    page.goto("/me/notifications/")
    axe_check(page)
    sign_out(page)


def test_wrong_totp_code_is_refused_with_a_clear_message(page, live_server):
    user = ModeratorFactory(email="mod@example.net", pseudonym="Harbour")
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    page.get_by_label("Code").fill(wrong_totp_code(TEST_TOTP_SECRET))
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_text("Incorrect code")).to_be_visible()
    assert "/accounts/2fa/authenticate/" in page.url


def test_pages_work_on_a_phone_without_javascript_widgets(phone_page, axe_check, live_server):
    phone_page.goto("/")
    expect(phone_page.get_by_text("Not for emergencies — get help now")).to_be_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the start page scrolls sideways on a phone ({width}px)"
    axe_check(phone_page)
