from datetime import timedelta

import pytest
from django.utils import timezone

from forum import services
from forum.models import MAX_POST_LENGTH, Post, Thread
from reconnect.core import hooks
from tests.forum.factories import ThreadFactory, reply


def _new_thread(client, topic, **data):
    payload = {
        "title": "Long evenings",
        "body": "How do you get through them?",
        "content_note": "",
        "client_token": "t1",
    }
    payload.update(data)
    return client.post(f"/forum/topics/{topic.slug}/new/", payload)


def test_member_starts_a_thread_and_watches_it(login, member, topic):
    response = _new_thread(login(member), topic)
    thread = Thread.objects.get()
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    assert thread.post_count == 1 and thread.author == member
    assert thread.watches.get().user == member


def test_empty_post_is_refused_with_a_message_and_nothing_saved(login, member, topic):
    response = _new_thread(login(member), topic, body="   ")
    assert response.status_code == 400
    assert "Please write something first." in response.content.decode()
    assert "Long evenings" in response.content.decode()  # the form keeps its content
    assert not Thread.objects.exists()


def test_post_over_the_size_limit_is_refused_and_the_text_kept(login, member, topic):
    thread = ThreadFactory(author=member, topic=topic)
    long_text = "word " * (MAX_POST_LENGTH // 5 + 10)
    response = login(member).post(f"/forum/threads/{thread.pk}/reply/", {"body": long_text, "client_token": "x"})
    assert response.status_code == 400
    assert "This is too long" in response.content.decode()
    assert long_text.strip()[:100] in response.content.decode()
    assert thread.posts.count() == 1


def test_identifying_text_asks_post_anyway_or_edit_and_keeps_the_text(login, member, topic):
    client = login(member)
    body = "Call me on 912 34 567 if you want to talk."
    response = _new_thread(client, topic, body=body)
    page = response.content.decode()
    assert response.status_code == 200
    assert "This may identify you or someone else" in page
    assert "a phone number" in page
    assert body in page
    assert not Thread.objects.exists()
    response = _new_thread(client, topic, body=body, post_anyway="1")
    assert response.status_code == 302
    assert Post.objects.get().body == body


def test_identifying_check_also_runs_on_replies_and_edits(login, member, topic):
    thread = ThreadFactory(author=member, topic=topic)
    client = login(member)
    response = client.post(f"/forum/threads/{thread.pk}/reply/", {"body": "Mail me: a@b.no", "client_token": "r"})
    assert "an email address" in response.content.decode()
    assert thread.posts.count() == 1
    first = thread.posts.get()
    response = client.post(f"/forum/posts/{first.pk}/edit/", {"body": "I am Kari Nordmann, hi"})
    assert "a full name" in response.content.decode()
    first.refresh_from_db()
    assert "Kari" not in first.body


def test_a_double_submit_makes_one_thread_and_one_reply(login, member, other_member, topic):
    client = login(member)
    _new_thread(client, topic, client_token="same")
    _new_thread(client, topic, client_token="same")
    thread = Thread.objects.get()
    other = login(other_member)
    for _ in range(2):
        response = other.post(f"/forum/threads/{thread.pk}/reply/", {"body": "Me too.", "client_token": "tok"})
        assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.posts.count() == 2 and thread.post_count == 2


def test_replying_to_a_locked_thread_is_refused(login, member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic)
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)
    response = login(other_member).post(f"/forum/threads/{thread.pk}/reply/", {"body": "Hello", "client_token": "a"})
    assert response.status_code == 400
    assert "This thread is locked" in response.content.decode()
    assert thread.posts.count() == 1


def test_replying_to_a_removed_thread_is_refused(login, member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic)
    services.remove_own_post(post=thread.posts.get(), user=member)
    response = login(other_member).post(f"/forum/threads/{thread.pk}/reply/", {"body": "Hello", "client_token": "a"})
    assert "This thread was removed" in response.content.decode()
    assert thread.posts.count() == 1


def test_unknown_and_malformed_thread_ids_are_404(login, member):
    client = login(member)
    assert client.get("/forum/threads/999999/").status_code == 404
    assert client.get("/forum/threads/abc/").status_code == 404
    assert client.post("/forum/threads/999999/reply/", {"body": "x"}).status_code == 404
    assert client.get("/forum/threads/1/?page=abc").status_code in (404,)


def test_post_only_urls_answer_get_with_405(login, member, topic):
    thread = ThreadFactory(author=member, topic=topic)
    client = login(member)
    post = thread.posts.get()
    for url in [f"/forum/posts/{post.pk}/react/", f"/forum/threads/{thread.pk}/watch/", "/forum/circles/new/"]:
        assert client.get(url).status_code == 405


def test_author_edits_within_the_window_and_the_post_shows_edited(login, member, topic):
    thread = ThreadFactory(author=member, topic=topic)
    post = thread.posts.get()
    client = login(member)
    response = client.post(f"/forum/posts/{post.pk}/edit/", {"body": "Better words."})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "Better words." and post.edited_at is not None
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Better words." in page and "edited" in page


def test_editing_after_the_window_or_someone_elses_post_is_403(login, member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic)
    post = thread.posts.get()
    assert login(other_member).get(f"/forum/posts/{post.pk}/edit/").status_code == 403
    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - timedelta(hours=2))
    assert login(member).post(f"/forum/posts/{post.pk}/edit/", {"body": "late"}).status_code == 403


def test_author_removes_a_post_and_the_thread_stays_readable(login, member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic, body="Something I regret saying")
    answer = reply(thread, other_member, body="A kind answer")
    client = login(member)
    first = thread.posts.get(position=1)
    assert client.get(f"/forum/posts/{first.pk}/delete/").status_code == 200
    assert client.post(f"/forum/posts/{first.pk}/delete/").status_code == 302
    # A second click changes nothing.
    assert client.post(f"/forum/posts/{first.pk}/delete/").status_code == 302
    page = login(other_member).get(thread.get_absolute_url()).content.decode()
    assert "removed by its author" in page
    assert "Something I regret saying" not in page
    assert answer.body in page
    first.refresh_from_db()
    assert first.status == Post.Status.REMOVED_BY_AUTHOR and first.body == ""


def test_quoting_prefills_the_reply_with_the_quoted_post(login, member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic, body="Evenings are the hardest.")
    first = thread.posts.get()
    page = login(other_member).get(f"/forum/threads/{thread.pk}/reply/?quote={first.pk}").content.decode()
    assert "&gt; **Lighthouse**:" in page and "&gt; Evenings are the hardest." in page


def test_posting_is_rate_limited_per_member(login, member, topic, settings):
    settings.FORUM_RATE_LIMITS = {"post": (2, 300), "react": (2, 300), "action": (2, 300)}
    thread = ThreadFactory(author=member, topic=topic)  # counts as one post
    client = login(member)
    assert client.post(f"/forum/threads/{thread.pk}/reply/", {"body": "two", "client_token": "a"}).status_code == 302
    response = client.post(f"/forum/threads/{thread.pk}/reply/", {"body": "three", "client_token": "b"})
    assert response.status_code == 429
    assert "very quickly" in response.content.decode()
    assert "three" in response.content.decode()
    assert thread.posts.count() == 2


def test_topic_closed_for_new_threads_is_404_for_the_new_thread_form(login, member, topic):
    topic.is_active = False
    topic.save()
    assert login(member).get(f"/forum/topics/{topic.slug}/new/").status_code == 404


@pytest.mark.parametrize("page", ["0", "2", "-1"])
def test_pages_outside_the_thread_are_404(login, member, topic, page):
    thread = ThreadFactory(author=member, topic=topic)
    assert login(member).get(f"{thread.get_absolute_url()}?page={page}").status_code == 404


def test_screen_text_hook_can_hold_a_post_from_others(login, member, other_member, topic, monkeypatch):
    monkeypatch.setattr(services, "screen_text", lambda *, author, text: hooks.Screening(hold=True))
    thread = ThreadFactory(author=member, topic=topic)
    held = reply(thread, other_member, body="Held words")
    assert held.status == Post.Status.HELD
    assert "Held words" not in login(member).get(thread.get_absolute_url()).content.decode()
    assert "Held words" in login(other_member).get(thread.get_absolute_url()).content.decode()
