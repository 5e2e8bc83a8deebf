"""Only content written by staff is in the admin; members' own toolbox items never are."""

from django.contrib import admin

from toolbox.models import Exercise, LocalLink


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin):
    list_display = ["title_en", "title_nb", "kind", "order", "published", "updated_at"]
    list_filter = ["kind", "published"]
    search_fields = ["title_en", "title_nb", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    fieldsets = [
        (None, {"fields": ["slug", "kind", "order", "published"]}),
        ("English", {"fields": ["title_en", "summary_en", "body_en"]}),
        ("Norsk", {"fields": ["title_nb", "summary_nb", "body_nb"]}),
    ]


@admin.register(LocalLink)
class LocalLinkAdmin(admin.ModelAdmin):
    list_display = ["name", "community", "kind", "order"]
    list_filter = ["community", "kind"]
    search_fields = ["name", "description"]
