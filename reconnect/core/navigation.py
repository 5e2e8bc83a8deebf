"""Navigation entries per role, registered by each app in its AppConfig.ready()."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    label: Promise | str
    url_name: str
    roles: frozenset[str]
    order: int = 50


_items: list[NavItem] = []


def register(item: NavItem) -> None:
    if item not in _items:
        _items.append(item)


def items_for(user) -> list[dict[str, str]]:
    if not user.is_authenticated:
        return []
    entries = []
    for item in sorted(_items, key=lambda i: i.order):
        if user.role not in item.roles:
            continue
        try:
            entries.append({"label": str(item.label), "url": reverse(item.url_name)})
        except NoReverseMatch:
            continue
    return entries
