"""Cafés in a browser: a member answers going and offers company, a second member accepts, both
see it and are told; the host cancels and both are notified. After a café a member says she came
and the host sees the count. axe-core checks every page visited."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cafes.models import CompanionPost
from reconnect.core.models import Notification
from tests.cafes.factories import CafeSeriesFactory, MeetingFactory, RsvpFactory
from tests.e2e.conftest import sign_in, sign_out
from tests.factories import TEST_PASSWORD, TEST_TOTP_SECRET, CommunityFactory, MemberFactory, ModeratorFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_members_go_together_and_the_host_cancels(page, axe_check):
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    host = ModeratorFactory(email="lillian@example.net", pseudonym="Lillian", community=nordvik)
    lighthouse = MemberFactory(email="ingrid@example.net", pseudonym="Lighthouse", community=nordvik)
    birch = MemberFactory(email="marte@example.net", pseudonym="Birch", community=nordvik)
    cafe = MeetingFactory(series=CafeSeriesFactory(community=nordvik, host=host, title="Nordvik café"))

    # Lighthouse answers going, shows their pseudonym, and offers company.
    sign_in(page, lighthouse.email, TEST_PASSWORD, axe=axe_check)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Cafés").click()
    axe_check(page)
    page.get_by_role("link", name=re.compile(r"\d{4}, 18:00")).click()
    page.wait_for_url(f"**/cafes/{cafe.pk}/")
    axe_check(page)
    page.get_by_label("Going", exact=True).check()
    page.get_by_label("Show my pseudonym on the list of who is coming").check()
    page.get_by_role("button", name="Save my answer").click()
    expect(page.get_by_text("Your answer is saved.")).to_be_visible()
    axe_check(page)
    page.get_by_label("I offer company").check()
    page.get_by_label("What you suggest").fill("Meet 15 minutes before at the station.")
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.get_by_text("Meet 15 minutes before at the station.")).to_be_visible()
    axe_check(page)
    page.goto("/cafes/settings/")
    axe_check(page)
    sign_out(page)

    # Birch answers maybe, then sees the offer and accepts it.
    sign_in(page, birch.email, TEST_PASSWORD, axe=axe_check)
    page.goto(f"/cafes/{cafe.pk}/")
    axe_check(page)
    expect(page.get_by_text("Meet 15 minutes before at the station.")).to_have_count(0)
    page.get_by_label("Maybe", exact=True).check()
    page.get_by_role("button", name="Save my answer").click()
    expect(page.get_by_role("listitem").filter(has_text="Lighthouse")).not_to_have_count(0)
    page.get_by_role("button", name="Accept Lighthouse's offer").click()
    expect(page.get_by_text("Lighthouse and Birch are going together.")).to_be_visible()
    axe_check(page)
    page.goto("/notifications/")
    expect(page.get_by_text("Lighthouse will go with you to the café on")).to_be_visible()
    axe_check(page)
    sign_out(page)

    # Lighthouse sees it too.
    sign_in(page, lighthouse.email, TEST_PASSWORD, axe=axe_check)
    page.goto("/notifications/")
    expect(page.get_by_text("Birch will go with you to the café on")).to_be_visible()
    page.goto(f"/cafes/{cafe.pk}/")
    expect(page.get_by_text("Lighthouse and Birch are going together.")).to_be_visible()
    sign_out(page)
    assert CompanionPost.objects.get().accepted_by == birch

    # The host looks over the series, then cancels the café; both members are told.
    sign_in(page, host.email, TEST_PASSWORD, totp_secret=TEST_TOTP_SECRET, axe=axe_check)
    page.goto("/cafes/")
    axe_check(page)
    page.get_by_role("link", name="Plan a new café series").click()
    axe_check(page)
    page.goto(f"/cafes/series/{cafe.series_id}/")
    axe_check(page)
    page.goto(f"/cafes/{cafe.pk}/edit/")
    axe_check(page)
    page.goto(f"/cafes/{cafe.pk}/")
    axe_check(page)
    page.get_by_role("button", name="Cancel this café").click()
    expect(page.get_by_text("This café is cancelled.")).to_be_visible()
    axe_check(page)
    sign_out(page)
    notified = set(Notification.objects.filter(kind="cafes.cancelled").values_list("user__pseudonym", flat=True))
    assert notified == {"Lighthouse", "Birch"}

    sign_in(page, birch.email, TEST_PASSWORD, axe=axe_check)
    page.goto("/notifications/")
    expect(page.get_by_text(re.compile(r"The café on .* is cancelled\."))).to_be_visible()
    axe_check(page)


def test_after_the_cafe_a_member_says_they_came_and_the_host_sees_a_count(page, phone_page, axe_check):
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    host = ModeratorFactory(email="lillian@example.net", pseudonym="Lillian", community=nordvik)
    lighthouse = MemberFactory(email="ingrid@example.net", pseudonym="Lighthouse", community=nordvik)
    series = CafeSeriesFactory(community=nordvik, host=host, title="Nordvik café")
    held = MeetingFactory(series=series, starts_at=timezone.now() - timedelta(days=3))
    RsvpFactory(meeting=held, user=lighthouse)

    # On her phone, the café list asks Lighthouse whether she came; one tap answers.
    sign_in(phone_page, lighthouse.email, TEST_PASSWORD, axe=axe_check)
    phone_page.goto("/cafes/")
    expect(phone_page.get_by_role("heading", name=re.compile("Were you at the café on"))).to_be_visible()
    axe_check(phone_page)
    phone_page.get_by_role("button", name="I was there").click()
    expect(phone_page.get_by_text("Thank you for telling us.")).to_be_visible()
    expect(phone_page.get_by_text("You said you were there. Thank you!")).to_be_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    axe_check(phone_page)
    phone_page.goto("/cafes/")
    expect(phone_page.get_by_role("heading", name=re.compile("Were you at the café on"))).to_have_count(0)

    # The host records the head count and sees how many said they came, not who.
    sign_in(page, host.email, TEST_PASSWORD, totp_secret=TEST_TOTP_SECRET, axe=axe_check)
    page.goto(f"/cafes/{held.pk}/attendance/")
    expect(page.get_by_text("Afterwards 1 member said they came and 0 that they could not.")).to_be_visible()
    expect(page.get_by_text("Lighthouse")).to_have_count(0)
    axe_check(page)
    page.get_by_label("How many came (including you)").fill("6")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Attendance is recorded.")).to_be_visible()
    held.refresh_from_db()
    assert held.attendance == 6
