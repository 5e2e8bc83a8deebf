from django.db import connection
from django.utils import translation

from forum import selectors
from tests.forum.factories import ThreadFactory, reply


def test_full_text_search_stems_english_words_and_ranks_titles_first(member, other_member, topic):
    titled = ThreadFactory(author=member, topic=topic, title="Walking in the evening", body="Short.")
    other = ThreadFactory(author=member, topic=topic, title="Sleep", body="I walked far today, then slept.")
    results = selectors.search_posts(other_member, "walks", language="en").posts
    assert [p.thread_id for p in results][:2] == [titled.pk, other.pk]


def test_search_in_norwegian_stems_norwegian_words(member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic, title="Kveldene", body="Jeg går lange turer om kvelden.")
    assert [p.thread_id for p in selectors.search_posts(other_member, "turer", language="nb").posts] == [thread.pk]


def test_search_page_uses_the_readers_language_and_finds_posts(login, member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic, title="Walking", body="Walking helps me")
    reply(thread, other_member, body="Me too, walking every morning")
    response = login(other_member).get("/forum/search/?q=walking")
    assert response.status_code == 200
    assert len(response.context["results"].posts) == 2
    with translation.override("nb"):
        assert login(other_member).get("/forum/search/?q=").context["results"] is None


def test_removed_and_held_posts_are_not_found(member, other_member, topic):
    from forum import services

    thread = ThreadFactory(author=member, topic=topic, title="Gone", body="vanishing words")
    services.remove_own_post(post=thread.posts.get(), user=member)
    assert selectors.search_posts(other_member, "vanishing", language="en").posts == []


def test_search_falls_back_to_a_plain_match_without_postgresql(member, other_member, topic, monkeypatch):
    thread = ThreadFactory(author=member, topic=topic, title="Plain", body="Some unusualword here")
    monkeypatch.setattr(connection, "vendor", "sqlite")
    assert [p.thread_id for p in selectors.search_posts(other_member, "UNUSUALWORD", language="en").posts] == [
        thread.pk
    ]
