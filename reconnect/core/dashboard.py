"""Panels that apps add to the provider dashboard, per member of the provider's care team.

An app registers a function `panel(provider, members) -> dict[member_id, list[PanelItem]]` in its
AppConfig.ready(); the dashboard (messaging) calls every registered function once per page, so
each must answer for all members with a fixed number of queries.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class PanelItem:
    label: Promise | str
    url: str = ""
    detail: str = ""


MemberPanel = Callable[[object, Iterable[object]], dict[int, list[PanelItem]]]

_panels: list[MemberPanel] = []


def register_member_panel(panel: MemberPanel) -> None:
    if panel not in _panels:
        _panels.append(panel)


def member_panels(provider, members) -> dict[int, list[PanelItem]]:
    members = list(members)
    merged: dict[int, list[PanelItem]] = {m.pk: [] for m in members}
    for panel in _panels:
        for member_id, items in panel(provider, members).items():
            merged.setdefault(member_id, []).extend(items)
    return merged
