from django.urls import path

from moderation import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("duty/", views.duty, name="duty"),
    path("items/<int:pk>/", views.item, name="item"),
    path("items/<int:pk>/<slug:action>/", views.item_action, name="item_action"),
    path("log/", views.log, name="log"),
    path("sanctions/<int:pk>/lift/", views.lift_sanction, name="lift_sanction"),
    path("saved-replies/", views.saved_replies, name="saved_replies"),
    path("saved-replies/<int:pk>/", views.saved_reply_edit, name="saved_reply_edit"),
    path("saved-replies/<int:pk>/delete/", views.saved_reply_delete, name="saved_reply_delete"),
    path("watched-words/", views.watched_words, name="watched_words"),
    path("watched-words/<int:pk>/toggle/", views.watched_word_toggle, name="watched_word_toggle"),
    path("report/<int:pk>/", views.report, name="report"),
    path("my-reports/", views.my_reports, name="my_reports"),
    path("notes/", views.notices, name="notices"),
    path("notes/check-ins/<int:pk>/", views.check_in, name="check_in"),
    path("support/", views.support, name="support"),
]
