"""The OpenID Connect exchange with the eID, stricter than allauth's defaults.

allauth's OpenID Connect adapter sends no nonce, skips the ID token's signature when the token
came straight from the token endpoint, and knows nothing of the level of assurance or of
`private_key_jwt`. Here every ID token is checked in full (OpenID Connect Core 3.1.3.7): the
signature against the provider's published keys with an asymmetric algorithm, the issuer, the
audience (and `azp` when there are several), expiry and issue time, the nonce sent with this
sign-in, the required `acr`, and the presence of the identity number.
"""

import time
import uuid

import jwt
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.providers.oauth2.client import OAuth2Client, OAuth2Error
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

# Only asymmetric signatures: a token signed with the client secret (HS256) or unsigned ("none")
# could be made by anyone who knows the secret, or by anyone at all.
SIGNING_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")
# Clocks differ a little between the portal and the provider.
CLOCK_SKEW_SECONDS = 60
# An ID token issued longer ago than this is not accepted, whatever its expiry says.
MAX_TOKEN_AGE_SECONDS = 600
DISCOVERY_CACHE_SECONDS = 300


def same_issuer(published, configured: str) -> bool:
    """The issuer a discovery document publishes against the configured one. A trailing slash is
    the one difference allowed (ID-porten publishes `https://idporten.no/`); tokens are then
    checked against the published value exactly."""
    return isinstance(published, str) and published.rstrip("/") == configured.rstrip("/")


class EidRefused(OAuth2Error):
    """A sign-in the portal refuses, with the message the person sees and the page's status."""

    def __init__(self, message, *, status: int = 400, code: str = "invalid") -> None:
        super().__init__(str(message))
        self.message = message
        self.status = status
        self.code = code


class EidClient(OAuth2Client):
    """allauth's OAuth2 client, plus `private_key_jwt` client authentication (RFC 7523)."""

    # The assertion's audience: the provider's issuer (set by the adapter).
    token_audience = ""

    def __init__(self, *args, private_key: str = "", private_key_id: str = "", use_private_key: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.private_key = private_key
        self.private_key_id = private_key_id
        self.use_private_key = use_private_key

    def get_access_token(self, code, pkce_code_verifier=None, extra_data=None):
        if not self.use_private_key:
            return super().get_access_token(code, pkce_code_verifier=pkce_code_verifier, extra_data=extra_data)
        now = int(time.time())
        headers = {"kid": self.private_key_id} if self.private_key_id else None
        assertion = jwt.encode(
            {
                "iss": self.consumer_key,
                "sub": self.consumer_key,
                "aud": self.token_audience,
                "jti": uuid.uuid4().hex,
                "iat": now,
                "exp": now + 120,
            },
            self.private_key,
            algorithm="RS256",
            headers=headers,
        )
        # The secret is replaced by the signed assertion; the parent class sends what it is given.
        secret: str = getattr(self, "consumer_secret", "")
        self.consumer_secret = ""
        try:
            return super().get_access_token(
                code,
                pkce_code_verifier=pkce_code_verifier,
                extra_data={
                    **(extra_data or {}),
                    "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                    "client_assertion": assertion,
                },
            )
        finally:
            self.consumer_secret = secret


class EidOAuth2Adapter(OpenIDConnectOAuth2Adapter):
    # Set by the callback view from the state stored when the sign-in began.
    expected_nonce: str | None = None
    process: str | None = None

    @property
    def openid_config(self):
        if not hasattr(self, "_openid_config"):
            provider = self.get_provider()
            key = f"eid:discovery:{provider.server_url}"
            config = cache.get(key)
            if config is None:
                with get_adapter().get_requests_session() as session:
                    response = session.get(provider.server_url)
                    response.raise_for_status()
                    config = response.json()
                if not isinstance(config, dict) or not same_issuer(
                    config.get("issuer"), provider.app.settings["server_url"]
                ):
                    # The discovery document must name the configured issuer (OpenID Discovery 4.3).
                    raise EidRefused(_("The eID service answered with another identity than expected."))
                cache.set(key, config, DISCOVERY_CACHE_SECONDS)
            self._openid_config = config
        return self._openid_config

    @property
    def basic_auth(self):
        return self.get_provider().app.settings.get("token_auth_method") == "client_secret_basic"

    def get_client(self, request, app):
        client = EidClient(
            self.request,
            app.client_id,
            app.secret,
            self.access_token_method,
            self.access_token_url,
            self.get_callback_url(request, app),
            scope_delimiter=self.scope_delimiter,
            headers=self.headers,
            basic_auth=self.basic_auth,
            private_key=app.settings.get("private_key", ""),
            private_key_id=app.settings.get("private_key_id", ""),
            use_private_key=app.settings.get("token_auth_method") == "private_key_jwt",
        )
        if client.use_private_key:
            client.token_audience = self.openid_config["issuer"]
        return client

    def complete_login(self, request, app, token, **kwargs):
        id_token = kwargs["response"].get("id_token")
        if not id_token:
            raise EidRefused(_("The eID service sent no proof of who signed in."))
        claims = self.verify_id_token(app, id_token)
        login = self.get_provider().sociallogin_from_response(request, {"id_token": claims})
        if self.process == "connect" and self._linked_to_someone_else(request, login.account):
            # Refused before allauth looks the link up (which would touch the other account's row).
            raise EidRefused(
                _(
                    "This eID is already linked to another account on this portal, so it cannot be linked to "
                    "yours. Nothing was changed."
                ),
                status=403,
            )
        # Kept (encrypted) in the session after sign-in, for the provider's end-session endpoint.
        login.eid_id_token = id_token
        return login

    @staticmethod
    def _linked_to_someone_else(request, account) -> bool:
        from allauth.socialaccount.models import SocialAccount

        others = SocialAccount.objects.filter(provider=account.provider, uid=account.uid)
        return others.exclude(user_id=getattr(request.user, "pk", None)).exists()

    def verify_id_token(self, app, id_token: str) -> dict:
        config = self.openid_config
        try:
            header = jwt.get_unverified_header(id_token)
        except jwt.PyJWTError as exc:
            raise EidRefused(_("The eID sign-in could not be read.")) from exc
        algorithm = header.get("alg")
        if algorithm not in SIGNING_ALGORITHMS:
            raise EidRefused(_("The eID sign-in was not signed the way the portal accepts."))
        key = self._signing_key(header.get("kid"), config["jwks_uri"])
        try:
            claims = jwt.decode(
                id_token,
                key=key,
                algorithms=[algorithm],
                audience=app.client_id,
                issuer=config["issuer"],
                leeway=CLOCK_SKEW_SECONDS,
                options={"require": ["iss", "sub", "aud", "exp", "iat"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise EidRefused(_("The eID sign-in has expired. Please sign in again.")) from exc
        except jwt.InvalidIssuerError as exc:
            raise EidRefused(_("The eID sign-in came from another service than the one this portal uses.")) from exc
        except jwt.InvalidAudienceError as exc:
            raise EidRefused(_("The eID sign-in was meant for another service, not this portal.")) from exc
        except jwt.PyJWTError as exc:
            raise EidRefused(_("The eID sign-in could not be verified.")) from exc
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if len(audiences) > 1 and claims.get("azp") != app.client_id:
            raise EidRefused(_("The eID sign-in was meant for another service, not this portal."))
        if claims["iat"] < time.time() - MAX_TOKEN_AGE_SECONDS - CLOCK_SKEW_SECONDS:
            raise EidRefused(_("The eID sign-in has expired. Please sign in again."))
        if not self.expected_nonce or claims.get("nonce") != self.expected_nonce:
            raise EidRefused(_("The eID sign-in does not belong to this sign-in attempt. Please start again."))
        required_acr = app.settings.get("acr")
        if required_acr and claims.get("acr") != required_acr:
            raise EidRefused(
                _(
                    "Your eID sign-in was at a lower security level than this portal needs. "
                    "Please sign in again with an eID at the high level (such as BankID)."
                ),
                status=403,
                code="acr",
            )
        if not isinstance(claims.get(app.settings.get("pid_claim", "pid")), str):
            raise EidRefused(_("The eID service did not say who signed in."))
        try:
            jwtkit.verify_jti(claims)
        except OAuth2Error as exc:
            raise EidRefused(_("This eID sign-in has been used already. Please start again.")) from exc
        return claims

    def _signing_key(self, kid: str | None, jwks_uri: str):
        with get_adapter().get_requests_session() as session:
            response = session.get(jwks_uri)
            response.raise_for_status()
            keys = response.json()
        try:
            key_set = jwt.PyJWKSet.from_dict(keys)
        except jwt.PyJWTError as exc:
            raise EidRefused(_("The eID sign-in could not be verified.")) from exc
        for key in key_set.keys:
            if kid is None or key.key_id == kid:
                return key
        raise EidRefused(_("The eID sign-in could not be verified."))
