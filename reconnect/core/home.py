"""Cards on the home page: the person's day, per role, registered by each app in its AppConfig.ready().

A card function `card(user) -> list[HomeCard]` answers with at most one query (an aggregate, or one
row with its subqueries), so the home page's query count is fixed by the number of apps that add a
card, never by the amount of data behind them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class HomeCard:
    template: str
    context: dict = field(default_factory=dict)


CardFunction = Callable[[object], list[HomeCard]]


@dataclass(frozen=True)
class _Entry:
    func: CardFunction
    roles: frozenset[str]
    order: int


_entries: list[_Entry] = []


def register_card(func: CardFunction, *, roles: frozenset[str], order: int = 50) -> None:
    if all(entry.func is not func for entry in _entries):
        _entries.append(_Entry(func, roles, order))


def cards_for(user) -> list[HomeCard]:
    cards: list[HomeCard] = []
    for entry in sorted(_entries, key=lambda e: e.order):
        if user.role in entry.roles:
            cards.extend(entry.func(user))
    return cards
