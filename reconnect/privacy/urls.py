from django.urls import path

from reconnect.privacy import views

app_name = "privacy"

urlpatterns = [
    path("me/data/", views.overview, name="overview"),
    path("me/privacy/", views.privacy_settings, name="settings"),
    path("me/export/", views.export, name="export"),
    path("me/export/<int:pk>/download/", views.export_download, name="export_download"),
    path("me/delete/", views.delete_account, name="delete"),
    path("me/deleted/", views.deleted, name="deleted"),
]
