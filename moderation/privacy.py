"""What moderation holds about a member. The moderation log itself outlives accounts."""

from django.utils.translation import gettext_lazy as _

from moderation.models import ModeratorCheckIn, ModeratorDuty, QueueItem, Report, Sanction
from reconnect.privacy.registry import Item, Section, leave_out, register


def _erase(user, plan) -> dict[str, int]:
    # Reports the person made and sanctions they had stay with the anonymous account: they are
    # the moderators' record of what happened. The free text of a report is the person's own
    # words (it may name them or others), so it goes; the reason and outcome stay.
    # The queue keeps its items (the moderators' record), but not the person's own words that the
    # screen quoted as evidence.
    return {
        "moderation.evidence_removed": QueueItem.objects.filter(author=user)
        .exclude(evidence=[], matched="")
        .update(evidence=[], matched=""),
        "moderation.duty": ModeratorDuty.objects.filter(moderator=user).delete()[0],
        "moderation.check_ins": ModeratorCheckIn.objects.filter(member=user).delete()[0],
        "moderation.report_details_removed": Report.objects.filter(reporter=user)
        .exclude(details="")
        .update(details=""),
    }


register(
    Section(
        key="moderation",
        title=_("Moderation"),
        order=25,
        roles=frozenset({"member", "moderator"}),
        items=(
            Item(
                "reports",
                _("Posts I reported"),
                Report,
                lambda u: Report.objects.filter(reporter=u),
                fields=("post_id", "reason", "details", "outcome", "created_at"),
                url_name="moderation:my_reports",
            ),
            Item(
                "check_ins",
                _("Messages from a peer moderator"),
                ModeratorCheckIn,
                lambda u: ModeratorCheckIn.objects.filter(member=u),
                fields=("body", "created_at", "read_at"),
                url_name="moderation:notices",
            ),
            Item(
                "sanctions",
                _("Warnings and limits on my account"),
                Sanction,
                lambda u: Sanction.objects.filter(member=u),
                exclude=("id", "member_id", "created_by_id"),
                url_name="moderation:notices",
            ),
        ),
        erase=_erase,
    )
)
leave_out("moderation.queueitem", "The moderators' work queue; what it concerns (the posts) is exported.")
leave_out("moderation.moderationaction", "The moderation log is the moderators' record and outlives accounts.")
leave_out("moderation.savedreply", "Moderators' shared reply texts, not personal data.")
leave_out("moderation.watchedword", "Moderators' shared word list, not personal data.")
leave_out("moderation.slowmode", "A setting on a thread, not personal data.")
leave_out("moderation.messagecrisisflag", "An internal marker on a message; the message itself is exported.")
leave_out("moderation.hidenotice", "The reason a post was hidden is shown with the post; the post is exported.")
leave_out("moderation.escalationcontact", "Staff contacts set up by admins, not members' data.")
leave_out("moderation.moderatorduty", "Whether a moderator is on duty now, a work setting; it goes with the account.")
