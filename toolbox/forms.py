from django import forms
from django.utils.translation import gettext_lazy as _

from toolbox.models import CRISIS_PLAN_SECTIONS, Activity, CheckIn, CrisisPlan, Goal, Medication, NetworkPerson, Step

SCORE_CHOICES = [(i, str(i)) for i in range(1, 6)]


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["text", "life_area"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class StepForm(forms.ModelForm):
    class Meta:
        model = Step
        fields = ["text"]
        labels = {"text": _("New step")}
        widgets = {"text": forms.TextInput()}


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["title", "planned_on"]
        labels = {"title": _("New activity")}
        widgets = {"title": forms.TextInput(), "planned_on": forms.DateInput(attrs={"type": "date"})}


class CrisisPlanForm(forms.ModelForm):
    class Meta:
        model = CrisisPlan
        fields = [name for name, _h, _t in CRISIS_PLAN_SECTIONS]
        labels = {name: heading for name, heading, _t in CRISIS_PLAN_SECTIONS}
        help_texts = {name: help_text for name, _h, help_text in CRISIS_PLAN_SECTIONS}
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name, _h, _t in CRISIS_PLAN_SECTIONS}


class NetworkPersonForm(forms.ModelForm):
    class Meta:
        model = NetworkPerson
        fields = ["name", "kind", "closeness", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2}), "closeness": forms.RadioSelect}


class MedicationForm(forms.ModelForm):
    class Meta:
        model = Medication
        fields = [
            "name",
            "strength",
            "dose",
            "dose_unit",
            "times",
            "purpose",
            "prescriber",
            "start_date",
            "end_date",
            "notes",
        ]
        widgets = {
            "dose": forms.NumberInput(attrs={"step": "any", "min": "0", "inputmode": "decimal"}),
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {"dose": {"invalid": _("Please write the dose as a number, like 1 or 0.5.")}}

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        return data


class CheckInForm(forms.ModelForm):
    mood = forms.TypedChoiceField(
        label=_("Mood"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 is very low, 5 is very good."),
    )
    sleep = forms.TypedChoiceField(
        label=_("Sleep"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 is very poor, 5 is very good."),
    )
    activity = forms.TypedChoiceField(
        label=_("Activity"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 is hardly anything, 5 is very active."),
    )

    class Meta:
        model = CheckIn
        fields = ["mood", "sleep", "activity", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}
        labels = {"note": _("A note for yourself (optional)")}


class ExerciseNoteForm(forms.Form):
    note = forms.CharField(
        label=_("My private note"), required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class SharingForm(forms.Form):
    providers = forms.MultipleChoiceField(
        label=_("Who may see this"), required=False, widget=forms.CheckboxSelectMultiple, choices=()
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.team = {str(p.pk): p for p in team}
        self.fields["providers"].choices = [(str(p.pk), p.display_name) for p in team]

    def chosen(self):
        return [self.team[pk] for pk in self.cleaned_data["providers"]]
