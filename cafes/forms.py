from datetime import date, datetime, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cafes.models import (
    Answer,
    CompanionKind,
    CompanionPost,
    Frequency,
    Nth,
    ReminderOffset,
    Rsvp,
    Weekday,
)
from cafes.recurrence import Rule, portal_zone
from reconnect.accounts.models import Community, Role, User

MAX_SERIES_DAYS = 400


def _validate_link(value: str) -> str:
    value = value.strip()
    if value and not (
        value.startswith(("https://", "http://")) or (value.startswith("/") and not value.startswith("//"))
    ):
        raise forms.ValidationError(
            _("Give a web address starting with https:// or the address of a forum thread starting with /forum/.")
        )
    return value


class SeriesForm(forms.Form):
    community = forms.ModelChoiceField(label=_("Community"), queryset=Community.objects.none())
    host = forms.ModelChoiceField(label=_("Host"), queryset=User.objects.none())
    title = forms.CharField(label=_("Name"), max_length=120, initial=_("ReConnect café"))
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices, initial=Frequency.MONTHLY)
    nth = forms.TypedChoiceField(
        label=_("Which week of the month (monthly cafés)"), choices=Nth.choices, coerce=int, initial=Nth.FIRST
    )
    weekday = forms.TypedChoiceField(label=_("Weekday"), choices=Weekday.choices, coerce=int, initial=Weekday.TUESDAY)
    start_time = forms.TimeField(
        label=_("Starts at (Norwegian time)"),
        initial="18:00",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    duration_minutes = forms.IntegerField(label=_("Length in minutes"), min_value=30, max_value=480, initial=120)
    first_date = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    last_date = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    place = forms.CharField(label=_("Place"), max_length=150)
    address = forms.CharField(label=_("Address"), max_length=200)
    directions = forms.CharField(label=_("How to get there"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    theme = forms.CharField(label=_("Theme"), max_length=200, required=False)

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        if user.role == Role.ADMIN:
            communities = Community.objects.all()
            hosts = User.objects.filter(role=Role.MODERATOR, is_active=True)
        else:
            communities = Community.objects.filter(pk__in=user.community_ids())
            hosts = User.objects.filter(pk=user.pk)
            self.fields["host"].initial = user.pk
        self.fields["community"].queryset = communities
        self.fields["host"].queryset = hosts.order_by("pseudonym")
        self.fields["host"].label_from_instance = lambda u: u.display_name
        today = timezone.localdate()
        self.fields["first_date"].initial = today
        self.fields["last_date"].initial = today + timedelta(days=183)

    def clean(self):
        data = super().clean()
        first, last = data.get("first_date"), data.get("last_date")
        if first and last:
            if last < first:
                self.add_error("last_date", _("The end date must come after the start date."))
            elif (last - first).days > MAX_SERIES_DAYS:
                self.add_error("last_date", _("A series can be planned at most about a year ahead."))
        host, community = data.get("host"), data.get("community")
        if host and community and community.pk not in host.community_ids():
            self.add_error("host", _("The host must be a peer moderator of this community."))
        if not self.errors:
            rule = self.rule()
            if not rule.dates():
                raise forms.ValidationError(
                    _(
                        "This rule gives no dates between %(first)s and %(last)s. Choose another day or a longer period."
                    ),
                    params={"first": first.strftime("%d.%m.%Y"), "last": last.strftime("%d.%m.%Y")},
                )
        return data

    def rule(self) -> Rule:
        data = self.cleaned_data
        return Rule(
            frequency=data["frequency"],
            weekday=data["weekday"],
            nth=data["nth"] if data["frequency"] == Frequency.MONTHLY else None,
            start_time=data["start_time"],
            first_date=data["first_date"],
            last_date=data["last_date"],
        )


class MeetingForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    start_time = forms.TimeField(
        label=_("Starts at (Norwegian time)"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    duration_minutes = forms.IntegerField(label=_("Length in minutes"), min_value=30, max_value=480)
    place = forms.CharField(label=_("Place"), max_length=150)
    address = forms.CharField(label=_("Address"), max_length=200)
    directions = forms.CharField(label=_("How to get there"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    theme = forms.CharField(label=_("Theme"), max_length=200, required=False)
    reflection = forms.CharField(
        label=_("To think about before coming (a reflection exercise)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    link = forms.CharField(
        label=_("Link to a forum thread or web page"),
        required=False,
        max_length=300,
        help_text=_("For example /forum/12/ or https://example.org/page"),
    )

    @classmethod
    def initial_for(cls, meeting) -> dict:
        local = timezone.localtime(meeting.starts_at)
        return {
            "day": local.date(),
            "start_time": local.time().replace(second=0, microsecond=0),
            "duration_minutes": int((meeting.ends_at - meeting.starts_at).total_seconds() // 60),
            "place": meeting.place,
            "address": meeting.address,
            "directions": meeting.directions,
            "theme": meeting.theme,
            "reflection": meeting.reflection,
            "link": meeting.link,
        }

    def clean_link(self):
        return _validate_link(self.cleaned_data["link"])

    def clean_day(self):
        day: date = self.cleaned_data["day"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("Choose a date that is not in the past."))
        return day

    def changes(self) -> dict:
        data = self.cleaned_data
        starts_at = datetime.combine(data["day"], data["start_time"], tzinfo=portal_zone())
        return {
            "starts_at": starts_at,
            "ends_at": starts_at + timedelta(minutes=data["duration_minutes"]),
            "place": data["place"],
            "address": data["address"],
            "directions": data["directions"],
            "theme": data["theme"],
            "reflection": data["reflection"],
            "link": data["link"],
        }


class RsvpForm(forms.ModelForm):
    answer = forms.ChoiceField(label=_("Are you coming?"), choices=Answer.choices, widget=forms.RadioSelect)

    class Meta:
        model = Rsvp
        fields = ["answer", "show_pseudonym", "first_visit", "first_visit_note"]


class CompanionForm(forms.ModelForm):
    kind = forms.ChoiceField(label=_("Offer or wish"), choices=CompanionKind.choices, widget=forms.RadioSelect)

    class Meta:
        model = CompanionPost
        fields = ["kind", "text"]

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write a few words about where and when to meet."))
        return text


class AttendanceForm(forms.Form):
    attendance = forms.IntegerField(label=_("How many came (including you)"), min_value=0, max_value=200)
    note = forms.CharField(label=_("Note for the host (optional)"), max_length=300, required=False)


class WhoCameForm(forms.Form):
    """The two buttons "I was there" and "I could not come"."""

    came = forms.TypedChoiceField(
        choices=[("yes", _("I was there")), ("no", _("I could not come"))], coerce=lambda value: value == "yes"
    )


class ReminderSettingsForm(forms.Form):
    reminders_on = forms.BooleanField(label=_("Remind me of cafés I answered going or maybe"), required=False)
    offsets = forms.MultipleChoiceField(
        label=_("When"), choices=ReminderOffset.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("reminders_on") and not data.get("offsets"):
            self.add_error("offsets", _("Choose at least one time, or switch reminders off."))
        return data
