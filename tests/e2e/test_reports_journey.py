"""The usage report in a browser: the admin signs in with TOTP, opens the report from the admin
index, picks a period and a community, sees the charts, downloads the CSV and opens the printable
page. axe-core checks every page visited."""

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from reports.models import LoginEvent
from tests.e2e.conftest import ARTIFACTS, sign_in
from tests.factories import TEST_PASSWORD, TEST_TOTP_SECRET, AdminFactory, CommunityFactory, MemberFactory
from tests.forum.factories import ThreadFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_admin_reads_the_usage_report_and_takes_it_away(page, axe_check, settings):
    settings.MODERATION_HOLD_FIRST_POSTS = 0
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    elvdal = CommunityFactory(name="Elvdal", slug="elvdal")
    members = [MemberFactory(community=nordvik if n < 6 else elvdal) for n in range(9)]
    for member in members:
        LoginEvent.objects.create(user=member, at=timezone.now() - timedelta(days=1))
        ThreadFactory(author=member)
    admin = AdminFactory(email="admin@example.net", community=None)

    sign_in(page, admin.email, TEST_PASSWORD, totp_secret=TEST_TOTP_SECRET, axe=axe_check)
    page.goto("/admin/")
    axe_check(page)
    page.get_by_role("link", name="Usage report").first.click()
    page.wait_for_url("**/admin/reports/usagereport/")
    expect(page.get_by_role("heading", name="Members", exact=True)).to_be_visible()
    axe_check(page)

    today = timezone.localdate()
    page.get_by_label("From", exact=True).fill(today.replace(day=1).isoformat())
    page.get_by_label("To (included)", exact=True).fill(today.isoformat())
    page.get_by_label("Community", exact=True).select_option(label="Nordvik")
    page.get_by_role("button", name="Show the report").click()
    page.wait_for_url("**community=nordvik**")
    expect(page.get_by_text("· Nordvik")).to_be_visible()
    expect(page.get_by_role("img", name="Threads started", exact=False).first).to_be_visible()
    threads_row = page.locator("#figure-threads")
    expect(threads_row.locator("td").first).to_have_text("6")
    axe_check(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "usage-report.png", full_page=True)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as CSV").click()
    download = download_info.value
    assert download.suggested_filename.endswith("-nordvik.csv")
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    by_label = {row[1]: row[2] for row in rows if len(row) > 2}
    assert by_label["Threads started"] == "6"
    assert by_label["Active members (signed in)"] == "6"
    assert not any(member.pseudonym in ",".join(row) for row in rows for member in members)

    page.get_by_role("link", name="Printable page").click()
    page.wait_for_url("**/admin/reports/usagereport/print/**")
    expect(page.get_by_role("heading", name="ReConnect usage report")).to_be_visible()
    expect(page.get_by_role("img", name="Posts written", exact=False).first).to_be_visible()
    axe_check(page)

    # On A4 paper (inside the browser's 1 cm margins) every month and every café column must reach
    # the page: the tables do not scroll there.
    start = (today.replace(day=1) - timedelta(days=160)).replace(day=1)
    page.goto(f"/admin/reports/usagereport/print/?start={start}&end={today}&logins_over=15")
    page.set_viewport_size({"width": 718, "height": 1047})
    page.emulate_media(media="print")
    widest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('.report-table')].map(t => t.getBoundingClientRect().right))"
    )
    assert widest <= page.evaluate("document.documentElement.clientWidth")


NARROWEST_PHONE = {"width": 320, "height": 640}


def _overflow(page) -> dict:
    """How far the page scrolls sideways, and the wide tables that do not scroll in a labelled box.

    Measured against the phone's width, not window.innerWidth: a mobile browser widens its layout
    viewport (and zooms out) to fit a page that is too wide.
    """
    return page.evaluate(
        """(width) => ({
            page: document.documentElement.scrollWidth - width,
            loose: [...document.querySelectorAll('.report-table')].filter(table => {
                const box = table.closest('.report-table-wrap');
                if (table.getBoundingClientRect().width <= width) return false;
                return !box || box.getAttribute('role') !== 'region' || !box.getAttribute('aria-labelledby')
                    || box.scrollWidth <= box.clientWidth;
            }).map(table => table.querySelector('caption').textContent.trim()),
        })""",
        NARROWEST_PHONE["width"],
    )


def test_the_usage_report_works_on_a_phone_320_pixels_wide(browser, live_server, axe_check):
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    for _n in range(6):
        member = MemberFactory(community=nordvik)
        LoginEvent.objects.create(user=member, at=timezone.now() - timedelta(days=1))
    admin = AdminFactory(email="admin@example.net", community=None)
    context = browser.new_context(
        base_url=live_server.url, viewport=NARROWEST_PHONE, is_mobile=True, has_touch=True, locale="en-GB"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        sign_in(page, admin.email, TEST_PASSWORD, totp_secret=TEST_TOTP_SECRET)
        page.goto("/admin/reports/usagereport/")
        expect(page.get_by_role("heading", name="Members", exact=True)).to_be_visible()
        assert _overflow(page)["page"] <= 0 and _overflow(page)["loose"] == []
        # The wide monthly table scrolls inside its own box, which a keyboard can reach and is named.
        box = page.get_by_role("region", name="Members: period totals and each month")
        expect(box).to_be_visible()
        assert box.evaluate("el => el.scrollWidth > el.clientWidth && el.tabIndex === 0")
        axe_check(page)
        page.goto("/admin/reports/usagereport/print/")
        expect(page.get_by_role("heading", name="ReConnect usage report")).to_be_visible()
        assert _overflow(page)["page"] <= 0 and _overflow(page)["loose"] == []
        axe_check(page)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / "usage-report-320.png", full_page=True)
    finally:
        context.close()
