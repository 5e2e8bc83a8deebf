from allauth.account.forms import SignupForm
from allauth.core import context
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from reconnect.accounts import pseudonyms, services
from reconnect.accounts.models import Role, User


class PseudonymField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Pseudonym"))
        kwargs.setdefault("max_length", pseudonyms.MAX_LENGTH)
        kwargs.setdefault("min_length", pseudonyms.MIN_LENGTH)
        kwargs.setdefault("help_text", pseudonyms.GUIDANCE)
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})

    def clean(self, value):
        value = pseudonyms.normalise(value or "")
        value = super().clean(value)
        pseudonyms.validate_format(value)
        return value


def clean_pseudonym_for(user: User, value: str) -> str:
    """Validate a pseudonym chosen by `user`; raises ValidationError with a clear message."""
    if user.role == Role.MEMBER:
        pseudonyms.validate_not_identifying(
            value, email=user.email, real_name=f"{user.real_name} {user.care_team_name}".strip()
        )
        moderators = User.objects.filter(role=Role.MODERATOR, is_active=True).values_list("pseudonym", "real_name")
        staff_names = [
            name for pseudonym, real_name in moderators for name in (pseudonym or "", real_name.split(" ")[0])
        ]
        pseudonyms.validate_not_reserved(value, staff_names=staff_names)
    # A look-alike of a taken name (same skeleton), or the same name in other capitals: the second
    # test also finds names that share a skeleton with an older one (see migration 0004).
    others = User.objects.exclude(pk=user.pk)
    if others.filter(Q(pseudonym_skeleton=pseudonyms.skeleton(value)) | Q(pseudonym__iexact=value)).exists():
        if others.filter(pseudonym__iexact=value).exists():
            raise forms.ValidationError(_("This pseudonym is taken. Please choose another one."), code="taken")
        raise forms.ValidationError(
            _(
                "This pseudonym looks too much like one that is taken, so others could mix you up. Please choose another one."
            ),
            code="lookalike",
        )
    return value


class InvitationSignupForm(SignupForm):
    """allauth's signup form, bound to the invitation opened in this session."""

    real_name = forms.CharField(
        label=_("Your real name (optional)"),
        max_length=150,
        required=False,
        help_text=_("Private: only your care team sees it. It never appears in the forum or at cafés."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = context.request
        self.invitation = services.invitation_from_session(request) if request is not None else None
        if self.invitation is not None:
            self.fields["email"].initial = self.invitation.email
            self.fields["email"].help_text = _("The address your invitation was sent to.")
            self.fields["email"].widget.attrs["readonly"] = True

    def clean_email(self):
        email = super().clean_email()
        if self.invitation is not None and email.lower() != self.invitation.email.lower():
            raise forms.ValidationError(_("Please sign up with the email address your invitation was sent to."))
        return email

    def clean(self):
        cleaned = super().clean()
        if self.invitation is None:
            raise forms.ValidationError(_("This invitation is no longer valid. Ask for a new one."))
        return cleaned


class OnboardingForm(forms.Form):
    pseudonym = PseudonymField()
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    accept_not_emergency = forms.BooleanField(
        label=_(
            "I understand that ReConnect is not for emergencies, and that I call 113 or the crisis contacts shown on every page when I need help now."
        )
    )
    accept_confidentiality = forms.BooleanField(
        label=_("I will keep what others share in the forum and at cafés to myself.")
    )
    accept_anonymity = forms.BooleanField(
        label=_("I know how to stay anonymous: I avoid details in one place that could reveal who I am in another.")
    )
    accept_provider_access = forms.BooleanField(
        label=_(
            "I understand that my care team sees only what I choose to share with them, and never the forum or cafés."
        )
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["language"].initial = user.preferred_language
        if user.role not in (Role.MEMBER, Role.MODERATOR):
            del self.fields["pseudonym"]
        else:
            self.fields["pseudonym"].initial = user.pseudonym
        if user.role == Role.MODERATOR:
            self.fields["pseudonym"].help_text = _(
                "As a peer moderator you may appear under your first name, as the members know you."
            )
        if user.role != Role.MEMBER:
            for name in ("accept_anonymity", "accept_provider_access"):
                del self.fields[name]

    def clean_pseudonym(self):
        return clean_pseudonym_for(self.user, self.cleaned_data["pseudonym"])


class ProfileForm(forms.Form):
    pseudonym = PseudonymField()
    real_name = forms.CharField(
        label=_("Real name"),
        max_length=150,
        required=False,
        help_text=_("Private: only your care team sees it."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user.role not in (Role.MEMBER, Role.MODERATOR):
            del self.fields["pseudonym"]

    def clean_pseudonym(self):
        return clean_pseudonym_for(self.user, self.cleaned_data["pseudonym"])

    def clean(self):
        cleaned = super().clean()
        if "pseudonym" in self.fields and cleaned.get("pseudonym") and self.user.role == Role.MEMBER:
            # A changed real name must not make the current pseudonym identifying either.
            try:
                pseudonyms.validate_not_identifying(
                    cleaned["pseudonym"], email=self.user.email, real_name=cleaned.get("real_name", "")
                )
            except forms.ValidationError as exc:
                self.add_error("real_name", exc)
        return cleaned


class CareTeamNameForm(forms.Form):
    care_team_name = forms.CharField(
        label=_("Name for my care team"),
        max_length=150,
        required=False,
        help_text=_(
            "Private: only the providers of your care team see it, in place of your real name. Leave it "
            "empty and they see your real name. It never appears in the forum or at cafés."
        ),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_care_team_name(self):
        value = " ".join(self.cleaned_data["care_team_name"].split())
        pseudonyms.validate_care_team_name(value, pseudonym=self.user.pseudonym)
        return value


class ProviderInvitationForm(forms.Form):
    email = forms.EmailField(label=_("The member's email address"))

    def clean_email(self):
        # Whether the address has an account is not checked here: the answer must not tell.
        return self.cleaned_data["email"].strip().lower()
