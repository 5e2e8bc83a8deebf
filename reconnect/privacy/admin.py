"""Exports and account deletions for the admin: when and how much, never what."""

from django.contrib import admin

from reconnect.core.admin import ReadOnlyAdmin
from reconnect.privacy.models import DataExport, ErasureRequest


@admin.register(DataExport)
class DataExportAdmin(ReadOnlyAdmin):
    list_display = ["pk", "user_id", "status", "requested_at", "ready_at", "expires_at", "downloaded_at", "size"]
    list_filter = ["status"]
    date_hierarchy = "requested_at"
    fields = ["user_id", "status", "requested_at", "ready_at", "expires_at", "downloaded_at", "size"]
    readonly_fields = fields


@admin.register(ErasureRequest)
class ErasureRequestAdmin(ReadOnlyAdmin):
    list_display = ["pk", "requested_at", "completed_at", "kept_post_text", "kept_messages"]
    list_filter = ["kept_post_text", "kept_messages"]
    date_hierarchy = "requested_at"
    fields = ["requested_at", "completed_at", "kept_post_text", "kept_messages", "counts"]
    readonly_fields = fields
