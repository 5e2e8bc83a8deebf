from forum.models import POSTS_PER_PAGE, ReadPosition, Thread
from tests.factories import MemberFactory
from tests.forum.factories import ThreadFactory, reply


def test_views_count_each_reader_once_and_never_the_author(login, member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic)
    answer = reply(thread, other_member)
    for person in (member, other_member, member, other_member):
        login(person).get(thread.get_absolute_url())
    thread.refresh_from_db()
    answer.refresh_from_db()
    first = thread.posts.get(position=1)
    assert thread.view_count == 1  # other_member only
    assert first.view_count == 1  # read by other_member, not by its author
    assert answer.view_count == 1  # read by member, not by its author


def test_unread_markers_in_the_list_disappear_after_reading(login, member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic, title="Morning routines")
    client = login(other_member)
    assert "forum-thread-row is-unread" in client.get("/forum/").content.decode()
    client.get(thread.get_absolute_url())
    assert "forum-thread-row is-unread" not in client.get("/forum/").content.decode()
    reply(thread, member, body="One more thing")
    assert "Unread replies" in client.get("/forum/").content.decode()


def test_the_thread_opens_where_the_reader_stopped(login, member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic)
    for n in range(POSTS_PER_PAGE + 2):
        reply(thread, member, body=f"note {n}", client_token=f"t{n}")
    ReadPosition.objects.create(thread=thread, user=other_member, last_read_position=POSTS_PER_PAGE + 1)
    response = login(other_member).get(thread.get_absolute_url())
    assert response.context["page"] == 2
    page = response.content.decode()
    assert f"note {POSTS_PER_PAGE}" in page  # position POSTS_PER_PAGE + 1 is on page 2
    assert page.count('class="badge forum-new"') == 2  # positions 22 and 23 are new
    assert ReadPosition.objects.get(thread=thread, user=other_member).last_read_position == POSTS_PER_PAGE + 3


def test_thread_list_pages_by_last_activity_without_repeats(login, member, topic, settings):
    author = MemberFactory()
    threads = [ThreadFactory(author=author, topic=topic, title=f"Thread number {n}") for n in range(30)]
    client = login(member)
    first = client.get("/forum/")
    assert first.context["listing"].next_cursor
    second = client.get(f"/forum/?after={first.context['listing'].next_cursor}")
    shown = [t.pk for t in first.context["listing"].threads] + [t.pk for t in second.context["listing"].threads]
    assert sorted(shown) == sorted(t.pk for t in threads)
    assert len(set(shown)) == len(shown)
    assert client.get("/forum/?after=garbage").status_code == 200
    assert Thread.objects.count() == 30
