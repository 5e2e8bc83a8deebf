"""`manage.py evaluate_screening`: figures per label, language and category; one verdict line per
input line; bad input refused with the line it is about.

The development part of the corpus is pinned here (a change that loses what the screen finds
there fails). The held-out part is measured for the README and the report; it is not pinned
because its figures do not reach the issue's goal yet (see README, "Screening").
"""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from moderation.screening.evaluation import evaluate, read_examples

DEV = Path(__file__).resolve().parents[2] / "moderation/screening/corpus/dev.tsv"


def _write(tmp_path, content, name="cases.tsv") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("evaluate_screening", *args, stdout=out)
    return out.getvalue()


def test_the_report_gives_recall_and_false_alarms_per_label_and_language(tmp_path):
    path = _write(
        tmp_path,
        "label\tlang\ttext\n"
        "crisis\ten\tI want to kill myself\n"
        "crisis\tnb\tjeg vil ikke leve lenger\n"
        "ok\ten\tThat joke killed me\n"
        "ok\ten\tI have taken all my pills, bye\n"
        "hostile\ten\tman up, drama queen\n"
        "misinformation\tnb\tbare slutt med medisinene dine\n",
    )
    report = _run(str(path))
    lines = {tuple(line.split()[:2]): line.split() for line in report.splitlines() if line[:1].islower()}
    assert lines[("crisis", "en")][2:5] == ["1", "1", "100.0%"]
    # One of the two English ok lines was taken for crisis: a false alarm rate of 50 %.
    assert lines[("crisis", "en")][5:] == ["1/2", "(50.0%)"]
    assert lines[("crisis", "nb")][2:5] == ["1", "1", "100.0%"]
    assert lines[("hostile", "en")][2:5] == ["1", "1", "100.0%"]
    assert lines[("misinformation", "nb")][2:5] == ["1", "1", "100.0%"]
    assert "By category" in report and "act_under_way" in report and "invalidation" in report


def test_verdicts_are_one_tab_separated_line_per_input_line_numbered_from_the_header(tmp_path):
    path = _write(tmp_path, "label\tlang\ttext\nok\ten\tHello there\n\ncrisis\ten\tI have taken all my pills\n")
    rows = [line.split("\t") for line in _run(str(path), "--verdicts").splitlines()]
    assert rows[0] == ["2", "ok", "none", "-", "-"]
    number, label, severity, category, evidence = rows[1]
    assert (number, label, severity, category) == ("4", "crisis", "imminent", "act_under_way")
    assert "“I have taken all my pills”" in evidence and "(en:" in evidence


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty"),
        ("label\tlang\ttext\n", "no examples"),
        ("label,lang,text\ncrisis,en,x\n", "Line 1: the header must be"),
        ("label\tlang\ttext\ncrisis\ten\n", "Line 2: expected three tab-separated columns"),
        ("label\tlang\ttext\nok\ten\tfine\ncrisis\ten\t  \n", "Line 3: expected three tab-separated columns"),
        ("label\tlang\ttext\nok\ten\tfine\nworried\ten\tx\n", "Line 3: unknown label 'worried'"),
        ("label\tlang\ttext\nok\tsv\tHej\n", "Line 2: unknown language 'sv'"),
        (
            b"label\tlang\ttext\nok\ten\tfine\nok\tnb\t" + "blåbær".encode("latin-1") + b"\n",
            "Line 3: not UTF-8",
        ),
    ],
)
def test_bad_input_gets_a_clear_error_naming_the_line(tmp_path, content, message):
    path = _write(tmp_path, content)
    with pytest.raises(CommandError, match=message):
        _run(str(path))


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        _run(str(tmp_path / "nowhere.tsv"))


def test_bad_input_exits_with_a_non_zero_code(tmp_path):
    import subprocess
    import sys

    path = _write(tmp_path, "label\tlang\ttext\nmaybe\ten\tx\n")
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "manage.py", "evaluate_screening", str(path)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "RECONNECT_TESTING": "true"},
        check=False,
    )
    assert result.returncode != 0
    assert "Line 2: unknown label 'maybe'" in result.stderr


def test_the_development_corpus_figures_hold():
    figures, _verdicts = evaluate(read_examples(DEV))
    for language in ("en", "nb"):
        f = figures[language]
        # With the learned layer, which also learned from dev.tsv (99.3 / 96.7 % crisis, 94 %
        # hostile, 100 / 97 % advice, 0 / 1 ok line flagged on 3 December 2026).
        assert f.recall("crisis") >= 0.96, language
        assert f.recall("hostile") >= 0.9, language
        assert f.recall("misinformation") >= 0.95, language
        assert f.any_false_alarm / f.lines["ok"] <= 0.01, language
