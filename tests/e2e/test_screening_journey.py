"""Screening in a browser: crisis words only in a thread's title bring the writer help at once; the
peer moderator's queue shows the item on top with its category, the words and rule that found it,
and how long it has waited; when nobody claims it in time (the clock is moved), the admin is told
and the queue says it was escalated. axe-core checks every page visited."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from moderation import tasks
from moderation.models import EscalationContact, QueueItem
from tests.e2e.conftest import sign_in, sign_out
from tests.factories import (
    TEST_PASSWORD,
    TEST_TOTP_SECRET,
    AdminFactory,
    CommunityFactory,
    CrisisContactFactory,
    MemberFactory,
    ModeratorFactory,
)
from tests.forum.factories import TopicFactory
from tests.moderation.factories import QueueItemFactory, post_by

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_crisis_title_brings_help_a_flag_with_its_reasons_and_escalation_in_time(page, axe_check, settings):
    settings.MODERATION_HOLD_FIRST_POSTS = 0
    settings.MODERATION_CRISIS_ESCALATE_MINUTES = 15
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    member = MemberFactory(email="a@example.net", pseudonym="Lighthouse", community=nordvik)
    moderator = ModeratorFactory(email="mod@example.net", pseudonym="Lillian", community=nordvik)
    admin = AdminFactory(email="admin@example.net")
    EscalationContact.objects.create(name="On-call clinician", email="on-call@example.org")
    CrisisContactFactory(community=nordvik, name="Nordvik crisis team", phone="77 00 11 22")
    TopicFactory(name="Everyday life", slug="everyday-life")
    # An older hostile flag already waits: the crisis item must still come first.
    hostile = QueueItemFactory(
        post=post_by(MemberFactory(community=nordvik)), kind=QueueItem.Kind.HOSTILE, priority=2, severity="flag"
    )
    QueueItem.objects.filter(pk=hostile.pk).update(created_at=timezone.now() - timedelta(hours=2))

    # The crisis words are in the title only; the writer sees the crisis contacts at once.
    sign_in(page, member.email, TEST_PASSWORD, axe=axe_check)
    page.goto("/forum/topics/everyday-life/new/")
    page.get_by_label("Title").fill("i dont want to be alive anymore")
    page.get_by_label("Your text").fill("Long week. Not sure why I am writing.")
    page.get_by_role("button", name="Post the thread").click()
    page.wait_for_url("**/moderation/support/**")
    expect(page.get_by_role("heading", name="You are not alone")).to_be_visible()
    expect(page.get_by_role("main").get_by_text("Nordvik crisis team")).to_be_visible()
    axe_check(page)
    sign_out(page)
    item = QueueItem.objects.get(kind=QueueItem.Kind.CRISIS)
    assert item.category == "wish_dead"

    # The moderator sees it on top, with the category, the words and rule, and the waiting time.
    sign_in(page, moderator.email, TEST_PASSWORD, totp_secret=TEST_TOTP_SECRET, axe=axe_check)
    page.goto("/moderation/")
    first = page.locator("article").first
    expect(first.get_by_text("Crisis language")).to_be_visible()
    expect(first.get_by_text("Wish to be dead")).to_be_visible()
    expect(first.locator("q").get_by_text("dont want to be alive anymore")).to_be_visible()
    expect(first.get_by_text("en:not want to be alive", exact=False)).to_be_visible()
    expect(first.get_by_text("waiting less than a minute", exact=False)).to_be_visible()
    expect(page.locator("article").nth(1).get_by_text("Hostile")).to_be_visible()
    axe_check(page)

    # Nobody claims it: move the clock 16 minutes on and let beat's task run.
    QueueItem.objects.filter(pk=item.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    assert tasks.escalate_unclaimed() == 1
    page.reload()
    first = page.locator("article").first
    expect(first.get_by_text("waiting 16", exact=False)).to_be_visible()
    expect(first.get_by_text("Escalated: waited unclaimed")).to_be_visible()
    axe_check(page)
    first.get_by_role("link", name="Open").click()
    expect(page.get_by_text("Not claimed within 15 minutes", exact=False)).to_be_visible()
    axe_check(page)
    sign_out(page)

    # The admin finds the notice among their notifications.
    sign_in(page, admin.email, TEST_PASSWORD, totp_secret=TEST_TOTP_SECRET, axe=axe_check)
    page.goto("/notifications/")
    expect(
        page.get_by_text("A post with crisis language has waited 15 minutes without a peer moderator.")
    ).to_be_visible()
    axe_check(page)
