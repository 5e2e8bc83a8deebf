from django.contrib import admin

from reconnect.core.models import AccessLogEntry, ContentPage, CrisisContact


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records the admin may read but never add, change or delete (logs, metadata)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CrisisContact)
class CrisisContactAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "community", "language", "order"]
    list_filter = ["community", "language"]
    list_editable = ["order"]


@admin.register(ContentPage)
class ContentPageAdmin(admin.ModelAdmin):
    list_display = ["slug", "language", "title", "published", "updated_at"]
    list_filter = ["language", "published"]
    search_fields = ["title", "slug"]


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(ReadOnlyAdmin):
    """Read-only: the access log is append-only, here as in the database."""

    list_display = ["created_at", "actor_name", "actor_role", "action", "object_type", "subject"]
    list_filter = ["actor_role", "action"]
    list_select_related = ["subject"]
    date_hierarchy = "created_at"
