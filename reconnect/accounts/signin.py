"""Which ways of signing in each role may use, and what a sign-in counts as.

SIGN_IN_METHODS (from SIGN_IN_METHODS_<ROLE>) lists per role any of: the national eID, a passkey,
the password (with the second factor the role needs). It is enforced when a sign-in completes,
whatever page it started on. An eID sign-in at the required level (the only level accepted)
counts as two-factor sign-in: staff are not asked for an authenticator code after it.
"""

from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.stages import AuthenticateStage as AllauthMFAStage
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from reconnect.accounts.eid.config import PROVIDER_ID
from reconnect.accounts.models import Role, User

EID, PASSKEY, PASSWORD = "eid", "passkey", "password"
METHOD_LABELS = {EID: _("eID"), PASSKEY: _("a passkey"), PASSWORD: _("email and password")}
# Set when a sign-in completes: whether it counts as two-factor sign-in on its own.
STRONG_SIGN_IN_SESSION_KEY = "reconnect_strong_sign_in"


def allowed_methods(role: str) -> frozenset[str]:
    methods = settings.SIGN_IN_METHODS.get(role, frozenset({PASSWORD}))
    if not settings.EID_ENABLED:
        methods = methods - {EID}
    return methods


def method_of(request: HttpRequest, user: User) -> str:
    """The way the sign-in now completing was made, from allauth's record of this session."""
    records = get_authentication_records(request, user)
    last = records[-1] if records else {}
    if last.get("method") == "socialaccount" and last.get("provider") == PROVIDER_ID:
        return EID
    if last.get("method") == "mfa" and last.get("passwordless"):
        return PASSKEY
    # A password, or a signup form (which sets one).
    return PASSWORD


def methods_sentence(role: str) -> Promise:
    methods = [METHOD_LABELS[m] for m in (EID, PASSKEY, PASSWORD) if m in allowed_methods(role)]
    return format_lazy(
        _("People with the role “{role}” sign in here with: {methods}."),
        role=Role(role).label,
        methods=", ".join(str(m) for m in methods) or _("no method (ask the portal's administrator)"),
    )


def refusal_message(role: str) -> Promise:
    return format_lazy(
        "{sentence} {advice}",
        sentence=methods_sentence(role),
        advice=_("The way you used is not one of them, so you are not signed in."),
    )


def refuse_disallowed_method(request: HttpRequest, user: User) -> HttpResponse | None:
    """A page that refuses the sign-in when the role may not use this way of signing in."""
    method = method_of(request, user)
    if method in allowed_methods(user.role):
        return None
    from allauth.account.internal.flows.login import clear_authentication_records

    clear_authentication_records(request)
    return render(
        request,
        "accounts/sign_in_refused.html",
        {"message": refusal_message(user.role), "eid_allowed": EID in allowed_methods(user.role)},
        status=403,
    )


def remember_sign_in(request: HttpRequest, user: User) -> None:
    request.session[STRONG_SIGN_IN_SESSION_KEY] = method_of(request, user) == EID


def is_strong_session(request: HttpRequest) -> bool:
    """Whether this session's sign-in counts as two-factor on its own (a high-level eID)."""
    return bool(request.session.get(STRONG_SIGN_IN_SESSION_KEY))


class AuthenticateStage(AllauthMFAStage):
    """allauth's second-factor step, skipped right after a sign-in with the eID."""

    def _should_handle(self, request: HttpRequest) -> bool:
        if self.login.user is not None and method_of(request, self.login.user) == EID:
            return False
        return super()._should_handle(request)
