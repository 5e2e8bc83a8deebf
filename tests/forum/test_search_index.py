"""Search on the stored text index: the plan uses the GIN indexes, snippets are plain text with the
words marked, pages never count the table, and bad input gets a clear answer, never an error."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from forum import search, selectors, services
from forum.models import Post
from tests.factories import MemberFactory
from tests.forum.factories import CircleFactory, ThreadFactory, reply

PAGE_BUDGET = 18  # the forum's page budget (tests/forum/test_query_budgets.py)


def _plan(user, query: str, language: str) -> str:
    config, suffix = search.search_index.config_for(language)
    sql, params = search.ranked_sql(user, query, config=config, suffix=suffix, offset=0)
    with transaction.atomic(), connection.cursor() as cursor:
        # A test table is tiny, so the planner would rightly read it whole; forbidding that shows
        # whether the query can be answered from the index at all, which is what a large forum needs.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        # On a few hundred rows the status index can look as cheap as the text index; on a forum's
        # size it does not. It is dropped inside this savepoint only (rolled back below).
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'forum_post' AND indexname LIKE 'forum_post_status%%'"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        transaction.set_rollback(True)
        return plan


@pytest.mark.parametrize(("language", "suffix"), [("en", "en"), ("nb", "nb")])
def test_search_query_reads_the_gin_indexes_of_posts_and_titles(member, other_member, topic, language, suffix):
    for i in range(30):
        ThreadFactory(author=member, topic=topic, title=f"Evenings {i}", body=f"Long evenings, number {i}")
    thread = ThreadFactory(author=member, topic=topic, title="Walking", body="Long evening walks")
    Post.objects.bulk_create(
        Post(thread=thread, author=member, position=2 + i, body=f"Evening {i}", body_html=f"<p>Evening {i}</p>")
        for i in range(500)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE forum_post")
        cursor.execute("ANALYZE forum_thread")
    plan = _plan(other_member, "walks", language)
    assert f"Bitmap Index Scan on forum_post_search_{suffix}_gin" in plan, plan
    assert f"Bitmap Index Scan on forum_thread_title_search_{suffix}_gin" in plan, plan


def test_the_stored_vectors_follow_edits_of_the_text(member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic, title="Mornings", body="Coffee on the balcony")
    post = thread.posts.get()
    services.edit_post(post=post, editor=member, body="Tea in the garden")
    assert selectors.search_posts(other_member, "coffee", language="en").posts == []
    assert [p.pk for p in selectors.search_posts(other_member, "garden", language="en").posts] == [post.pk]


def test_snippet_is_plain_text_with_the_matched_words_marked_and_everything_else_escaped(member, other_member, topic):
    body = "**Walking** by the <script>alert(1)</script> fjord & [the map](https://example.org) helps.\n\n> quoted"
    ThreadFactory(author=member, topic=topic, title="Evenings", body=body)
    [post] = selectors.search_posts(other_member, "walk", language="en").posts
    snippet = str(post.snippet)
    assert "<mark>Walking</mark>" in snippet
    assert "**" not in snippet and "](" not in snippet and "&gt; quoted" not in snippet
    assert "<script>" not in snippet and "&amp;" in snippet
    assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_norwegian_readers_get_norwegian_stemming_and_marks(member, other_member, topic):
    ThreadFactory(author=member, topic=topic, title="Helg", body="Vi gikk mange fine turer i skogen.")
    [post] = selectors.search_posts(other_member, "tur", language="nb").posts
    assert "<mark>turer</mark>" in str(post.snippet)


def test_pages_hold_twenty_results_and_know_the_next_without_counting(member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic, title="Rain", body="Rain again")
    for i in range(24):
        reply(thread, member, body=f"More rain today, {i}")
    with CaptureQueriesContext(connection) as queries:
        first = selectors.search_posts(other_member, "rain", language="en", page=1)
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
    second = selectors.search_posts(other_member, "rain", language="en", page=2)
    assert (len(first.posts), first.has_next, len(second.posts), second.has_next) == (20, True, 5, False)
    assert not {p.pk for p in first.posts} & {p.pk for p in second.posts}


def test_only_the_most_recent_candidates_are_ranked(member, other_member, topic, monkeypatch):
    thread = ThreadFactory(author=member, topic=topic, title="Drinks", body="tea")
    posts = [reply(thread, member, body=f"tea tea tea {i}") for i in range(4)]
    monkeypatch.setattr(search, "CANDIDATES", 3)
    found = selectors.search_posts(other_member, "tea", language="en").posts
    assert {p.pk for p in found} == {p.pk for p in posts[-3:]}


def test_circle_held_and_hidden_posts_stay_out_of_results(member, other_member, topic):
    outsider = MemberFactory()
    circle = CircleFactory(created_by=member, members=[other_member])
    ThreadFactory(author=member, circle=circle, title="Circle", body="secret heron talk")
    public = ThreadFactory(author=member, topic=topic, title="Open", body="a heron by the river")
    hidden = reply(public, member, body="heron hidden by a moderator")
    Post.objects.filter(pk=hidden.pk).update(status=Post.Status.HIDDEN)
    held = reply(public, member, body="heron waiting for a moderator")
    Post.objects.filter(pk=held.pk).update(status=Post.Status.HELD)
    assert len(selectors.search_posts(other_member, "heron", language="en").posts) == 2
    [only] = selectors.search_posts(outsider, "heron", language="en").posts
    assert only.thread_id == public.pk and only.position == 1
    assert len(selectors.search_posts(member, "heron", language="en").posts) == 2


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("!!! ??? ...", "Type one or more words to search for."),
        ("((( ))) -", "Type one or more words to search for."),
        ("the or and", "These words are too common to search for. Try a more specific word."),
        ("or - or", "These words are too common to search for. Try a more specific word."),
    ],
)
def test_queries_without_searchable_words_say_so(login, member, other_member, topic, query, notice):
    ThreadFactory(author=member, topic=topic, title="Walking", body="Walking helps me")
    response = login(other_member).get("/forum/search/", {"q": query})
    assert response.status_code == 200
    assert response.context["results"].posts == []
    assert notice in response.content.decode()


def test_unbalanced_quotes_still_search(login, member, other_member, topic):
    ThreadFactory(author=member, topic=topic, title="Walking", body="Long walks by the sea")
    response = login(other_member).get("/forum/search/", {"q": '"long walks'})
    assert response.status_code == 200
    assert len(response.context["results"].posts) == 1


def test_a_very_long_query_is_shortened_and_searched(login, member, other_member, topic):
    ThreadFactory(author=member, topic=topic, title="Walking", body="Walking helps me")
    response = login(other_member).get("/forum/search/", {"q": "walking " + "x" * 10_000})
    assert response.status_code == 200
    assert len(response.context["search_form"].cleaned_data["q"]) == search.MAX_QUERY_LENGTH
    assert response.context["results"].posts == []  # the long word is part of the query


@pytest.mark.parametrize("page", ["9999", "-3", "abc", "1e9", str(search.MAX_PAGE + 1)])
def test_page_numbers_beyond_the_end_or_malformed_never_fail(login, member, other_member, topic, page):
    ThreadFactory(author=member, topic=topic, title="Walking", body="Walking helps me")
    response = login(other_member).get("/forum/search/", {"q": "walking", "page": page})
    assert response.status_code == 200
    results = response.context["results"]
    if results.page == 1:
        assert len(results.posts) == 1
    else:
        assert results.posts == []
        assert "There are no more results." in response.content.decode()


def test_the_page_links_keep_the_query(login, member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic, title="Rain", body="Rain again")
    for i in range(20):
        reply(thread, member, body=f"Rain, {i}")
    content = login(other_member).get("/forum/search/", {"q": "rain"}).content.decode()
    assert "?q=rain&amp;page=2" in content


def test_search_page_query_count_does_not_grow_with_results(
    login, member, other_member, topic, assert_constant_queries
):
    thread = ThreadFactory(author=member, topic=topic, title="Walking", body="Walking helps me")
    login(other_member)

    def grow():
        for i in range(25):
            reply(thread, MemberFactory(), body=f"Walking again {i}")

    assert_constant_queries("/forum/search/?q=walking", grow, maximum=PAGE_BUDGET)


def test_the_plain_fallback_marks_words_and_escapes(member, other_member, topic, monkeypatch):
    ThreadFactory(author=member, topic=topic, title="Plain", body="An *unusualword* & 1 < 2")
    monkeypatch.setattr(connection, "vendor", "sqlite")
    [post] = selectors.search_posts(other_member, "UNUSUALWORD", language="en").posts
    assert str(post.snippet) == "An <mark>unusualword</mark> &amp; 1 &lt; 2"


def test_the_partial_index_covers_exactly_the_published_posts():
    assert f"status = '{Post.Status.PUBLISHED.value}'" == search.search_index.PUBLISHED
