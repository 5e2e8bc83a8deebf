from django.contrib import admin
from django.contrib.admin.utils import unquote

from reconnect.core.models import AccessLogEntry, ContentPage, CrisisContact
from reconnect.core.services import log_access


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records the admin may read but never add, change or delete (logs, metadata)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AccessLoggedAdmin(admin.ModelAdmin):
    """Opening one person's record in the admin is reading their data: it goes in their access log,
    as a provider's or moderator's reading does. Lists are not logged (they open nobody's record)."""

    def access_log_subject(self, obj):
        """The person whose data `obj` is, or None."""
        raise NotImplementedError

    def access_log_label(self, obj) -> str:
        # The log outlives an erased account, so the label never names the person.
        return str(obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        subject = self.access_log_subject(obj) if obj is not None else None
        if subject is not None:
            log_access(
                actor=request.user, subject=subject, obj=obj, action="viewed_in_admin", label=self.access_log_label(obj)
            )
        return super().change_view(request, object_id, form_url, extra_context)


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
