"""Train the screen's learned layer from corpus/train.tsv and corpus/dev.tsv (never the held-out
part), choose its thresholds by cross-validation, and write moderation/screening/model.bin.

Deterministic: the same training files give the same model file. Prints the cross-validated
figures of the rules alone and of the rules with the learned layer, per language.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from moderation.screening import learned
from moderation.screening.evaluation import EvaluationError
from moderation.screening.training import FOLDS, train


class Command(BaseCommand):
    help = (
        "Train the screen's learned layer on the training and development corpus, choose thresholds by "
        f"{FOLDS}-fold cross-validation, and write the model file."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", default=str(learned.MODEL_PATH), help="where to write the model (default: %(default)s)"
        )
        parser.add_argument("--epochs", type=int, default=None, help="training passes (default: the module's)")

    def handle(self, *args, output: str, epochs: int | None = None, **options):
        fit_options = {"epochs": epochs} if epochs else {}
        try:
            model = train(log=lambda line: self.stdout.write(line), **fit_options)
        except EvaluationError as exc:
            raise CommandError(str(exc)) from None
        path = Path(output)
        model.dump(path)
        learned.model.cache_clear()
        self.stdout.write(f"Wrote {path} ({path.stat().st_size // 1024} KB).")
        for line in report(model.meta):
            self.stdout.write(line)


def report(meta: dict) -> list[str]:
    cv = meta["cross_validation"]
    out = [f"Cross-validated ({cv['folds']} folds) on {meta['lines']} lines of {', '.join(meta['files'])}:"]
    out.append(f"{'screen':18}{'lang':6}{'label':16}{'recall':>8}{'false alarms':>14}")
    for name, key in (("rules only", "rules_only"), ("rules + learned", "rules_and_model")):
        for language, figures in cv[key].items():
            for label in ("crisis", "hostile", "misinformation"):
                out.append(
                    f"{name:18}{language:6}{label:16}{100 * figures[label + '_recall']:>7.1f}%"
                    f"{100 * figures[label + '_false_alarms']:>13.1f}%"
                )
            out.append(
                f"{name:18}{language:6}{'ok flagged at all':16}{'':>8}{100 * figures['any_false_alarm']:>13.1f}%"
            )
    thresholds = ", ".join(
        f"{label} {language} {value:.2f}" for label, by in meta["thresholds"].items() for language, value in by.items()
    )
    out.append(f"Thresholds: {thresholds}")
    return out
