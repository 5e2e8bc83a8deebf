from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.http import HttpRequest

from reconnect.accounts import services
from reconnect.core.crypto import decrypt_text, encrypt_text


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """Registration is by invitation only: a valid invitation must have been opened first."""
        return services.invitation_from_session(request) is not None

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.real_name = form.cleaned_data.get("real_name", "").strip()
        if commit:
            services.register_invited_user(request=request, user=user)
        return user

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return "/"


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets are encrypted at rest with the portal's field-encryption keys."""

    def encrypt(self, text: str) -> str:
        return encrypt_text(text)

    def decrypt(self, encrypted_text: str) -> str:
        return decrypt_text(encrypted_text)
