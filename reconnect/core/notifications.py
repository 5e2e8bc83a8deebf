"""The kinds of notification the portal sends, registered by each app in its AppConfig.ready().

A notification carries a kind, a link and a few content-free parameters. Its text is rendered in
the reader's language when shown; emails never contain health content, only "you have something
new" and a link.
"""

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class EmailChoice:
    OFF = "off"
    IMMEDIATE = "immediate"
    DAILY = "daily"

    choices = [
        (OFF, _("No email")),
        (IMMEDIATE, _("Email at once")),
        (DAILY, _("Daily summary email")),
    ]


@dataclass(frozen=True)
class NotificationKind:
    key: str
    label: Promise | str
    # Text shown in the portal; may use {placeholders} filled from the notification's params.
    message: Promise | str
    default_email: str = EmailChoice.IMMEDIATE
    roles: frozenset[str] = field(default_factory=frozenset)


_registry: dict[str, NotificationKind] = {}


def register(kind: NotificationKind) -> NotificationKind:
    _registry[kind.key] = kind
    return kind


def get_kind(key: str) -> NotificationKind | None:
    return _registry.get(key)


def kinds_for_role(role: str) -> list[NotificationKind]:
    return [kind for kind in _registry.values() if not kind.roles or role in kind.roles]


GENERAL = register(
    NotificationKind(
        key="core.general",
        label=_("News from the portal"),
        message=_("{text}"),
        default_email=EmailChoice.OFF,
    )
)
CARE_TEAM_CHANGED = register(
    NotificationKind(
        key="accounts.care_team",
        label=_("Changes to my care team"),
        message=_("Your care team has changed."),
        default_email=EmailChoice.IMMEDIATE,
        roles=frozenset({"member", "provider"}),
    )
)
