"""Defects found in a second review of the usage report: each test failed before its fix."""

import itertools
from datetime import date, timedelta

import pytest
from django.utils import timezone

from reports import presentation, svg
from reports.selectors import Figure, Period, build_report
from tests.factories import CommunityFactory, MemberFactory, ProviderFactory
from tests.forum.factories import CircleFactory
from tests.messaging.factories import MessageFactory, make_conversation

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/usagereport/"
MONTHS = [date(2026, 1, 1), date(2026, 2, 1)]


def _reply_hours(*, monthly_basis, total_basis) -> Figure:
    return Figure(
        "reply_hours",
        "Reply",
        "",
        3.0,
        [3.0, 2.5],
        unit="hours",
        monthly_basis=monthly_basis,
        total_basis=total_basis,
    )


def test_a_period_median_of_fewer_waits_than_the_threshold_is_hidden():
    figure = _reply_hours(monthly_basis=[2, 1], total_basis=3)
    assert presentation.total_cell(figure, threshold=5) == "fewer than 5 waits"
    assert presentation.total_cell(_reply_hours(monthly_basis=[3, 3], total_basis=6), threshold=5) == "3.0"
    chart = svg.bar_chart(figure, MONTHS, 5)
    assert "3.0" not in chart and "3,0" not in chart
    assert "fewer than 5 waits" in chart  # the chart's description gives no period median either


def test_a_hidden_median_month_has_no_bar_in_the_chart():
    chart = svg.bar_chart(_reply_hours(monthly_basis=[2, 6], total_basis=8), MONTHS, 5)
    assert chart.count('class="bar"') == 1
    assert 'class="bar bar-hidden"' not in chart
    assert "n&lt;5" in chart


def test_the_page_and_csv_hide_a_period_median_of_few_waits(client, admin_user):
    community = CommunityFactory()
    provider = ProviderFactory(community=community)
    for _n in range(2):
        conversation = make_conversation(MemberFactory(community=community), [provider])
        MessageFactory(conversation=conversation, author=provider)
    today = date.today()
    report = build_report(period=Period(today.replace(day=1), today))
    assert report.figure("reply_hours").total_basis == 2
    client.force_login(admin_user)
    query = f"start={today.replace(day=1)}&end={today}&logins_over=15"
    row = client.get(f"{REPORT}?{query}").content.decode().split('id="figure-reply_hours"')[1].split("</tr>")[0]
    assert row.count("fewer than 5 waits") == 2  # the period and its one month
    csv_text = client.get(f"{REPORT}csv/?{query}").content.decode()
    line = next(line for line in csv_text.splitlines() if "first reply" in line)
    assert line.count("fewer than 5 waits") == 2


def _shown(figure: Figure, threshold: int = 5) -> list[str]:
    """Everything the page shows of a figure: its total and each month."""
    return [presentation.total_cell(figure, threshold=threshold)] + [
        presentation.month_cell(figure, i, threshold) for i in range(len(figure.monthly))
    ]


def test_a_total_shows_the_same_whatever_the_hidden_months_hold():
    # Were the total exact, total minus the months shown would give the hidden months away.
    seen = set()
    for a, b in itertools.product(range(1, 5), repeat=2):
        monthly = [7, a, 9, b]
        seen.add(tuple(_shown(Figure("posts", "Posts", "", sum(monthly), monthly))))
    assert seen == {("18–24", "7", "fewer than 5", "9", "fewer than 5")}
    assert _shown(Figure("posts", "Posts", "", 16, [7, 0, 9, 0]))[0] == "16"


def _members_total(hidden_month: int) -> Figure:
    """Ten members before the period, then 6, `hidden_month` (a small cell) and 7 joining."""
    steps = [6, hidden_month, 7]
    monthly = [10 + sum(steps[: i + 1]) for i in range(3)]
    return Figure("members_total", "Total", "", monthly[-1], monthly, kind="cumulative", steps=steps, start=10)


def test_running_totals_show_the_same_whatever_the_hidden_months_hold():
    seen = set()
    for a in range(1, 5):
        seen.add(tuple(_shown(_members_total(a))))
    assert seen == {("24–27", "16", "17–20", "24–27")}
    frequent = Figure("members_frequent", "Frequent", "", 3, [0, 3], kind="running")
    assert _shown(frequent) == ["fewer than 5", "0", "fewer than 5"]


def test_a_total_of_people_is_a_range_when_a_month_is_hidden():
    for total in (10, 12, 14):  # 14 would mean the hidden month had 4 people that no other month had
        assert _shown(Figure("members_active", "Active", "", total, [10, 4], kind="people"))[0] == "10–14"


def test_the_page_gives_no_hidden_month_away_through_its_total_and_says_so(client, admin_user):
    community = CommunityFactory()
    CircleFactory(created_by=MemberFactory(community=community))
    CircleFactory(created_by=MemberFactory(community=community))
    today = timezone.localdate()
    client.force_login(admin_user)
    page = client.get(f"{REPORT}?start={today.replace(day=1)}&end={today}&logins_over=15").content.decode()
    circles_row = page.split('id="figure-circles"')[1].split("</tr>")[0]
    assert circles_row.count("fewer than 5") == 2 and ">2</td>" not in circles_row
    assert "worked out by subtraction" in page


def test_the_cafe_summary_gives_no_communitys_hidden_cell_away(client, admin_user):
    from tests.reports.test_review_fixes import _held_cafe

    # Nordvik's café last month, Elvdal's this month: the months hide Nordvik's 3 as well.
    today = timezone.localdate()
    _held_cafe(CommunityFactory(name="Nordvik"), attendance=3, days_ago=today.day + 2)
    _held_cafe(CommunityFactory(name="Elvdal"), attendance=7)
    report = build_report(period=Period(today.replace(day=1) - timedelta(days=10), today))
    assert report.figure("cafe_participants").monthly == [3, 7]
    columns = [column.attr for column in presentation.cafe_columns()]
    summary, rows = presentation.cafe_table(report)
    summary = dict(zip(columns, summary, strict=True))
    assert [dict(zip(columns, cells, strict=True))["attendance"] for _name, cells in rows] == ["7", "fewer than 5"]
    assert summary["held"] == "2"
    assert summary["attendance"] == "8–11"  # not 10, which less Elvdal's 7 gives Nordvik's 3
    assert summary["participants_min"] == "fewer than 5"
    assert summary["participants_max"] == "7"


def test_a_circle_whose_creator_deleted_their_account_still_counts_under_all_communities(client, admin_user):
    from reconnect.privacy.services import erase_account

    community = CommunityFactory(slug="nordvik")
    creator, friend = MemberFactory(community=community), MemberFactory(community=community)
    CircleFactory(created_by=creator, members=[friend])
    erase_account(user=creator, keep_post_text=True)
    today = timezone.localdate()
    period = Period(today.replace(day=1), today)
    assert build_report(period=period).figure("circles").total == 1
    # The deleted member has no community any more: the circle counts only under all communities.
    assert build_report(period=period, community=community).figure("circles").total == 0
    client.force_login(admin_user)
    page = client.get(f"{REPORT}?start={period.start}&end={today}&logins_over=15").content.decode()
    assert "counted in the community they belong to now" in page


@pytest.mark.parametrize(
    ("query", "named", "not_named"),
    [
        ("start=2026-01-01&end=2026-01-31&logins_over=abc", "Tell medlemmer som logget inn mer enn", "Fra:"),
        ("start=2026-01-01&end=2026-01-31&logins_over=15&community=atlantis", "Lokalsamfunn:", "Til og med:"),
        ("start=nonsense&end=2026-01-31&logins_over=15", "Fra:", "Til og med:"),
        ("start=0001-01-01&end=0001-02-01&logins_over=15", "Fra:", "Til og med:"),
        ("start=9999-12-01&end=9999-12-31&logins_over=15", "Til og med:", "Fra:"),
    ],
)
def test_csv_and_print_name_the_bad_choice_in_the_users_language(client, admin_user, query, named, not_named):
    client.force_login(admin_user)
    for path in ("csv/", "print/"):
        response = client.get(f"{REPORT}{path}?{query}", HTTP_ACCEPT_LANGUAGE="nb")
        assert response.status_code == 400
        text = response.content.decode()
        if path == "print/":
            text = text.split('role="alert"')[1]
        assert "Valgene for rapporten er ikke gyldige." in text
        assert named in text and not_named not in text


def test_command_explains_a_bad_option_in_the_language_asked_for_and_names_the_option():
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=r"^--logins-over: Oppgi et heltall\.$"):
        call_command("usage_report", "--logins-over", "abc", "--language", "nb")
    with pytest.raises(CommandError, match=r"^--logins-over: Ensure this value is greater than or equal to 0\.$"):
        call_command("usage_report", "--logins-over", "-1")
    with pytest.raises(CommandError, match=r"^--community: Velg et gyldig valg"):
        call_command("usage_report", "--community", "atlantis", "--language", "nb")


# The report runs nineteen queries whatever the data; the rest are the session, the user and its
# sign-in checks (27 for the CSV and 29 for the printable page when written).
CSV_AND_PRINT_BUDGET = 30


@pytest.mark.parametrize("path", [f"{REPORT}csv/", f"{REPORT}print/"])
def test_csv_and_printable_page_queries_do_not_grow_with_data(client, admin_user, assert_constant_queries, path):
    from cafes.models import Meeting
    from reports.models import LoginEvent
    from tests.cafes.factories import MeetingFactory, RsvpFactory
    from tests.forum.factories import ThreadFactory

    client.force_login(admin_user)
    communities = [CommunityFactory(), CommunityFactory()]
    provider = ProviderFactory(community=communities[0])

    def grow():
        for community in communities:
            members = [MemberFactory(community=community) for _n in range(6)]
            for member in members:
                LoginEvent.objects.create(user=member)
                ThreadFactory(author=member)
                CircleFactory(created_by=member)
                conversation = make_conversation(member, [provider], messages=2)
                MessageFactory(conversation=conversation, author=provider)
            for n in range(2):
                meeting = MeetingFactory(series__community=community)
                starts = timezone.now() - timedelta(days=n + 1)
                Meeting.objects.filter(pk=meeting.pk).update(
                    starts_at=starts, ends_at=starts + timedelta(hours=2), attendance=4 + n
                )
                for member in members[:4]:
                    RsvpFactory(meeting=meeting, user=member)

    assert_constant_queries(path, grow, maximum=CSV_AND_PRINT_BUDGET)


def test_chart_descriptions_point_up_to_the_table_that_is_above_them(client, admin_user):
    chart = svg.bar_chart(Figure("posts", "Posts", "", 7, [7, 0]), MONTHS, 5)
    assert "below" not in chart and "table above" in chart
    client.force_login(admin_user)
    page = client.get(REPORT).content.decode()
    assert page.index('id="figure-posts"') < page.index('id="chart-posts-desc"')


def test_the_cafe_summary_row_is_named_after_the_community_or_all_communities(client, admin_user):
    from tests.reports.test_review_fixes import _held_cafe

    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    _held_cafe(nordvik)
    _held_cafe(CommunityFactory(name="Elvdal", slug="elvdal"))
    today = timezone.localdate()
    client.force_login(admin_user)
    for community, name in (("nordvik", "Nordvik"), ("", "All communities")):
        query = f"start={today - timedelta(days=40)}&end={today}&community={community}&logins_over=15"
        table = client.get(f"{REPORT}?{query}").content.decode().split('id="cafes-per-community"')[1]
        # Templates lose their indentation when loaded: the row and its header are on adjacent lines.
        assert f'<tr class="summary">\n<th scope="row">{name}</th>' in table
        csv_text = client.get(f"{REPORT}csv/?{query}").content.decode()
        assert f"\n{name},2" in csv_text or f"\n{name},1" in csv_text


def test_one_sign_in_is_singular_in_english_and_norwegian():
    from django.utils import translation

    period = Period(date(2026, 1, 1), date(2026, 1, 31))
    assert build_report(period=period, logins_over=1).figure("members_frequent").label == (
        "Members who signed in more than 1 time"
    )
    assert build_report(period=period, logins_over=2).figure("members_frequent").label.endswith("2 times")
    with translation.override("nb"):
        label = build_report(period=period, logins_over=1).figure("members_frequent").label
    assert label == "Medlemmer som logget inn mer enn 1 gang"


@pytest.mark.parametrize(
    ("language", "period", "months", "wrong"),
    [
        ("nb", "Fra 1. september 2026 til 31. oktober 2026", ["september 2026", "oktober 2026"], "Okt 2026"),
        ("en", "From 1 September 2026 to 31 October 2026", ["Sep 2026", "Oct 2026"], "1. September"),
    ],
)
def test_dates_and_month_headings_follow_the_users_language(client, admin_user, language, period, months, wrong):
    client.force_login(admin_user)
    query = "start=2026-09-01&end=2026-10-31&logins_over=15"
    page = client.get(f"{REPORT}?{query}", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert period in " ".join(page.split())
    for month in months:
        assert f'<th scope="col">{month}</th>' in page
    assert wrong not in page


def test_the_chart_of_a_running_total_draws_the_same_whatever_the_hidden_month_holds():
    charts = set()
    for a in range(1, 5):
        charts.add(str(svg.bar_chart(_members_total(a), [date(2026, m, 1) for m in (1, 2, 3)], 5)))
    assert len(charts) == 1
    assert "17–20" in charts.pop()


def test_months_and_communities_together_give_no_communitys_hidden_cafe_cell_away(client, admin_user):
    from tests.reports.test_review_fixes import _held_cafe

    # Both cafés in one month: the month shows 10 participants; Elvdal's row shows 7, so Nordvik's
    # hidden 3 would be 10 - 7.
    _held_cafe(CommunityFactory(name="Nordvik"), attendance=3)
    _held_cafe(CommunityFactory(name="Elvdal"), attendance=7)
    today = timezone.localdate()
    report = build_report(period=Period(today.replace(day=1), today))
    assert report.figure("cafe_participants").monthly == [10]
    columns = [column.attr for column in presentation.cafe_columns()]
    summary, rows = presentation.cafe_table(report)
    by_community = {name: dict(zip(columns, cells, strict=True)) for name, cells in rows}
    assert by_community["Elvdal"]["attendance"] == by_community["Nordvik"]["attendance"] == "not shown"
    assert dict(zip(columns, summary, strict=True))["attendance"] == "10"
    assert by_community["Elvdal"]["held"] == "1"  # cafés held identify nobody


def test_a_hidden_month_is_not_given_away_by_the_communities_either():
    # Months [3 hidden, 12], communities [7, 8] shown: 15 - 12 would give the hidden month.
    values = [3, 12]
    hidden = [True, False]
    assert presentation._pinned(values, hidden, "sum", 15, 15, 5)
    assert not presentation._pinned(values, hidden, "sum", 13, 16, 5)
