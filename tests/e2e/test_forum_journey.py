"""The forum in a browser: member A starts a thread, member B replies and reacts, A gets the
notification, A searches and finds the thread, A and B form a circle; axe-core checks every page."""

import re

import pytest
from playwright.sync_api import expect

from forum.models import Circle, Reaction, Thread
from tests.e2e.conftest import sign_in, sign_out
from tests.factories import TEST_PASSWORD, CommunityFactory, MemberFactory
from tests.forum.factories import TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _first_posts_published(settings):
    # New members' first posts wait for a moderator (see test_moderation_journey.py); not here.
    settings.MODERATION_HOLD_FIRST_POSTS = 0


def test_two_members_meet_in_the_forum_and_form_a_circle(page, axe_check, live_server):
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    a = MemberFactory(email="a@example.net", pseudonym="Lighthouse", real_name="Ingrid Nilsen", community=nordvik)
    b = MemberFactory(email="b@example.net", pseudonym="Birch", real_name="Marte Olsen", community=nordvik)
    TopicFactory(name="Everyday life", slug="everyday-life", description="Days, nights and routines.")

    # A starts a thread.
    sign_in(page, a.email, TEST_PASSWORD, axe=axe_check)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Forum").click()
    page.wait_for_url("**/forum/")
    axe_check(page)
    page.get_by_role("link", name="Everyday life").click()
    axe_check(page)
    page.get_by_role("link", name="Start a thread").click()
    axe_check(page)
    page.get_by_label("Title").fill("Getting through long evenings")
    page.get_by_label("Your text").fill("Evenings are the hardest part of my day.\n\n- tea\n- a short walk")
    page.get_by_role("button", name="Post the thread").click()
    expect(page.get_by_role("heading", name="Getting through long evenings")).to_be_visible()
    axe_check(page)
    thread = Thread.objects.get()
    sign_out(page)

    # B replies, first with an identifying detail: the reminder keeps the text, B edits it.
    sign_in(page, b.email, TEST_PASSWORD)
    page.goto(thread.get_absolute_url())
    expect(page.get_by_text("New", exact=True).first).to_be_visible()
    axe_check(page)
    page.get_by_label("Your text").fill("Me too. Call me on 912 34 567 if you like.")
    page.get_by_role("button", name="Post the reply").click()
    expect(page.get_by_role("heading", name="This may identify you or someone else")).to_be_visible()
    expect(page.get_by_label("Your text")).to_have_value("Me too. Call me on 912 34 567 if you like.")
    axe_check(page)
    page.get_by_label("Your text").fill("Me too. A warm shower before bed helps me.")
    page.get_by_role("button", name="Post the reply").click()
    expect(page.get_by_text("A warm shower before bed helps me.")).to_be_visible()
    page.locator(f"#post-{thread.posts.get(position=1).pk}").get_by_role("button", name="Sending strength").click()
    expect(page.get_by_role("button", name="Sending strength · 1")).to_be_visible()
    axe_check(page)
    assert Reaction.objects.filter(user=b).count() == 1
    sign_out(page)

    # A is told, opens the reply, and finds the thread by searching.
    sign_in(page, a.email, TEST_PASSWORD)
    page.goto("/notifications/")
    axe_check(page)
    page.get_by_role("button", name=re.compile("Birch replied in a thread you follow")).click()
    expect(page.get_by_text("A warm shower before bed helps me.")).to_be_visible()
    axe_check(page)
    page.goto("/forum/search/")
    axe_check(page)
    page.get_by_role("searchbox", name="Search the forum").fill("evening")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name="Getting through long evenings").first).to_be_visible()
    axe_check(page)

    # A starts a circle and invites B.
    page.goto("/forum/circles/")
    axe_check(page)
    page.get_by_label("Name of the circle").fill("Evening friends")
    page.get_by_role("button", name="Start the circle").click()
    expect(page.get_by_role("heading", name="Evening friends")).to_be_visible()
    axe_check(page)
    page.get_by_label("Pseudonym of the person to invite").fill("Nobody Known")
    page.get_by_role("button", name="Invite").click()
    expect(page.get_by_text("Nobody in the forum has the pseudonym")).to_be_visible()
    axe_check(page)
    page.get_by_label("Pseudonym of the person to invite").fill("Birch")
    page.get_by_role("button", name="Invite").click()
    expect(page.get_by_text("Invitation sent.")).to_be_visible()
    sign_out(page)

    # B accepts and sees the circle.
    sign_in(page, b.email, TEST_PASSWORD)
    page.goto("/forum/circles/")
    expect(page.get_by_text("Lighthouse invited you to the circle “Evening friends”.")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Accept").click()
    expect(page.get_by_role("heading", name="Evening friends")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Start a thread in this circle").click()
    axe_check(page)
    page.get_by_label("Title").fill("Walk on Saturday?")
    page.get_by_label("Your text").fill("Shall we walk by the river at ten?")
    page.get_by_role("button", name="Post the thread").click()
    expect(page.get_by_role("heading", name="Walk on Saturday?")).to_be_visible()
    axe_check(page)
    circle = Circle.objects.get()
    assert set(circle.memberships.filter(status="active").values_list("user__pseudonym", flat=True)) == {
        "Lighthouse",
        "Birch",
    }
    assert len(axe_check.checked) >= 15


def test_a_thread_reads_well_on_a_phone(phone_page, axe_check, live_server):
    from forum import services

    reader = MemberFactory(email="phone@example.net", pseudonym="Small Screen")
    writer = MemberFactory(pseudonym="Northern Star")
    topic = TopicFactory(name="Everyday life", slug="everyday-life")
    thread = services.start_thread(
        author=writer,
        topic=topic,
        title="A rather long title about evenings, mornings and everything in between",
        body="A long paragraph " * 40 + "\n\nhttps://example.org/a/very/long/link/that/should/wrap/nicely/on/phones",
    )
    services.post_reply(author=reader, thread=thread, body="Me too.", content_note="loss")
    services.add_reaction(user=reader, post=thread.posts.get(position=1), kind="strength")
    sign_in(phone_page, reader.email, TEST_PASSWORD)
    for url in ["/forum/", thread.get_absolute_url(), "/forum/circles/", f"/forum/people/{writer.pseudonym}/"]:
        phone_page.goto(url)
        axe_check(phone_page)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{url} scrolls sideways on a phone ({width}px)"
    # Without JavaScript the content note still opens: it is a <details> element.
    phone_page.goto(thread.get_absolute_url())
    phone_page.get_by_text("Content note: loss").click()
    expect(phone_page.get_by_text("Me too.")).to_be_visible()
