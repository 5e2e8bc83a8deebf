"""Print the usage report for a period, as aligned text or as CSV (the same figures as the admin)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from reports import presentation
from reports.forms import ReportForm
from reports.selectors import DEFAULT_LOGINS_OVER, build_report, default_period


class Command(BaseCommand):
    help = "Print the usage report (counts only) for a period and a community, or all communities."

    def add_arguments(self, parser):
        period = default_period()
        parser.add_argument("--start", default=period.start.isoformat(), help="first day, YYYY-MM-DD")
        parser.add_argument("--end", default=period.end.isoformat(), help="last day (included), YYYY-MM-DD")
        parser.add_argument("--community", default="", help="a community's slug; all communities when left out")
        # Checked by the report's form, not argparse, so that a bad value is explained in --language.
        parser.add_argument(
            "--logins-over", default=str(DEFAULT_LOGINS_OVER), help="N in 'signed in more than N times'"
        )
        parser.add_argument("--csv", action="store_true", help="print CSV instead of aligned text")
        parser.add_argument(
            "--language", default="en", choices=[code for code, _name in settings.LANGUAGES], help="en or nb"
        )

    def handle(self, *args, **options):
        with translation.override(options["language"]):
            self.stdout.write(self.report(options), ending="")

    def report(self, options) -> str:
        form = ReportForm(
            {
                "start": options["start"],
                "end": options["end"],
                "community": options["community"],
                "logins_over": options["logins_over"],
            }
        )
        if not form.is_valid():
            options = {name: "--" + name.replace("_", "-") for name in form.fields}
            raise CommandError("; ".join(form.problems(names=options)))
        report = build_report(
            period=form.period(),
            community=form.cleaned_data["community"],
            logins_over=form.cleaned_data["logins_over"],
        )
        return presentation.as_csv(report) if options["csv"] else presentation.as_text(report)
