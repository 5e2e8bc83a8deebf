"""Measuring the screen on a labelled file: `manage.py evaluate_screening PATH.tsv`.

The file is UTF-8, tab-separated, with the header `label<TAB>lang<TAB>text`; labels are crisis,
ok, hostile and misinformation, languages en and nb. Empty lines are skipped. Anything else that
is not a labelled line is refused with the number of the line (the header is line 1).
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from moderation.screening import categories as c
from moderation.screening.engine import Verdict, screen

HEADER = ("label", "lang", "text")
LANGUAGES = ("en", "nb")


class EvaluationError(ValueError):
    """Bad input, with the line it is about."""


@dataclass(frozen=True)
class Example:
    line: int
    label: str
    language: str
    text: str


def read_examples(path: Path | str) -> list[Example]:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise EvaluationError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if not raw.strip():
        raise EvaluationError(f"{path} is empty: it needs the header line 'label<TAB>lang<TAB>text' and examples.")
    lines = raw.split(b"\n")
    examples: list[Example] = []
    for number, data in enumerate(lines, start=1):
        if number == 1 and data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            line = data.decode("utf-8").rstrip("\r")
        except UnicodeDecodeError as exc:
            raise EvaluationError(
                f"Line {number}: not UTF-8 text (byte {exc.start + 1} of the line). Save the file as UTF-8."
            ) from None
        if number == 1:
            if tuple(part.strip().lower() for part in line.split("\t")) != HEADER:
                raise EvaluationError(
                    f"Line 1: the header must be 'label<TAB>lang<TAB>text' (tab-separated), not {line[:60]!r}."
                )
            continue
        if not line.strip():
            continue
        parts = line.split("\t", 2)
        if len(parts) < 3 or not parts[2].strip():
            raise EvaluationError(
                f"Line {number}: expected three tab-separated columns (label, lang, text), found {len(parts)}"
                + (" and an empty text." if len(parts) == 3 else ".")
            )
        label, language, text = parts[0].strip().lower(), parts[1].strip().lower(), parts[2]
        if label not in c.LABELS:
            raise EvaluationError(f"Line {number}: unknown label {parts[0]!r}; use one of {', '.join(c.LABELS)}.")
        if language not in LANGUAGES:
            raise EvaluationError(f"Line {number}: unknown language {parts[1]!r}; use one of {', '.join(LANGUAGES)}.")
        examples.append(Example(number, label, language, text))
    if not examples:
        raise EvaluationError(f"{path} has a header but no examples.")
    return examples


@dataclass
class Figures:
    """Counts for one language (or all): per label, lines and lines the screen gave that label."""

    lines: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    # ok lines the screen gave each label (false alarms), and ok lines with any flag.
    false_alarms: Counter = field(default_factory=Counter)
    any_false_alarm: int = 0
    # category → Counter of the true labels of the lines where it was the verdict's category
    categories: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def recall(self, label: str) -> float | None:
        return self.found[label] / self.lines[label] if self.lines[label] else None

    def false_alarm_rate(self, label: str) -> float | None:
        return self.false_alarms[label] / self.lines[c.OK] if self.lines[c.OK] else None


def evaluate(examples: Iterable[Example]) -> tuple[dict[str, Figures], list[tuple[Example, Verdict]]]:
    """Screen every example; figures per language and for all ("all")."""
    figures: dict[str, Figures] = defaultdict(Figures)
    verdicts = []
    for example in examples:
        verdict = screen(example.text, example.language)
        verdicts.append((example, verdict))
        for key in (example.language, "all"):
            f = figures[key]
            f.lines[example.label] += 1
            if verdict.label == example.label and example.label != c.OK:
                f.found[example.label] += 1
            if example.label == c.OK and verdict.label != c.OK:
                f.false_alarms[verdict.label] += 1
                f.any_false_alarm += 1
            if verdict.category:
                f.categories[verdict.category][example.label] += 1
    return dict(figures), verdicts


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def report(figures: dict[str, Figures]) -> list[str]:
    out = ["Recall (lines of a label the screen gave that label) and false alarms (ok lines it gave that label)."]
    out.append(f"{'label':16}{'lang':6}{'lines':>7}{'found':>7}{'recall':>9}{'false alarms on ok':>24}")
    keys = [k for k in (*LANGUAGES, "all") if k in figures]
    for label in (c.CRISIS, c.HOSTILE, c.MISINFORMATION):
        for key in keys:
            f = figures[key]
            if not f.lines[label] and not f.lines[c.OK]:
                continue
            alarms = f"{f.false_alarms[label]}/{f.lines[c.OK]} ({_percent(f.false_alarm_rate(label))})"
            out.append(
                f"{label:16}{key:6}{f.lines[label]:>7}{f.found[label]:>7}{_percent(f.recall(label)):>9}{alarms:>24}"
            )
    for key in keys:
        f = figures[key]
        if f.lines[c.OK]:
            rate = _percent(f.any_false_alarm / f.lines[c.OK])
            out.append(f"ok lines flagged at all, {key}: {f.any_false_alarm}/{f.lines[c.OK]} ({rate})")
    total = figures.get("all")
    if total and total.categories:
        out.append("")
        out.append("By category: lines whose verdict had this category, by their true label.")
        out.append(f"{'category':24}" + "".join(f"{label:>16}" for label in c.LABELS))
        for category in sorted(total.categories):
            counts = total.categories[category]
            out.append(f"{category:24}" + "".join(f"{counts[label]:>16}" for label in c.LABELS))
    return out


def verdict_line(example: Example, verdict: Verdict) -> str:
    evidence = "; ".join(e.describe() for e in verdict.evidence) or "-"
    cells = [str(example.line), verdict.label, verdict.severity or "none", verdict.category or "-", evidence]
    return "\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in cells)
