"""Operations on a person's eID link, and the eID's part of the session."""

from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.internal import statekit
from allauth.socialaccount.models import SocialAccount, SocialApp, SocialLogin
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import get_language
from requests import RequestException

from reconnect.accounts.eid.config import PROVIDER_ID
from reconnect.accounts.models import User
from reconnect.core.crypto import decrypt_text, encrypt_text

# The ID token of the current sign-in, encrypted, kept only to name the session when asking the
# provider to end it (its end-session endpoint wants it as `id_token_hint`). It goes with the
# session: at sign-out, at expiry, and with the account.
ID_TOKEN_SESSION_KEY = "reconnect_eid_id_token"  # noqa: S105 - a session key, not a secret


def eid_accounts(user: User) -> QuerySet[SocialAccount]:
    return SocialAccount.objects.filter(user=user, provider=PROVIDER_ID)


def eid_link(user: User) -> SocialAccount | None:
    return eid_accounts(user).first()


def has_passkey(user: User) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.WEBAUTHN).exists()


@transaction.atomic
def unlink_eid(*, user: User) -> bool:
    """Remove the person's eID link; the next eID sign-in does not find them any more."""
    return eid_accounts(user).delete()[0] > 0


@transaction.atomic
def fill_real_name(*, user: User, name: str) -> None:
    """The eID's name may fill an empty private real name; it never touches the pseudonym."""
    name = name.strip()[:150]
    if name and not user.real_name:
        user.real_name = name
        user.save(update_fields=["real_name"])


def remember_id_token(request: HttpRequest, sociallogin: SocialLogin) -> None:
    id_token = getattr(sociallogin, "eid_id_token", None)
    if id_token:
        request.session[ID_TOKEN_SESSION_KEY] = encrypt_text(id_token)
    else:
        request.session.pop(ID_TOKEN_SESSION_KEY, None)


def forget_pending_sign_in(request: HttpRequest) -> None:
    """After a refused sign-in nothing of it stays behind: no token, no half-finished state."""
    request.session.pop(ID_TOKEN_SESSION_KEY, None)
    request.session.pop(statekit.STATES_SESSION_KEY, None)
    request.session.pop("socialaccount_sociallogin", None)


def provider_logout_url(request: HttpRequest) -> str | None:
    """Where to send a person signing out, so that their session at the eID ends too: the
    provider's end-session endpoint, when it has one and this session began with the eID."""
    encrypted = request.session.get(ID_TOKEN_SESSION_KEY)
    if not encrypted or not settings.EID_ENABLED:
        return None
    from reconnect.accounts.eid.oidc import EidOAuth2Adapter

    try:
        app = get_adapter(request).get_provider(request, PROVIDER_ID).app
        endpoint = EidOAuth2Adapter(request, PROVIDER_ID).openid_config.get("end_session_endpoint")
    except (SocialApp.DoesNotExist, RequestException, ValueError):
        # The provider cannot be asked now; the portal's own session ends all the same.
        return None
    if not endpoint:
        return None
    query = urlencode(
        {
            "id_token_hint": decrypt_text(encrypted),
            "client_id": app.client_id,
            "post_logout_redirect_uri": request.build_absolute_uri("/"),
            "ui_locales": (get_language() or "en").split("-")[0],
        }
    )
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


def install_reauthentication() -> None:
    """Let a linked eID confirm the person before sensitive actions, as the password does.

    allauth counts someone with neither a password nor an authenticator as recently confirmed,
    always (it cannot ask a provider again); a person who joined with the eID is such a person.
    With the eID among their ways to confirm, allauth asks, and /me/sign-in/eid/reauthenticate/
    answers by sending them to the eID once more (`prompt=login`).
    """
    from allauth.account.internal.flows import reauthentication

    original = reauthentication.get_reauthentication_flows
    if getattr(original, "with_eid", False):
        return

    def flows(user: User | AnonymousUser) -> list[dict]:
        result = original(user)
        if user.is_authenticated and settings.EID_ENABLED and eid_accounts(user).exists():
            result.append({"id": "eid_reauthenticate"})
        return result

    flows.with_eid = True  # type: ignore[attr-defined]  # a marker on the function, read when patching again
    reauthentication.get_reauthentication_flows = flows


def confirm_reauthentication(request: HttpRequest, sociallogin: SocialLogin) -> HttpResponse:
    """The person confirmed who they are with their eID: record it as allauth records a password
    confirmation, then carry on with what they were doing (a suspended form post included)."""
    from allauth.account.internal.flows.login import record_authentication
    from allauth.account.internal.flows.reauthentication import STATE_SESSION_KEY
    from allauth.core.internal.httpkit import deserialize_request
    from django.urls import resolve

    record_authentication(
        request, request.user, "socialaccount", provider=PROVIDER_ID, uid=sociallogin.account.uid, reauthenticated=True
    )
    remember_id_token(request, sociallogin)
    next_url = sociallogin.state.get("next") or "/me/sign-in/"
    suspended = request.session.pop(STATE_SESSION_KEY, None)
    if suspended and "request" in suspended:
        original = deserialize_request(suspended["request"], request)
        if original.path == next_url:
            match = resolve(original.path)
            return match.func(original, *match.args, **match.kwargs)
    return HttpResponseRedirect(next_url)
