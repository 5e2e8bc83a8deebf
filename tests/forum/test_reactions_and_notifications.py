from django.core import mail

from forum import services
from forum.models import Boundary, Reaction
from reconnect.core.models import Notification
from tests.forum.factories import ThreadFactory, reply


def test_support_reactions_show_counts_and_pseudonyms(login, member, other_member, moderator, topic):
    thread = ThreadFactory(author=member, topic=topic)
    post = thread.posts.get()
    for person in (other_member, moderator):
        response = login(person).post(f"/forum/posts/{post.pk}/react/", {"kind": "strength", "action": "add"})
        assert response.status_code == 302
    page = login(member).get(thread.get_absolute_url()).content.decode()
    assert "Sending strength · 2" in page
    assert "Northern Star, Lillian" in page


def test_reacting_twice_makes_one_reaction_and_can_be_taken_back(login, member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic)
    post = thread.posts.get()
    client = login(other_member)
    for _ in range(2):
        client.post(f"/forum/posts/{post.pk}/react/", {"kind": "thanks", "action": "add"})
    assert Reaction.objects.filter(post=post, user=other_member, kind="thanks").count() == 1
    client.post(f"/forum/posts/{post.pk}/react/", {"kind": "metoo", "action": "add"})
    assert Reaction.objects.filter(post=post).count() == 2
    client.post(f"/forum/posts/{post.pk}/react/", {"kind": "thanks", "action": "remove"})
    assert list(Reaction.objects.values_list("kind", flat=True)) == ["metoo"]


def test_an_unknown_reaction_is_refused(login, member, topic):
    post = ThreadFactory(author=member, topic=topic).posts.get()
    response = login(member).post(f"/forum/posts/{post.pk}/react/", {"kind": "like"}, follow=True)
    assert "Unknown reaction." in response.content.decode()
    assert not Reaction.objects.exists()


def test_reacting_is_rate_limited(login, member, other_member, topic, settings):
    settings.FORUM_RATE_LIMITS = {"post": (10, 300), "react": (1, 300), "action": (10, 300)}
    post = ThreadFactory(author=member, topic=topic).posts.get()
    client = login(other_member)
    client.post(f"/forum/posts/{post.pk}/react/", {"kind": "thanks"})
    response = client.post(f"/forum/posts/{post.pk}/react/", {"kind": "metoo"}, follow=True)
    assert "very quickly" in response.content.decode()
    assert Reaction.objects.count() == 1


def test_the_thread_starter_is_notified_of_a_reply_and_the_email_has_no_post_text(
    login, member, other_member, topic, mailoutbox, django_capture_on_commit_callbacks
):
    thread = ThreadFactory(author=member, topic=topic, title="Sleepless nights")
    with django_capture_on_commit_callbacks(execute=True):
        reply(thread, other_member, body="Warm milk and a walk help me a lot.")
    note = Notification.objects.get(user=member)
    assert note.kind == "forum.reply"
    assert note.text == "Northern Star replied in a thread you follow."
    assert not Notification.objects.filter(user=other_member).exists()
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    for secret in ("Warm milk", "Sleepless", "Northern Star"):
        assert secret not in email.subject and secret not in email.body


def test_replying_starts_watching_and_switching_off_stops_notifications(login, member, other_member, moderator, topic):
    thread = ThreadFactory(author=member, topic=topic)
    reply(thread, other_member)
    response = login(member).post(f"/forum/threads/{thread.pk}/watch/", {"watch": "off"})
    assert response.status_code == 302
    reply(thread, moderator)
    assert Notification.objects.filter(user=member).count() == 1  # only the first reply
    assert Notification.objects.filter(user=other_member).count() == 1  # the replier now watches


def test_a_muted_member_never_notifies(member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic)
    services.set_boundary(owner=member, target=other_member, kind=Boundary.Kind.MUTE)
    reply(thread, other_member)
    assert not Notification.objects.filter(user=member).exists()


def test_a_post_with_a_content_note_is_folded_and_readable_without_javascript(login, member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic)
    reply(thread, other_member, body="About my loss.", content_note="loss")
    page = login(member).get(thread.get_absolute_url()).content.decode()
    assert '<details class="forum-fold">' in page
    assert "Content note: loss" in page
    assert "About my loss." in page  # inside <details>, opened by the reader


def test_a_reader_can_always_fold_a_topic(login, member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic)
    client = login(other_member)
    response = client.post("/forum/settings/", {"topics": [topic.pk]})
    assert response.status_code == 302
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "You chose to fold posts in this topic." in page
    assert "You chose to fold" not in login(member).get(thread.get_absolute_url()).content.decode()


def test_posts_of_a_muted_member_fold_with_show_anyway(login, member, other_member, topic):
    thread = ThreadFactory(author=other_member, topic=topic, body="Loud words")
    client = login(member)
    response = client.post("/forum/people/Northern%20Star/boundary/", {"kind": "mute"})
    assert response.status_code == 302
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "You muted this member." in page and "Show anyway" in page
