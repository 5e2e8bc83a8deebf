from django.urls import path

from cafes import views

app_name = "cafes"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/answer/", views.rsvp, name="rsvp"),
    path("<int:pk>/company/", views.company_new, name="company_new"),
    path("<int:pk>/who-came/", views.who_came, name="who_came"),
    path("company/<int:pk>/accept/", views.company_accept, name="company_accept"),
    path("company/<int:pk>/withdraw/", views.company_withdraw, name="company_withdraw"),
    path("<int:pk>/calendar.ics", views.ical, name="ical"),
    path("<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("<int:pk>/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("series/new/", views.series_new, name="series_new"),
    path("series/<int:pk>/", views.series, name="series"),
    path("settings/", views.cafe_settings, name="settings"),
    path("settings/feed/renew/", views.feed_renew, name="feed_renew"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
]
