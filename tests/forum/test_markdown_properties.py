"""Properties of the post renderer over random and adversarial text up to the longest post.

Safety: whatever a member writes, the stored HTML holds only the allowed tags, no event handler,
no image and no link to anything but http, https or mailto. Bounded work: rendering does a number
of operations that grows linearly with the text (counted as Python calls, not timed; the timing is
in benchmarks/markdown.py).
"""

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forum.models import MAX_POST_LENGTH
from forum.text import ALLOWED_TAGS, URL_SCHEMES, render_markdown

# Pieces of Markdown and HTML that parsers and sanitisers have stumbled on.
TOKENS = [
    "[",
    "]",
    "(",
    ")",
    "![",
    "<",
    ">",
    "*",
    "**",
    "_",
    "`",
    "```",
    "~~~",
    "\\",
    "&",
    "#",
    ":",
    "\n",
    "\n\n",
    " ",
    "    ",
    "- ",
    "1. ",
    "> ",
    "a",
    "Hei på deg",
    "ø",
    "\u202e",
    "\u200b",
    "\x00",
    "javascript:",
    "JaVaScRiPt:",
    " javascript:",
    "java\tscript:",
    "&#106;avascript:",
    "&#x6A;avascript:",
    "jav&#x09;ascript:",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:",
    "data:image/png;base64,AAAA",
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "onerror=alert(1)",
    '<a href="javascript:alert(1)">',
    "<a href='//evil.example'>",
    "</a>",
    "<iframe src=x>",
    "<style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<p onclick=x>",
    '"',
    "'",
    "=",
    "[x](javascript:alert(1))",
    "![x](https://tracker.example/p.gif)",
    "[x]: javascript:alert(1)\n",
    "<javascript:alert(1)>",
    "<https://example.org>",
    "[x](<javascript:alert(1)>)",
    "[x](java\\nscript:alert(1))",
    '[a](b "t")',
]
ADVERSARIAL = ["[", "![", "[a](", "[](", "*_", "**a", "a*", "<", "<a", "&#", "`a", "[[]]", "[x]", "> ", "- ", "\n> - "]


def _capped(text: str) -> str:
    return text[:MAX_POST_LENGTH]


posts = st.one_of(
    st.text(max_size=3000),
    st.lists(st.sampled_from(TOKENS), max_size=600).map("".join),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=300).map("".join),
    # One piece repeated up to the longest post: where quadratic parsers spend their time.
    st.builds(
        lambda piece, n: _capped(piece * n), st.sampled_from(TOKENS + ADVERSARIAL), st.integers(1, MAX_POST_LENGTH)
    ),
).map(_capped)


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def _scheme(url: str) -> str | None:
    """The scheme a browser would see: it skips leading spaces and controls and ignores tabs and
    line breaks anywhere in the address."""
    cleaned = re.sub(r"[\t\n\r]", "", url).lstrip("".join(chr(c) for c in range(0x21)))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else None


def assert_safe(html: str) -> None:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    for tag, attrs in collector.tags:
        assert tag in ALLOWED_TAGS, f"<{tag}> in {html[:300]!r}"
        for name, value in attrs:
            assert not name.startswith("on"), f"event handler {name} in {html[:300]!r}"
            # nh3 keeps `title` and `lang` on any tag (its defaults): plain text, never run.
            assert (tag, name) in {("a", "href"), ("a", "rel")} or name in {"title", "lang"}, (
                f"{tag}[{name}] in {html[:300]!r}"
            )
            if name == "href":
                scheme = _scheme(value or "")
                assert scheme is None or scheme in URL_SCHEMES, f"{scheme}: link {value!r}"


@settings(
    max_examples=400, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(posts)
def test_any_post_renders_without_script_event_handler_unsafe_link_or_image(text):
    assert_safe(render_markdown(text))


def _operations(text: str) -> int:
    """Python function calls made while rendering: a count that does not depend on the machine."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        render_markdown(text)
    finally:
        sys.setprofile(None)
    return count


# Measured: at most about 200 calls per character (for "![" repeated); a quadratic renderer needs
# thousands per character at this length.
CALLS_PER_CHARACTER = 400


@settings(max_examples=40, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(posts)
def test_rendering_work_is_bounded_by_the_length_of_the_text(text):
    assert _operations(text) <= CALLS_PER_CHARACTER * len(text) + 5000


@pytest.mark.parametrize("piece", ADVERSARIAL)
def test_twice_the_text_takes_twice_the_work_not_four_times(piece):
    short = _capped(piece * (MAX_POST_LENGTH // (2 * len(piece))))
    long = _capped(piece * (MAX_POST_LENGTH // len(piece)))
    ratio = _operations(long) / _operations(short)
    assert ratio < 2.2, f"{piece!r}: {ratio:.2f} times the work for twice the text"


def test_twenty_thousand_brackets_render_as_text():
    html = render_markdown("[" * 20_000)
    assert html == "<p>" + "[" * 20_000 + "</p>"


def test_the_subset_is_the_same_as_before():
    html = render_markdown(
        "Hei **du** og *deg*\nny linje\n\n- en\n- to\n\n1. a\n2. b\n\n> sitat\n\n`kode`\n\n```\nblokk\n```\n\n"
        "# Overskrift\n\n![bilde](https://example.org/p.png)\n\n<b>rå</b> [lenke](https://example.org)"
    )
    assert "<strong>du</strong>" in html and "<em>deg</em>" in html and "<br>" in html
    assert "<ul>" in html and "<ol>" in html and "<blockquote>" in html
    assert "<code>kode</code>" in html and "<pre><code>blokk" in html
    assert "<h1>" not in html and "Overskrift" in html
    assert "<img" not in html and "example.org/p.png" not in html
    assert "<b>" not in html and "rå" in html
    assert '<a href="https://example.org" rel="nofollow noopener">lenke</a>' in html


def test_only_the_post_text_setter_writes_a_posts_html():
    """Writing, editing, moderators' edits, removal and erasure set a post's text through
    forum.text.post_text (or Post.set_text): nowhere else writes body_html."""
    root = Path(__file__).resolve().parents[2]
    writers = []
    for path in root.glob("*/**/*.py"):
        relative = path.relative_to(root).as_posix()
        if relative.startswith((".venv/", "tests/", "benchmarks/")) or "/migrations/" in relative:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if (
                re.search(r"body_html\s*=(?!=)(?!\s*models\.)|[\"']body_html[\"']\s*:", line)
                and relative != "forum/text.py"
            ):
                writers.append(f"{relative}:{number}: {line.strip()}")
    assert not writers, "body_html written outside forum.text.post_text:\n" + "\n".join(writers)
