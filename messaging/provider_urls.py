"""The provider dashboard at /provider/ (the toolbox adds its read-only views under the same prefix)."""

from django.urls import path

from . import views

app_name = "provider"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("availability/", views.availability, name="availability"),
    path("members/<int:member_id>/", views.member_detail, name="member"),
    path("conversations/<int:pk>/", views.provider_conversation, name="conversation"),
    path("conversations/<int:pk>/reply/", views.provider_reply, name="reply"),
    path("conversations/<int:pk>/handled/", views.mark_handled, name="handled"),
    path("conversations/<int:pk>/reopen/", views.reopen, name="reopen"),
]
