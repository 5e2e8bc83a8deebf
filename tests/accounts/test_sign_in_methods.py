"""/me/sign-in/: the ways a person signs in (password, passkeys, eID), each added or removed from
one page, within what their role allows; and what the export and erasure do with the eID link."""

import io
import json
import zipfile

import pytest
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount

from reconnect.accounts.eid.hashing import pid_digest
from reconnect.privacy import services as privacy_services
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

PID = "05917000118"


def _passkey(user, name="My phone"):
    return Authenticator.objects.create(
        user=user,
        type=Authenticator.Type.WEBAUTHN,
        data={"name": name, "credential": {"clientExtensionResults": {"credProps": {"rk": True}}}},
    )


def _eid(user):
    return SocialAccount.objects.create(user=user, provider="eid", uid=pid_digest(PID), extra_data={"acr": "high"})


def test_page_lists_passkeys_with_a_remove_link_each(login, member):
    passkey = _passkey(member)
    page = login(member).get("/me/sign-in/").content.decode()
    assert "My phone" in page
    assert f'href="/accounts/2fa/webauthn/keys/{passkey.pk}/remove/"' in page
    assert "Add a passkey" in page


def test_page_says_which_methods_the_role_may_use(login, member, settings):
    settings.SIGN_IN_METHODS = {**settings.SIGN_IN_METHODS, "member": frozenset({"password"})}
    page = login(member).get("/me/sign-in/").content.decode()
    assert "sign in here with: email and password." in page
    assert "Add a passkey" not in page


def test_page_offers_no_eid_when_none_is_configured(login, member):
    page = login(member).get("/me/sign-in/").content.decode()
    assert "Link my eID" not in page


def test_page_offers_to_link_the_eid_when_it_is_configured(login, member, oidc_provider):
    page = login(member).get("/me/sign-in/").content.decode()
    assert "Link my eID" in page


def test_page_query_count_does_not_grow_with_passkeys(login, member, assert_constant_queries):
    login(member)
    _passkey(member, "First")
    _eid(member)
    assert_constant_queries("/me/sign-in/", lambda: [_passkey(member, f"Key {n}") for n in range(5)], maximum=16)


def test_unlinking_the_only_way_to_sign_in_is_refused(login, member, reauthenticate):
    _eid(member)
    login(member)
    reauthenticate()
    member.set_unusable_password()
    member.save(update_fields=["password"])

    response = login(member).post("/me/sign-in/eid/unlink/", follow=True)

    assert "Your eID is your only way to sign in" in response.content.decode()
    assert SocialAccount.objects.filter(user=member).exists()


def test_unlinking_asks_for_the_password_first(login, member):
    _eid(member)
    response = login(member).post("/me/sign-in/eid/unlink/")
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert SocialAccount.objects.filter(user=member).exists()


def test_get_on_link_and_unlink_is_not_allowed(login, member):
    client = login(member)
    assert client.get("/me/sign-in/eid/link/").status_code == 405
    assert client.get("/me/sign-in/eid/unlink/").status_code == 405


# --- privacy ------------------------------------------------------------------------------------------


def test_export_says_the_eid_is_linked_without_the_hash(member):
    account = _eid(member)
    data = privacy_services.export_data(user=member, sections=privacy_services.sections_for(member))
    rows = data["account"]["eid_link"]
    assert rows and rows[0]["provider"] == "eid" and "uid" not in rows[0]
    content = privacy_services.build_export_zip(user=member)
    archive = zipfile.ZipFile(io.BytesIO(content))
    text = "".join(archive.read(name).decode("utf-8", "ignore") for name in archive.namelist())
    assert account.uid not in text and PID not in text
    assert json.loads(archive.read("account.json"))["eid_link"]


def test_deleting_the_account_removes_the_eid_link(member):
    account = _eid(member)
    privacy_services.erase_account(user=member, keep_post_text=False)
    assert not SocialAccount.objects.filter(pk=account.pk).exists()
    # The same eID no longer finds anyone.
    assert not SocialAccount.objects.filter(uid=pid_digest(PID)).exists()


def test_the_same_identity_number_gives_the_same_hash_and_another_key_another(settings):
    first = pid_digest(PID)
    assert first == pid_digest(f" {PID} ") and len(first) == 64 and PID not in first
    settings.EID_PID_HASH_KEY = "another-key-of-at-least-thirty-two-characters"
    assert pid_digest(PID) != first


def test_another_member_sees_nothing_of_someone_elses_eid(login, member, other_member):
    _eid(other_member)
    page = login(member).get("/me/sign-in/").content.decode()
    assert "Your eID is linked" not in page


def test_a_member_without_passkeys_gets_no_recovery_advice(login):
    page = login(MemberFactory()).get("/me/sign-in/").content.decode()
    assert "You have no passkey yet." in page and "recovery code" not in page


def test_seed_demo_mentions_the_eid_only_when_it_is_configured(settings, oidc_provider):
    from io import StringIO

    from django.core.management import call_command

    settings.DEBUG = True
    with_eid = StringIO()
    call_command("seed_demo", stdout=with_eid)
    assert "Sign-in with eID is on" in with_eid.getvalue()
    assert "ingrid@example.org" in with_eid.getvalue()

    settings.EID_ENABLED = False
    without = StringIO()
    call_command("seed_demo", stdout=without)
    assert "eID" not in without.getvalue()


# --- recovery without the passkey, and the rule per role for passkeys ---------------------------------


def _recovery_codes(user) -> list[str]:
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    return RecoveryCodes.activate(user).get_unused_codes()


def test_a_member_who_lost_the_passkey_and_the_password_recovers_by_email_and_a_recovery_code(client, member):
    import re

    from django.core import mail

    _passkey(member)
    codes = _recovery_codes(member)

    # Email verification: the reset link goes to the member's verified address.
    client.post("/accounts/password/reset/", {"email": member.email})
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+)", mail.outbox[-1].body).group(1)
    form_url = client.get(link)["Location"]
    new_password = "a-new-calm-harbour-42"
    assert client.post(form_url, {"password1": new_password, "password2": new_password}).status_code == 302

    # The new password, and a recovery code in place of the lost passkey.
    response = client.post("/accounts/login/", {"login": member.email, "password": new_password})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    response = client.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert response["Location"] == "/"
    assert client.get("/me/sign-in/").wsgi_request.user == member


def _request_with_records(rf, user, records):
    from django.contrib.sessions.backends.db import SessionStore

    request = rf.get("/")
    request.session = SessionStore()
    request.session["account_authentication_methods"] = records
    request.session["account_authentication_methods_user"] = str(user.pk)
    request.user = user
    return request


def test_a_passkey_sign_in_is_refused_for_a_role_without_passkeys(rf, settings, member):
    from reconnect.accounts import signin

    settings.SIGN_IN_METHODS = {**settings.SIGN_IN_METHODS, "member": frozenset({"password"})}
    request = _request_with_records(rf, member, [{"method": "mfa", "type": "webauthn", "passwordless": True}])

    assert signin.method_of(request, member) == signin.PASSKEY
    response = signin.refuse_disallowed_method(request, member)

    assert response.status_code == 403
    assert "sign in here with: email and password" in response.content.decode()
    # What the refused sign-in recorded is gone with it.
    assert "account_authentication_methods" not in request.session


def test_each_way_of_signing_in_is_told_apart(rf, member):
    from reconnect.accounts import signin

    cases = {
        signin.PASSWORD: [{"method": "password"}],
        signin.PASSKEY: [{"method": "mfa", "type": "webauthn", "passwordless": True}],
        signin.EID: [{"method": "socialaccount", "provider": "eid"}],
    }
    for method, records in cases.items():
        assert signin.method_of(_request_with_records(rf, member, records), member) == method
    # A second factor after a password is still a password sign-in.
    records = [{"method": "password"}, {"method": "mfa", "type": "totp"}]
    assert signin.method_of(_request_with_records(rf, member, records), member) == signin.PASSWORD
