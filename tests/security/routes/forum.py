"""Routes of the forum. Peers (members and peer moderators) use it; providers and admins get 403
everywhere; a circle and its threads do not exist (404) for anyone outside the circle."""

from forum.models import Boundary, CircleMembership
from tests.forum.factories import CircleFactory, PostFactory, ThreadFactory, TopicFactory
from tests.security.matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, Redirect, Route, only, roles

PEERS = ("member", "other_member", "moderator")


def peers(expectation):
    return only(expectation, *PEERS)


def member_only(expectation, *, others=NOT_FOUND):
    """`expectation` for the member, `others` for the other peers, 403 for providers and admins."""
    return roles(
        anonymous=LOGIN,
        member=expectation,
        other_member=others,
        moderator=others,
        provider=FORBIDDEN,
        admin=FORBIDDEN,
    )


def _topic(world):
    return TopicFactory(slug="everyday-life", name="Everyday life")


def _public_thread(world):
    thread = ThreadFactory(author=world.member, topic=_topic(world))
    # A new member's first posts wait for a moderator (moderation); here the post is approved already.
    thread.posts.filter(status="held").update(status="published")
    return thread


def _circle(world):
    if "circle" not in world.objects:
        world.objects["circle"] = CircleFactory(created_by=world.member, name="Tuesday friends")
    return world.objects["circle"]


def _circle_thread(world):
    return ThreadFactory(author=world.member, circle=_circle(world), topic=None)


def _one_circle_thread(world):
    """The same circle thread for the address and the posted data."""
    if "circle_thread" not in world.objects:
        world.objects["circle_thread"] = _circle_thread(world)
    return world.objects["circle_thread"]


def _member_post(world):
    return _public_thread(world).posts.get(position=1)


def _members_mute(world):
    """The member's own mute of the other member: only its owner can undo it."""
    boundary = Boundary.objects.create(owner=world.member, target=world.other_member, kind="mute")
    return f"/forum/settings/boundaries/{boundary.pk}/remove/"


def _invitation_for_other_member(world):
    circle = _circle(world)
    CircleMembership.objects.create(circle=circle, user=world.other_member, invited_by=world.member)
    return f"/forum/circles/{circle.pk}/respond/"


ROUTES = {
    "forum:index": Route("/forum/", peers(OK)),
    "forum:search": Route("/forum/search/?q=evenings", peers(OK)),
    "forum:settings": Route("/forum/settings/", peers(OK)),
    "forum:topic": Route(lambda w: _topic(w).get_absolute_url(), peers(OK)),
    "forum:new_thread": Route(lambda w: f"/forum/topics/{_topic(w).slug}/new/", peers(OK)),
    # A circle thread: only the circle's member sees it; for everyone else it does not exist.
    "forum:thread": Route(lambda w: _circle_thread(w).get_absolute_url(), member_only(OK)),
    "forum:reply": Route(lambda w: f"/forum/threads/{_circle_thread(w).pk}/reply/", member_only(OK)),
    "forum:watch": Route(
        lambda w: f"/forum/threads/{_circle_thread(w).pk}/watch/",
        member_only(Redirect("/forum/threads/")),
        method="post",
        data={"watch": "off"},
    ),
    "forum:post": Route(lambda w: _member_post(w).get_absolute_url(), peers(Redirect("/forum/threads/"))),
    # Another person's post is visible, but only its author may edit or remove it.
    "forum:edit_post": Route(lambda w: f"/forum/posts/{_member_post(w).pk}/edit/", member_only(OK, others=FORBIDDEN)),
    "forum:delete_post": Route(
        lambda w: f"/forum/posts/{_member_post(w).pk}/delete/", member_only(OK, others=FORBIDDEN)
    ),
    "forum:react": Route(
        lambda w: f"/forum/posts/{_member_post(w).pk}/react/",
        peers(Redirect("/forum/posts/")),
        method="post",
        data={"kind": "thanks", "action": "add"},
    ),
    "forum:react_in_thread": Route(
        lambda w: f"/forum/threads/{_one_circle_thread(w).pk}/react/",
        member_only(Redirect("/forum/posts/")),
        method="post",
        data=lambda w: {"add": f"{_one_circle_thread(w).posts.get(position=1).pk}:thanks"},
    ),
    "forum:profile": Route("/forum/people/Lighthouse/", peers(OK)),
    "forum:boundary": Route(
        "/forum/people/Northern%20Star/boundary/",
        peers(Redirect("/forum/people/")),
        method="post",
        data={"kind": "mute"},
    ),
    "forum:boundary_remove": Route(
        _members_mute, member_only(Redirect("/forum/settings/"), others=NOT_FOUND), method="post"
    ),
    "forum:reveal": Route(
        "/forum/people/Lillian/reveal/", peers(Redirect("/forum/people/")), method="post", data={"first_name": "Kim"}
    ),
    "forum:revoke_reveal": Route(
        "/forum/people/Lillian/reveal/revoke/", peers(Redirect("/forum/people/")), method="post"
    ),
    "forum:circles": Route("/forum/circles/", peers(OK)),
    "forum:circle_create": Route(
        "/forum/circles/new/", peers(Redirect("/forum/circles/")), method="post", data={"name": "Walkers"}
    ),
    "forum:circle": Route(lambda w: _circle(w).get_absolute_url(), member_only(OK)),
    "forum:circle_invite": Route(
        lambda w: f"/forum/circles/{_circle(w).pk}/invite/",
        member_only(Redirect("/forum/circles/")),
        method="post",
        data={"pseudonym": "Northern Star"},
    ),
    # Only the invited person has an invitation to answer.
    "forum:circle_respond": Route(
        _invitation_for_other_member,
        roles(
            anonymous=LOGIN,
            member=NOT_FOUND,
            other_member=Redirect("/forum/circles/"),
            moderator=NOT_FOUND,
            provider=FORBIDDEN,
            admin=FORBIDDEN,
        ),
        method="post",
        data={"answer": "accept"},
    ),
    "forum:circle_leave": Route(
        lambda w: f"/forum/circles/{_circle(w).pk}/leave/", member_only(Redirect("/forum/circles/")), method="post"
    ),
    "forum:circle_new_thread": Route(lambda w: f"/forum/circles/{_circle(w).pk}/new/", member_only(OK)),
}

ADMIN_SAMPLES = {
    "forum.topic": lambda world: _topic(world),
    "forum.thread": lambda world: _public_thread(world),
    "forum.post": lambda world: PostFactory(thread=_public_thread(world), author=world.member, position=2),
}
