"""Measure the built-in screen on a labelled TSV file (header `label<TAB>lang<TAB>text`).

Moderators use it to check the detector against their own anonymised examples. The moderators'
watched words are not part of the measurement: it is the built-in detector that is measured.
"""

from django.core.management.base import BaseCommand, CommandError

from moderation.screening.evaluation import EvaluationError, evaluate, read_examples, report, verdict_line


class Command(BaseCommand):
    help = (
        "Screen every line of a labelled TSV file (label<TAB>lang<TAB>text; labels crisis, ok, hostile, "
        "misinformation; languages en, nb) and print recall and false alarms per label, language and category."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the TSV file")
        parser.add_argument(
            "--verdicts",
            action="store_true",
            help="print one tab-separated line per input line instead: line number (the header is line 1), "
            "verdict label, severity, category and evidence",
        )

    def handle(self, *args, path: str, verdicts: bool = False, **options):
        try:
            examples = read_examples(path)
        except EvaluationError as exc:
            raise CommandError(str(exc)) from None
        figures, results = evaluate(examples)
        lines = [verdict_line(e, v) for e, v in results] if verdicts else report(figures)
        self.stdout.write("\n".join(lines))
