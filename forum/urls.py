from django.urls import path

from forum import views

app_name = "forum"

urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search, name="search"),
    path("settings/", views.forum_settings, name="settings"),
    path("settings/boundaries/<int:pk>/remove/", views.boundary_remove, name="boundary_remove"),
    path("topics/<slug:slug>/", views.topic, name="topic"),
    path("topics/<slug:slug>/new/", views.new_thread, name="new_thread"),
    path("threads/<int:pk>/", views.thread, name="thread"),
    path("threads/<int:pk>/reply/", views.reply, name="reply"),
    path("threads/<int:pk>/watch/", views.watch, name="watch"),
    path("threads/<int:pk>/react/", views.react_in_thread, name="react_in_thread"),
    path("posts/<int:pk>/", views.post, name="post"),
    path("posts/<int:pk>/edit/", views.edit_post, name="edit_post"),
    path("posts/<int:pk>/delete/", views.delete_post, name="delete_post"),
    path("posts/<int:pk>/react/", views.react, name="react"),
    path("people/<str:pseudonym>/", views.profile, name="profile"),
    path("people/<str:pseudonym>/boundary/", views.boundary, name="boundary"),
    path("people/<str:pseudonym>/reveal/", views.reveal, name="reveal"),
    path("people/<str:pseudonym>/reveal/revoke/", views.revoke_reveal, name="revoke_reveal"),
    path("circles/", views.circles, name="circles"),
    path("circles/new/", views.circle_create, name="circle_create"),
    path("circles/<int:pk>/", views.circle, name="circle"),
    path("circles/<int:pk>/invite/", views.circle_invite, name="circle_invite"),
    path("circles/<int:pk>/respond/", views.circle_respond, name="circle_respond"),
    path("circles/<int:pk>/leave/", views.circle_leave, name="circle_leave"),
    path("circles/<int:pk>/new/", views.circle_new_thread, name="circle_new_thread"),
]
