"""Routes of the foundation: home, notifications, pages, onboarding, /me/, allauth and i18n."""

from reconnect.accounts.models import CareRelationship
from tests.factories import AccessLogEntryFactory, InvitationFactory, NotificationFactory
from tests.security.matrix import (
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    REAUTH,
    Redirect,
    Route,
    everyone,
    only,
    roles,
)

SIGNED_IN = ("member", "other_member", "moderator", "provider", "other_provider", "admin")
STAFF = ("moderator", "provider", "other_provider", "admin")


def _member_notification(world):
    note = NotificationFactory(user=world.member)
    return f"/notifications/{note.pk}/open/"


def _member_care_link(world):
    link = CareRelationship.objects.get(member=world.member, provider=world.provider)
    return f"/me/care-team/{link.pk}/end/"


def _invitation(world):
    return InvitationFactory(email="new-person@example.net", community=world.member.community).get_absolute_url()


ROUTES = {
    "core:home": Route("/", everyone(OK)),
    "core:healthz": Route("/healthz", everyone(OK)),
    "core:notifications": Route("/notifications/", only(OK, *SIGNED_IN)),
    # Only the owner may open a notification; for anyone else it does not exist.
    "core:notification_open": Route(
        _member_notification, only(Redirect("/me/care-team/"), "member", others=NOT_FOUND), method="post"
    ),
    "core:notification_read_all": Route(
        "/notifications/read-all/", only(Redirect("/notifications/"), *SIGNED_IN), method="post"
    ),
    "core:content_page": Route("/pages/about/", everyone(OK)),
    "core:service_worker": Route("/sw.js", everyone(OK)),
    "core:manifest": Route("/manifest.webmanifest", everyone(OK)),
    # Signed-in people are sent home: an invitation is for someone without an account.
    "accounts:invitation": Route(_invitation, everyone(Redirect("/"), anonymous=Redirect("/accounts/signup/"))),
    # Everyone in the world has finished onboarding already.
    "accounts:onboarding": Route("/onboarding/", only(Redirect("/"), *SIGNED_IN)),
    "accounts:profile": Route("/me/", only(OK, *SIGNED_IN)),
    "accounts:care_team": Route("/me/care-team/", only(OK, "member", "other_member")),
    # Ending a care-team link is sensitive: the owner is asked to sign in again first.
    "accounts:end_care_link": Route(
        _member_care_link,
        roles(
            anonymous=LOGIN,
            member=REAUTH,
            other_member=NOT_FOUND,
            moderator=FORBIDDEN,
            provider=FORBIDDEN,
            admin=FORBIDDEN,
        ),
        method="post",
    ),
    "accounts:notification_settings": Route("/me/notifications/", only(OK, *SIGNED_IN)),
    "accounts:access_log": Route("/me/access-log/", only(OK, *SIGNED_IN)),
    "accounts:provider_invite": Route("/provider/invite/", only(OK, "provider", "other_provider")),
    "set_language": Route(
        "/i18n/setlang/", everyone(Redirect("/")), method="post", data={"language": "nb", "next": "/"}
    ),
    # allauth: its pages for visitors redirect signed-in people home, and the reverse.
    "account_login": Route("/accounts/login/", everyone(Redirect("/"), anonymous=OK)),
    "account_logout": Route("/accounts/logout/", everyone(OK, anonymous=Redirect("/"))),
    "account_inactive": Route("/accounts/inactive/", everyone(OK)),
    # Signup without an opened invitation shows "registration is by invitation" (allauth answers 200).
    "account_signup": Route("/accounts/signup/", everyone(Redirect("/"), anonymous=OK)),
    "account_reauthenticate": Route("/accounts/reauthenticate/", only(OK, *SIGNED_IN)),
    "account_email": Route("/accounts/email/", only(OK, *SIGNED_IN)),
    "account_email_verification_sent": Route("/accounts/confirm-email/", everyone(OK)),
    "account_change_password": Route("/accounts/password/change/", only(OK, *SIGNED_IN)),
    "account_set_password": Route("/accounts/password/set/", only(Redirect("/accounts/password/change/"), *SIGNED_IN)),
    "account_reset_password": Route("/accounts/password/reset/", everyone(OK)),
    "account_confirm_login_code": Route(
        "/accounts/login/code/confirm/", everyone(Redirect("/"), anonymous=Redirect("/accounts/login/"))
    ),
    # A made-up confirmation key shows allauth's "link expired or invalid" page.
    "account_confirm_email": Route("/accounts/confirm-email/not-a-real-key/", everyone(OK)),
    "account_reset_password_from_key_done": Route("/accounts/password/reset/key/done/", everyone(OK)),
    "account_reset_password_from_key": Route("/accounts/password/reset/key/1-not-a-real-key/", everyone(OK)),
    "account_reset_password_done": Route("/accounts/password/reset/done/", everyone(OK)),
    "mfa_index": Route("/accounts/2fa/", only(OK, *SIGNED_IN)),
    # Only meaningful in the middle of a sign-in; otherwise allauth sends people to the login page.
    "mfa_authenticate": Route("/accounts/2fa/authenticate/", everyone(Redirect("/"), anonymous=LOGIN)),
    "mfa_reauthenticate": Route(
        "/accounts/2fa/reauthenticate/", only(OK, "moderator", "provider", "other_provider", "admin", others=REAUTH)
    ),
    # Changing two-factor settings is sensitive: allauth asks everyone to sign in again first.
    "mfa_activate_totp": Route("/accounts/2fa/totp/activate/", only(REAUTH, *SIGNED_IN)),
    "mfa_generate_recovery_codes": Route("/accounts/2fa/recovery-codes/generate/", only(REAUTH, *SIGNED_IN)),
    "mfa_add_webauthn": Route("/accounts/2fa/webauthn/add/", only(REAUTH, *SIGNED_IN)),
    "mfa_remove_webauthn": Route("/accounts/2fa/webauthn/keys/999999/remove/", only(REAUTH, *SIGNED_IN)),
    "mfa_edit_webauthn": Route("/accounts/2fa/webauthn/keys/999999/edit/", only(REAUTH, *SIGNED_IN)),
    # Members have no TOTP or recovery codes, so there is nothing to show or turn off.
    "mfa_deactivate_totp": Route("/accounts/2fa/totp/deactivate/", only(REAUTH, *STAFF, others=NOT_FOUND)),
    "mfa_view_recovery_codes": Route("/accounts/2fa/recovery-codes/", only(REAUTH, *STAFF, others=NOT_FOUND)),
    "mfa_download_recovery_codes": Route(
        "/accounts/2fa/recovery-codes/download/", only(REAUTH, *STAFF, others=NOT_FOUND)
    ),
    "mfa_list_webauthn": Route("/accounts/2fa/webauthn/", only(OK, *SIGNED_IN)),
    # Nobody in the world has a passkey, so passkey re-authentication falls back to the password.
    "mfa_reauthenticate_webauthn": Route("/accounts/2fa/webauthn/reauthenticate/", only(REAUTH, *SIGNED_IN)),
    "usersessions_list": Route("/accounts/sessions/", only(OK, *SIGNED_IN)),
}


def _group(world):
    from django.contrib.auth.models import Group

    return Group.objects.create(name="Researchers")


def _user_session(world):
    from allauth.usersessions.models import UserSession

    return UserSession.objects.create(user=world.member, ip="127.0.0.1", session_key="k" * 32, user_agent="test")


# One object for each admin model that the world does not hold already.
ADMIN_SAMPLES = {
    "accounts.invitation": lambda world: InvitationFactory(),
    "auth.group": _group,
    "usersessions.usersession": lambda world: _user_session(world),
    "core.accesslogentry": lambda world: AccessLogEntryFactory(subject=world.member, actor=world.provider),
}
