"""Recurrence rules in Oslo time, and iCalendar files that hold the right UTC instants across DST."""

from datetime import UTC, date, datetime, time

import pytest
from icalendar import Calendar

from cafes import services
from cafes.models import Meeting
from cafes.recurrence import Rule, nth_weekday
from cafes.services import MeetingDefaults
from tests.cafes.factories import RsvpFactory

pytestmark = pytest.mark.django_db


def first_tuesdays_2027():
    return Rule(
        frequency="monthly",
        weekday=1,
        nth=1,
        start_time=time(18, 0),
        first_date=date(2027, 2, 1),
        last_date=date(2027, 11, 30),
    )


def test_first_tuesday_of_each_month_is_found():
    assert first_tuesdays_2027().dates()[:3] == [date(2027, 2, 2), date(2027, 3, 2), date(2027, 4, 6)]


def test_last_weekday_and_missing_fifth_weekday():
    assert nth_weekday(2027, 3, 6, -1) == date(2027, 3, 28)  # last Sunday of March: summer time begins
    assert nth_weekday(2027, 2, 1, 5) is None  # February 2027 has four Tuesdays


def test_weekly_rule_steps_seven_days():
    rule = Rule(
        frequency="weekly", weekday=3, start_time=time(12), first_date=date(2027, 1, 1), last_date=date(2027, 1, 31)
    )
    assert rule.dates() == [date(2027, 1, 7), date(2027, 1, 14), date(2027, 1, 21), date(2027, 1, 28)]


def test_18_00_oslo_is_17_utc_in_winter_and_16_utc_in_summer():
    starts = [s.astimezone(UTC) for s in first_tuesdays_2027().starts()]
    assert starts[0] == datetime(2027, 2, 2, 17, 0, tzinfo=UTC)
    assert starts[1] == datetime(2027, 3, 2, 17, 0, tzinfo=UTC)
    assert starts[2] == datetime(2027, 4, 6, 16, 0, tzinfo=UTC)  # after the last Sunday of March
    assert starts[8] == datetime(2027, 10, 5, 16, 0, tzinfo=UTC)
    assert starts[9] == datetime(2027, 11, 2, 17, 0, tzinfo=UTC)  # after the last Sunday of October


def test_rule_without_dates_is_refused_and_creates_nothing(nordvik, moderator):
    rule = Rule(
        frequency="monthly",
        weekday=1,
        nth=5,
        start_time=time(18),
        first_date=date(2027, 2, 1),
        last_date=date(2027, 2, 28),
    )
    with pytest.raises(Exception, match="no dates"):
        services.create_series(
            community=nordvik,
            host=moderator,
            title="Café",
            rule=rule,
            duration_minutes=120,
            defaults=MeetingDefaults(place="Library", address="Storgata 1"),
        )
    assert not Meeting.objects.exists()


def _parsed_events(body: bytes):
    cal = Calendar.from_ical(body)
    return sorted(cal.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))


def test_calendar_feed_holds_utc_times_across_both_dst_changes(client, nordvik, moderator, member):
    series = services.create_series(
        community=nordvik,
        host=moderator,
        title="Nordvik café",
        rule=first_tuesdays_2027(),
        duration_minutes=120,
        defaults=MeetingDefaults(place="Library", address="Storgata 1"),
    )
    for meeting in series.meetings.all():
        RsvpFactory(meeting=meeting, user=member)
    token = services.settings_for(member).feed_token

    response = client.get(f"/cafes/feed/{token}.ics")

    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = _parsed_events(response.content)
    assert len(events) == 10
    starts = [e.decoded("dtstart") for e in events]
    assert starts[1] == datetime(2027, 3, 2, 17, 0, tzinfo=UTC)
    assert starts[2] == datetime(2027, 4, 6, 16, 0, tzinfo=UTC)
    assert starts[8] == datetime(2027, 10, 5, 16, 0, tzinfo=UTC)
    assert starts[9] == datetime(2027, 11, 2, 17, 0, tzinfo=UTC)
    assert events[2].decoded("dtend") == datetime(2027, 4, 6, 18, 0, tzinfo=UTC)
    assert str(events[0]["location"]) == "Library, Storgata 1"


def test_single_cafe_download_parses_back(login, cafe, member):
    response = login(member).get(f"/cafes/{cafe.pk}/calendar.ics")
    (event,) = _parsed_events(response.content)
    assert event.decoded("dtstart") == cafe.starts_at.astimezone(UTC).replace(microsecond=0)
    assert str(event["status"]) == "CONFIRMED"


def test_feed_lists_only_cafes_answered_going_or_maybe(client, cafe, member, series):
    from tests.cafes.factories import MeetingFactory

    other = MeetingFactory(series=series)
    RsvpFactory(meeting=cafe, user=member, answer="maybe")
    RsvpFactory(meeting=other, user=member, answer="no")
    response = client.get(f"/cafes/feed/{services.settings_for(member).feed_token}.ics")
    assert [str(e["uid"]) for e in _parsed_events(response.content)] == [f"cafe-{cafe.pk}@127.0.0.1:8000"]


def test_renewed_feed_token_retires_the_old_address(client, member):
    old = services.settings_for(member).feed_token
    new = services.renew_feed_token(user=member).feed_token
    assert client.get(f"/cafes/feed/{old}.ics").status_code == 404
    assert client.get(f"/cafes/feed/{new}.ics").status_code == 200


def test_private_feed_is_kept_by_no_browser_or_proxy_even_without_a_session(client, member):
    response = client.get(f"/cafes/feed/{services.settings_for(member).feed_token}.ics")
    assert response.status_code == 200
    directives = {d.strip() for d in response.headers["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives


def test_unknown_feed_token_is_404(client):
    assert client.get("/cafes/feed/not-a-token.ics").status_code == 404
