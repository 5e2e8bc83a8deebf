"""Notification kinds of the cafés. Their texts hold only a date, a time, a place or a pseudonym."""

from django.utils.translation import gettext_lazy as _

from reconnect.core.notifications import EmailChoice, NotificationKind, register

PEERS = frozenset({"member", "moderator"})

COMPANION = register(
    NotificationKind(
        key="cafes.companion",
        label=_("Company on the way to a café"),
        message=_("{pseudonym} will go with you to the café on {date}."),
        default_email=EmailChoice.IMMEDIATE,
        roles=PEERS,
    )
)
COMPANY_OFF = register(
    NotificationKind(
        key="cafes.company_off",
        label=_("Company on the way to a café is off"),
        message=_("The company you arranged for the café on {date} is off: the other person can no longer come."),
        default_email=EmailChoice.IMMEDIATE,
        roles=PEERS,
    )
)
CANCELLED = register(
    NotificationKind(
        key="cafes.cancelled",
        label=_("A café I answered is cancelled"),
        message=_("The café on {date} is cancelled."),
        default_email=EmailChoice.IMMEDIATE,
        roles=PEERS,
    )
)
CHANGED = register(
    NotificationKind(
        key="cafes.changed",
        label=_("A café I answered has a new time or place"),
        message=_("The café on {date} has a new time or place: it is now {new_date} at {place}."),
        default_email=EmailChoice.IMMEDIATE,
        roles=PEERS,
    )
)
REMINDER = register(
    NotificationKind(
        key="cafes.reminder",
        label=_("Café reminders"),
        message=_("Reminder: café on {date} at {place}."),
        default_email=EmailChoice.IMMEDIATE,
        roles=PEERS,
    )
)
FIRST_VISIT = register(
    NotificationKind(
        key="cafes.first_visit",
        label=_("Someone comes to my café for the first time"),
        message=_(
            "Someone is coming for the first time to the café on {date} and would like you to meet them at the door."
        ),
        default_email=EmailChoice.IMMEDIATE,
        roles=frozenset({"moderator"}),
    )
)
