"""Admins manage topics here. Reading a post in the admin is reading someone's words: it is logged in
the author's access log."""

from django.contrib import admin

from forum.models import Post, Thread, Topic
from reconnect.core.admin import AccessLoggedAdmin


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "name_nb", "slug", "order", "is_active"]
    list_editable = ["order", "is_active"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    # Titles only; circle threads stay out of the list (they belong to their members).
    list_display = ["pk", "topic", "created_at", "last_activity_at", "post_count", "is_locked", "is_pinned"]
    list_filter = ["topic", "is_locked", "is_pinned"]
    fields = ["topic", "title", "is_locked", "is_pinned", "post_count", "view_count", "created_at"]
    readonly_fields = ["post_count", "view_count", "created_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(circle__isnull=True).select_related("topic")

    def has_add_permission(self, request):
        return False


@admin.register(Post)
class PostAdmin(AccessLoggedAdmin):
    list_display = ["pk", "thread_id", "position", "status", "created_at"]
    list_filter = ["status"]
    fields = ["thread", "position", "status", "content_note", "body", "created_at", "edited_at"]
    readonly_fields = ["thread", "position", "content_note", "body", "created_at", "edited_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(thread__circle__isnull=True)

    def has_add_permission(self, request):
        return False

    def access_log_subject(self, obj):
        return obj.author
