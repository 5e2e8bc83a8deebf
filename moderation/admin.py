"""Admins manage watched words and sanctions here and read the log; the log itself is append-only."""

from django.contrib import admin

from moderation.models import (
    EscalationContact,
    ModerationAction,
    QueueItem,
    Report,
    Sanction,
    SavedReply,
    WatchedWord,
)
from reconnect.core.admin import AccessLoggedAdmin, ReadOnlyAdmin


@admin.register(WatchedWord)
class WatchedWordAdmin(admin.ModelAdmin):
    list_display = ["phrase", "language", "action", "is_active"]
    list_filter = ["language", "action", "is_active"]
    search_fields = ["phrase"]
    exclude = ["created_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(EscalationContact)
class EscalationContactAdmin(admin.ModelAdmin):
    """Who is emailed when a crisis item waits unclaimed for MODERATION_CRISIS_ESCALATE_MINUTES."""

    list_display = ["name", "email", "phone", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "email"]
    exclude = ["created_at"]


@admin.register(SavedReply)
class SavedReplyAdmin(admin.ModelAdmin):
    list_display = ["title", "updated_at"]
    exclude = ["created_by"]


@admin.register(Sanction)
class SanctionAdmin(AccessLoggedAdmin):
    """Admins may end a sanction early; new sanctions go through the moderation pages (and the log)."""

    list_display = ["member", "kind", "starts_at", "ends_at", "lifted_at"]
    list_filter = ["kind"]
    readonly_fields = ["member", "kind", "reason", "starts_at", "created_by"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def access_log_subject(self, obj):
        return obj.member

    def access_log_label(self, obj) -> str:
        return str(obj.get_kind_display())


@admin.register(ModerationAction)
class ModerationActionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "actor", "action", "subject"]
    # Post text stays on the moderation pages; the admin shows who did what, when and why.
    exclude = ["before_text", "after_text"]
    list_filter = ["action"]


@admin.register(QueueItem)
class QueueItemAdmin(ReadOnlyAdmin):
    list_display = ["pk", "kind", "severity", "category", "status", "created_at", "claimed_by", "auto_escalated_at"]
    list_filter = ["kind", "severity", "status"]
    # The evidence holds the member's words: it is read on the moderation pages, not in the admin.
    exclude = ["matched", "evidence"]


@admin.register(Report)
class ReportAdmin(AccessLoggedAdmin, ReadOnlyAdmin):
    list_display = ["pk", "reason", "outcome", "created_at"]
    list_filter = ["reason", "outcome"]

    def access_log_subject(self, obj):
        # The details are the reporter's words; the reported post is opened on its own page.
        return obj.reporter
