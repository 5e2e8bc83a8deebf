from allauth.account.decorators import secure_admin_login
from allauth.urls import build_provider_urlpatterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

# The admin signs in through allauth, so that its rate limits and two-factor sign-in apply there too.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = _("ReConnect administration")
admin.site.site_title = _("ReConnect")

# allauth's URLs as allauth.urls has them, without its deprecated unnamed redirects.
_allauth_urls = [
    path("", include("allauth.account.urls")),
    path("2fa/", include("allauth.mfa.urls")),
    path("3rdparty/", include("allauth.socialaccount.urls")),
    *build_provider_urlpatterns(),
    path("sessions/", include("allauth.usersessions.urls")),
]

urlpatterns = [
    path("", include("reconnect.core.urls")),
    path("", include("reconnect.accounts.urls")),
    path("", include("reconnect.privacy.urls")),
    path("accounts/", include(_allauth_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("forum/", include("forum.urls")),
    path("moderation/", include("moderation.urls")),
    path("messages/", include("messaging.urls")),
    path("toolbox/", include("toolbox.urls")),
    path("cafes/", include("cafes.urls")),
    # The provider dashboard: messaging owns the inbox and member list, the toolbox adds the
    # read-only views of what each member shares.
    path("provider/", include("messaging.provider_urls")),
    path("provider/", include("toolbox.provider_urls")),
]
