"""Messaging in the admin: metadata only (who, when, how large). Subjects, bodies and file names
are never loaded here, so they cannot be shown by accident."""

from django.contrib import admin
from django.db.models import Count
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

from reconnect.core.admin import ReadOnlyAdmin

from .models import Attachment, Conversation, Message


class MetadataOnlyAdmin(ReadOnlyAdmin):
    """Nothing is added, changed or deleted here."""


@admin.register(Conversation)
class ConversationAdmin(MetadataOnlyAdmin):
    list_display = ["__str__", "member", "created_at", "last_message_at", "message_count", "member_archived_at"]
    fields = ["member", "created_at", "last_message_at", "member_archived_at"]
    list_select_related = ["member"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        return super().get_queryset(request).defer("subject").annotate(message_count=Count("messages"))

    @admin.display(description=_("messages"))
    def message_count(self, obj):
        return obj.message_count


@admin.register(Message)
class MessageAdmin(MetadataOnlyAdmin):
    list_display = ["__str__", "conversation_id", "author", "created_at", "stored_size"]
    fields = ["conversation", "author", "created_at", "stored_size"]
    readonly_fields = ["stored_size"]
    list_select_related = ["author"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        return super().get_queryset(request).defer("body").annotate(stored_bytes=Length("body"))

    @admin.display(description=_("size (encrypted, bytes)"))
    def stored_size(self, obj):
        return obj.stored_bytes


@admin.register(Attachment)
class AttachmentAdmin(MetadataOnlyAdmin):
    list_display = ["__str__", "message_id", "content_type", "size", "created_at"]
    fields = ["message", "content_type", "size", "created_at"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        return super().get_queryset(request).defer("original_name")
