"""Defects found in a second review of the usage report: each test failed before its fix."""

from datetime import date

import pytest

from reports import presentation, svg
from reports.selectors import Figure, Period, build_report
from tests.factories import CommunityFactory, MemberFactory, ProviderFactory
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
