"""Moderation's notification kinds. Parameters never carry post text, reasons or names of reporters:
the in-app text and the email only say that something happened, with a link."""

from django.utils.translation import gettext_lazy as _

from reconnect.core.notifications import EmailChoice, NotificationKind, register

MODERATORS = frozenset({"moderator", "admin"})
PEERS = frozenset({"member", "moderator"})

CRISIS = register(
    NotificationKind(
        key="moderation.crisis",
        label=_("New crisis flags in the moderation queue"),
        message=_("A post with crisis language needs a peer moderator now."),
        default_email=EmailChoice.IMMEDIATE,
        roles=MODERATORS,
    )
)
CRISIS_UNCLAIMED = register(
    NotificationKind(
        key="moderation.crisis_unclaimed",
        label=_("Crisis flags no peer moderator has taken up in time"),
        message=_("A post with crisis language has waited {minutes} minutes without a peer moderator."),
        default_email=EmailChoice.IMMEDIATE,
        roles=frozenset({"admin"}),
    )
)
QUEUE_SUMMARY = register(
    NotificationKind(
        key="moderation.queue_summary",
        label=_("Daily size of the moderation queue"),
        message=_("{count} items wait in the moderation queue."),
        default_email=EmailChoice.IMMEDIATE,
        roles=MODERATORS,
    )
)
ESCALATED = register(
    NotificationKind(
        key="moderation.escalated",
        label=_("Moderation items escalated to an admin"),
        message=_("A peer moderator asks an admin to look at a moderation item."),
        default_email=EmailChoice.IMMEDIATE,
        roles=frozenset({"admin"}),
    )
)
POST_APPROVED = register(
    NotificationKind(
        key="moderation.approved",
        label=_("When a peer moderator approves my post"),
        message=_("A peer moderator approved your post: it is now visible to everyone."),
        default_email=EmailChoice.OFF,
        roles=PEERS,
    )
)
POST_CHANGED = register(
    NotificationKind(
        key="moderation.post_changed",
        label=_("When a peer moderator hides or edits my post"),
        message=_("A peer moderator changed one of your posts. You can read why."),
        default_email=EmailChoice.IMMEDIATE,
        roles=PEERS,
    )
)
CHECK_IN = register(
    NotificationKind(
        key="moderation.check_in",
        label=_("Private check-ins from peer moderators"),
        message=_("{pseudonym} sent you a private message."),
        default_email=EmailChoice.IMMEDIATE,
        roles=PEERS,
    )
)
MODERATOR_REPLY = register(
    NotificationKind(
        key="moderation.reply",
        label=_("When a peer moderator answers my post"),
        message=_("{pseudonym} answered your post."),
        default_email=EmailChoice.IMMEDIATE,
        roles=PEERS,
    )
)
SANCTION = register(
    NotificationKind(
        key="moderation.sanction",
        label=_("Warnings and limits from the peer moderators"),
        message=_("A peer moderator sent you a note about your posting. You can read why."),
        default_email=EmailChoice.IMMEDIATE,
        roles=PEERS,
    )
)
REPORT_CLOSED = register(
    NotificationKind(
        key="moderation.report_closed",
        label=_("Outcomes of my reports"),
        message=_("A peer moderator looked at a post you reported."),
        default_email=EmailChoice.OFF,
        roles=PEERS,
    )
)
