"""A thread page's articles and a thread list's rows are rendered once per distinct content and
kept (forum.rendering): the next reader who would see the same gets the same HTML, and whatever
one reader may see never reaches another, nor outlives the change that ends it."""

import pytest
from django.conf import settings
from django.test import Client
from django.test.signals import template_rendered

from forum import services
from forum.models import Post, Reaction
from tests.factories import MemberFactory
from tests.forum.factories import ThreadFactory, reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders():
    """How many times each template was rendered."""
    counted: dict[str, int] = {}

    def count(sender, template, context, **kwargs):
        counted[template.name] = counted.get(template.name, 0) + 1

    template_rendered.connect(count)
    yield counted
    template_rendered.disconnect(count)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def writer(db):
    return MemberFactory(pseudonym="Birch")


@pytest.fixture
def thread(topic, writer):
    thread = ThreadFactory(author=writer, topic=topic, body="Evenings are long.")
    reply(thread, MemberFactory(), body="Walking helps me.")
    return thread


def test_a_second_reader_who_sees_the_same_gets_the_kept_articles(thread, member, other_member, renders):
    _client(member).get(thread.get_absolute_url())
    _client(member).get(thread.get_absolute_url())  # read now: nothing is new any more
    assert renders["forum/_post.html"] == 4
    page = _client(other_member).get(thread.get_absolute_url()).content.decode()
    page = _client(other_member).get(thread.get_absolute_url()).content.decode()
    assert renders["forum/_post.html"] == 4
    assert "Evenings are long." in page and "Walking helps me." in page


def test_a_revealed_name_is_shown_only_to_the_member_it_was_revealed_to(thread, writer, member, other_member):
    services.reveal_identity(owner=writer, viewer=member, first_name="Marte")
    assert "(Marte)" in _client(member).get(thread.get_absolute_url()).content.decode()
    assert "Marte" not in _client(other_member).get(thread.get_absolute_url()).content.decode()
    services.set_boundary(owner=writer, target=member, kind="block")
    assert "Marte" not in _client(member).get(thread.get_absolute_url()).content.decode()


def test_a_mute_folds_the_posts_for_the_one_who_muted_only(thread, writer, member, other_member):
    services.set_boundary(owner=member, target=writer, kind="mute")
    assert "You muted this member." in _client(member).get(thread.get_absolute_url()).content.decode()
    assert "You muted this member." not in _client(other_member).get(thread.get_absolute_url()).content.decode()


def test_what_changes_shows_at_once(thread, writer, member):
    client = _client(member)
    opening = thread.posts.get(position=1)
    client.get(thread.get_absolute_url())

    Reaction.objects.create(post=opening, user=MemberFactory(), kind=Reaction.Kind.THANK_YOU)
    assert "Thank you · 1" in client.get(thread.get_absolute_url()).content.decode()

    services.edit_post(post=opening, editor=writer, body="Evenings are shorter now.", content_note="")
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Evenings are shorter now." in page and "Evenings are long." not in page

    writer.save(update_fields=writer.set_pseudonym("Rowan"))
    page = client.get(thread.get_absolute_url()).content.decode()
    assert ">Rowan</a>" in page and "Birch" not in page

    Post.objects.filter(pk=opening.pk).update(status=Post.Status.HIDDEN)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "This post was hidden by a peer moderator." in page and "Evenings are shorter now." not in page


def test_a_held_post_is_kept_from_everyone_but_its_author(thread, writer, member):
    held = reply(thread, writer, body="Waiting for a moderator.")
    Post.objects.filter(pk=held.pk).update(status=Post.Status.HELD)
    assert "Waiting for a moderator." in _client(writer).get(thread.get_absolute_url()).content.decode()
    assert "Waiting for a moderator." not in _client(member).get(thread.get_absolute_url()).content.decode()


def test_the_author_gets_their_own_actions_and_the_others_a_report_link(thread, writer, member):
    url = thread.get_absolute_url()
    own = _client(writer).get(url).content.decode()
    others = _client(member).get(url).content.decode()
    opening = thread.posts.get(position=1)
    assert f"/forum/posts/{opening.pk}/edit/" in own and f"/moderation/report/{opening.pk}/" not in own
    assert f"/forum/posts/{opening.pk}/edit/" not in others and f"/moderation/report/{opening.pk}/" in others


def test_each_language_gets_its_own_articles_and_rows(thread, member):
    english, norwegian = _client(member), _client(member)
    norwegian.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    for path in (thread.get_absolute_url(), "/forum/"):
        assert english.get(path).content.decode() != norwegian.get(path).content.decode()
    assert "Sender styrke" in norwegian.get(thread.get_absolute_url()).content.decode()
    assert "Sending strength" in english.get(thread.get_absolute_url()).content.decode()


def test_a_thread_list_row_shows_each_reader_their_own_unread_marker(thread, member, other_member, renders):
    _client(member).get(thread.get_absolute_url())
    assert "is-unread" not in _client(member).get("/forum/").content.decode()
    assert "forum-thread-row is-unread" in _client(other_member).get("/forum/").content.decode()
    rows = renders["forum/_thread_row.html"]
    _client(other_member).get("/forum/")
    assert renders["forum/_thread_row.html"] == rows
