from django.urls import path

from reconnect.accounts import views
from reconnect.accounts.eid import views as eid_views

app_name = "accounts"

urlpatterns = [
    path("accounts/invitation/<str:token>/", views.invitation, name="invitation"),
    path("onboarding/", views.onboarding, name="onboarding"),
    path("me/", views.profile, name="profile"),
    path("me/sign-in/", views.sign_in_methods, name="sign_in_methods"),
    path("me/sign-in/eid/link/", eid_views.link, name="eid_link"),
    path("me/sign-in/eid/unlink/", eid_views.unlink, name="eid_unlink"),
    path("me/sign-in/eid/reauthenticate/", eid_views.reauthenticate, name="eid_reauthenticate"),
    path("me/care-team/", views.care_team, name="care_team"),
    path("me/care-team/<int:pk>/end/", views.end_care_link, name="end_care_link"),
    path("me/notifications/", views.notification_settings, name="notification_settings"),
    path("me/access-log/", views.access_log, name="access_log"),
    path("provider/invite/", views.provider_invite, name="provider_invite"),
]
