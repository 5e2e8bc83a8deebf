"""Navigation entries per role, registered by each app in its AppConfig.ready()."""

from dataclasses import dataclass
from typing import TypedDict

from django.urls import NoReverseMatch, reverse
from django.utils import translation
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
        forget()


def _entries(role: str) -> list[NavEntry]:
    entries: list[NavEntry] = []
    for item in sorted(_items, key=lambda i: i.order):
        if role not in item.roles:
            continue
        try:
            entries.append(
                {"label": str(item.label), "url": reverse(item.url_name), "icon": item.icon, "tab": item.tab}
            )
        except NoReverseMatch:
            continue
    return entries


def items_for(user) -> list[NavEntry]:
    if not user.is_authenticated:
        return []
    return list(for_role(str(user.role), (translation.get_language() or "en").split("-")[0]).items)


TAB_BAR_SIZE = 4


def split_for_tab_bar(entries: list[NavEntry]) -> tuple[list[NavEntry], list[NavEntry]]:
    """The phone's tab bar: the first four entries that may be tabs; the rest go under "More"."""
    tabs = [e for e in entries if e["tab"]][:TAB_BAR_SIZE]
    return tabs, [e for e in entries if e not in tabs]


@dataclass(frozen=True)
class Navigation:
    """One role's navigation in one language: every entry, the phone's tabs and the rest."""

    items: tuple[NavEntry, ...]
    tabs: tuple[NavEntry, ...]
    more: tuple[NavEntry, ...]
    urls: frozenset[str]


# (role, language) -> its navigation. The entries, their addresses and labels are fixed once the
# apps are ready, so each process works them out once (reverse() of every entry on every page
# was a good part of the frame's cost).
_navigations: dict[tuple[str, str], Navigation] = {}


def for_role(role: str, language: str) -> Navigation:
    """The navigation of a signed-in person of `role` ("" for a visitor: none) in `language`."""
    key = (role, language)
    found = _navigations.get(key)
    if found is None:
        entries: list[NavEntry] = []
        if role:
            with translation.override(language):
                entries = _entries(role)
        tabs, more = split_for_tab_bar(entries)
        found = _navigations[key] = Navigation(
            tuple(entries), tuple(tabs), tuple(more), frozenset(e["url"] for e in entries)
        )
    return found


def forget(**_kwargs) -> None:
    """Work the navigations out again (a new entry; in tests, another URLconf or language list)."""
    _navigations.clear()
