"""Post text: a small Markdown subset rendered to sanitised HTML, and the identifying-details check."""

import re
from dataclasses import dataclass
from functools import cache

import nh3
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt

# Paragraphs, emphasis, lists, links, quotes and code. No images, headings, tables or raw HTML.
ALLOWED_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "a", "blockquote", "code", "pre"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}


class _CommonMark(MarkdownIt):
    """CommonMark in linear time (markdown-it), with line breaks kept as in the text.

    The parser may produce more than the subset (headings, images, raw HTML, any link): nh3 is the
    one gate that decides what stays, so links are not judged here and an unsafe address reaches
    nh3, which drops it, rather than showing as text.
    """

    def __init__(self) -> None:
        super().__init__("commonmark", {"breaks": True, "html": True, "linkify": False, "typographer": False})

    def validateLink(self, url: str) -> bool:
        return True


@cache
def _parser() -> MarkdownIt:
    return _CommonMark()


def render_markdown(text: str) -> str:
    """Markdown → HTML that can only contain the tags above; links get rel="nofollow noopener"."""
    return nh3.clean(
        _parser().render(text),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
    ).strip()


def post_text(body: str) -> dict[str, str]:
    """A post's text and its HTML, always set together: writing, editing, a moderator's edit,
    removal and erasure all set a post's text through this (or `Post.set_text`, which uses it)."""
    return {"body": body, "body_html": render_markdown(body) if body else ""}


def quote_header(pseudonym: str) -> str:
    """The line that opens a quote of `pseudonym`, after its "> " markers."""
    return f"**{pseudonym}**:"


# A quote's opening line at any depth (a quote of a quote too), as `quote_markdown` writes it.
QUOTE_HEADER = re.compile(r"^(?P<prefix>(?:> ?)+)\*\*(?P<name>.+?)\*\*:\s*$")


def quote_markdown(pseudonym: str, text: str, limit: int = 1500) -> str:
    """The text of a quoted post as a Markdown blockquote, ready to reply under."""
    excerpt = text.strip()
    if len(excerpt) > limit:
        excerpt = excerpt[:limit].rsplit(" ", 1)[0] + " …"
    quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in excerpt.splitlines())
    return f"> {quote_header(pseudonym)}\n>\n{quoted}\n\n"


# --- The identifying-details check ---------------------------------------------------------------
# It is a gentle reminder, not a filter: it may miss things and may flag harmless text; the writer
# decides. It runs on the server for every new post and edit.

_NATIONAL_ID = re.compile(r"(?<!\d)\d{6}\s?\d{5}(?!\d)")
_PHONE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)47[\s.-]?)?(?:\d{2}[\s.-]?){3}\d{2}(?!\d)|(?<!\d)\d{3}[\s.-]\d{2}[\s.-]\d{3}(?!\d)"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_STREET = re.compile(
    r"\b[A-ZÆØÅ][\wæøåÆØÅ-]*(?:\s[A-ZÆØÅ][\wæøåÆØÅ-]*)?"
    r"\s?(?:veien|vegen|veg|vei|gata|gaten|gate|gt\.?|allé|alle|plass|stien|svingen|bakken|"
    r"\sStreet|\sRoad|\sAvenue|\sLane|\sSt\.?|\sRd\.?)\s+\d{1,4}\s?[A-Za-z]?\b",
)
# "My name is ...", "jeg heter ...", or a common first name followed by a capitalised surname.
_NAME_PHRASE = re.compile(
    r"\b(?:my name is|I am called|I'm called|jeg heter|navnet mitt er|mitt navn er)\s+[A-ZÆØÅ][a-zæøå]+",
    re.IGNORECASE,
)
_COMMON_FIRST_NAMES = (  # noqa: SIM905 - a word list reads best as words
    "Anne Inger Kari Marit Ingrid Liv Eva Berit Astrid Bjørg Hilde Anna Solveig Marianne Randi Ida Nina Maria "
    "Elisabeth Kristin Bente Heidi Silje Hanne Marte Sofie Emma Nora Sara Ingeborg Tone Lise Camilla Julie "
    "Jan Per Bjørn Ole Lars Kjell Knut Arne Svein Thomas Hans Geir Tor Morten Terje Odd Erik Martin Andreas "
    "John Anders Rune Trond Harald Jon Espen Magnus Jonas Kristian Henrik Daniel Ola Nils Øyvind Stian Petter "
    "James Mary Michael Sarah David Laura Peter Emily Paul Anna"
).split()
_FULL_NAME = re.compile(
    r"\b(?:" + "|".join(_COMMON_FIRST_NAMES) + r")\s+[A-ZÆØÅ][a-zæøå]{1,}(?:sen|son|sson|stad|berg|vik|dal|land|rud|"
    r"heim|bakken|haug|lie|li|nes|seth|er|ing|ton|ley|mann|man|s)\b"
)


@dataclass(frozen=True)
class IdentifyingFinding:
    key: str
    label: str


FINDING_LABELS = {
    "national_id": _("a national identity number"),
    "phone": _("a phone number"),
    "email": _("an email address"),
    "address": _("a street address"),
    "name": _("a full name"),
}


def find_identifying_details(text: str) -> list[IdentifyingFinding]:
    """The kinds of identifying detail the text seems to contain, in a stable order."""
    found: list[str] = []
    rest = text
    if _NATIONAL_ID.search(rest):
        found.append("national_id")
        rest = _NATIONAL_ID.sub(" ", rest)
    if _EMAIL.search(rest):
        found.append("email")
        rest = _EMAIL.sub(" ", rest)
    if _PHONE.search(rest):
        found.append("phone")
    if _STREET.search(rest):
        found.append("address")
    if _NAME_PHRASE.search(rest) or _FULL_NAME.search(rest):
        found.append("name")
    return [IdentifyingFinding(key, str(FINDING_LABELS[key])) for key in found]
