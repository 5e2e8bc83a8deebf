"""The usage report shows exactly what a cohort built through the portal's services did."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.db.models import Sum
from django.test import override_settings
from django.utils import timezone

from forum.models import Post, PostView
from reconnect.celery import app as celery_app
from reports.selectors import Period, build_report
from tests.reports import cohort as study
from toolbox.models import LifeArea

pytestmark = pytest.mark.django_db


def _six_months() -> Period:
    today = timezone.localdate()
    return Period(today - timedelta(days=182), today)


@pytest.fixture(scope="module")
def cohort(django_db_setup, django_db_blocker):
    """Built once for this module (it takes a while), inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), override_settings(**study.SETTINGS), transaction.atomic():
        celery_app.conf.task_always_eager = True
        yield study.build_cohort()
        transaction.set_rollback(True)
    cache.clear()


def _totals(report) -> dict:
    return {figure.key: figure.total for section in report.sections for figure in section.figures}


def test_report_shows_exactly_the_study_cohorts_figures(cohort, django_assert_max_num_queries):
    with django_assert_max_num_queries(25):
        report = build_report(period=_six_months())
    totals = _totals(report)
    assert totals["members_registered"] == 29
    assert totals["members_total"] == 29
    assert totals["members_active"] == 29
    assert totals["logins"] == 7 * 16 + 22 * 3
    assert totals["members_frequent"] == 7
    assert totals["posts"] == 524
    assert totals["post_views"] == 1870
    assert totals["members_posted"] == 19
    assert totals["members_only_read"] == 10
    assert totals["threads"] == 19
    assert totals["reactions"] == 12
    assert totals["circles"] == 2
    assert totals["messages_members"] == 6
    assert totals["messages_providers"] == 3
    assert totals["reply_hours"] == 4.0
    assert totals["members_crisis_plan"] == 6
    assert totals["members_goals"] == 8
    assert totals["members_checkins"] == 10
    assert totals["shares"] == 2
    assert totals["cafes_held"] == 12
    assert totals["cafe_participants"] == sum(study.ATTENDANCE["nordvik"] + study.ATTENDANCE["elvdal"])
    assert totals["cafe_distinct"] == 17
    summary = report.cafe_summary
    assert (summary.held, summary.participants_min, summary.participants_max) == (12, 3, 9)
    assert summary.participants_median == 5.5
    assert {row.community: row.held for row in report.cafe_rows} == {"Elvdal": 6, "Nordvik": 6}
    assert {row.community: row.distinct_going for row in report.cafe_rows} == {"Elvdal": 8, "Nordvik": 9}
    # Two "I was there" per café, from goers 0..6 of each community: 24 answers, 7 + 7 members;
    # "I could not come" counts nowhere.
    assert totals["cafe_said_came"] == 14
    assert (summary.said_came, summary.distinct_said_came) == (24, 14)
    assert {row.community: row.distinct_said_came for row in report.cafe_rows} == {"Elvdal": 7, "Nordvik": 7}
    # Views are the forum's own view counts, with a date.
    assert Post.objects.aggregate(n=Sum("view_count"))["n"] == 1870 == PostView.objects.count()


def test_changing_the_threshold_of_sign_ins_changes_who_counts(cohort):
    assert _totals(build_report(period=_six_months(), logins_over=2))["members_frequent"] == 29
    assert _totals(build_report(period=_six_months(), logins_over=16))["members_frequent"] == 0


def test_one_community_counts_its_own_members_and_cafes(cohort):
    report = build_report(period=_six_months(), community=cohort.nordvik)
    totals = _totals(report)
    assert totals["members_registered"] == 15
    assert totals["cafes_held"] == 6
    assert totals["cafe_distinct"] == 9
    assert totals["cafe_said_came"] == 7
    assert totals["members_posted"] == 15  # the first 15 writers live in Nordvik
    # The summary row is Nordvik's, exactly; no second Nordvik row with its small cells hidden.
    assert report.cafe_rows == []
    assert report.cafe_summary.held == 6


def test_small_cells_in_breakdowns_show_as_fewer_than_the_threshold(cohort, client, admin_user):
    client.force_login(admin_user)
    today = timezone.localdate()
    start = today.replace(day=1)
    response = client.get(f"/admin/reports/usagereport/?start={start}&end={today}&logins_over=15")
    assert response.status_code == 200
    page = response.content.decode()
    # Two circles this month: the month cell hides the number, and so does the period total,
    # which is that one month.
    circles_row = page.split('id="figure-circles"')[1].split("</tr>")[0]
    assert circles_row.count("fewer than 5") == 2
    assert ">2</td>" not in circles_row


def test_report_never_shows_names_pseudonyms_or_content(cohort, client, admin_user):
    client.force_login(admin_user)
    page = client.get("/admin/reports/usagereport/").content.decode()
    csv_text = client.get("/admin/reports/usagereport/csv/").content.decode()
    for member in cohort.members[:5]:
        for text in (page, csv_text):
            assert member.pseudonym not in text
            assert member.email not in text
            assert member.real_name not in text
    assert "Reply 1" not in page and "How are you?" not in page
    assert str(LifeArea.HEALTH.label) not in csv_text


def test_page_charts_are_accessible_svg_with_a_data_table(cohort, client, admin_user):
    client.force_login(admin_user)
    page = client.get("/admin/reports/usagereport/").content.decode()
    assert page.count('role="img"') == sum(len(s.figures) for s in build_report(period=_six_months()).sections)
    assert '<title id="chart-posts-title">Posts written</title>' in page
    assert 'aria-labelledby="chart-posts-title chart-posts-desc"' in page
    assert "<caption>" in page and 'scope="row"' in page
    assert "<script" not in page.split('id="content-main"')[1]


def test_csv_holds_the_whole_report(cohort, client, admin_user):
    client.force_login(admin_user)
    today = timezone.localdate()
    start = today - timedelta(days=182)
    response = client.get(f"/admin/reports/usagereport/csv/?start={start}&end={today}&community=&logins_over=15")
    assert response["Content-Type"].startswith("text/csv")
    assert f"usage-report-{start:%Y%m%d}-{today:%Y%m%d}.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    by_label = {row[1]: row[2] for row in rows if len(row) > 2}
    assert by_label["Posts written"] == "524"
    assert by_label["Post views"] == "1870"
    assert by_label["Members who wrote a post"] == "19"
    assert by_label["Members who only read"] == "10"
    assert by_label["Members who signed in more than 15 times"] == "7"
    cafes = next(row for row in rows if row and row[0] == "All communities")
    # The fewest (3) would give away the community whose fewest is hidden.
    assert cafes[1:6] == ["12", "12", "fewer than 5", "5.5", "9"]


def test_printable_page_has_the_report_without_the_admin_frame(cohort, client, admin_user):
    client.force_login(admin_user)
    page = client.get("/admin/reports/usagereport/print/").content.decode()
    assert "ReConnect usage report" in page and 'id="figure-posts"' in page
    assert "report-form" not in page


def test_management_command_prints_the_same_figures(cohort, capsys):
    today = timezone.localdate()
    call_command("usage_report", "--start", str(today - timedelta(days=182)), "--end", str(today), "--csv")
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert {row[1]: row[2] for row in rows if len(row) > 2}["Posts written"] == "524"
    call_command("usage_report", "--community", "elvdal")
    text = capsys.readouterr().out
    assert "Cafés held" in text and "Elvdal" in text
