"""Explicit extension points where one app's operation must be followed up by another app.

Called from services (never from signals), inside the same transaction, so that the follow-up
happens or nothing does. An app registers its function in AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from django.db import models

if TYPE_CHECKING:
    from reconnect.accounts.models import User

_care_link_ended: list[Callable[..., None]] = []


def on_care_link_ended(func: Callable[..., None]) -> Callable[..., None]:
    """Register `func(*, member, provider)`: called when a member's care-team link ends."""
    if func not in _care_link_ended:
        _care_link_ended.append(func)
    return func


def care_link_ended(*, member: "User", provider: "User") -> None:
    for func in _care_link_ended:
        func(member=member, provider=provider)


# --- Screening of what people write ----------------------------------------------------------------
# The forum, messaging, cafés and the toolbox hand new text to one screener (registered by the
# moderation app), so that none of them imports moderation and moderation imports them only where
# it acts on their objects. Without a screener nothing is held or flagged.


@dataclass(frozen=True)
class Screening:
    """What the screener decided about a text, before it is stored."""

    hold: bool = False  # keep it from others until a moderator looks
    crisis: bool = False  # the writer should see the crisis resources now
    flags: tuple[str, ...] = ()
    # The screener's own record, handed back to it by `text_stored` once the object exists.
    detail: Any = None


class WriteRefused(Exception):
    """The screener refuses a new text (a suspension, slow mode), with a message for the writer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Screener(Protocol):
    def screen_text(self, *, author: "User", text: str, where: str, editing: bool = False) -> Screening: ...

    def text_stored(self, *, screening: Screening, obj: models.Model, where: str) -> None: ...

    def check_may_write(self, *, author: "User", place: models.Model | None = None) -> None: ...

    def crisis_support_url(self, *, obj: models.Model, next_url: str) -> str | None: ...


# Where a text is written: what others read in the forum (posts, thread titles, circle posts), a
# message to one's care team, a café company note, or a private check-in note.
FORUM, MESSAGE, CAFE, CHECK_IN = "forum", "message", "cafe", "check_in"
_screeners: list[Screener] = []


def register_screener(screener: Screener) -> Screener:
    _screeners[:] = [screener]
    return screener


def screen_text(*, author: "User", text: str, where: str, editing: bool = False) -> Screening:
    if not _screeners:
        return Screening()
    return _screeners[0].screen_text(author=author, text=text, where=where, editing=editing)


def text_stored(*, screening: Screening, obj: models.Model, where: str) -> None:
    if _screeners and screening.detail is not None:
        _screeners[0].text_stored(screening=screening, obj=obj, where=where)


def check_may_write(*, author: "User", place: models.Model | None = None) -> None:
    """Raise WriteRefused when the writer may not write now (in `place`, a thread for example)."""
    if _screeners:
        _screeners[0].check_may_write(author=author, place=place)


def crisis_support_url(*, obj: models.Model, next_url: str) -> str | None:
    """Where to send the writer of `obj` at once for crisis resources, or None."""
    if not _screeners:
        return None
    return _screeners[0].crisis_support_url(obj=obj, next_url=next_url)
