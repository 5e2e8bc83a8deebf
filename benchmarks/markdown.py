"""Benchmark: how long a post takes to render, for ordinary and for adversarial text.

Renders text made of one repeated piece (the inputs that make backtracking Markdown parsers
quadratic, such as 20,000 "[") at 5,000, 10,000 and 20,000 characters
(the longest post), and ordinary prose of the same lengths as the floor. Prints the median of a
few runs, the growth from 10,000 to 20,000 characters (2 means linear, 4 quadratic) and the
ratio to the floor. A figure, not a test: run it with `make bench`.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import median_ms, rounds, setup_django

setup_django(RECONNECT_TESTING="true")

from forum.models import MAX_POST_LENGTH  # noqa: E402
from forum.text import render_markdown  # noqa: E402

PIECES = ["[", "![", "[a](", "[](", "*_", "**a", "a*", "<", "<a", "&#", "`a", "[[]]", "> ", "- ", "\n> - "]
PROSE = "Some days are heavier than others, and **that is all right**. [A link](https://example.org)\n\n"
LENGTHS = (5_000, 10_000, MAX_POST_LENGTH)
ROUNDS = rounds(3)


def _text(piece: str, length: int) -> str:
    return (piece * (length // len(piece) + 1))[:length]


def _ms(text: str) -> float:
    return median_ms(lambda: render_markdown(text), ROUNDS)


def main() -> int:
    render_markdown(PROSE)  # build the parser once
    floor = {length: _ms(_text(PROSE, length)) for length in LENGTHS}
    print(f"{'text (repeated piece)':<24}" + "".join(f"{f'{n:,} ch ms':>13}" for n in LENGTHS), end="")
    print(f"{'20k/10k':>9} {'x floor':>8}")
    rows = [("ordinary prose (floor)", floor)]
    rows += [(repr(piece), {n: _ms(_text(piece, n)) for n in LENGTHS}) for piece in PIECES]
    for label, times in rows:
        cells = "".join(f"{times[n]:>13.1f}" for n in LENGTHS)
        growth = times[LENGTHS[-1]] / max(times[LENGTHS[-2]], 1e-9)
        print(f"{label:<24}{cells}{growth:>9.2f} {times[LENGTHS[-1]] / floor[LENGTHS[-1]]:>8.1f}")
    worst = max(times[LENGTHS[-1]] for _label, times in rows)
    print(f"slowest post of {MAX_POST_LENGTH:,} characters: {worst:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
