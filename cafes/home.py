"""The café card of the home page: the next café of the member's community and their answer (one query)."""

from django.db.models import OuterRef, Subquery

from reconnect.core.home import HomeCard

from .models import Answer, Meeting, Rsvp


def next_cafe_card(user) -> list[HomeCard]:
    mine = Rsvp.objects.filter(meeting=OuterRef("pk"), user=user)
    meeting = (
        Meeting.objects.visible_to(user)
        .upcoming()
        .filter(cancelled_at__isnull=True)
        .select_related("series")
        .annotate(
            my_answer=Subquery(mine.values("answer")[:1]),
            my_show_pseudonym=Subquery(mine.values("show_pseudonym")[:1]),
            my_first_visit=Subquery(mine.values("first_visit")[:1]),
            my_first_visit_note=Subquery(mine.values("first_visit_note")[:1]),
        )
        .order_by("starts_at", "pk")
        .first()
    )
    return [
        HomeCard(
            "cafes/_home_next.html",
            {
                "meeting": meeting,
                "answers": Answer.choices,
                "my_answer_label": dict(Answer.choices).get(meeting.my_answer) if meeting else None,
            },
        )
    ]
