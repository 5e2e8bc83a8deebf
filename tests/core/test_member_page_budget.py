"""Every page a member can open runs at most 8 queries, writes nothing on a second look, and runs
no more queries when there is more data (posts, readers, reactions, notifications)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum import services as forum_services
from forum.models import Reaction
from tests.factories import MemberFactory, NotificationFactory
from tests.forum.factories import ThreadFactory, TopicFactory, reply
from tests.security.matrix import OK
from tests.security.test_url_matrix import ROUTES

pytestmark = pytest.mark.django_db

BUDGET = 8
WRITES = ("INSERT", "UPDATE", "DELETE")

MEMBER_PAGES = sorted(name for name, route in ROUTES.items() if route.method == "get" and route.expect["member"] == OK)


def _grow(world) -> None:
    """More of what member pages list: forum threads full of posts, readers and reactions, and
    unread notifications."""
    member = world.users["member"]
    crowd = [MemberFactory() for _ in range(4)]
    topic = TopicFactory()
    for _n in range(2):
        thread = ThreadFactory(author=crowd[0], topic=topic)
        for index, person in enumerate(crowd * 2):
            post = reply(thread, person, client_token=f"grow-{thread.pk}-{index}")
            for reactor in crowd:
                Reaction.objects.get_or_create(post=post, user=reactor, kind=Reaction.Kind.values[index % 3])
    for person in crowd:
        forum_services.reveal_identity(owner=person, viewer=member, first_name="Kim")
    NotificationFactory.create_batch(5, user=member)


def _measure(client, path: str):
    client.get(path)  # fills the cached parts of the frame and the reader's first-visit rows
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == OK, (path, response.status_code)
    return queries


@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_member_page_stays_within_8_queries_writes_nothing_and_does_not_grow(name, client, world, settings):
    settings.MODERATION_HOLD_FIRST_POSTS = 0
    route = ROUTES[name]
    client.force_login(world.users["member"])
    path = route.path(world) if callable(route.path) else route.path

    _grow(world)  # some of everything first: an empty list may skip a query a full one needs
    before = _measure(client, path)
    _grow(world)
    after = _measure(client, path)

    listing = "\n".join(q["sql"][:160] for q in after.captured_queries)
    writes = [q["sql"][:160] for q in after.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)]
    assert not writes, f"{path} writes on a second look:\n" + "\n".join(writes)
    assert len(after) <= BUDGET, f"{path}: {len(after)} queries, budget {BUDGET}:\n{listing}"
    assert len(after) == len(before), f"{path}: {len(before)} queries, {len(after)} with more data:\n{listing}"


def test_a_busy_thread_page_costs_what_a_quiet_one_does(client, world, settings):
    """Twenty posts by many people, each with every reaction, revealed names and many readers."""
    settings.MODERATION_HOLD_FIRST_POSTS = 0
    member = world.users["member"]
    crowd = [MemberFactory() for _ in range(6)]
    quiet = ThreadFactory(author=crowd[0], topic=TopicFactory())
    busy = ThreadFactory(author=crowd[0], topic=quiet.topic)
    for index in range(25):
        post = reply(busy, crowd[index % 6], client_token=f"busy-{index}")
        for reactor in crowd:
            for kind in Reaction.Kind.values:
                Reaction.objects.create(post=post, user=reactor, kind=kind)
    for person in crowd:
        forum_services.reveal_identity(owner=person, viewer=member, first_name="Kim")
        forum_services.record_reading(user=person, thread=busy, up_to_position=busy.post_count)
    client.force_login(member)

    quiet_queries = _measure(client, quiet.get_absolute_url())
    busy_queries = _measure(client, busy.get_absolute_url() + "?page=1")
    assert len(busy_queries) == len(quiet_queries) <= BUDGET, "\n".join(
        q["sql"][:160] for q in busy_queries.captured_queries
    )
