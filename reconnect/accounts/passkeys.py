"""Passkeys (allauth's WebAuthn): the form that adds one from /me/sign-in/."""

from allauth.mfa.webauthn.forms import AddWebAuthnForm
from django.utils.translation import gettext_lazy as _


class AddPasskeyForm(AddWebAuthnForm):
    """A key added here is a passkey by default: it signs the person in without a password."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("A name for this passkey (for example, the phone it is on)")
        if "passwordless" in self.fields:
            self.fields["passwordless"].initial = True
            self.fields["passwordless"].label = _("Use it to sign in without a password")
