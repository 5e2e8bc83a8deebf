"""allauth's OpenID Connect provider, as the portal uses it for a national eID.

The person's account is found by an HMAC of the identity number (the uid of allauth's
SocialAccount row); the number itself, the names and the rest of the token are never stored.
"""

from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from django.utils.crypto import get_random_string
from django.utils.translation import get_language

from reconnect.accounts.eid.hashing import pid_digest
from reconnect.accounts.eid.oidc import EidOAuth2Adapter


class EidProvider(OpenIDConnectProvider):
    oauth2_adapter_class = EidOAuth2Adapter
    # allauth mounts the URLs of `<package>.urls`: the portal's views, not allauth's.
    package = "reconnect.accounts.eid"

    def _claims(self, data: dict) -> dict:
        return data.get("id_token") or {}

    def extract_uid(self, data: dict) -> str:
        return pid_digest(self._claims(data)[self.app.settings.get("pid_claim", "pid")])

    def extract_extra_data(self, data: dict) -> dict:
        # Only how the person signed in: no number, no names.
        claims = self._claims(data)
        return {key: claims[key] for key in ("acr", "amr") if claims.get(key)}

    def extract_common_fields(self, data: dict) -> dict:
        claims = self._claims(data)
        return {
            "name": claims.get("name"),
            "first_name": claims.get("given_name"),
            "last_name": claims.get("family_name"),
        }

    def extract_email_addresses(self, data: dict) -> list:
        # The address comes from the invitation the person opened, never from the eID.
        return []

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        nonce = get_random_string(32)
        auth_params = kwargs.pop("auth_params", None)
        if auth_params is None:
            auth_params = self.get_auth_params()
        # The required level always goes along, whatever the request asked for.
        auth_params.update(
            nonce=nonce,
            acr_values=self.app.settings.get("acr", ""),
            ui_locales=(get_language() or "en").split("-")[0],
        )
        return super().redirect(request, process, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs)


provider_classes = [EidProvider]
