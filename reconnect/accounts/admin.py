from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import ReadOnlyPasswordHashWidget
from django.contrib.auth.forms import UserChangeForm as DjangoUserChangeForm
from django.utils.translation import gettext_lazy as _

from reconnect.accounts import pseudonyms, services
from reconnect.accounts.models import CareRelationship, Community, Invitation, User
from reconnect.core.admin import AccessLoggedAdmin


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class PasswordHashWidget(ReadOnlyPasswordHashWidget):
    """Django's widget renders its disabled field as `<div disabled>`, which is not valid HTML."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].pop("disabled", None)
        return context


class UserChangeForm(DjangoUserChangeForm):
    class Meta(DjangoUserChangeForm.Meta):
        model = User
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "password" in self.fields:
            self.fields["password"].widget = PasswordHashWidget()

    def clean_pseudonym(self):
        """An admin may give any name, but not one that looks like someone else's."""
        value = pseudonyms.normalise(self.cleaned_data.get("pseudonym") or "") or None
        others = User.objects.exclude(pk=self.instance.pk)
        if value and others.filter(pseudonym_skeleton=pseudonyms.skeleton(value)).exists():
            raise forms.ValidationError(_("This pseudonym looks too much like one that is taken."), code="lookalike")
        return value


@admin.register(User)
class UserAdmin(AccessLoggedAdmin, DjangoUserAdmin):
    form = UserChangeForm
    ordering = ["email"]
    list_display = ["email", "pseudonym", "role", "community", "is_active", "onboarded_at"]
    list_filter = ["role", "community", "is_active"]
    list_select_related = ["community"]
    search_fields = ["email", "pseudonym", "real_name"]
    readonly_fields = ["date_joined", "last_login", "onboarded_at", "terms_version"]
    filter_horizontal = ["extra_communities"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Identity"), {"fields": ["pseudonym", "real_name", "preferred_language"]}),
        (_("Role"), {"fields": ["role", "community", "extra_communities", "is_active", "is_staff", "is_superuser"]}),
        (_("Dates"), {"fields": ["date_joined", "last_login", "onboarded_at", "terms_version"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "role", "community", "password1", "password2"]})]

    def access_log_subject(self, obj):
        return obj

    def save_model(self, request, obj, form, change):
        if "pseudonym" in form.changed_data:
            obj.set_pseudonym(obj.pseudonym)
        super().save_model(request, obj, form, change)

    def access_log_label(self, obj) -> str:
        return str(_("Profile"))

    def has_delete_permission(self, request, obj=None):
        # People are deactivated here, never deleted: erasure must anonymise forum posts and keep
        # the append-only access log, which a plain delete cannot do.
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "kind", "role", "community", "created_at", "expires_at", "used_at", "revoked_at"]
    # Only a hash of the link is stored: the link itself is shown once, when the invitation is made.
    view_on_site = False
    list_filter = ["role", "community"]
    list_select_related = ["community"]
    search_fields = ["email"]
    fields = ["email", "role", "community", "care_provider", "expires_at", "revoked_at"]
    actions = ["revoke"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        try:
            created = services.create_invitation(
                email=obj.email,
                role=obj.role,
                community=obj.community,
                invited_by=request.user,
                care_provider=obj.care_provider,
            )
        except ValueError as exc:
            self.message_user(request, str(exc), level=messages.ERROR)
            return
        obj.pk = created.pk
        obj.token = created.token
        self.message_user(request, _("Invitation sent. Link: %(link)s") % {"link": services.invitation_link(created)})

    @admin.action(description=_("Revoke the selected invitations"))
    def revoke(self, request, queryset):
        from django.utils import timezone

        count = queryset.filter(used_at__isnull=True, revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, _("%(count)d invitations revoked.") % {"count": count})


@admin.register(CareRelationship)
class CareRelationshipAdmin(AccessLoggedAdmin):
    list_display = ["member", "provider", "created_at", "ended_at"]
    list_filter = ["ended_at"]
    list_select_related = ["member", "provider"]
    raw_id_fields = ["member", "provider"]
    fields = ["member", "provider", "ended_at"]

    def access_log_subject(self, obj):
        return obj.member

    def access_log_label(self, obj) -> str:
        return str(CareRelationship._meta.verbose_name)

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            created = services.link_care_team(member=obj.member, provider=obj.provider, created_by=request.user)
            obj.pk = created.pk


# The eID is configured by the environment only, and a person's eID link is theirs to add and
# remove (/me/sign-in/): allauth's admin pages for these are not offered. Its admin module is
# imported here first so that the admin's later autodiscovery does not register them again.
import allauth.socialaccount.admin  # noqa: E402, F401
from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken  # noqa: E402

for _model in (SocialApp, SocialToken, SocialAccount):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
