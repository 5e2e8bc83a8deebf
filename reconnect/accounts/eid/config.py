"""allauth's provider configuration for the eID, built from settings read from the environment.

Imported by settings.py (no models here), and by tests that point the portal at their own
OpenID provider.
"""

PROVIDER_ID = "eid"
TOKEN_AUTH_METHODS = ("client_secret_basic", "client_secret_post", "private_key_jwt")


def eid_app(
    *,
    issuer: str,
    client_id: str,
    client_secret: str = "",
    private_key: str = "",
    private_key_id: str = "",
    token_auth_method: str = "",
    acr: str,
    scopes: list[str],
    pid_claim: str = "pid",
    name: str = "eID",
) -> dict:
    """One allauth app entry for the `openid_connect` provider, with the portal's own settings."""
    method = token_auth_method or ("private_key_jwt" if private_key else "client_secret_post")
    return {
        "provider_id": PROVIDER_ID,
        "name": name,
        "client_id": client_id,
        "secret": client_secret,
        "settings": {
            "server_url": issuer.rstrip("/"),
            "token_auth_method": method,
            "private_key": private_key,
            "private_key_id": private_key_id,
            # Always PKCE; the required level goes along as acr_values and is checked on return.
            "oauth_pkce_enabled": True,
            "auth_params": {"acr_values": acr},
            "acr": acr,
            "scope": scopes,
            "pid_claim": pid_claim,
            # Everything the portal needs is in the signed ID token; userinfo is not asked for.
            "fetch_userinfo": False,
        },
    }


def allauth_providers(app: dict | None) -> dict:
    """SOCIALACCOUNT_PROVIDERS: allauth's OpenID Connect provider, replaced by the portal's subclass."""
    return {
        "openid_connect": {
            "provider_class": "reconnect.accounts.eid.provider.EidProvider",
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [app] if app else [],
        }
    }


def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL, as a Content-Security-Policy source."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
