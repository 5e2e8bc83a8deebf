"""The thread list and the thread page run a fixed number of queries, whatever the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum import services
from forum.models import POSTS_PER_PAGE, Reaction, ReadPosition
from tests.factories import MemberFactory
from tests.forum.factories import ThreadFactory, reply

# About 11 queries of every signed-in page are the foundation's (session, user, user session,
# unread notifications, crisis contacts); the rest are the forum's own.
LIST_BUDGET = 16
THREAD_BUDGET = 24  # two of them: the dated post views (forum.PostView) for the usage report
FIRST_VISIT_BUDGET = 28
PAGE_BUDGET = 18


def _count(client, url) -> int:
    client.get(url)  # first visit creates the read position; measure the steady state and the first
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def crowd(db):
    return [MemberFactory() for _ in range(6)]


def _busy_thread(topic, crowd, n_posts, reader):
    thread = ThreadFactory(author=crowd[0], topic=topic)
    for n in range(n_posts - 1):
        post = reply(thread, crowd[n % len(crowd)], body=f"post {n}", client_token=f"busy{thread.pk}-{n}")
        for person in crowd:
            for kind in Reaction.Kind.values:
                Reaction.objects.create(post=post, user=person, kind=kind)
    for person in crowd:
        services.reveal_identity(owner=person, viewer=reader, first_name="Kim")
        ReadPosition.objects.get_or_create(thread=thread, user=person)
    return thread


def test_thread_list_queries_do_not_grow_with_threads(login, member, topic, crowd, django_assert_max_num_queries):
    ThreadFactory(author=crowd[0], topic=topic)
    client = login(member)
    few = _count(client, "/forum/")
    few_topic = _count(client, topic.get_absolute_url())
    for n in range(30):
        _busy_thread(topic, crowd, 3, member) if n < 3 else ThreadFactory(author=crowd[n % 6], topic=topic)
    many = _count(client, "/forum/")
    many_topic = _count(client, topic.get_absolute_url())
    assert few == many and few_topic == many_topic
    with django_assert_max_num_queries(LIST_BUDGET):
        client.get("/forum/")


def test_thread_page_queries_do_not_grow_with_posts_reactions_or_readers(
    login, member, topic, crowd, django_assert_max_num_queries
):
    small = ThreadFactory(author=crowd[0], topic=topic)
    big = _busy_thread(topic, crowd, POSTS_PER_PAGE + 5, member)
    client = login(member)
    assert _count(client, small.get_absolute_url()) == _count(client, big.get_absolute_url() + "?page=1")
    # A first visit (new read position, view counts) costs a few more, also fixed.
    fresh = login(crowd[1])
    with django_assert_max_num_queries(FIRST_VISIT_BUDGET):
        fresh.get(big.get_absolute_url() + "?page=1")
    with django_assert_max_num_queries(THREAD_BUDGET):
        client.get(big.get_absolute_url() + "?page=2")


def test_circles_search_and_profile_pages_have_fixed_budgets(
    login, member, topic, crowd, django_assert_max_num_queries
):
    _busy_thread(topic, crowd, 10, member)
    client = login(member)
    for url in ["/forum/search/?q=post", f"/forum/people/{crowd[0].pseudonym}/", "/forum/circles/", "/forum/settings/"]:
        with django_assert_max_num_queries(PAGE_BUDGET):
            assert client.get(url).status_code == 200
