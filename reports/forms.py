from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reconnect.accounts.models import Community
from reports.selectors import DEFAULT_LOGINS_OVER, MAX_MONTHS, Period, default_period


class DateInput(forms.DateInput):
    input_type = "date"


class ReportForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DateInput)
    end = forms.DateField(label=_("To (included)"), widget=DateInput)
    community = forms.ModelChoiceField(
        Community.objects.all(),
        label=pgettext_lazy("usage report", "Community"),
        required=False,
        empty_label=_("All communities"),
        to_field_name="slug",
    )
    logins_over = forms.IntegerField(
        label=_("Count members who signed in more than"),
        help_text=_("times"),
        min_value=0,
        max_value=100_000,
    )

    @classmethod
    def from_query(cls, query) -> "ReportForm":
        """Bound to the query string, or to the defaults when the page is first opened."""
        if not any(key in query for key in ("start", "end", "community", "logins_over")):
            period = default_period()
            query = {
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
                "logins_over": DEFAULT_LOGINS_OVER,
            }
        return cls(query)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if isinstance(start, date) and isinstance(end, date):
            period = Period(start, end)
            if end < start:
                self.add_error("end", _("The end must not be before the start."))
            elif period.month_count() > MAX_MONTHS:
                self.add_error("end", _("A report covers at most %(n)d months.") % {"n": MAX_MONTHS})
            elif not period.is_representable():
                # Name the day that is out of reach, not the other one.
                field = "end" if Period(start, start).is_representable() else "start"
                self.add_error(field, _("The report cannot use dates at the very ends of the calendar."))
        return data

    def problems(self, *, names: dict[str, str] | None = None) -> list[str]:
        """Each error with the choice it is about, in the active language ("From: Enter a valid date.").

        `names` replaces the labels (the management command names its options instead).
        """
        lines = []
        for name, errors in self.errors.items():
            text = " ".join(str(error) for error in errors)
            if name == "__all__":
                lines.append(text)
            else:
                label = (names or {}).get(name) or self.fields[name].label
                lines.append(_("%(choice)s: %(problem)s") % {"choice": label, "problem": text})
        return lines

    def period(self) -> Period:
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])
