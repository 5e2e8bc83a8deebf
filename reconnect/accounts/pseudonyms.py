"""Rules for pseudonyms: 3 to 30 characters in one script, unique regardless of case and of
look-alike characters, and for members never a name that points to the person behind it or that
passes them off as the portal's staff.

Look-alikes are compared by their confusable skeleton (Unicode Technical Standard #39): "Lіghthouse"
with a Cyrillic "і", "Ｌｉｇｈｔｈｏｕｓｅ" in full width and "LIGHTH0USE" all have the skeleton of
"Lighthouse". The skeleton is stored with the user (`User.pseudonym_skeleton`, unique), so the
comparison is one indexed query.
"""

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from confusable_homoglyphs import categories
from confusable_homoglyphs.utils import path as confusables_data_path
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MIN_LENGTH = 3
MAX_LENGTH = 30
_ALLOWED = re.compile(r"^[\w][\w .'-]*[\w.]$", re.UNICODE)

GUIDANCE = _(
    "Choose a name that others cannot trace back to you: not your first name, surname, email name, "
    "birth year or home town. A word you like, an animal or something from nature works well."
)


def normalise(value: str) -> str:
    """NFKC (full-width and other compatibility forms become plain letters), one space between words."""
    return " ".join(unicodedata.normalize("NFKC", value).split())


# --- Confusable skeletons (UTS #39) ----------------------------------------------------------------

_DIRECTION_MARKS = str.maketrans("", "", "\u200e\u200f")


@cache
def _prototypes() -> dict[str, str]:
    """Unicode's confusables table (confusables.txt, as the confusable-homoglyphs package ships it):
    each confusable character -> its prototype, a character or a short sequence ("m" -> "rn").

    The package stores every pair in both directions, and keeps right-to-left characters wrapped in
    left-to-right marks as the table's comments show them. The marks are dropped and the direction
    recovered: a source has exactly one prototype and is never a prototype itself, so a character
    paired with several is a prototype, a character paired with a sequence maps to it, and of two
    characters paired only with each other the table lists the source first.
    """
    with open(confusables_data_path("confusables.json"), encoding="utf-8") as file:
        raw = json.load(file)
    partners: dict[str, list[str]] = defaultdict(list)
    for key, entries in raw.items():
        partners[key.translate(_DIRECTION_MARKS)].extend(e["c"].translate(_DIRECTION_MARKS) for e in entries)
    order = {key: index for index, key in enumerate(partners)}
    mapping: dict[str, str] = {}
    for char, paired in partners.items():
        if len(char) != 1:
            continue
        sequences = [p for p in paired if len(p) > 1]
        singles = {p for p in paired if len(p) == 1}
        if sequences:
            mapping[char] = sequences[0]
        elif len(singles) == 1:
            (other,) = singles
            if len({p for p in partners[other] if len(p) == 1}) > 1 or order[char] < order[other]:
                mapping[char] = other
    return mapping


def _mapped(text: str) -> str:
    table = _prototypes()
    return unicodedata.normalize("NFD", "".join(table.get(char, char) for char in unicodedata.normalize("NFD", text)))


def skeleton(value: str) -> str:
    """The form two look-alike names share (for comparing only, never for showing).

    UTS #39's skeleton of the NFKC, case-folded name, folded and mapped once more so that a
    prototype in capitals ("0" -> "O") meets its small letter: names are equal regardless of case.
    A capital I looks like a small l ("Iighthouse"), and folding case joins I with i, so the
    skeleton joins i and l as well: "Iighthouse", "lighthouse" and "1ighthouse" are one name.
    """
    text = unicodedata.normalize("NFKC", value).casefold()
    return _mapped(_mapped(text).casefold()).replace("i", "l")


# Scripts that may share one name (UTS #39, "highly restrictive"); Common and Inherited (digits,
# spaces, punctuation, combining marks) go with any script.
_SCRIPT_SETS = (
    {"LATIN", "HAN", "HIRAGANA", "KATAKANA"},
    {"LATIN", "HAN", "BOPOMOFO"},
    {"LATIN", "HAN", "HANGUL"},
)


def scripts(value: str) -> set[str]:
    return {categories.alias(char) for char in value} - {"COMMON", "INHERITED"}


def is_mixed_script(value: str) -> bool:
    used = scripts(value)
    return len(used) > 1 and not any(used <= allowed for allowed in _SCRIPT_SETS)


# Names only the portal and its staff may go by, in English and Norwegian. Long ones are refused
# inside a name too ("ReConnectHelper"); short ones as a word of their own ("Admin Anna").
RESERVED_WORDS = (
    "admin", "administrator", "administrators", "administrasjon", "administrasjonen",
    "moderator", "moderators", "moderatoren", "moderatorer", "moderering",
    "reconnect", "staff", "ansatt", "ansatte", "personale", "personalet",
    "support", "støtte", "brukerstøtte", "kundestøtte", "kundeservice",
)  # fmt: skip
_CONTAINED_FROM = 8  # letters


def _name_words(value: str) -> list[str]:
    """The words of a name, also split where a capital starts one ("TheAdmin") and at digits."""
    spaced = re.sub(r"(?<=[^\W\d_])(?=[A-ZÆØÅ])", " ", unicodedata.normalize("NFKC", value))
    return [word for word in re.split(r"[\W\d_]+", spaced) if word]


def _squashed(value: str) -> str:
    return "".join(_name_words(value))


@cache
def _reserved_skeletons() -> tuple[frozenset[str], tuple[str, ...]]:
    words = frozenset(skeleton(word) for word in RESERVED_WORDS)
    contained = tuple(skeleton(word) for word in RESERVED_WORDS if len(word) >= _CONTAINED_FROM)
    return words, contained


def validate_not_reserved(value: str, *, staff_names: Iterable[str] = ()) -> None:
    """Refuse a member's name that passes them off as the portal or its moderators: a reserved
    word, or a moderator's pseudonym or first name, as a word of the name or the whole of it
    (look-alike letters included)."""
    words, contained = _reserved_skeletons()
    staff = {skeleton(_squashed(name)) for name in staff_names if len(_squashed(name)) >= 3}
    parts = {skeleton(word) for word in _name_words(value)}
    whole = skeleton(_squashed(value))
    if (parts | {whole}) & (words | staff) or any(word in whole for word in contained):
        raise ValidationError(
            _(
                "This pseudonym could make others think you speak for ReConnect or its moderators. "
                "Please choose another one."
            ),
            code="reserved",
        )


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\W_]+", text.lower()) if len(w) >= 3]


def validate_format(value: str) -> None:
    if len(value) < MIN_LENGTH or len(value) > MAX_LENGTH:
        raise ValidationError(
            _("A pseudonym has %(min)d to %(max)d characters.") % {"min": MIN_LENGTH, "max": MAX_LENGTH},
            code="length",
        )
    if not _ALLOWED.match(value):
        raise ValidationError(
            _("Use letters, numbers, spaces, dots, hyphens and apostrophes only."),
            code="characters",
        )
    if is_mixed_script(value):
        raise ValidationError(
            _(
                "Use the letters of one alphabet only: a name that mixes, say, Latin and Cyrillic letters can imitate another."
            ),
            code="mixed_script",
        )


def validate_not_identifying(value: str, *, email: str, real_name: str) -> None:
    """Refuse a pseudonym that equals or contains the person's email name or any part of their real name."""
    lowered = value.lower()
    squashed = re.sub(r"[\W_]+", "", lowered)
    email_name = email.split("@")[0].lower() if email else ""
    candidates = set(_words(real_name))
    if real_name.strip():
        candidates.add(re.sub(r"[\W_]+", "", real_name.lower()))
    if email_name:
        candidates.add(re.sub(r"[\W_]+", "", email_name))
        candidates.update(_words(email_name))
    for part in candidates:
        if len(part) >= 3 and (part in lowered or part in squashed):
            raise ValidationError(
                _("This pseudonym contains your name or email name, so others could recognise you. %(guidance)s")
                % {"guidance": GUIDANCE},
                code="identifying",
            )


def validate_care_team_name(value: str, *, pseudonym: str | None) -> None:
    """Refuse a name for the care team that holds the pseudonym or a word of it: the providers
    who see that name must not be able to find the person in the forum."""
    if not value or not pseudonym:
        return
    squashed_value = re.sub(r"[\W_]+", "", value.lower())
    squashed_pseudonym = re.sub(r"[\W_]+", "", pseudonym.lower())
    if (squashed_pseudonym and squashed_pseudonym in squashed_value) or set(_words(value)) & set(_words(pseudonym)):
        raise ValidationError(
            _("This name contains your pseudonym. Your care team must not be able to find you in the forum."),
            code="pseudonym_in_care_team_name",
        )


# --- Names chosen before these rules ----------------------------------------------------------------


def review_existing(people: Iterable[tuple[int, str, str]]) -> tuple[dict[int, str | None], list[str]]:
    """Skeletons for existing pseudonyms, and what the rules would refuse today, without renaming.

    `people` is (id, pseudonym, role), oldest first. The oldest of a group of look-alikes keeps the
    skeleton; a later one gets none (so the unique skeleton holds) and is reported, as is a
    member's name in mixed scripts or passing for staff. Returns (id -> skeleton, report lines).
    """
    people = list(people)
    staff_names = [pseudonym for _pk, pseudonym, role in people if role == "moderator"]
    holder: dict[str, tuple[int, str]] = {}
    skeletons: dict[int, str | None] = {}
    report: list[str] = []
    for pk, pseudonym, role in people:
        key = skeleton(pseudonym)
        if key in holder:
            first_pk, first = holder[key]
            skeletons[pk] = None
            report.append(f"user {pk} {pseudonym!r} looks like user {first_pk} {first!r}")
        else:
            holder[key] = (pk, pseudonym)
            skeletons[pk] = key
        if role != "member":
            continue
        if is_mixed_script(pseudonym):
            report.append(f"user {pk} {pseudonym!r} mixes scripts ({', '.join(sorted(scripts(pseudonym)))})")
        try:
            validate_not_reserved(pseudonym, staff_names=staff_names)
        except ValidationError:
            report.append(f"user {pk} {pseudonym!r} passes for the portal or a moderator")
    return skeletons, report
