"""allauth mounts these under /accounts/ (as `<provider package>.urls`), in the place of its own
OpenID Connect views: /accounts/oidc/eid/login/ and /accounts/oidc/eid/login/callback/."""

from allauth.socialaccount import app_settings
from django.urls import include, path, re_path

from reconnect.accounts.eid import views

urlpatterns = [
    path(
        f"{app_settings.OPENID_CONNECT_URL_PREFIX}/",
        include(
            [
                re_path(
                    r"^(?P<provider_id>[^/]+)/",
                    include(
                        [
                            path("login/", views.login, name="openid_connect_login"),
                            path("login/callback/", views.callback, name="openid_connect_callback"),
                        ]
                    ),
                )
            ]
        ),
    )
]
