"""Routes of signing in with the eID and passkeys, and of /me/sign-in/.

The matrix runs without an eID configured: its sign-in and callback URLs then answer 400 with
a clear page for everyone (tests/accounts/eid/ covers them with a real provider).
"""

from tests.security.matrix import LOGIN, OK, REAUTH, Redirect, Route, everyone, only

SIGNED_IN = ("member", "other_member", "moderator", "provider", "other_provider", "admin")

ROUTES = {
    "accounts:sign_in_methods": Route("/me/sign-in/", only(OK, *SIGNED_IN)),
    # Linking or unlinking the eID is sensitive: the password first.
    "accounts:eid_link": Route("/me/sign-in/eid/link/", only(REAUTH, *SIGNED_IN), method="post"),
    "accounts:eid_unlink": Route("/me/sign-in/eid/unlink/", only(REAUTH, *SIGNED_IN), method="post"),
    # Confirming with the eID instead of the password (for people who have no password).
    "accounts:eid_reauthenticate": Route("/me/sign-in/eid/reauthenticate/", only(OK, *SIGNED_IN)),
    "openid_connect_login": Route("/accounts/oidc/eid/login/", everyone(400)),
    "openid_connect_callback": Route("/accounts/oidc/eid/login/callback/?code=x&state=y", everyone(400)),
    # The passkey sign-in: the sign-in page's script asks it for options (with an Accept: JSON header).
    "mfa_login_webauthn": Route(
        "/accounts/2fa/webauthn/login/", everyone(Redirect("/"), anonymous=Redirect("/accounts/login/"))
    ),
    "socialaccount_login_cancelled": Route("/accounts/3rdparty/login/cancelled/", everyone(OK)),
    # allauth answers its generic error page with 401.
    "socialaccount_login_error": Route("/accounts/3rdparty/login/error/", everyone(401)),
    # Only reachable in the middle of a sign-in, which the eID never leaves half done.
    "socialaccount_signup": Route(
        "/accounts/3rdparty/signup/", everyone(Redirect("/"), anonymous=Redirect("/accounts/login/"))
    ),
    "socialaccount_connections": Route("/accounts/3rdparty/", only(OK, *SIGNED_IN, anonymous=LOGIN)),
}
