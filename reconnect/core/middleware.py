import re

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

# Paths a signed-in person can reach before onboarding and two-factor set-up are done: signing
# in and out, allauth's own pages (including MFA set-up), the language switch, static files and
# the health check, the service worker and the web app manifest.
_ALWAYS_OPEN = (
    "/accounts/",
    "/i18n/",
    "/static/",
    "/healthz",
    "/pages/",
    "/jsi18n/",
    "/sw.js",
    "/manifest.webmanifest",
)


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


# No URL of the portal holds a control character, and PostgreSQL cannot store a NUL byte: such text
# reaching a query would end in a server error. Query values may hold tabs and line breaks.
_PATH_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f]")
_QUERY_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class RejectUnusableTextMiddleware:
    """Refuse a request whose address carries text no view can use (a NUL byte, a control
    character) with 400, before any view, decorator or query sees it. Invalid UTF-8 needs no rule
    here: Django keeps such bytes percent-encoded, so a parameter is always valid text."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _PATH_FORBIDDEN.search(request.path_info) or any(
            _QUERY_FORBIDDEN.search(key) or _QUERY_FORBIDDEN.search(value)
            for key, values in request.GET.lists()
            for value in values
        ):
            return render(request, "400.html", status=400)
        return self.get_response(request)
