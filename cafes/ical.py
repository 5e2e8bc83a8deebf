"""iCalendar files of cafés: times in UTC, so every calendar shows them right across DST changes."""

from collections.abc import Iterable
from datetime import UTC

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from cafes.models import Meeting


def calendar_for(meetings: Iterable[Meeting], *, name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//ReConnect//Cafés//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(UTC)
    for meeting in meetings:
        event = Event()
        event.add("uid", f"cafe-{meeting.pk}@{settings.SITE_URL.split('://')[-1]}")
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.starts_at.astimezone(UTC))
        event.add("dtend", meeting.ends_at.astimezone(UTC))
        event.add("summary", meeting.series.title)
        event.add("location", f"{meeting.place}, {meeting.address}")
        if meeting.directions:
            event.add("description", meeting.directions)
        event.add("url", settings.SITE_URL + meeting.get_absolute_url())
        event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
        cal.add_component(event)
    return cal.to_ical()
