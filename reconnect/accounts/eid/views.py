"""The eID's sign-in and callback URLs (allauth's views with the portal's checks), and linking
or unlinking the eID from /me/sign-in/."""

import logging

from allauth.account.decorators import reauthentication_required
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.ratelimit import consume_or_429
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.base.constants import AuthProcess
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from requests import RequestException

from reconnect.accounts.eid import services
from reconnect.accounts.eid.config import PROVIDER_ID
from reconnect.accounts.eid.oidc import EidOAuth2Adapter, EidRefused
from reconnect.core.permissions import login_required, public

logger = logging.getLogger(__name__)


def error_page(request: HttpRequest, message, *, status: int = 400) -> HttpResponse:
    """The page every refused or failed eID sign-in ends on: what happened and what to do now."""
    services.forget_pending_sign_in(request)
    return render(request, "accounts/eid_error.html", {"message": message}, status=status)


def unreachable_page(request: HttpRequest) -> HttpResponse:
    return error_page(
        request,
        _("The eID service cannot be reached right now. Please try again in a little while, or sign in another way."),
        status=503,
    )


class EidCallbackView(OAuth2CallbackView):
    def dispatch(self, request, *args, **kwargs):
        # RFC 9207: a provider that names itself on the way back must be the one this portal uses
        # (a mix-up attack sends a code from another provider here).
        issuer = request.GET.get("iss")
        if issuer is not None and issuer != self.adapter.openid_config["issuer"]:
            raise EidRefused(_("The eID sign-in came from another service than the one this portal uses."))
        return super().dispatch(request, *args, **kwargs)

    def _get_state(self, request, provider):
        state, response = super()._get_state(request, provider)
        # The nonce stored when the sign-in began is the one the ID token must carry.
        self.adapter.expected_nonce = (state or {}).get("nonce")  # type: ignore[attr-defined]
        self.adapter.process = (state or {}).get("process")  # type: ignore[attr-defined]
        return state, response


def _run(request: HttpRequest, provider_id: str, view_class) -> HttpResponse:
    try:
        adapter = EidOAuth2Adapter(request, provider_id)
        adapter.get_provider()
        return view_class.adapter_view(adapter)(request)
    except SocialApp.DoesNotExist:
        return error_page(request, _("This sign-in service is not known here."), status=400)
    except EidRefused as exc:
        return error_page(request, exc.message, status=exc.status)
    except RequestException as exc:
        logger.warning("eID provider unreachable: %s", type(exc).__name__)
        return unreachable_page(request)


@public
def login(request: HttpRequest, provider_id: str) -> HttpResponse:
    if request.method == "POST" and (limited := consume_or_429(request, action="login")):
        return limited
    return _run(request, provider_id, OAuth2LoginView)


@public
def callback(request: HttpRequest, provider_id: str) -> HttpResponse:
    # The provider sends the person back with a GET: it counts as a sign-in attempt all the same.
    if limited := consume_or_429(request, action="login", limit_get=True):
        return limited
    return _run(request, provider_id, EidCallbackView)


@require_POST
@login_required
def link(request: HttpRequest) -> HttpResponse:
    """Linking the eID to one's account is sensitive: the password (or a passkey) first."""
    return _link_confirmed(request)


@reauthentication_required
def _link_confirmed(request: HttpRequest) -> HttpResponse:
    return _send_to_eid(request, AuthProcess.CONNECT, next_url="/me/sign-in/")


def _send_to_eid(request: HttpRequest, process: str, **kwargs) -> HttpResponse:
    """Off to the eID for a person already signed in (to link it, or to confirm it is them)."""
    try:
        provider = get_adapter(request).get_provider(request, PROVIDER_ID)
        return provider.redirect(request, process, **kwargs)
    except SocialApp.DoesNotExist:
        return error_page(request, _("Sign-in with eID is not available on this portal."), status=400)
    except EidRefused as exc:
        return error_page(request, exc.message, status=exc.status)
    except RequestException:
        return unreachable_page(request)
    except ImmediateHttpResponse as exc:
        return exc.response


@login_required
def reauthenticate(request: HttpRequest) -> HttpResponse:
    """Confirm who you are with your eID before a sensitive action (as the password page does)."""
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/me/sign-in/"
    if request.method != "POST":
        return render(request, "accounts/eid_reauthenticate.html", {"next": next_url})
    if services.eid_link(request.user) is None:
        return error_page(request, _("Your account has no eID linked."), status=400)
    # prompt=login: the eID asks for the person again, even if it still has a session for them.
    return _send_to_eid(
        request, AuthProcess.REDIRECT, next_url=next_url, auth_params={"prompt": "login"}, reauthenticate=True
    )


@require_POST
@login_required
def unlink(request: HttpRequest) -> HttpResponse:
    return _unlink_confirmed(request)


@reauthentication_required
def _unlink_confirmed(request: HttpRequest) -> HttpResponse:
    if not request.user.has_usable_password() and not services.has_passkey(request.user):
        messages.error(
            request,
            _("Your eID is your only way to sign in. Set a password or add a passkey before you remove it."),
        )
        return redirect("accounts:sign_in_methods")
    if services.unlink_eid(user=request.user):
        messages.success(request, _("Your eID is no longer linked to your account."))
    return redirect("accounts:sign_in_methods")
