"""The forum's notification kinds. Parameters carry only a pseudonym the recipient can already see:
never a thread title, a circle name or post text."""

from django.utils.translation import gettext_lazy as _

from reconnect.core.notifications import EmailChoice, NotificationKind, register

PEERS = frozenset({"member", "moderator"})

REPLY = register(
    NotificationKind(
        key="forum.reply",
        label=_("Replies in forum threads I follow"),
        message=_("{pseudonym} replied in a thread you follow."),
        default_email=EmailChoice.IMMEDIATE,
        roles=PEERS,
    )
)
CIRCLE_INVITE = register(
    NotificationKind(
        key="forum.circle_invite",
        label=_("Invitations to circles"),
        message=_("{pseudonym} invited you to a circle."),
        default_email=EmailChoice.IMMEDIATE,
        roles=PEERS,
    )
)
REVEAL = register(
    NotificationKind(
        key="forum.reveal",
        label=_("When someone shares who they are with me"),
        message=_("{pseudonym} shared a little about themselves with you."),
        default_email=EmailChoice.OFF,
        roles=PEERS,
    )
)
