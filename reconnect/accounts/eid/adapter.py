"""allauth's social-account adapter, as the portal uses it for the eID.

- A first eID sign-in creates an account only through an opened invitation (as signup does), with
  the invitation's email address, role and community; the eID's names may fill the private real
  name, never the pseudonym.
- A later eID sign-in finds the person by the HMAC of their identity number.
- Linking from /me/ refuses an eID that belongs to another account, or a second eID.
- Every failure ends on one clear page in the person's language, with a 4xx status.
"""

import logging

from allauth.account.models import EmailAddress
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base.constants import AuthError, AuthProcess
from django.db import transaction
from django.utils.translation import gettext as _
from requests import RequestException

from reconnect.accounts import services as account_services
from reconnect.accounts import signin
from reconnect.accounts.eid import services
from reconnect.accounts.eid.config import PROVIDER_ID
from reconnect.accounts.eid.oidc import EidRefused

logger = logging.getLogger(__name__)


def _refuse(request, message, *, status: int = 403):
    from reconnect.accounts.eid.views import error_page

    raise ImmediateHttpResponse(error_page(request, message, status=status))


class EidAccountAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request, sociallogin) -> None:
        if sociallogin.account.provider != PROVIDER_ID:
            return
        if sociallogin.state.get("process") == AuthProcess.CONNECT:
            self._check_link(request, sociallogin)
            return
        if sociallogin.state.get("reauthenticate"):
            if not (
                request.user.is_authenticated and sociallogin.is_existing and sociallogin.user.pk == request.user.pk
            ):
                _refuse(
                    request,
                    _("This is not the eID linked to your account, so it cannot confirm that it is you."),
                )
            raise ImmediateHttpResponse(services.confirm_reauthentication(request, sociallogin))
        if sociallogin.is_existing:
            return
        invitation = account_services.invitation_from_session(request)
        if invitation is None:
            _refuse(
                request,
                _(
                    "This eID is not linked to an account on this portal. The first time, please open the "
                    "invitation link you received by email. If you already have an account, sign in with "
                    "your password and link your eID under My account, Sign-in methods."
                ),
            )
        if signin.EID not in signin.allowed_methods(invitation.role):
            _refuse(request, signin.refusal_message(invitation.role))
        # The new account takes the invitation's address, which the link has already proved.
        user = sociallogin.user
        user.email = invitation.email
        sociallogin.email_addresses = [EmailAddress(email=invitation.email, verified=True, primary=True)]

    def _check_link(self, request, sociallogin) -> None:
        user = request.user
        if not user.is_authenticated:
            return
        # An eID linked to someone else is refused earlier, before allauth looks it up
        # (EidOAuth2Adapter.complete_login).
        if not sociallogin.is_existing and services.eid_link(user) is not None:
            _refuse(
                request,
                _("Your account is already linked to another eID. Remove that link first. Nothing was changed."),
            )
        services.fill_real_name(user=user, name=sociallogin.user.real_name)
        # The person now has a session at the eID too: signing out of the portal ends it.
        services.remember_id_token(request, sociallogin)

    def is_open_for_signup(self, request, sociallogin) -> bool:
        invitation = account_services.invitation_from_session(request)
        return invitation is not None and signin.EID in signin.allowed_methods(invitation.role)

    def is_auto_signup_allowed(self, request, sociallogin) -> bool:
        return True

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        name = (data.get("name") or " ".join(filter(None, [data.get("first_name"), data.get("last_name")]))).strip()
        # The eID's name is private: it may fill the real name, never the pseudonym.
        user.real_name = name[:150]
        return user

    def save_user(self, request, sociallogin, form=None):
        user = sociallogin.user
        user.set_unusable_password()
        with transaction.atomic():
            account_services.register_invited_user(request=request, user=user)
            sociallogin.save(request)
        return user

    def get_connect_redirect_url(self, request, socialaccount) -> str:
        return "/me/sign-in/"

    def on_authentication_error(self, request, provider, error=None, exception=None, extra_context=None) -> None:
        if error == AuthError.CANCELLED:
            return
        if isinstance(exception, EidRefused):
            message, status = exception.message, exception.status
        elif isinstance(exception, RequestException):
            from reconnect.accounts.eid.views import unreachable_page

            logger.warning("eID provider unreachable during sign-in: %s", type(exception).__name__)
            raise ImmediateHttpResponse(unreachable_page(request))
        elif exception is None:
            # No stored state matches: an old, reused or forged link.
            message, status = (
                _("This eID sign-in has expired or was already used. Please start again from the sign-in page."),
                400,
            )
        else:
            logger.info("eID sign-in refused by the provider: %s", type(exception).__name__)
            message, status = (
                _("The eID service did not accept this sign-in (it may have been used already). Please start again."),
                400,
            )
        _refuse(request, message, status=status)
