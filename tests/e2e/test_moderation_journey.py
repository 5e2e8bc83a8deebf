"""Moderation in a browser: a member posts crisis language and sees the crisis contacts at once; the
peer moderator signs in with TOTP, claims the crisis flag, replies with a saved reply, and the member
is notified. axe-core checks every page visited."""

import re

import pytest
from playwright.sync_api import expect

from moderation.models import ModerationAction, QueueItem
from tests.e2e.conftest import sign_in, sign_out
from tests.factories import (
    TEST_PASSWORD,
    TEST_TOTP_SECRET,
    CommunityFactory,
    CrisisContactFactory,
    MemberFactory,
    ModeratorFactory,
)
from tests.forum.factories import TopicFactory
from tests.moderation.factories import SavedReplyFactory

pytestmark = pytest.mark.django_db(transaction=True)

CRISIS_TEXT = "I have not slept for days. Some nights I want to end my life."
SAVED_TEXT = "Thank you for telling us. You are not alone here, and I am glad you wrote."


def test_crisis_post_reaches_the_moderator_who_answers_warmly(page, axe_check, live_server, settings):
    settings.MODERATION_HOLD_FIRST_POSTS = 2  # the default: the member's first post also waits
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    member = MemberFactory(email="a@example.net", pseudonym="Lighthouse", community=nordvik)
    moderator = ModeratorFactory(email="mod@example.net", pseudonym="Lillian", community=nordvik)
    CrisisContactFactory(community=nordvik, name="Nordvik crisis team", phone="77 00 11 22")
    TopicFactory(name="Everyday life", slug="everyday-life")
    SavedReplyFactory(title="When things are very hard", body=SAVED_TEXT)

    # The member writes crisis language and is shown the crisis contacts at once.
    sign_in(page, member.email, TEST_PASSWORD, axe=axe_check)
    page.goto("/forum/topics/everyday-life/new/")
    axe_check(page)
    page.get_by_label("Title").fill("Tonight is hard")
    page.get_by_label("Your text").fill(CRISIS_TEXT)
    page.get_by_role("button", name="Post the thread").click()
    page.wait_for_url("**/moderation/support/**")
    expect(page.get_by_role("heading", name="You are not alone")).to_be_visible()
    expect(page.get_by_text("If you are in danger now, call 113.")).to_be_visible()
    expect(page.get_by_role("main").get_by_text("Nordvik crisis team")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Go back").click()
    expect(page.get_by_text("waiting for a peer moderator", exact=False)).to_be_visible()
    axe_check(page)
    sign_out(page)
    item = QueueItem.objects.get(kind=QueueItem.Kind.CRISIS)

    # The moderator signs in with TOTP, finds the flag on top of the queue and claims it.
    sign_in(page, moderator.email, TEST_PASSWORD, totp_secret=TEST_TOTP_SECRET, axe=axe_check)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Moderation").click()
    page.wait_for_url("**/moderation/")
    axe_check(page)
    first = page.locator("article").first
    expect(first.get_by_text("Crisis language")).to_be_visible()
    first.get_by_role("link", name="Tonight is hard", exact=True).click()
    axe_check(page)
    page.get_by_role("button", name="Claim").click()
    expect(page.get_by_text("You have claimed this item.")).to_be_visible()
    axe_check(page)

    # A saved reply fills the box; the moderator adapts it and posts it.
    page.get_by_label("Start from a saved reply").first.select_option(label="When things are very hard")
    reply_box = page.locator("#id_reply-body")
    expect(reply_box).to_have_value(SAVED_TEXT)
    reply_box.fill(SAVED_TEXT + " I will check in with you tomorrow.")
    page.get_by_role("button", name="Post reply").click()
    page.wait_for_url("**/moderation/")
    expect(page.get_by_text("Your reply is posted with your peer moderator badge.")).to_be_visible()
    axe_check(page)
    item.refresh_from_db()
    assert item.status == QueueItem.Status.RESOLVED
    assert list(ModerationAction.objects.order_by("pk").values_list("action", flat=True)) == ["claim", "reply"]
    sign_out(page)

    # The member is told, and reads the reply with the peer moderator badge.
    sign_in(page, member.email, TEST_PASSWORD)
    page.goto("/notifications/")
    axe_check(page)
    page.get_by_text("Lillian replied in a thread you follow.").click()
    expect(page.get_by_text("I will check in with you tomorrow.")).to_be_visible()
    expect(page.get_by_text("Peer moderator").first).to_be_visible()
    axe_check(page)
    assert len(axe_check.checked) >= 10


def test_every_other_moderation_page_passes_axe_on_a_phone(phone_page, axe_check, live_server):
    from moderation import services
    from tests.moderation.factories import QueueItemFactory, WatchedWordFactory, post_by

    page = phone_page
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    member = MemberFactory(email="a@example.net", pseudonym="Lighthouse", community=nordvik)
    other = MemberFactory(email="b@example.net", pseudonym="Birch", community=nordvik)
    moderator = ModeratorFactory(email="mod@example.net", pseudonym="Lillian", community=nordvik)
    topic = TopicFactory(name="Everyday life", slug="everyday-life")
    SavedReplyFactory(title="Welcome", body="Welcome to the forum.")
    WatchedWordFactory(phrase="casino", action="hold")
    post = post_by(member, topic=topic, body="A long evening again.")
    post.status = "published"
    post.save(update_fields=["status"])
    item = QueueItemFactory(post=post, kind="flag")
    services.send_check_in(moderator=moderator, item=item, body="How are you doing today?")
    services.sanction_member(moderator=moderator, member=member, kind="warning", reason="Please be kind.")

    sign_in(page, moderator.email, TEST_PASSWORD, totp_secret=TEST_TOTP_SECRET)
    page.goto("/moderation/saved-replies/")
    axe_check(page)
    page.get_by_role("link", name="Edit Welcome").click()
    axe_check(page)
    for path in ("/moderation/watched-words/", "/moderation/log/"):
        page.goto(path)
        axe_check(page)
    sign_out(page)

    sign_in(page, other.email, TEST_PASSWORD)
    page.goto(f"/moderation/report/{post.pk}/")
    axe_check(page)
    page.get_by_label("It is hostile or hurtful").check()
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_text("Waiting for a peer moderator")).to_be_visible()
    axe_check(page)
    sign_out(page)

    sign_in(page, member.email, TEST_PASSWORD)
    page.goto("/moderation/notes/")
    expect(page.get_by_text("Please be kind.")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="From Lillian", exact=False).click()
    expect(page.get_by_text("How are you doing today?")).to_be_visible()
    axe_check(page)
    # Opening it leaves it new on the notes page until the member marks it read.
    page.get_by_role("button", name="Mark as read").click()
    expect(page).to_have_url(re.compile(r"/moderation/notes/$"))
    check_in_line = page.locator("li").filter(has=page.get_by_role("link", name="From Lillian", exact=False))
    expect(check_in_line).to_be_visible()
    expect(check_in_line.get_by_text("New", exact=True)).to_have_count(0)
    page.goto("/moderation/support/")
    axe_check(page)
