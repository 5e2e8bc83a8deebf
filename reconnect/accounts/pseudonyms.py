"""Rules for pseudonyms: unique regardless of case, 3 to 30 characters, and for members never a
name that points to the person behind it."""

import re

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
    return " ".join(value.split())


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
