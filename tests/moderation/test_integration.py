"""Moderation wired into the forum and messaging: holding, refusing, crisis resources at once, the
report link, and the providers' crisis note."""

from datetime import timedelta

import pytest
from django.utils import timezone

from forum import services as forum
from forum.models import Post
from moderation import services
from moderation.models import MessageCrisisFlag, QueueItem, SlowMode
from reconnect.core.models import Notification
from tests.factories import MemberFactory
from tests.forum.factories import ThreadFactory, reply
from tests.moderation.factories import post_by

pytestmark = pytest.mark.django_db


def test_a_new_members_first_posts_wait_for_approval_then_appear(
    login, member, other_member, moderator, topic, settings
):
    settings.MODERATION_HOLD_FIRST_POSTS = 2
    thread = ThreadFactory(author=member, topic=topic)
    opening = thread.posts.get(position=1)
    assert opening.status == Post.Status.HELD
    item = QueueItem.objects.get(post=opening, kind=QueueItem.Kind.HELD)
    html = login(member).get(thread.get_absolute_url()).content.decode()
    assert "waiting for a peer moderator" in html
    assert login(other_member).get(opening.get_absolute_url()).status_code == 404
    services.approve(moderator=moderator, item=item)
    assert login(other_member).get(opening.get_absolute_url()).status_code == 302
    second = reply(thread, member, body="Second")
    third = reply(thread, member, body="Third")
    assert (second.status, third.status) == (Post.Status.HELD, Post.Status.PUBLISHED)


def test_posting_crisis_language_shows_the_writer_the_crisis_contacts_at_once(login, member, topic, moderator):
    client = login(member)
    response = client.post(
        f"/forum/topics/{topic.slug}/new/",
        {"title": "Tonight", "body": "Some nights I want to end my life.", "client_token": "t1"},
    )
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/moderation/support/?next=")
    post = Post.objects.get()
    assert post.status == Post.Status.PUBLISHED  # MODERATION_CRISIS_HOLDS is off by default
    assert QueueItem.objects.get(post=post).kind == QueueItem.Kind.CRISIS
    assert Notification.objects.filter(user=moderator, kind="moderation.crisis").exists()
    html = client.get(response.headers["Location"]).content.decode()
    assert "If you are in danger now, call 113." in html


def test_a_crisis_reply_and_a_crisis_edit_also_show_the_resources(login, member, member_post):
    client = login(member)
    response = client.post(
        f"/forum/threads/{member_post.thread_id}/reply/", {"body": "Jeg vil dø.", "client_token": "r1"}
    )
    assert response.headers["Location"].startswith("/moderation/support/")
    response = client.post(f"/forum/posts/{member_post.pk}/edit/", {"body": "I am suicidal tonight"})
    assert response.headers["Location"].startswith("/moderation/support/")
    assert QueueItem.objects.filter(kind="crisis").count() == 2


def test_crisis_posts_can_be_held_by_setting(member, topic, settings):
    settings.MODERATION_CRISIS_HOLDS = True
    thread = ThreadFactory(author=member, topic=topic, body="I want to die")
    post = thread.posts.get()
    assert post.status == Post.Status.HELD
    assert set(QueueItem.objects.filter(post=post).values_list("kind", flat=True)) == {"crisis", "held"}


def test_a_suspended_member_is_told_why_they_cannot_post(login, member, member_post, moderator):
    services.sanction_member(
        moderator=moderator,
        member=member,
        kind="suspension",
        reason="Time to cool down",
        ends_at=timezone.now() + timedelta(days=3),
    )
    response = login(member).post(
        f"/forum/threads/{member_post.thread_id}/reply/", {"body": "Hello again", "client_token": "s1"}
    )
    assert response.status_code == 400
    assert "paused your posting" in response.content.decode()
    assert "Hello again" in response.content.decode()
    assert Post.objects.count() == 1


def test_slow_mode_refuses_a_second_post_too_soon(login, other_member, member_post, moderator):
    services.set_slow_mode(moderator=moderator, thread=member_post.thread, minutes=10)
    client = login(other_member)
    client.post(f"/forum/threads/{member_post.thread_id}/reply/", {"body": "First", "client_token": "a"})
    response = client.post(f"/forum/threads/{member_post.thread_id}/reply/", {"body": "Second", "client_token": "b"})
    assert response.status_code == 400
    assert "slow mode" in response.content.decode()
    assert Post.objects.filter(author=other_member).count() == 1
    assert SlowMode.objects.get().minutes == 10


def test_each_post_by_someone_else_has_a_report_link(login, other_member, member, member_post):
    html = login(other_member).get(member_post.thread.get_absolute_url()).content.decode()
    assert f"/moderation/report/{member_post.pk}/" in html
    html = login(member).get(member_post.thread.get_absolute_url()).content.decode()
    assert f"/moderation/report/{member_post.pk}/" not in html


def test_the_author_of_a_hidden_post_can_read_why(login, member, member_post, moderator):
    item = QueueItem.objects.create(kind="flag", priority=1, post=member_post, author=member)
    services.hide(moderator=moderator, item=item, reason="It names your neighbour.")
    html = login(member).get(member_post.thread.get_absolute_url()).content.decode()
    assert "/moderation/notes/" in html


def test_a_moderators_reply_carries_the_badge(login, member, member_post, moderator):
    item = QueueItem.objects.create(kind="flag", priority=1, post=member_post, author=member)
    services.reply_as_moderator(moderator=moderator, item=item, body="We are here.")
    html = login(member).get(member_post.thread.get_absolute_url()).content.decode()
    assert "Peer moderator" in html


def test_moderators_are_never_held_or_slowed(moderator, member_post, settings):
    settings.MODERATION_HOLD_FIRST_POSTS = 5
    SlowMode.objects.create(thread=member_post.thread, minutes=60, set_by=moderator)
    first = forum.post_reply(author=moderator, thread=member_post.thread, body="One")
    second = forum.post_reply(author=moderator, thread=member_post.thread, body="Two")
    assert (first.status, second.status) == (Post.Status.PUBLISHED, Post.Status.PUBLISHED)


def test_crisis_language_in_a_message_shows_the_provider_a_note(login, member, provider):
    from messaging import services as messaging

    conversation = messaging.start_conversation(
        member=member, providers=[provider], subject="This week", body="I keep thinking about suicide."
    )
    messaging.send_message(author=member, conversation=conversation, body="And the appointment on Friday?")
    assert MessageCrisisFlag.objects.count() == 1
    html = login(provider).get(conversation.get_provider_url()).content.decode()
    assert html.count("Crisis note:") == 1
    # The member's own page stays as it was.
    assert "Crisis note:" not in login(member).get(conversation.get_absolute_url()).content.decode()


def test_writing_many_posts_keeps_the_queue_in_order(moderator, topic, settings):
    settings.MODERATION_HOLD_FIRST_POSTS = 1
    post_by(MemberFactory(), topic=topic, body="Hello")
    post_by(MemberFactory(), topic=topic, body="I want to kill myself")
    kinds = [item.kind for item in QueueItem.objects.open().in_queue_order()]
    assert kinds[0] == "crisis"
    assert kinds.count("held") == 2


def test_crisis_words_in_a_thread_title_alone_are_found(member, topic):
    from forum import services as forum

    thread = forum.start_thread(author=member, title="i want to end my life", body="Long day at work.", topic=topic)
    item = QueueItem.objects.get(post__thread=thread, kind=QueueItem.Kind.CRISIS)
    assert item.evidence[0]["words"] == "end my life"


def test_an_edit_that_adds_crisis_words_is_flagged(member, member_post):
    from forum import services as forum

    forum.edit_post(post=member_post, editor=member, body="Actually I have already taken all my pills")
    item = QueueItem.objects.get(post=member_post, kind=QueueItem.Kind.CRISIS)
    assert (item.severity, item.priority) == ("imminent", QueueItem.IMMINENT_PRIORITY)


def test_the_forum_reaches_moderation_only_through_the_core_hooks():
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for name in ("services.py", "views.py", "selectors.py", "forms.py", "models.py"):
        tree = ast.parse((root / "forum" / name).read_text())
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module} | {
            alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
        }
        assert not any(module.split(".")[0] == "moderation" for module in imported), name
    screening = (root / "moderation/screening").glob("*.py")
    for path in screening:
        tree = ast.parse(path.read_text())
        modules = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        assert not any(m.split(".")[0] in {"forum", "messaging", "cafes", "toolbox"} for m in modules), path
        assert not any(m.startswith("moderation.") and not m.startswith("moderation.screening") for m in modules)
