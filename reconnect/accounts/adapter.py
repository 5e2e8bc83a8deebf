from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from reconnect.accounts import services, signin
from reconnect.accounts.eid import services as eid_services
from reconnect.core.crypto import decrypt_text, encrypt_text


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """Registration is by invitation only: a valid invitation must have been opened first.
        The form sets a password, so the invitation's role must be allowed to use one."""
        invitation = services.invitation_from_session(request)
        return invitation is not None and signin.PASSWORD in signin.allowed_methods(invitation.role)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.real_name = form.cleaned_data.get("real_name", "").strip()
        if commit:
            services.register_invited_user(request=request, user=user)
        return user

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return "/"

    def pre_login(self, request, user, **kwargs):
        return super().pre_login(request, user, **kwargs) or signin.refuse_disallowed_method(request, user)

    def post_login(self, request, user, **kwargs):
        signin.remember_sign_in(request, user)
        eid_services.remember_id_token(request, (kwargs.get("signal_kwargs") or {}).get("sociallogin"))
        return super().post_login(request, user, **kwargs)

    def get_login_stages(self) -> list[str]:
        # The second-factor step knows that a high-level eID sign-in is two-factor already.
        return [
            "reconnect.accounts.signin.AuthenticateStage" if path == "allauth.mfa.stages.AuthenticateStage" else path
            for path in super().get_login_stages()
        ]

    def get_reauthentication_methods(self, user) -> list[dict]:
        methods = super().get_reauthentication_methods(user)
        if user.is_authenticated and settings.EID_ENABLED and eid_services.eid_link(user) is not None:
            methods.append(
                {
                    "id": "eid_reauthenticate",
                    "description": _("Use your eID"),
                    "url": reverse("accounts:eid_reauthenticate"),
                }
            )
        return methods

    def get_logout_redirect_url(self, request: HttpRequest) -> str:
        # Computed before the session ends: a session that began with the eID ends there too.
        return eid_services.provider_logout_url(request) or super().get_logout_redirect_url(request)


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets are encrypted at rest with the portal's field-encryption keys."""

    def encrypt(self, text: str) -> str:
        return encrypt_text(text)

    def decrypt(self, encrypted_text: str) -> str:
        return decrypt_text(encrypted_text)
