"""Explicit extension points where one app's operation must be followed up by another app.

Called from services (never from signals), inside the same transaction, so that the follow-up
happens or nothing does. An app registers its function in AppConfig.ready().
"""

from collections.abc import Callable

_care_link_ended: list[Callable[..., None]] = []


def on_care_link_ended(func: Callable[..., None]) -> Callable[..., None]:
    """Register `func(*, member, provider)`: called when a member's care-team link ends."""
    if func not in _care_link_ended:
        _care_link_ended.append(func)
    return func


def care_link_ended(*, member, provider) -> None:
    for func in _care_link_ended:
        func(member=member, provider=provider)
