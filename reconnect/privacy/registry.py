"""What each app holds about a person, how it is exported and how it is erased.

Every app that stores something about a user registers a Section in its own `privacy.py`:
the items it exports (a queryset of the person's rows and the fields to write), and the function
that erases or anonymises them when the account is deleted. A model that points at the user and
is deliberately not exported is listed with `leave_out(label, reason)`. The export-completeness
test walks every model that refers to the user and fails on a model that is neither.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class ErasurePlan:
    """The choices of one account deletion, handed to every section."""

    keep_post_text: bool
    keep_messages: bool
    # Names the person had, for the sections that must rewrite text that quotes them: the name
    # peers knew (the pseudonym) and the one their providers knew (see User.name_for_providers).
    old_display_name: str = ""
    new_display_name: str = ""
    old_name_for_providers: str = ""


@dataclass(frozen=True)
class Item:
    """One kind of thing a person has: "Forum posts", "Goals"..."""

    key: str
    label: Any  # a lazy translation
    model: type[Model]
    rows: Callable[[Any], QuerySet]
    # Columns to write; empty means every column of the model except `exclude`.
    fields: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    # Where the person sees these things in the portal (a URL name), if anywhere.
    url_name: str = ""
    # Whether the overview page shows a count (some items are parts of others).
    in_overview: bool = True
    # The roles that have this item; empty means every role the section is for.
    roles: frozenset[str] = field(default_factory=frozenset)

    def columns(self) -> tuple[str, ...]:
        if self.fields:
            return self.fields
        return tuple(f.attname for f in self.model._meta.concrete_fields if f.attname not in self.exclude)


@dataclass(frozen=True)
class Section:
    key: str
    title: Any
    items: tuple[Item, ...]
    erase: Callable[[Any, ErasurePlan], dict[str, int]] | None = None
    # Files to put in the export (name inside the ZIP -> bytes), e.g. message attachments.
    files: Callable[[Any], list[tuple[str, bytes]]] | None = None
    # Rules that remove things after a while, run by `manage.py apply_retention`: now -> counts.
    retention: Callable[[Any], dict[str, int]] | None = None
    order: int = 50
    roles: frozenset[str] = field(default_factory=frozenset)


_sections: dict[str, Section] = {}
_left_out: dict[str, str] = {}


def register(section: Section) -> Section:
    _sections[section.key] = section
    return section


def leave_out(model_label: str, reason: str) -> None:
    """Say why a model that refers to a person is not in their export."""
    _left_out[model_label.lower()] = reason


def sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


def left_out() -> dict[str, str]:
    return dict(_left_out)
