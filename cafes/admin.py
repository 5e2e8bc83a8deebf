"""Cafés in the admin: series and meetings for the portal's operator. Answers, company posts and
reminders stay out of the admin: who goes to a café is the members' own business."""

from django.contrib import admin

from cafes.models import CafeSeries, Meeting


@admin.register(CafeSeries)
class CafeSeriesAdmin(admin.ModelAdmin):
    list_display = ["title", "community", "host", "frequency", "first_date", "last_date"]
    list_filter = ["community"]
    raw_id_fields = ["host"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "community", "place", "cancelled_at", "attendance"]
    list_filter = ["community"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["series", "host"]
