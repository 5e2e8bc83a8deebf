"""Defects found in a review of the usage report: each test failed before its fix."""

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation

from cafes.models import Meeting
from reports import presentation, svg
from reports.models import LoginEvent
from reports.selectors import Figure, Period, _month_of, build_report
from tests.cafes.factories import MeetingFactory
from tests.factories import CommunityFactory, MemberFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/usagereport/"


def _held_cafe(community, *, days_ago: int = 1, attendance: int = 6) -> Meeting:
    meeting = MeetingFactory(series__community=community)
    starts = timezone.now() - timedelta(days=days_ago)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=starts, ends_at=starts + timedelta(hours=2), attendance=attendance
    )
    return meeting


def test_dates_at_the_end_of_the_calendar_are_refused_with_a_message_not_a_500(client, admin_user):
    client.force_login(admin_user)
    for query in ("start=9999-12-01&end=9999-12-31", "start=0001-01-01&end=0001-02-01"):
        response = client.get(f"{REPORT}?{query}&logins_over=15")
        assert response.status_code == 400
        assert "very ends of the calendar" in response.content.decode()
        assert client.get(f"{REPORT}csv/?{query}&logins_over=15").status_code == 400
    with pytest.raises(CommandError, match="very ends of the calendar"):
        call_command("usage_report", "--start", "9999-12-01", "--end", "9999-12-31")


def test_a_period_of_sixty_months_across_years_has_each_month_once():
    months = Period(date(2021, 12, 15), date(2026, 11, 2)).months()
    assert len(months) == 60 and months[0] == date(2021, 12, 1) and months[-1] == date(2026, 11, 1)
    assert len(set(months)) == 60 and all(m.day == 1 for m in months)


def test_csv_cells_never_start_a_spreadsheet_formula(client, admin_user):
    client.force_login(admin_user)
    evil = CommunityFactory(name='=HYPERLINK("http://evil.example","x")', slug="evil")
    other = CommunityFactory(name="+Plus", slug="plus")
    _held_cafe(evil)
    _held_cafe(other)
    today = timezone.localdate()
    for community in ("", "evil"):
        query = f"start={today - timedelta(days=40)}&end={today}&community={community}&logins_over=15"
        text = client.get(f"{REPORT}csv/?{query}").content
        cells = [cell for row in csv.reader(io.StringIO(text.decode())) for cell in row]
        assert cells, "the CSV has rows"
        assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
        assert '\'=HYPERLINK("http://evil.example","x")' in cells


@pytest.mark.parametrize("start", [" ", "  \t", "\n", "\r\n", "\x07", "\x0b", "\u00a0", "\u200b", "\ufeff"])
@pytest.mark.parametrize("formula", ["=1+1", "+1", "-2+3", "@SUM(A1)"])
def test_csv_cells_with_a_formula_behind_spaces_or_control_characters_are_neutralised(start, formula):
    cell = start + formula
    assert presentation._inert(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Nordvik", "  Nordvik", "12", "fewer than 5", "12–15", "\u200bElvdal", ""])
def test_csv_cells_without_a_formula_stay_as_they_are(cell):
    assert presentation._inert(cell) == cell


def test_a_community_named_with_a_hidden_formula_reaches_the_csv_neutralised(client, admin_user):
    client.force_login(admin_user)
    hidden = CommunityFactory(name=' \x07=HYPERLINK("http://evil.example","x")', slug="hidden")
    _held_cafe(hidden)
    _held_cafe(CommunityFactory(name="Plain", slug="plain"))  # per-community rows need two communities
    today = timezone.localdate()
    query = f"start={today - timedelta(days=40)}&end={today}&community=&logins_over=15"
    cells = [
        cell for row in csv.reader(io.StringIO(client.get(f"{REPORT}csv/?{query}").content.decode())) for cell in row
    ]
    assert '\' \x07=HYPERLINK("http://evil.example","x")' in cells


def test_command_refuses_a_language_the_portal_does_not_speak():
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("usage_report", "--language", "xx")


def test_command_explains_bad_choices_in_the_language_asked_for():
    with pytest.raises(CommandError, match="Slutten kan ikke være før starten"):
        call_command("usage_report", "--start", "2026-02-01", "--end", "2026-01-01", "--language", "nb")


def test_numbers_on_the_page_are_grouped_in_the_active_language():
    figure = Figure("post_views", "Post views", "", 1870, [1870])
    with translation.override("nb"):
        assert presentation.total_cell(figure) == "1\xa0870"
        assert presentation.total_cell(Figure("h", "h", "", 4.5, [4.5], unit="hours")) == "4,5"
    with translation.override("en"):
        assert presentation.total_cell(figure) == "1,870"
    assert presentation.total_cell(figure, localized=False) == "1870"


def test_chart_labels_speak_the_active_language_and_counts_have_whole_ticks():
    months = [date(2026, 1, 1), date(2026, 2, 1)]
    hours = Figure("reply_hours", "Reply", "", 4.5, [4.5, 12.5], unit="hours", monthly_basis=[6, 6])
    with translation.override("nb"):
        chart = svg.bar_chart(hours, months, 5)
    assert ">4,5</text>" in chart and ">12,5</text>" in chart and ">4.5<" not in chart
    counts = Figure("posts", "Posts", "", 7, [4, 3])
    chart = svg.bar_chart(counts, months, 2)
    assert ">2.5<" not in chart and ">5</text>" in chart


def test_a_long_period_draws_no_crowded_small_cell_labels():
    months = Period(date(2024, 1, 1), date(2026, 12, 31)).months()
    figure = Figure("members_active", "Active", "", 3, [3] * len(months))
    chart = svg.bar_chart(figure, months, 5)
    assert chart.count('class="bar bar-hidden"') == len(months)
    assert "&lt;5" not in chart


def test_the_month_of_a_time_follows_the_active_time_zone():
    # 23:30 UTC on 31 October is 00:30 on 1 November in Oslo.
    moment = datetime(2026, 10, 31, 23, 30, tzinfo=UTC)
    with timezone.override("UTC"):
        assert _month_of(moment) == date(2026, 10, 1)
    with timezone.override("Europe/Oslo"):
        assert _month_of(moment) == date(2026, 11, 1)


def test_a_sign_in_just_after_midnight_on_the_first_counts_in_the_new_month_in_oslo(settings):
    settings.TIME_ZONE = "Europe/Oslo"
    member = MemberFactory()
    LoginEvent.objects.create(user=member, at=datetime(2026, 10, 31, 23, 30, tzinfo=UTC))
    LoginEvent.objects.create(user=member, at=datetime(2026, 10, 31, 22, 59, tzinfo=UTC))
    with timezone.override("Europe/Oslo"):
        assert build_report(period=Period(date(2026, 10, 1), date(2026, 11, 30))).figure("logins").monthly == [1, 1]
        assert build_report(period=Period(date(2026, 11, 1), date(2026, 11, 1))).figure("logins").total == 1
        assert build_report(period=Period(date(2026, 10, 31), date(2026, 10, 31))).figure("logins").total == 1


def test_one_community_gets_no_breakdown_row_that_repeats_the_summary(client, admin_user):
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    elvdal = CommunityFactory(name="Elvdal", slug="elvdal")
    _held_cafe(nordvik, attendance=3)
    _held_cafe(elvdal, attendance=7)
    today = timezone.localdate()
    period = Period(today.replace(day=1) - timedelta(days=1), today)
    assert build_report(period=period, community=nordvik).cafe_rows == []
    assert [row.community for row in build_report(period=period).cafe_rows] == ["Elvdal", "Nordvik"]
    client.force_login(admin_user)
    page = client.get(f"{REPORT}?start={period.start}&end={today}&community=nordvik&logins_over=15")
    table = page.content.decode().split('id="cafes-per-community"')[1].split("</table>")[0]
    # The heading and the summary, which is named Nordvik.
    assert table.count("Nordvik") == 1 and table.count("<tr") == 2


def test_cafes_held_are_shown_exactly_however_few():
    community = CommunityFactory()
    _held_cafe(community)
    _held_cafe(CommunityFactory())
    today = timezone.localdate()
    report = build_report(period=Period(today - timedelta(days=40), today))
    figure = report.figure("cafes_held")
    assert figure.total == 2
    cells = [presentation.month_cell(figure, i, 5) for i in range(len(report.months))]
    assert "fewer than 5" not in cells and sum(int(cell) for cell in cells) == 2
    assert all(presentation.cafe_cells(row, 5)[:2] == ["1", "1"] for row in report.cafe_rows)
    assert 'class="bar bar-hidden"' not in svg.bar_chart(figure, report.months, 5)


def test_the_report_calls_a_community_lokalsamfunn_in_norwegian(client, admin_user):
    client.force_login(admin_user)
    with translation.override("nb"):
        page = client.get(REPORT, HTTP_ACCEPT_LANGUAGE="nb").content.decode()
        text = presentation.as_text(build_report(period=Period(date(2026, 1, 1), date(2026, 1, 31))))
    assert '<label for="id_community">Lokalsamfunn</label>' in page
    assert "Kommune" not in text and "Lokalsamfunn" in text
