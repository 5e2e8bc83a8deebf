from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

# Paths a signed-in person can reach before onboarding and two-factor set-up are done: signing
# in and out, allauth's own pages (including MFA set-up), the language switch, static files and
# the health check.
_ALWAYS_OPEN = ("/accounts/", "/i18n/", "/static/", "/healthz", "/pages/", "/jsi18n/")


class PortalGateMiddleware:
    """Nothing else is reachable until onboarding is done, and for roles that see other people's
    data, until two-factor sign-in is set up (or the session began with a high-level eID)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path.startswith(_ALWAYS_OPEN):
            if not user.is_onboarded and not request.path.startswith("/onboarding/"):
                return redirect("accounts:onboarding")
            if user.is_onboarded and user.needs_mfa and not request.path.startswith("/onboarding/"):
                from allauth.mfa.utils import is_mfa_enabled

                from reconnect.accounts.signin import is_strong_session

                # A high-level eID sign-in is two-factor sign-in on its own.
                if not is_mfa_enabled(user) and not is_strong_session(request):
                    messages.info(request, _("Your role needs two-factor sign-in. Please set it up to continue."))
                    return redirect("mfa_activate_totp")
        return self.get_response(request)


class NoStoreForPrivatePagesMiddleware:
    """Pages for a signed-in person may hold health data: no browser or proxy may keep a copy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store, private"
        return response
