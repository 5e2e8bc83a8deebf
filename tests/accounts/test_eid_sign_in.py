"""Signing in with a national eID against a real OpenID provider (node oidc-provider, started by
the test session): first sign-in through an invitation, returning sign-ins, staff without an
authenticator code, linking from /me/, signing out at the provider, and every way it can fail."""

import json
import re
import time

import jwt
import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from reconnect.accounts import services
from reconnect.accounts.eid.hashing import pid_digest
from reconnect.accounts.eid.oidc import EidClient
from reconnect.accounts.models import Role, User
from tests.factories import TEST_PASSWORD, MemberFactory, ProviderFactory
from tests.oidc.fixtures import (
    PEOPLE,
    SECRET,
    SUBSTANTIAL,
    ProviderBrowser,
    begin_eid_sign_in,
    callback_params,
    free_port,
)

pytestmark = pytest.mark.django_db

KARI = PEOPLE["kari"]


def _invite(email="kari@example.net", role=Role.MEMBER, community=None):
    return services.create_invitation(email=email, role=role, community=community, send=False)


def _eid_round_trip(client, provider, person="kari", *, process="login"):
    """Press the button, sign in at the provider, come back: the portal's answer."""
    callback = ProviderBrowser(provider).sign_in(begin_eid_sign_in(client, process=process), person)
    return client.get(callback)


def _link(user, person="kari"):
    return SocialAccount.objects.create(user=user, provider="eid", uid=pid_digest(PEOPLE[person]["pid"]))


def _signed_in_user(client):
    return client.get("/me/").wsgi_request.user


def _tamper(monkeypatch, change):
    """The token endpoint's real answer, with its ID token replaced by `change(claims)`."""
    real = EidClient.get_access_token

    def tampered(self, *args, **kwargs):
        data = real(self, *args, **kwargs)
        claims = jwt.decode(data["id_token"], options={"verify_signature": False})
        data["id_token"] = change(claims)
        return data

    monkeypatch.setattr(EidClient, "get_access_token", tampered)


def _assert_refused(response, text, *, status=400):
    assert response.status_code == status, response.content[:800]
    assert text in response.content.decode(), response.content.decode()[:2000]
    assert "_auth_user_id" not in response.wsgi_request.session


# --- the button ------------------------------------------------------------------------------------


def test_sign_in_page_has_no_eid_button_when_no_eid_is_configured(client):
    page = client.get("/accounts/login/").content.decode()
    assert "Sign in with" not in page.replace("Sign in with a passkey", "")


def test_sign_in_page_offers_the_eid_when_it_is_configured(client, oidc_provider):
    page = client.get("/accounts/login/").content.decode()
    assert "Sign in with test eID" in page
    assert 'action="/accounts/oidc/eid/login/?process=login"' in page


# --- binding: first sign-in through an invitation ----------------------------------------------------


def test_first_eid_sign_in_through_an_invitation_creates_the_account_and_keeps_only_a_hash(
    client, oidc_provider, nordvik
):
    invitation = _invite(community=nordvik)
    client.get(invitation.get_absolute_url())

    response = _eid_round_trip(client, oidc_provider)

    assert response.status_code == 302 and response["Location"] == "/", response.content[:500]
    assert client.get("/").url == "/onboarding/"
    user = User.objects.get(email="kari@example.net")
    assert user.role == Role.MEMBER and user.community == nordvik
    # The eID's name fills the private real name, never the pseudonym.
    assert user.real_name == "Kari Nordmann" and user.pseudonym is None
    assert not user.has_usable_password()
    assert user.emailaddress_set.get().verified
    invitation.refresh_from_db()
    assert invitation.used_by == user
    account = SocialAccount.objects.get(user=user)
    assert account.uid == pid_digest(KARI["pid"]) and account.uid != KARI["pid"]
    assert account.extra_data == {"acr": "idporten-loa-high"}
    # The number is nowhere: not in the account, not in the session (whose token is encrypted).
    stored = [str(row) for row in SocialAccount.objects.values_list("uid", "extra_data")]
    stored += [s.session_data for s in Session.objects.all()]
    stored += [str(session.get_decoded()) for session in Session.objects.all()]
    assert not any(KARI["pid"] in text for text in stored)


def test_eid_sign_in_without_invitation_or_link_is_refused_and_creates_nothing(client, oidc_provider):
    response = _eid_round_trip(client, oidc_provider)

    _assert_refused(response, "This eID is not linked to an account on this portal", status=403)
    assert not User.objects.exists() and not SocialAccount.objects.exists()


def test_returning_eid_sign_in_goes_straight_in(client, oidc_provider, member):
    _link(member)

    response = _eid_round_trip(client, oidc_provider)

    assert response.status_code == 302 and response["Location"] == "/"
    assert _signed_in_user(client) == member
    assert client.get("/").status_code == 200
    assert User.objects.count() == 1


def test_eid_sign_in_after_an_earlier_one_at_the_provider_needs_no_second_password(client, oidc_provider, member):
    _link(member)
    browser = ProviderBrowser(oidc_provider)
    client.get(browser.sign_in(begin_eid_sign_in(client), "kari"))
    client.post("/accounts/logout/")

    # The provider still knows the person (single sign-on): no login page this time.
    response = browser.follow(begin_eid_sign_in(client))
    assert response.portal_url, response.text[:300]


# --- level of assurance and sign-in methods per role ---------------------------------------------------


def test_staff_eid_sign_in_at_the_high_level_reaches_their_pages_without_an_authenticator(client, oidc_provider):
    # This provider never set up an authenticator app: the high-level eID is their second factor.
    provider = ProviderFactory(email="dr.eid@example.net", mfa=False)
    _link(provider, "berit")

    response = _eid_round_trip(client, oidc_provider, "berit")

    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/provider/").status_code == 200


def test_staff_with_an_authenticator_is_not_asked_for_a_code_after_the_eid(client, oidc_provider):
    staff = ProviderFactory(email="dr.totp@example.net", real_name="Dr. Code")
    _link(staff, "berit")

    response = _eid_round_trip(client, oidc_provider, "berit")

    assert response["Location"] == "/", response["Location"]
    assert _signed_in_user(client) == staff


def test_staff_password_sign_in_still_needs_the_authenticator_code(client, oidc_provider):
    ProviderFactory(email="dr.totp@example.net")
    response = client.post("/accounts/login/", {"login": "dr.totp@example.net", "password": TEST_PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"


def test_eid_sign_in_below_the_required_level_is_refused_with_a_clear_message(client, oidc_provider, member):
    _link(member, "lav")

    response = _eid_round_trip(client, oidc_provider, "lav")

    _assert_refused(response, "lower security level than this portal needs", status=403)


def test_a_role_limited_to_the_eid_cannot_sign_in_with_a_password(client, oidc_provider, settings, provider):
    settings.SIGN_IN_METHODS = {**settings.SIGN_IN_METHODS, "provider": frozenset({"eid"})}

    response = client.post("/accounts/login/", {"login": provider.email, "password": TEST_PASSWORD})

    _assert_refused(response, "sign in here with: eID. The way you used is not one of them", status=403)
    assert "Sign in with test eID" in response.content.decode()


def test_a_role_without_the_eid_cannot_sign_in_with_it(client, oidc_provider, settings, member):
    settings.SIGN_IN_METHODS = {**settings.SIGN_IN_METHODS, "member": frozenset({"password", "passkey"})}
    _link(member)

    response = _eid_round_trip(client, oidc_provider)

    _assert_refused(response, "a passkey, email and password", status=403)


def test_an_invitation_for_an_eid_only_role_offers_no_password_signup(client, oidc_provider, settings, nordvik):
    settings.SIGN_IN_METHODS = {**settings.SIGN_IN_METHODS, "provider": frozenset({"eid"})}
    invitation = _invite(email="dr.new@example.net", role=Role.PROVIDER, community=nordvik)
    client.get(invitation.get_absolute_url())

    page = client.get("/accounts/signup/").content.decode()
    assert 'name="password1"' not in page and "Sign in with test eID" in page

    assert _eid_round_trip(client, oidc_provider, "berit")["Location"] == "/"
    assert User.objects.get(email="dr.new@example.net").role == Role.PROVIDER


# --- linking from /me/ ---------------------------------------------------------------------------------


def test_password_user_links_the_eid_after_confirming_the_password(client, oidc_provider, member, reauthenticate):
    client.force_login(member)
    assert client.post("/me/sign-in/eid/link/")["Location"].startswith("/accounts/reauthenticate/")
    reauthenticate()

    authorize = client.post("/me/sign-in/eid/link/")["Location"]
    response = client.get(ProviderBrowser(oidc_provider).sign_in(authorize, "kari"))

    assert response["Location"] == "/me/sign-in/"
    assert SocialAccount.objects.get(provider="eid").user == member
    member.refresh_from_db()
    assert member.real_name == "Ingrid Nilsen"  # a name already there stays
    client.post("/accounts/logout/")
    assert _eid_round_trip(client, oidc_provider)["Location"] == "/"
    assert _signed_in_user(client) == member


def test_linking_fills_an_empty_real_name_but_never_the_pseudonym(client, oidc_provider, reauthenticate):
    member = MemberFactory(email="nameless@example.net", real_name="", pseudonym="Tern")
    client.force_login(member)
    reauthenticate()

    client.get(ProviderBrowser(oidc_provider).sign_in(client.post("/me/sign-in/eid/link/")["Location"], "kari"))

    member.refresh_from_db()
    assert member.real_name == "Kari Nordmann" and member.pseudonym == "Tern"


def test_an_eid_already_linked_to_another_account_is_refused_and_nothing_changes(
    client, oidc_provider, member, other_member, reauthenticate
):
    theirs = _link(other_member)
    client.force_login(member)
    reauthenticate()

    authorize = client.post("/me/sign-in/eid/link/")["Location"]
    response = client.get(ProviderBrowser(oidc_provider).sign_in(authorize, "kari"))

    assert response.status_code == 403
    assert "already linked to another account" in response.content.decode()
    assert list(SocialAccount.objects.values_list("user", flat=True)) == [other_member.pk]
    assert SocialAccount.objects.get().last_login == theirs.last_login


def test_unlinking_the_eid_needs_the_password_and_ends_eid_sign_in(client, oidc_provider, member, reauthenticate):
    _link(member)
    client.force_login(member)
    assert client.post("/me/sign-in/eid/unlink/")["Location"].startswith("/accounts/reauthenticate/")
    reauthenticate()
    assert client.post("/me/sign-in/eid/unlink/")["Location"] == "/me/sign-in/"
    assert not SocialAccount.objects.exists()


def test_sign_in_methods_page_shows_the_link_but_never_the_hash(client, oidc_provider, member):
    account = _link(member)
    client.force_login(member)
    page = client.get("/me/sign-in/").content.decode()
    assert "Your eID is linked to this account" in page
    assert account.uid not in page and KARI["pid"] not in page


# --- confirming it is you with the eID ----------------------------------------------------------------


def _eid_only_member(nordvik):
    member = MemberFactory(email="kari@example.net", community=nordvik)
    member.set_unusable_password()
    member.save(update_fields=["password"])
    _link(member)
    return member


def test_a_member_without_password_confirms_a_sensitive_action_with_the_eid(
    client, oidc_provider, nordvik, django_capture_on_commit_callbacks
):
    from reconnect.privacy.models import DataExport

    member = _eid_only_member(nordvik)
    client.force_login(member)

    asked = client.post("/me/export/")
    assert asked["Location"] == "/me/sign-in/eid/reauthenticate/?next=%2Fme%2Fexport%2F"
    assert not DataExport.objects.exists()
    page = client.get(asked["Location"])
    assert "Confirm with my eID" in page.content.decode()
    authorize = client.post(asked["Location"])["Location"]
    assert "prompt=login" in authorize
    browser = ProviderBrowser(oidc_provider)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(browser.sign_in(authorize, "kari"))

    # The suspended request carries on: the export is asked for.
    assert response.status_code == 302, response.content[:300]
    assert DataExport.objects.filter(user=member).exists()
    assert _signed_in_user(client) == member


def test_confirming_with_someone_elses_eid_is_refused(client, oidc_provider, nordvik):
    from reconnect.privacy.models import DataExport

    member = _eid_only_member(nordvik)
    client.force_login(member)
    asked = client.post("/me/export/")
    authorize = client.post(asked["Location"])["Location"]

    response = client.get(ProviderBrowser(oidc_provider).sign_in(authorize, "ola"))

    assert response.status_code == 403
    assert "not the eID linked to your account" in response.content.decode()
    assert not DataExport.objects.exists()
    assert client.post("/me/export/")["Location"].startswith("/me/sign-in/eid/reauthenticate/")


# --- signing out ----------------------------------------------------------------------------------------


def test_signing_out_ends_the_session_at_the_provider_too(client, oidc_provider, member):
    _link(member)
    browser = ProviderBrowser(oidc_provider)
    client.get(browser.sign_in(begin_eid_sign_in(client), "kari"))

    response = client.post("/accounts/logout/")

    end_session = response["Location"]
    assert end_session.startswith(oidc_provider.issuer + "/session/end?")
    assert callback_params(end_session)["post_logout_redirect_uri"] == "http://testserver/"
    assert "_auth_user_id" not in client.session
    page = browser.follow(end_session)
    assert "Do you want to sign out of the test eID?" in page.text
    form = dict(re.findall(r'name="(xsrf)" value="([^"]*)"', page.text), logout="yes")
    back = browser.follow(oidc_provider.issuer + "/session/end/confirm", method="post", data=form)
    assert back.portal_url == "http://testserver/"
    # The next eID sign-in asks for the person again: their session there has ended.
    again = browser.follow(begin_eid_sign_in(client))
    assert again.portal_url is None and "Test eID: sign in" in again.text


def test_signing_out_after_a_password_sign_in_stays_on_the_portal(client, oidc_provider, member):
    client.force_login(member)
    assert client.post("/accounts/logout/")["Location"] == "/"


# --- failures: each with a clear page, no account, nothing changed ----------------------------------------


def test_a_callback_with_a_wrong_state_is_refused(client, oidc_provider, nordvik):
    client.get(_invite(community=nordvik).get_absolute_url())
    callback = ProviderBrowser(oidc_provider).sign_in(begin_eid_sign_in(client), "kari")
    forged = callback.replace(f"state={callback_params(callback)['state']}", "state=forged-state")

    _assert_refused(client.get(forged), "has expired or was already used")
    assert not User.objects.exists()


def test_a_replayed_callback_is_refused(client, oidc_provider, member):
    _link(member)
    callback = ProviderBrowser(oidc_provider).sign_in(begin_eid_sign_in(client), "kari")
    assert client.get(callback)["Location"] == "/"
    client.post("/accounts/logout/")

    _assert_refused(client.get(callback), "has expired or was already used")


def test_a_used_code_is_refused_by_the_provider_even_with_a_fresh_state(client, oidc_provider, member):
    _link(member)
    first = ProviderBrowser(oidc_provider).sign_in(begin_eid_sign_in(client), "kari")
    assert client.get(first)["Location"] == "/"
    client.post("/accounts/logout/")
    # A new sign-in gives a fresh state; the old code goes with it.
    fresh_state = callback_params(begin_eid_sign_in(client))["state"]
    replay = f"/accounts/oidc/eid/login/callback/?code={callback_params(first)['code']}&state={fresh_state}"

    _assert_refused(client.get(replay), "did not accept this sign-in")


def test_an_id_token_with_a_wrong_nonce_is_refused(client, oidc_provider, member, monkeypatch):
    _link(member)
    _tamper(monkeypatch, lambda claims: oidc_provider.sign({**claims, "nonce": "someone-elses-nonce"}))

    _assert_refused(_eid_round_trip(client, oidc_provider), "does not belong to this sign-in attempt")


def test_an_id_token_from_another_issuer_is_refused(client, oidc_provider, member, monkeypatch):
    _link(member)
    _tamper(monkeypatch, lambda claims: oidc_provider.sign({**claims, "iss": "https://idp.example.net"}))

    _assert_refused(_eid_round_trip(client, oidc_provider), "came from another service")


def test_an_id_token_for_another_audience_is_refused(client, oidc_provider, member, monkeypatch):
    _link(member)
    _tamper(monkeypatch, lambda claims: oidc_provider.sign({**claims, "aud": "another-service"}))

    _assert_refused(_eid_round_trip(client, oidc_provider), "meant for another service")


def test_an_id_token_for_several_audiences_without_azp_is_refused(client, oidc_provider, member, monkeypatch):
    _link(member)
    _tamper(monkeypatch, lambda claims: oidc_provider.sign({**claims, "aud": ["reconnect", "another-service"]}))

    _assert_refused(_eid_round_trip(client, oidc_provider), "meant for another service")


def test_an_expired_id_token_is_refused(client, oidc_provider, member, monkeypatch):
    _link(member)
    past = int(time.time()) - 3600
    _tamper(monkeypatch, lambda claims: oidc_provider.sign({**claims, "iat": past - 60, "exp": past}))

    _assert_refused(_eid_round_trip(client, oidc_provider), "has expired")


def test_an_id_token_with_a_lower_acr_than_claimed_is_refused(client, oidc_provider, member, monkeypatch):
    _link(member)
    _tamper(monkeypatch, lambda claims: oidc_provider.sign({**claims, "acr": SUBSTANTIAL}))

    _assert_refused(_eid_round_trip(client, oidc_provider), "lower security level", status=403)


def test_a_tampered_id_token_is_refused(client, oidc_provider, member, monkeypatch):
    _link(member)

    def change(claims):
        # Someone else's number in a real token: the signature no longer fits.
        header, _payload, signature = oidc_provider.sign(claims).split(".")
        forged = jwt.utils.base64url_encode(json.dumps({**claims, "pid": PEOPLE["ola"]["pid"]}).encode()).decode()
        return f"{header}.{forged}.{signature}"

    _tamper(monkeypatch, change)
    _assert_refused(_eid_round_trip(client, oidc_provider), "could not be verified")


def test_an_id_token_signed_with_the_client_secret_is_refused(client, oidc_provider, member, monkeypatch):
    _link(member)
    _tamper(monkeypatch, lambda claims: jwt.encode(claims, SECRET, algorithm="HS256"))

    _assert_refused(_eid_round_trip(client, oidc_provider), "not signed the way the portal accepts")


def test_an_id_token_signed_with_an_unknown_key_is_refused(client, oidc_provider, member, monkeypatch):
    from cryptography.hazmat.primitives.asymmetric import rsa
    from jwt.algorithms import RSAAlgorithm

    _link(member)
    stranger = json.loads(RSAAlgorithm.to_jwk(rsa.generate_private_key(public_exponent=65537, key_size=2048)))
    stranger["kid"] = "test-provider-1"
    _tamper(monkeypatch, lambda claims: oidc_provider.sign(claims, key=stranger))

    _assert_refused(_eid_round_trip(client, oidc_provider), "could not be verified")


def test_the_provider_unreachable_when_signing_in_gives_a_clear_page(client, oidc_provider, settings):
    oidc_provider.configure(settings, issuer=f"http://127.0.0.1:{free_port()}")

    response = client.post("/accounts/oidc/eid/login/", {"process": "login"})

    _assert_refused(response, "cannot be reached right now", status=503)


def test_the_provider_unreachable_on_the_way_back_gives_a_clear_page(client, oidc_provider, settings, member):
    _link(member)
    callback = ProviderBrowser(oidc_provider).sign_in(begin_eid_sign_in(client), "kari")
    oidc_provider.configure(settings, issuer=f"http://127.0.0.1:{free_port()}")

    _assert_refused(client.get(callback), "cannot be reached right now", status=503)


def test_a_person_who_cancels_at_the_provider_comes_back_to_a_clear_page(client, oidc_provider):
    browser = ProviderBrowser(oidc_provider)
    page = browser.follow(begin_eid_sign_in(client))
    back = browser.follow(page.url.rstrip("/") + "/abort", method="post")

    response = client.get(back.portal_url.removeprefix("http://testserver"), follow=True)

    assert response.status_code == 200 and "cancel" in response.content.decode().lower()
    assert not User.objects.exists()


# --- bad input on the callback ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["", "?code=abc", "?state=abc", "?code=&state=", "?error=server_error&state=abc", "?code=abc&state=%ff%fe"],
)
def test_callback_with_missing_or_forged_parameters_answers_400(client, oidc_provider, query):
    # A NUL byte is refused before any view by the address rule (tests/security/test_hostile_parameters.py).
    response = client.get(f"/accounts/oidc/eid/login/callback/{query}")
    _assert_refused(response, "Please start again")


def test_a_callback_naming_another_issuer_is_refused(client, oidc_provider, member):
    _link(member)
    callback = ProviderBrowser(oidc_provider).sign_in(begin_eid_sign_in(client), "kari")
    mixed_up = re.sub(r"iss=[^&]+", "iss=https%3A%2F%2Fidp.example.net", callback)

    _assert_refused(client.get(mixed_up), "came from another service")


def test_callback_of_an_unknown_provider_answers_400(client, oidc_provider):
    response = client.get("/accounts/oidc/google/login/callback/?code=abc&state=abc")
    _assert_refused(response, "This sign-in service is not known here.")


def test_the_error_page_speaks_the_persons_language(client, oidc_provider):
    response = client.get("/accounts/oidc/eid/login/callback/", HTTP_ACCEPT_LANGUAGE="nb")
    assert response.status_code == 400
    assert "Innlogging med eID virket ikke" in response.content.decode()


def test_eid_sign_in_attempts_are_rate_limited(client, oidc_provider):
    statuses = [client.get("/accounts/oidc/eid/login/callback/?code=x&state=y").status_code for _ in range(31)]
    assert statuses[:30] == [400] * 30 and statuses[30] == 429


# --- client authentication ---------------------------------------------------------------------------


@pytest.mark.parametrize("client_id", ["reconnect-basic", "reconnect-jwt"])
def test_the_portal_authenticates_to_the_provider_with_basic_auth_or_a_signed_key(
    client, oidc_server, settings, member, client_id
):
    oidc_server.configure(settings, client_id=client_id)
    _link(member)

    assert _eid_round_trip(client, oidc_server)["Location"] == "/"
    assert _signed_in_user(client) == member


# --- configuration ------------------------------------------------------------------------------------


def test_deploy_check_fails_when_the_eid_is_configured_without_a_hash_key(oidc_provider, settings):
    settings.EID_PID_HASH_KEY = ""
    with pytest.raises(SystemCheckError, match=r"reconnect\.E020"):
        call_command("check", "--deploy", "--tag", "security")


def test_deploy_check_passes_the_hash_key_when_the_eid_is_off(settings):
    settings.EID_ENABLED = False
    settings.EID_PID_HASH_KEY = ""
    from reconnect.accounts.checks import check_eid_hash_key

    assert check_eid_hash_key(None) == []


def test_a_role_limited_to_an_unconfigured_eid_fails_the_checks(settings):
    settings.SIGN_IN_METHODS = {**settings.SIGN_IN_METHODS, "provider": frozenset({"eid"})}
    from reconnect.accounts.checks import check_sign_in_methods

    assert [error.id for error in check_sign_in_methods(None)] == ["reconnect.E021"]


def test_eid_sign_in_pages_for_a_member_with_a_linked_eid_are_the_same_for_an_unknown_one(
    client, oidc_provider, member
):
    # The confirmation page before the provider says nothing about who is linked.
    assert client.get("/accounts/oidc/eid/login/").status_code == 200
    MemberFactory(email="someone@example.net")
    assert client.get("/accounts/oidc/eid/login/").status_code == 200


def test_a_published_issuer_may_differ_from_the_configured_one_by_a_trailing_slash_only():
    from reconnect.accounts.eid.oidc import same_issuer

    assert same_issuer("https://idporten.no/", "https://idporten.no")
    assert same_issuer("https://idporten.no", "https://idporten.no")
    assert not same_issuer("https://idporten.no.example.net/", "https://idporten.no")
    assert not same_issuer(None, "https://idporten.no")


def test_a_discovery_document_naming_another_issuer_is_refused(client, oidc_provider, settings):
    # The provider answers at this address, but calls itself by another name.
    oidc_provider.configure(settings, issuer=oidc_provider.issuer.replace("127.0.0.1", "localhost"))

    response = client.post("/accounts/oidc/eid/login/", {"process": "login"})

    _assert_refused(response, "answered with another identity than expected")
