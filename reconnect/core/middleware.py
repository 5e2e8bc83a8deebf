import hashlib
import re
import time

from django.conf import settings
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


# Where the session remembers when its activity was last written, and from which client.
ACTIVITY_SESSION_KEY = "reconnect_activity"


def _client_of(request: HttpRequest) -> str:
    from allauth.account.adapter import get_adapter

    client = f"{get_adapter().get_client_ip(request)}\n{request.META.get('HTTP_USER_AGENT', '')}"
    return hashlib.blake2b(client.encode(), digest_size=8).hexdigest()


class SessionActivityMiddleware:
    """Renew the idle timer and allauth's "last seen" of the session at most once every
    SESSION_ACTIVITY_REFRESH_SECONDS, not on every request, so that a plain GET writes nothing.

    Marking the session as changed makes SessionMiddleware save it, which moves its expiry to
    SESSION_COOKIE_AGE from now; a session idle for that long therefore still ends, at most the
    refresh interval early. A change of address or browser is written at once (allauth tells
    listeners about it), as allauth's own middleware, which this one replaces, would.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and session.session_key and user is not None and user.is_authenticated:
            now = int(time.time())
            client = _client_of(request)
            last = session.get(ACTIVITY_SESSION_KEY)
            if (
                not isinstance(last, list)
                or len(last) != 2
                or last[1] != client
                or not 0 <= now - last[0] < settings.SESSION_ACTIVITY_REFRESH_SECONDS
            ):
                from allauth.usersessions.models import UserSession

                session[ACTIVITY_SESSION_KEY] = [now, client]
                UserSession.objects.create_from_request(request)
        return self.get_response(request)
