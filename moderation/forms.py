from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum.models import Topic
from moderation.models import Report, Sanction, SavedReply, WatchedWord


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("What is wrong?"), choices=Report.Reason.choices, widget=forms.RadioSelect)
    details = forms.CharField(
        label=_("Anything a peer moderator should know (needed for “Something else”)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason the author will see"),
        required=False,  # the service refuses an empty reason with its own message
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EditForm(forms.Form):
    body = forms.CharField(label=_("New text of the post"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    note = forms.CharField(
        label=_("Note for the author: what you changed and why"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MessageForm(forms.Form):
    """A reply in the thread or a private check-in; a saved reply may fill an empty text."""

    saved_reply = forms.ModelChoiceField(
        label=_("Start from a saved reply"),
        queryset=SavedReply.objects.all(),
        required=False,
        empty_label=_("(none)"),
    )
    body = forms.CharField(
        label=_("Your words"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    resolve = forms.BooleanField(label=_("This handles the item"), required=False, initial=True)

    def text(self) -> str:
        body = (self.cleaned_data.get("body") or "").strip()
        saved = self.cleaned_data.get("saved_reply")
        return body or (saved.body if saved else "")


class MoveForm(forms.Form):
    topic = forms.ModelChoiceField(label=_("Move to topic"), queryset=Topic.objects.all())
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)


class SlowModeForm(forms.Form):
    minutes = forms.IntegerField(
        label=_("Minutes between posts per member (0 turns slow mode off)"), min_value=0, max_value=1440
    )


class SanctionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Sanction.Kind.choices)
    reason = forms.CharField(
        label=_("Reason the member will see"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    ends_at = forms.DateTimeField(
        label=_("Until (needed for a suspension)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"],
    )

    def clean_ends_at(self):
        value = self.cleaned_data.get("ends_at")
        if value is not None and timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value


class SavedReplyForm(forms.ModelForm):
    class Meta:
        model = SavedReply
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}


class WatchedWordForm(forms.Form):
    phrase = forms.CharField(label=_("Word or phrase"), max_length=100)
    language = forms.ChoiceField(label=_("Language"), choices=WatchedWord.Language.choices)
    action = forms.ChoiceField(label=_("What happens"), choices=WatchedWord.Action.choices)


class DutyForm(forms.Form):
    on_duty = forms.ChoiceField(choices=[("on", _("On duty")), ("off", _("Off duty"))])
