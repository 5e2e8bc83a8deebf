"""Benchmark: screening time per post, and that it grows linearly with the length of the text.

Builds posts of 500 to 20,000 characters from the development corpus's sentences (ordinary and
crisis lines mixed, so that rules are tried and contexts read, and the learned layer scores every
window) plus a worst case: one word the rules are anchored on, repeated without punctuation. Times `screen()` on each (the median of
BENCH_ROUNDS runs, after one warm-up run that fills the caches), and prints the time per 1,000
characters: a linear screen keeps that figure flat. The floor is the time to normalise the same
text (the one pass over its characters that any screen needs). No database is used.
A figure, not a test: run it with `make bench`.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import median_ms, rounds, setup_django

setup_django(RECONNECT_TESTING="true")

from moderation.screening import learned, normalise, screen  # noqa: E402
from moderation.screening.engine import detector  # noqa: E402

ROUNDS = rounds(7)
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "500,2000,5000,10000,20000").split(",")]
CORPUS = Path(__file__).resolve().parent.parent / "moderation/screening/corpus/dev.tsv"


def _sentences() -> list[tuple[str, str]]:
    rows = CORPUS.read_text(encoding="utf-8").splitlines()[1:]
    return [(row.split("\t")[1], row.split("\t", 2)[2]) for row in rows if row.count("\t") >= 2]


def _post(sentences, language: str, size: int) -> str:
    chosen = [text for lang, text in sentences if lang == language]
    parts, length, index = [], 0, 0
    while length < size:
        text = chosen[index % len(chosen)]
        parts.append(text)
        length += len(text) + 1
        index += 1
    return " ".join(parts)[:size]


def _median(func, text: str) -> float:
    """Median seconds of `func(text)`, after one warm-up call that fills the caches."""
    return median_ms(lambda: func(text), ROUNDS, warm_up=True) / 1000


def main() -> None:
    started = time.perf_counter()
    detector()
    print(f"Rules compiled in {1000 * (time.perf_counter() - started):.0f} ms (once per process).")
    started = time.perf_counter()
    loaded = learned.model()
    took = 1000 * (time.perf_counter() - started)
    print(f"Learned layer loaded in {took:.0f} ms (once per process)" + ("" if loaded else ": no model file"))
    sentences = _sentences()
    cases = []
    for size in SIZES:
        for language in ("en", "nb"):
            cases.append((f"{language} corpus text", language, _post(sentences, language, size)))
        cases.append(("worst case: 'kill pills bridge' repeated", "en", ("kill pills bridge " * size)[:size]))
    print(f"{'text':42}{'chars':>8}{'screen ms':>11}{'ms/1000 ch':>12}{'floor ms':>10}{'ratio':>7}")
    for name, language, text in cases:
        took = _median(lambda t, lang=language: screen(t, lang), text)
        floor = _median(normalise.words, text)
        print(
            f"{name:42}{len(text):>8}{1000 * took:>11.2f}{1e6 * took / len(text):>12.2f}"
            f"{1000 * floor:>10.2f}{took / floor:>7.1f}"
        )


if __name__ == "__main__":
    main()
