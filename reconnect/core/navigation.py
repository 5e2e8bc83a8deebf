"""Navigation entries per role, registered by each app in its AppConfig.ready()."""

from dataclasses import dataclass
from typing import TypedDict

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    label: Promise | str
    url_name: str
    roles: frozenset[str]
    order: int = 50
    icon: str = "circle"  # a Lucide name in static/icons/sprite.svg (scripts/vendor_assets.py)
    tab: bool = True  # may sit in the phone's bottom tab bar; False keeps it under "More"


class NavEntry(TypedDict):
    label: str
    url: str
    icon: str
    tab: bool


_items: list[NavItem] = []


def register(item: NavItem) -> None:
    if item not in _items:
        _items.append(item)


def items_for(user) -> list[NavEntry]:
    if not user.is_authenticated:
        return []
    entries: list[NavEntry] = []
    for item in sorted(_items, key=lambda i: i.order):
        if user.role not in item.roles:
            continue
        try:
            entries.append(
                {"label": str(item.label), "url": reverse(item.url_name), "icon": item.icon, "tab": item.tab}
            )
        except NoReverseMatch:
            continue
    return entries


TAB_BAR_SIZE = 4


def split_for_tab_bar(entries: list[NavEntry]) -> tuple[list[NavEntry], list[NavEntry]]:
    """The phone's tab bar: the first four entries that may be tabs; the rest go under "More"."""
    tabs = [e for e in entries if e["tab"]][:TAB_BAR_SIZE]
    return tabs, [e for e in entries if e not in tabs]
