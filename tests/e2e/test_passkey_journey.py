"""Passkeys in Chromium with a virtual authenticator (the DevTools protocol's WebAuthn domain):
a member sets one up from /me/sign-in/, signs in with it and no password, recovers with the
password and a recovery code when the device is lost, and removes it. axe-core checks every
page visited."""

import re

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from tests.e2e.conftest import sign_in, sign_out
from tests.factories import TEST_PASSWORD, MemberFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def authenticator(page, settings, live_server):
    # A passkey belongs to a domain name, never to an IP address; plain HTTP is allowed on
    # localhost, which browsers treat as a secure context.
    assert "//localhost:" in live_server.url, "passkeys need the live server on localhost (--liveserver localhost:PORT)"
    settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    cdp.authenticator_id = added["authenticatorId"]
    return cdp


def _confirm_password(page, axe_check):
    page.wait_for_url("**/reauthenticate/**")
    axe_check(page)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Confirm").click()


def test_member_sets_up_a_passkey_signs_in_with_it_recovers_and_removes_it(page, axe_check, live_server, authenticator):
    member = MemberFactory(email="ingrid@example.net", pseudonym="Lighthouse")
    sign_in(page, member.email, TEST_PASSWORD)

    # Set up from /me/sign-in/: the password once more, then the browser makes the passkey.
    page.goto("/me/sign-in/")
    expect(page.get_by_text("You have no passkey yet.")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Add a passkey").click()
    _confirm_password(page, axe_check)
    page.wait_for_url("**/accounts/2fa/webauthn/add/")
    axe_check(page)
    page.get_by_label("A name for this passkey").fill("My phone")
    expect(page.get_by_label("Use it to sign in without a password")).to_be_checked()
    page.get_by_role("button", name="Add", exact=True).click()

    # The first passkey comes with recovery codes, for the day the device is lost.
    page.wait_for_url("**/accounts/2fa/recovery-codes/")
    axe_check(page)
    codes = page.get_by_label("Unused codes").input_value().split()
    assert len(codes) == 10
    passkey = Authenticator.objects.get(user=member, type=Authenticator.Type.WEBAUTHN)
    assert passkey.wrap().is_passwordless
    page.goto("/me/sign-in/")
    expect(page.get_by_text("My phone", exact=True)).to_be_visible()
    axe_check(page)
    sign_out(page)

    # Sign in with the passkey alone: no email, no password.
    page.goto("/accounts/login/")
    axe_check(page)
    page.get_by_role("button", name="Sign in with a passkey").click()
    page.wait_for_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", name="Hello, Lighthouse")).to_be_visible()
    axe_check(page)
    sign_out(page)

    # The device is lost: the password and a recovery code still open the account.
    authenticator.send("WebAuthn.removeVirtualAuthenticator", {"authenticatorId": authenticator.authenticator_id})
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(member.email)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    axe_check(page)
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(re.compile(r"/$"))

    # ... and the lost passkey is removed from the list.
    page.goto("/me/sign-in/")
    page.get_by_role("link", name="Remove My phone").click()
    _confirm_password(page, axe_check)
    page.wait_for_url("**/remove/")
    axe_check(page)
    page.get_by_role("button", name="Remove").click()
    page.goto("/me/sign-in/")
    expect(page.get_by_text("You have no passkey yet.")).to_be_visible()
    assert not Authenticator.objects.filter(user=member, type=Authenticator.Type.WEBAUTHN).exists()
    sign_out(page)
