"""Demo cafés: a monthly series in Nordvik and in Elvdal hosted by Lillian, with past meetings and
their attendance (and who said they came), answers from Lighthouse, Birch and Northern Star, and an
offer of company."""

from datetime import time, timedelta

from django.utils import timezone

from cafes import services
from cafes.models import CafeSeries, CompanionKind, CompanionPost, Rsvp
from cafes.recurrence import Rule

# community slug, title, nth, weekday, place, address, directions, attendance of past meetings
SERIES = [
    (
        "nordvik",
        "ReConnect café Nordvik",
        1,
        1,  # the first Tuesday
        "Nordvik library café",
        "Storgata 12, Nordvik",
        "Ground floor, the room behind the newspapers. Bus 2 stops outside.",
        [5, 3, 7, 6],
    ),
    (
        "elvdal",
        "ReConnect café Elvdal",
        2,
        2,  # the second Wednesday
        "Elvdal culture house",
        "Elvegata 4, Elvdal",
        "Room 3 on the first floor; the lift is on the left of the entrance.",
        [8, 9, 6, 4],
    ),
]
THEMES = ["Small steps", "Sleep and rest", "Asking for help", "Good days"]


def seed(ctx: dict) -> None:
    users, communities = ctx["users"], ctx["communities"]
    host = users["lillian@example.org"]
    today = timezone.localdate()
    for slug, title, nth, weekday, place, address, directions, attendance in SERIES:
        series = CafeSeries.objects.filter(community=communities[slug], title=title).first()
        if series is None:
            rule = Rule(
                frequency="monthly",
                weekday=weekday,
                nth=nth,
                start_time=time(18, 0),
                first_date=(today - timedelta(days=125)).replace(day=1),
                last_date=today + timedelta(days=180),
            )
            series = services.create_series(
                community=communities[slug],
                host=host,
                title=title,
                rule=rule,
                duration_minutes=120,
                defaults=services.MeetingDefaults(place=place, address=address, directions=directions),
            )
            past = [m for m in series.meetings.order_by("-starts_at") if m.is_past]
            for meeting, count in zip(past, attendance, strict=False):
                meeting.attendance = count
                meeting.attendance_recorded_at = meeting.ends_at
                meeting.save(update_fields=["attendance", "attendance_recorded_at"])
            for meeting, theme in zip(series.meetings.upcoming(), THEMES, strict=False):
                meeting.theme = theme
                meeting.save(update_fields=["theme"])
        _said_who_came(series, users, slug)
        upcoming = series.meetings.upcoming().filter(cancelled_at__isnull=True).first()
        if upcoming is None:
            continue
        if slug == "nordvik":
            _answer(upcoming, users["ingrid@example.org"], show_pseudonym=True)
            birch = users["marte@example.org"]
            _answer(upcoming, birch)
            CompanionPost.objects.get_or_create(
                meeting=upcoming,
                author=birch,
                kind=CompanionKind.OFFER,
                defaults={"text": "I walk from the bus station at 17:40. Happy to have company."},
            )
        else:
            _answer(upcoming, users["sofie@example.org"], answer="maybe")


# Answers to the last two cafés held, and what each said afterwards (None: not yet, so the café
# list asks Lighthouse "Were you at the café on …?").
PAST_ANSWERS = {
    "nordvik": [
        [("ingrid@example.org", "going", None), ("marte@example.org", "going", True)],
        [("ingrid@example.org", "going", True), ("marte@example.org", "maybe", False)],
    ],
    "elvdal": [[("sofie@example.org", "maybe", True)], []],
}


def _said_who_came(series, users, slug: str) -> None:
    held = series.meetings.past().filter(cancelled_at__isnull=True).order_by("-starts_at")[:2]
    for meeting, answers in zip(held, PAST_ANSWERS[slug], strict=False):
        for email, answer, attended in answers:
            # Written directly: the café has taken place, so the service no longer takes answers.
            Rsvp.objects.get_or_create(
                meeting=meeting,
                user=users[email],
                defaults={"answer": answer, "attended": attended, "updated_at": meeting.starts_at - timedelta(days=2)},
            )


def _answer(meeting, user, *, answer: str = "going", show_pseudonym: bool = False) -> None:
    if not Rsvp.objects.filter(meeting=meeting, user=user).exists():
        services.answer(meeting=meeting, user=user, answer=answer, show_pseudonym=show_pseudonym)
