"""The readable page of an export (index.html): headings and values in the person's language.

The JSON files keep the raw column names and values, for programs. The page is for the person:
"Created" instead of "created_at", "Yes" instead of "True", dates in the portal's time zone and
the person's date format, and a choice's label ("Going") instead of its stored value ("going").
"""

import json
from datetime import date, datetime
from typing import Any

from django.db.models import Field, Model
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Headings for columns whose field has no translated name of its own, or whose name alone would
# not say enough ("pseudonym" of whom?). Keyed by the column as the items write it.
COLUMN_HEADINGS: dict[str, Promise] = {
    "id": gettext_lazy("Number"),
    "accepted_at": gettext_lazy("Accepted"),
    "added_at": gettext_lazy("Added"),
    "at": gettext_lazy("When"),
    "created_at": gettext_lazy("Created"),
    "edited_at": gettext_lazy("Edited"),
    "emailed_at": gettext_lazy("Emailed"),
    "lifted_at": gettext_lazy("Lifted"),
    "read_at": gettext_lazy("Read"),
    "starts_at": gettext_lazy("Starts"),
    "updated_at": gettext_lazy("Last changed"),
    "viewed_at": gettext_lazy("Viewed"),
    "last_read_at": gettext_lazy("Last read"),
    "last_seen_at": gettext_lazy("Last seen"),
    "last_used_at": gettext_lazy("Last used"),
    "last_read_position": gettext_lazy("Last post read"),
    "conversation_id": gettext_lazy("Conversation number"),
    "exercise_id": gettext_lazy("Exercise number"),
    "goal_id": gettext_lazy("Goal number"),
    "member_id": gettext_lazy("Member number"),
    "message_id": gettext_lazy("Message number"),
    "post_id": gettext_lazy("Post number"),
    "thread_id": gettext_lazy("Thread number"),
    "user_id": gettext_lazy("Account number"),
    "author__pseudonym": gettext_lazy("Author's pseudonym"),
    "author__real_name": gettext_lazy("Author's name"),
    "member__pseudonym": gettext_lazy("Member's pseudonym"),
    "member__care_team_name": gettext_lazy("Member's name for the care team"),
    "member__real_name": gettext_lazy("Member's real name"),
    "member__email": gettext_lazy("Member's email address"),
    "provider__real_name": gettext_lazy("Provider"),
    "invited_by__pseudonym": gettext_lazy("Invited by"),
    "target__pseudonym": gettext_lazy("Member"),
    "viewer__pseudonym": gettext_lazy("Shown to"),
    "cafe_community__name": gettext_lazy("Café community"),
    "circle__name": gettext_lazy("Circle"),
    "community__name": gettext_lazy("Community"),
    "topic__name": gettext_lazy("Topic"),
    "thread__title": gettext_lazy("Thread"),
    "meeting__starts_at": gettext_lazy("Café starts"),
    "meeting__place": gettext_lazy("Café place"),
    "email": gettext_lazy("Email address"),
    "in_app": gettext_lazy("In the portal"),
    "ip": gettext_lazy("IP address"),
    "is_watching": gettext_lazy("Watching"),
    "item_type": gettext_lazy("What is shared"),
    "kind": gettext_lazy("Kind"),
    "order": gettext_lazy("Order"),
    "position": gettext_lazy("Position"),
    "post_count": gettext_lazy("Posts"),
    "status": gettext_lazy("Status"),
    "terms_version": gettext_lazy("Terms version"),
    "type": gettext_lazy("Type"),
    "url": gettext_lazy("Link"),
    "user_agent": gettext_lazy("Browser"),
}


def column_field(model: type[Model], column: str) -> Field | None:
    """The field a column ("conversation_id", "author__pseudonym") finally reads, if any."""
    field = None
    for part in column.split("__"):
        field = next((f for f in model._meta.concrete_fields if part in (f.name, f.attname)), None)
        if field is None:
            return None
        if field.is_relation and field.related_model is not None:
            model = field.related_model
    return field


def column_heading(model: type[Model], column: str) -> Any:
    """A translatable heading for a column; a plain string only when nobody wrote one (a test
    fails on that)."""
    if column in COLUMN_HEADINGS:
        return COLUMN_HEADINGS[column]
    field = column_field(model, column)
    if field is not None and isinstance(field.verbose_name, Promise):
        return field.verbose_name
    return column.replace("__", " ").replace("_", " ")


def readable_value(value: Any, field: Field | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if field is not None and field.choices:
        labels = dict(field.flatchoices)
        if value in labels:
            return str(labels[value])
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def readable_table(model: type[Model], columns: tuple[str, ...], rows: list[dict]) -> dict:
    """Headings and rows of strings for one item, in the active language."""
    fields = [column_field(model, column) for column in columns]
    return {
        "headings": [capfirst(str(column_heading(model, column))) for column in columns],
        "rows": [
            [readable_value(row.get(column), field) for column, field in zip(columns, fields, strict=True)]
            for row in rows
        ],
    }
