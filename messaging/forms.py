from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import attachments
from .models import ProviderAvailability

BODY_MAX = 10_000


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to MAX_ATTACHMENTS files, each checked by its content; cleans to a list of CheckedFile."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            _("Optional. PDF, PNG, JPEG or plain text, at most 5 MB each, up to 3 files."),
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", ".pdf,.png,.jpg,.jpeg,.txt")

    def clean(self, data, initial=None):
        uploads = [d for d in (data if isinstance(data, list | tuple) else [data]) if d]
        if len(uploads) > attachments.MAX_ATTACHMENTS:
            raise ValidationError(
                _("You can attach at most %(count)s files to one message.") % {"count": attachments.MAX_ATTACHMENTS}
            )
        checked, errors = [], []
        for upload in uploads:
            super().clean(upload, initial)
            try:
                checked.append(attachments.check_upload(upload))
            except ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise ValidationError(errors)
        return checked


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Please write a message.")},
    )
    attachments = AttachmentsField(label=_("Attach files"))

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise ValidationError(_("Please write a message."))
        return body


class NewConversationForm(MessageForm):
    providers = forms.ModelMultipleChoiceField(
        label=_("To"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Please choose who in your care team should get the message."),
            "invalid_choice": _("You can write only to providers in your care team."),
            "invalid_pk_value": _("You can write only to providers in your care team."),
        },
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=150,
        help_text=_("A few words, so that you and your care team find the conversation again."),
        error_messages={"required": _("Please give your message a subject.")},
    )

    field_order = ["providers", "subject", "body", "attachments"]

    def __init__(self, *args, care_team, **kwargs):
        super().__init__(*args, **kwargs)
        from reconnect.accounts.models import User

        self.fields["providers"].queryset = User.objects.filter(pk__in=[p.pk for p in care_team])
        self.fields["providers"].label_from_instance = lambda user: user.display_name
        if len(care_team) == 1 and not self.is_bound:
            self.initial["providers"] = [care_team[0].pk]


class AvailabilityForm(forms.ModelForm):
    class Meta:
        model = ProviderAvailability
        fields = ["expected_reply_time", "out_of_office_note", "away_until"]
        widgets = {"away_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {"away_until": _("The date you are back. Members see it together with your note.")}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("away_until") and not cleaned.get("out_of_office_note", "").strip():
            self.add_error("out_of_office_note", _("Please write a short note for members while you are away."))
        return cleaned
