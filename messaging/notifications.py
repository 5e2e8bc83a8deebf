"""Notification kinds of messaging. They say who wrote, never what: no subject, no message text."""

from django.utils.translation import gettext_lazy as _

from reconnect.core.notifications import EmailChoice, NotificationKind, register

FOR_MEMBER = register(
    NotificationKind(
        key="messaging.from_care_team",
        label=_("New messages from my care team"),
        message=_("{name} has sent you a message."),
        default_email=EmailChoice.IMMEDIATE,
        roles=frozenset({"member"}),
    )
)
FOR_PROVIDER = register(
    NotificationKind(
        key="messaging.from_member",
        label=_("New messages from members"),
        message=_("{name} has sent you a message."),
        default_email=EmailChoice.IMMEDIATE,
        roles=frozenset({"provider"}),
    )
)
