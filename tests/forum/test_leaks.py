"""Pseudonymity: no email, real name, community or user id of another member in any forum page,
unless that member revealed it to the viewer."""

import pytest

from forum import services
from forum.models import Boundary, CircleMembership
from tests.factories import MemberFactory
from tests.forum.factories import CircleFactory, ThreadFactory, reply

STRANGER_ID = 987654321


@pytest.fixture
def stranger(elvdal):
    return MemberFactory(
        id=STRANGER_ID,
        email="tobias.strandberg@example.net",
        pseudonym="Quiet Harbour",
        real_name="Tobias Strandberg",
        community=elvdal,
    )


@pytest.fixture
def busy_forum(member, stranger, moderator, topic):
    """Everything the stranger can do that the viewer (member) can see."""
    theirs = ThreadFactory(author=stranger, topic=topic, title="Evenings alone", body="Long evenings are hard.")
    mine = ThreadFactory(author=member, topic=topic, title="My mornings", body="Mornings are better.")
    reply(theirs, member, body="I know that feeling.")
    reply(mine, stranger, body="Glad to hear it.", content_note="loss")
    reply(mine, moderator, body="Thank you both.")
    services.add_reaction(user=stranger, post=mine.posts.get(position=1), kind="strength")
    services.add_reaction(user=moderator, post=mine.posts.get(position=1), kind="thanks")
    circle = CircleFactory(created_by=stranger, name="Harbour friends")
    CircleMembership.objects.create(circle=circle, user=member, status="active")
    circle_thread = ThreadFactory(author=stranger, circle=circle, topic=None, title="Circle talk", body="Hello circle")
    reply(circle_thread, member, body="Hello!")
    other_circle = CircleFactory(created_by=stranger, name="Invite pending")
    services.invite_to_circle(circle=other_circle, inviter=stranger, pseudonym=member.pseudonym)
    services.set_boundary(owner=member, target=moderator, kind=Boundary.Kind.MUTE)
    services.reveal_identity(owner=member, viewer=stranger, first_name="Ingrid", cafe_community=member.community)
    return {"theirs": theirs, "mine": mine, "circle": circle, "circle_thread": circle_thread}


def _pages(forum, member, stranger, topic):
    my_post = forum["mine"].posts.get(position=1)
    their_post = forum["theirs"].posts.get(position=1)
    return [
        "/forum/",
        topic.get_absolute_url(),
        f"/forum/topics/{topic.slug}/new/",
        forum["theirs"].get_absolute_url(),
        forum["mine"].get_absolute_url(),
        forum["circle_thread"].get_absolute_url(),
        f"/forum/threads/{forum['theirs'].pk}/reply/?quote={their_post.pk}",
        f"/forum/posts/{my_post.pk}/edit/",
        f"/forum/posts/{my_post.pk}/delete/",
        "/forum/search/?q=evenings",
        "/forum/search/?q=hello",
        f"/forum/people/{stranger.pseudonym}/",
        "/forum/people/Lillian/",
        f"/forum/people/{member.pseudonym}/",
        "/forum/settings/",
        "/forum/circles/",
        forum["circle"].get_absolute_url(),
        f"/forum/circles/{forum['circle'].pk}/new/",
        "/notifications/",
    ]


def _scan(client, urls, forbidden):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        for secret in forbidden:
            assert secret not in page, f"{secret!r} leaked on {url}"


def test_no_email_real_name_community_or_id_of_others_on_any_forum_page(
    login, member, stranger, moderator, other_member, topic, busy_forum
):
    forbidden = [
        stranger.email,
        stranger.real_name,
        "Tobias",
        "Elvdal",  # the stranger's and other member's community (the viewer's is Nordvik)
        str(STRANGER_ID),
        moderator.email,
        moderator.real_name,
        other_member.email,
        other_member.real_name,
    ]
    _scan(login(member), _pages(busy_forum, member, stranger, topic), forbidden)


def test_revealed_details_appear_for_the_viewer_and_nothing_more(login, member, stranger, topic, busy_forum):
    services.reveal_identity(owner=stranger, viewer=member, first_name="Tobias", cafe_community=stranger.community)
    client = login(member)
    page = client.get(busy_forum["theirs"].get_absolute_url()).content.decode()
    assert "(Tobias · comes to the café in Elvdal)" in page
    _scan(client, _pages(busy_forum, member, stranger, topic), [stranger.email, stranger.real_name, str(STRANGER_ID)])


def test_the_member_who_revealed_sees_only_their_own_choices(login, member, stranger, topic, busy_forum):
    # Ingrid revealed herself to the stranger; the stranger's pages show that, and nobody else's.
    client = login(stranger)
    page = client.get(busy_forum["mine"].get_absolute_url()).content.decode()
    assert "(Ingrid · comes to the café in Nordvik)" in page
    assert member.email not in page and member.real_name not in page
