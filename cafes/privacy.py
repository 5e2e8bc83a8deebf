"""What the cafés hold about a person: answers, company posts, reminder choices."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cafes import notifications as kinds
from cafes.models import CafeSettings, CompanionPost, Reminder, Rsvp
from reconnect.core.services import notify
from reconnect.privacy.registry import Item, Section, leave_out, register


def _call_off_company(user) -> None:
    """Whoever was going to a café still to come with this person hears that it is off, rather than
    waiting at the station for someone who will not come."""
    arranged = CompanionPost.objects.filter(
        meeting__starts_at__gt=timezone.now(), meeting__cancelled_at__isnull=True, accepted_by__isnull=False
    ).select_related("meeting", "author", "accepted_by")
    for post in arranged.filter(accepted_by=user) | arranged.filter(author=user):
        other = post.author if post.accepted_by_id == user.pk else post.accepted_by
        notify(
            users=[other],
            kind=kinds.COMPANY_OFF,
            url=post.meeting.get_absolute_url(),
            params={"date": post.meeting.label()},
        )


def _erase(user, plan) -> dict[str, int]:
    _call_off_company(user)
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
