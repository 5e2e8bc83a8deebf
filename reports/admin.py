"""The usage report's place in the admin: an entry in the index whose page is the report itself."""

from django.contrib import admin
from django.urls import path

from reconnect.core.permissions import is_portal_admin
from reports import views
from reports.models import UsageReport


@admin.register(UsageReport)
class UsageReportAdmin(admin.ModelAdmin):
    """No rows to list or edit: the "list" is the report, with its CSV and printable page beside it."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("", view(views.report), name="reports_usagereport_changelist"),
            path("csv/", view(views.report_csv), name="reports_usagereport_csv"),
            path("print/", view(views.report_print), name="reports_usagereport_print"),
        ]

    def has_module_permission(self, request) -> bool:
        return is_portal_admin(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return is_portal_admin(request.user)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
