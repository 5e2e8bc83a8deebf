"""The home page shows the person's day, per role, with a fixed number of queries."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cafes.models import Answer, Rsvp
from forum.models import ThreadWatch
from moderation.models import QueueItem
from tests.cafes.factories import CafeSeriesFactory, MeetingFactory, RsvpFactory
from tests.factories import CareRelationshipFactory, MemberFactory, NotificationFactory, ProviderFactory
from tests.forum.factories import ThreadFactory, reply
from tests.messaging.factories import MessageFactory, make_conversation
from tests.toolbox.factories import ActivityFactory, CheckInFactory, GoalFactory, StepFactory

pytestmark = pytest.mark.django_db

# Every member page, home included, stays within this many queries, the page frame included.
MEMBER_PAGE_BUDGET = 8
# What the member's cards cost over the frame: messages, the next café, the toolbox (check-in and
# goals together) and followed threads, one query each.
MEMBER_CARD_QUERIES = 4


def _frame_queries(client) -> int:
    """The queries every page of the signed-in person runs (session, user, header), counted on a 404."""
    client.get("/no-such-page/")
    with CaptureQueriesContext(connection) as frame:
        assert client.get("/no-such-page/").status_code == 404
    return len(frame)


def _cafe(community, *, days: int, moderator):
    series = CafeSeriesFactory(community=community, host=moderator, title=f"Café in {days} days")
    start = timezone.now() + timedelta(days=days)
    return MeetingFactory(series=series, starts_at=start, ends_at=start + timedelta(hours=2))


def _member_day(member, provider, moderator, *, times: int = 1):
    """Data behind every card of the member's home: messages, cafés, check-in, goals, followed threads."""
    for _ in range(times):
        conversation = make_conversation(member, [provider])
        MessageFactory.create_batch(2, conversation=conversation, author=provider)
        _cafe(member.community, days=20 + times, moderator=moderator)
        goal = GoalFactory(member=member)
        StepFactory.create_batch(2, goal=goal)
        StepFactory(goal=goal, done_at=timezone.now())
        ActivityFactory(goal=goal, planned_on=timezone.localdate() + timedelta(days=3))
        thread = ThreadFactory(author=member)
        reply(thread, MemberFactory(community=member.community))
        NotificationFactory.create_batch(3, user=member)


def test_member_home_shows_the_persons_day(client, login, member, provider, moderator):
    _member_day(member, provider, moderator)
    CheckInFactory(member=member, mood=4, sleep=2, activity=3)
    login(member)
    body = client.get("/").content.decode()
    assert "You have 2 unread messages from your care team." in body
    assert "Café in 21 days" in body and "You have not answered yet." in body
    assert "Done for today. Thank you." in body and "4 of 5" in body
    assert "1 goal in progress." in body
    assert "1 of 4 steps and activities done" in body
    assert "1 new reply" in body
    assert re.search(r"Next:\s*<a href=\"/toolbox/goals/\d+/\">Activity \d+</a>", body)


def test_member_home_prompts_for_a_check_in_and_says_when_nothing_waits(client, login, member):
    login(member)
    body = client.get("/").content.decode()
    assert "Check in now" in body
    assert "No unread messages." in body
    assert "No café is planned in your community yet." in body
    assert "No goal in progress." in body
    assert "No new replies in the threads you follow." in body


def test_member_home_shows_only_the_next_cafe_of_their_own_community(client, login, member, moderator, elvdal):
    _cafe(elvdal, days=1, moderator=moderator)
    soon = _cafe(member.community, days=3, moderator=moderator)
    _cafe(member.community, days=10, moderator=moderator)
    login(member)
    body = client.get("/").content.decode()
    assert "Café in 3 days" in body
    assert "Café in 1 days" not in body and "Café in 10 days" not in body
    assert f'action="/cafes/{soon.pk}/answer/"' in body


def test_one_tap_answer_from_home_keeps_what_the_member_chose_before(client, login, member, moderator):
    cafe = _cafe(member.community, days=3, moderator=moderator)
    RsvpFactory(meeting=cafe, user=member, answer=Answer.MAYBE, show_pseudonym=True)
    login(member)
    body = client.get("/").content.decode()
    assert "Your answer: Maybe." in body
    # What the home page's form sends when the member taps "Going".
    assert 'name="show_pseudonym" value="true"' in body
    response = client.post(
        f"/cafes/{cafe.pk}/answer/",
        {"answer": "going", "show_pseudonym": "true", "first_visit": "false", "first_visit_note": ""},
    )
    assert response.status_code == 302
    rsvp = Rsvp.objects.get(meeting=cafe, user=member)
    assert rsvp.answer == Answer.GOING and rsvp.show_pseudonym


def test_followed_threads_card_leaves_out_threads_read_to_the_end_and_unfollowed(client, login, member):
    read = ThreadFactory(author=member, title="All read")
    unfollowed = ThreadFactory(author=member, title="Stopped following")
    ThreadWatch.objects.filter(user=member, thread=unfollowed).update(is_watching=False)
    for thread in (read, unfollowed):
        reply(thread, MemberFactory(community=member.community))
    login(member)
    client.get(read.get_absolute_url())
    body = client.get("/").content.decode()
    assert "All read" not in body and "Stopped following" not in body


def test_member_home_stays_within_the_member_page_budget_whatever_the_data(
    client, login, member, provider, moderator, assert_constant_queries
):
    _member_day(member, provider, moderator)
    CheckInFactory(member=member)
    login(member)
    frame = _frame_queries(client)
    # The frame is being cut to one or two queries elsewhere; the cards keep their own share fixed,
    # so that frame and cards together fit the member page budget.
    assert MEMBER_CARD_QUERIES + 4 <= MEMBER_PAGE_BUDGET
    assert_constant_queries(
        "/", lambda: _member_day(member, provider, moderator, times=4), maximum=frame + MEMBER_CARD_QUERIES
    )


def test_moderator_home_shows_the_queue_by_priority_with_the_oldest_wait(client, login, member, moderator):
    thread = ThreadFactory(author=member)
    post = thread.posts.get()
    QueueItem.objects.all().delete()  # a first post may have been held already
    QueueItem.objects.create(kind="held", priority=3, post=post, author=member)
    old = QueueItem.objects.create(kind="crisis", priority=1, post=post, author=member)
    QueueItem.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=3))
    login(moderator)
    body = client.get("/").content.decode()
    assert "2 items wait; the oldest for 3" in body
    assert body.index("Crisis language") < body.index("Held for approval")


def test_moderator_home_does_not_grow_with_the_queue(client, login, member, moderator, assert_constant_queries):
    login(moderator)

    def grow():
        for kind, priority in (("crisis", 1), ("report", 2), ("held", 3)):
            post = ThreadFactory(author=member).posts.get()
            QueueItem.objects.get_or_create(kind=kind, post=post, defaults={"priority": priority, "author": member})

    assert_constant_queries("/", grow, maximum=_frame_queries(client) + 2)


def test_provider_home_shows_waiting_messages_with_the_oldest_wait(client, login, member, provider):
    conversation = make_conversation(member, [provider], messages=2)
    conversation.messages.update(created_at=timezone.now() - timedelta(days=2))
    login(provider)
    body = client.get("/").content.decode()
    assert "1 conversation waits for an answer." in body
    assert "The oldest has waited 2" in body


def test_provider_home_does_not_grow_with_waiting_members(client, login, provider, assert_constant_queries):
    login(provider)

    def grow():
        for _ in range(4):
            patient = MemberFactory()
            CareRelationshipFactory(member=patient, provider=provider)
            make_conversation(patient, [provider], messages=2)

    assert_constant_queries("/", grow, maximum=_frame_queries(client) + 1)


def test_admin_home_shows_the_portals_state(client, login, admin_user, member, other_member, provider):
    login(admin_user)
    body = client.get("/").content.decode()
    assert "The portal today" in body
    assert "<dt>Members</dt>" in body and "<dd>2</dd>" in body
    assert "Moderation queue" in body


def test_admin_home_does_not_grow_with_people(client, login, admin_user, assert_constant_queries):
    login(admin_user)
    # People per role, open invitations, the moderation queue, recent notifications.
    assert_constant_queries(
        "/",
        lambda: [ProviderFactory() for _ in range(3)] and MemberFactory.create_batch(3),
        maximum=_frame_queries(client) + 4,
    )
