"""Fetch-and-authorise helpers for the forum: an object the user may not see is a 404."""

from django.http import Http404

from forum.models import Boundary, Circle, CircleMembership, Post, Thread, active_circle_ids
from reconnect.accounts.models import PEER_ROLES, User
from reconnect.core.permissions import get_visible_or_404


def get_thread_for(user, pk) -> Thread:
    return get_visible_or_404(Thread.objects.visible_to(user).select_related("topic", "circle"), pk=pk)


def get_post_for(user, pk) -> Post:
    """A post in a visible thread. Held posts exist only for their author until a moderator acts."""
    post = get_visible_or_404(Post.objects.visible_to(user).select_related("thread", "author"), pk=pk)
    if post.status == Post.Status.HELD and post.author_id != user.pk:
        raise Http404
    return post


def get_circle_for(user, pk) -> Circle:
    """A circle the user belongs to."""
    return get_visible_or_404(Circle.objects.filter(pk__in=active_circle_ids(user)), pk=pk)


def get_invitation_for(user, circle_pk) -> CircleMembership:
    return get_visible_or_404(
        CircleMembership.objects.select_related("circle").filter(user=user, status=CircleMembership.Status.INVITED),
        circle_id=circle_pk,
    )


def get_peer_or_404(pseudonym: str) -> User:
    """A member or peer moderator by pseudonym. Providers and admins have no forum presence."""
    return get_visible_or_404(
        User.objects.filter(role__in=PEER_ROLES, is_active=True, pseudonym__isnull=False),
        pseudonym__iexact=pseudonym,
    )


def get_boundary_for(user, pk) -> Boundary:
    """One of the user's own mutes or blocks."""
    return get_visible_or_404(Boundary.objects.filter(owner=user).select_related("target"), pk=pk)
