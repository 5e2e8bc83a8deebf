"""What the cafés hold about a person: answers, company posts, reminder choices."""

from django.utils.translation import gettext_lazy as _

from cafes.models import CafeSettings, CompanionPost, Reminder, Rsvp
from cafes.services import call_off_company
from reconnect.privacy.registry import Item, Section, leave_out, register


def _erase(user, plan) -> dict[str, int]:
    # Whoever had arranged company with them for a café still to come is told it is off.
    call_off_company(user=user)
    # Someone else's offer of company that this person accepted goes back to being open.
    CompanionPost.objects.filter(accepted_by=user).update(accepted_by=None, accepted_at=None)
    return {
        "cafes.answers": Rsvp.objects.filter(user=user).delete()[0],
        "cafes.company_posts": CompanionPost.objects.filter(author=user).delete()[0],
        "cafes.reminders": Reminder.objects.filter(user=user).delete()[0],
        "cafes.settings": CafeSettings.objects.filter(user=user).delete()[0],
    }


register(
    Section(
        key="cafes",
        title=_("Cafés"),
        order=40,
        roles=frozenset({"member", "moderator"}),
        items=(
            Item(
                "answers",
                _("My answers to cafés"),
                Rsvp,
                lambda u: Rsvp.objects.filter(user=u),
                fields=(
                    "meeting__starts_at",
                    "meeting__place",
                    "answer",
                    "show_pseudonym",
                    "first_visit",
                    "first_visit_note",
                    "attended",
                    "updated_at",
                ),
                url_name="cafes:index",
            ),
            Item(
                "company_posts",
                _("Offers and wishes of company"),
                CompanionPost,
                lambda u: CompanionPost.objects.filter(author=u),
                fields=("meeting__starts_at", "kind", "text", "accepted_at", "created_at"),
            ),
            Item(
                "settings",
                _("Café reminder choices"),
                CafeSettings,
                lambda u: CafeSettings.objects.filter(user=u),
                exclude=("feed_token",),
                in_overview=False,
            ),
        ),
        erase=_erase,
    )
)
leave_out("cafes.reminder", "The reminders queued for sending; the export holds the reminder choices and answers.")
leave_out("cafes.cafeseries", "Café series are the host's work for the community, not the host's personal data.")
leave_out("cafes.meeting", "Meetings are the host's work for the community; a member's answers are exported.")
