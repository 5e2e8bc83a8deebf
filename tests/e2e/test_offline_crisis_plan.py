"""The crisis plan kept on the phone, in Chromium: only after the member opts in does it open
offline; signing out removes it; no other page is ever in the cache."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import sign_in, sign_out
from tests.factories import TEST_PASSWORD, CommunityFactory, MemberFactory
from tests.toolbox.factories import CrisisPlanFactory

pytestmark = pytest.mark.django_db(transaction=True)

PLAN = "/toolbox/crisis-plan/"
CACHED_URLS = """async () => {
    const found = [];
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) found.push(new URL(request.url).pathname);
    }
    return found;
}"""


def _offline_opens(page, path: str) -> bool:
    try:
        page.goto(path)
    except Exception:  # noqa: BLE001 - Chromium's "net::ERR_INTERNET_DISCONNECTED" is the answer
        return False
    return page.get_by_role("heading", name="My crisis plan", level=1).count() == 1


def test_crisis_plan_opens_offline_only_after_opting_in_and_not_after_sign_out(phone_page, axe_check):
    page = phone_page
    context = page.context
    member = MemberFactory(email="ingrid@example.net", pseudonym="Lighthouse", community=CommunityFactory())
    CrisisPlanFactory(member=member, helpers="Mum – 912 34 567")
    sign_in(page, "ingrid@example.net", TEST_PASSWORD)

    # Before opting in nothing is kept: offline, the plan does not open.
    page.goto(PLAN)
    keep = page.get_by_role("button", name="Keep my crisis plan on this phone")
    expect(keep).to_be_visible()
    axe_check(page)
    context.set_offline(True)
    assert not _offline_opens(page, PLAN)
    context.set_offline(False)

    # Opting in keeps this one page.
    page.goto(PLAN)
    page.get_by_role("button", name="Keep my crisis plan on this phone").click()
    expect(page.get_by_text("Your crisis plan is kept on this phone.")).to_be_visible()
    expect(page.get_by_role("button", name="Remove it from this phone")).to_be_visible()
    axe_check(page)
    assert page.evaluate(CACHED_URLS) == [PLAN]

    # Other pages visited while the worker runs are not kept.
    for path in ("/", "/toolbox/", "/toolbox/check-ins/", "/messages/", "/forum/"):
        page.goto(path)
    assert page.evaluate(CACHED_URLS) == [PLAN]

    context.set_offline(True)
    assert _offline_opens(page, PLAN)
    expect(page.get_by_text("Mum –")).to_be_visible()
    assert page.locator('a[href="tel:113"]').count() >= 1
    assert not _offline_opens(page, "/toolbox/")
    context.set_offline(False)

    # Signing out removes it: offline, the plan no longer opens, and nothing is kept.
    page.goto("/")
    sign_out(page)
    assert page.evaluate(CACHED_URLS) == []
    context.set_offline(True)
    assert not _offline_opens(page, PLAN)
    context.set_offline(False)


def test_withdrawing_removes_the_kept_crisis_plan(phone_page):
    page = phone_page
    member = MemberFactory(email="birch@example.net", pseudonym="Birch", community=CommunityFactory())
    CrisisPlanFactory(member=member)
    sign_in(page, "birch@example.net", TEST_PASSWORD)
    page.goto(PLAN)
    page.get_by_role("button", name="Keep my crisis plan on this phone").click()
    expect(page.get_by_text("Your crisis plan is kept on this phone.")).to_be_visible()
    page.get_by_role("button", name="Remove it from this phone").click()
    expect(page.get_by_text("Your crisis plan is not kept on this phone.")).to_be_visible()
    assert page.evaluate(CACHED_URLS) == []
    page.context.set_offline(True)
    assert not _offline_opens(page, PLAN)
    page.context.set_offline(False)
    # Back on the page later, it says so too.
    page.goto(PLAN)
    expect(page.get_by_role("button", name="Keep my crisis plan on this phone")).to_be_visible()
    assert re.search(r"not kept", page.locator("[data-offline-status]").inner_text())
