"""Operations that change the forum. One keyword-only function per use case, each in one transaction.

Views call these after checking access (forum/permissions.py); the functions still refuse what the
rules forbid (a locked thread, a reply across a block, a second reaction) with `ForumError`, whose
message is shown to the member as it is.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import notifications as kinds
from forum.models import (
    MAX_POST_LENGTH,
    Boundary,
    Circle,
    CircleMembership,
    FoldedTopic,
    Post,
    PostView,
    Reaction,
    ReadPosition,
    Reveal,
    Thread,
    ThreadWatch,
    Topic,
)
from forum.text import post_text
from reconnect.accounts.models import PEER_ROLES, User
from reconnect.core import hooks
from reconnect.core.services import notify


class ForumError(Exception):
    """A refusal with a message for the member."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RateLimited(ForumError):
    pass


# --- Screening, through the hook the moderation app registers ------------------------------------


def screen_text(*, author, text: str, editing: bool = False) -> hooks.Screening:
    """Every new or edited text others will read: held, flagged or crisis (reconnect.core.hooks)."""
    return hooks.screen_text(author=author, text=text, where=hooks.FORUM, editing=editing)


def check_may_post(*, author, thread: Thread | None = None) -> None:
    """Refuse posting while suspended by a moderator, or too soon in a thread in slow mode."""
    try:
        hooks.check_may_write(author=author, place=thread)
    except hooks.WriteRefused as exc:
        raise ForumError(exc.message) from exc


def _queue_screened(post: Post, screening: hooks.Screening) -> None:
    """Hand a screened post to the moderation queue (held, flagged or crisis), once it exists."""
    hooks.text_stored(screening=screening, obj=post, where=hooks.FORUM)


# --- Rate limits ---------------------------------------------------------------------------------


def check_rate(*, user, action: str) -> None:
    """Count one `action` by `user`; refuse when over the limit. Counters live in the shared cache."""
    limit, window = settings.FORUM_RATE_LIMITS[action]
    bucket = int(timezone.now().timestamp()) // window
    key = f"forum:rate:{action}:{user.pk}:{bucket}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    if count > limit:
        raise RateLimited(_("You are doing that very quickly. Please wait a few minutes and try again."))


# --- Threads and posts ---------------------------------------------------------------------------


def _check_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ForumError(_("Please write something first."))
    if len(body) > MAX_POST_LENGTH:
        raise ForumError(_("This is too long: at most %(max)s characters.") % {"max": f"{MAX_POST_LENGTH:,}"})
    return body


def _existing_post(author, client_token: str) -> Post | None:
    if not client_token:
        return None
    return Post.objects.filter(author=author, client_token=client_token).select_related("thread").first()


def _watch(*, user, thread: Thread) -> None:
    # A member who switched watching off stays off; otherwise writing in a thread starts watching it.
    ThreadWatch.objects.get_or_create(thread=thread, user=user)


def _add_post(
    *,
    author,
    thread: Thread,
    body: str,
    content_note: str,
    quote_of: Post | None,
    client_token: str,
    screen: bool = True,
    title: str = "",
) -> Post:
    # A thread's title is read with its first post: crisis words in a title count like any other.
    text = f"{title}\n\n{body}" if title else body
    screening = screen_text(author=author, text=text) if screen else hooks.Screening()
    now = timezone.now()
    position = thread.post_count + 1
    post = Post.objects.create(
        thread=thread,
        author=author,
        position=position,
        **post_text(body),
        content_note=content_note.strip()[:60],
        quote_of=quote_of,
        status=Post.Status.HELD if screening.hold else Post.Status.PUBLISHED,
        client_token=client_token,
        created_at=now,
    )
    Thread.objects.filter(pk=thread.pk).update(post_count=position, last_activity_at=now)
    thread.post_count, thread.last_activity_at = position, now
    # The writer has read their own post, and has read the thread up to it if they had read all before.
    read, _created = ReadPosition.objects.get_or_create(thread=thread, user=author)
    if read.last_read_position >= position - 1:
        ReadPosition.objects.filter(pk=read.pk).update(last_read_position=position, updated_at=now)
    _queue_screened(post, screening)
    return post


@transaction.atomic
def start_thread(
    *,
    author,
    title: str,
    body: str,
    topic: Topic | None = None,
    circle: Circle | None = None,
    content_note: str = "",
    client_token: str = "",
) -> Thread:
    if (topic is None) == (circle is None):
        raise ValueError("A thread belongs to exactly one topic or circle.")
    existing = _existing_post(author, client_token)
    if existing is not None:
        return existing.thread
    title = (title or "").strip()
    if not title:
        raise ForumError(_("Please give the thread a title."))
    body = _check_body(body)
    if topic is not None and not topic.is_active:
        raise ForumError(_("This topic is closed for new threads."))
    if circle is not None and not CircleMembership.objects.active().filter(circle=circle, user=author).exists():
        raise ForumError(_("You are no longer in this circle."))
    check_may_post(author=author)
    check_rate(user=author, action="post")
    try:
        with transaction.atomic():
            thread = Thread.objects.create(topic=topic, circle=circle, title=title[:150], author=author)
            _add_post(
                author=author,
                thread=thread,
                body=body,
                content_note=content_note,
                quote_of=None,
                client_token=client_token,
                title=title[:150],
            )
    except IntegrityError:
        # The same form arrived twice at once: the other request made the thread.
        existing = _existing_post(author, client_token)
        if existing is None:
            raise
        return existing.thread
    _watch(user=author, thread=thread)
    return thread


def _thread_members_who_may_read(thread: Thread):
    if thread.circle_id is None:
        return User.objects.filter(role__in=PEER_ROLES, is_active=True)
    return User.objects.filter(
        is_active=True,
        forum_circle_memberships__circle_id=thread.circle_id,
        forum_circle_memberships__status=CircleMembership.Status.ACTIVE,
    )


@transaction.atomic
def post_reply(
    *,
    author,
    thread: Thread,
    body: str,
    content_note: str = "",
    quote_of: Post | None = None,
    client_token: str = "",
) -> Post:
    existing = _existing_post(author, client_token)
    if existing is not None:
        return existing
    body = _check_body(body)
    # Lock the thread row: positions stay contiguous and a double submit waits for the first.
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    existing = _existing_post(author, client_token)
    if existing is not None:
        return existing
    if thread.is_locked:
        raise ForumError(_("This thread is locked: it takes no new replies."))
    if thread.circle_id is not None:
        if not CircleMembership.objects.active().filter(circle_id=thread.circle_id, user=author).exists():
            raise ForumError(_("You are no longer in this circle."))
        if Boundary.objects.filter(owner_id=thread.author_id, target=author, kind=Boundary.Kind.BLOCK).exists():
            raise ForumError(_("You cannot reply in this thread."))
    opening = thread.posts.filter(position=1).only("status").first()
    if (
        opening is not None
        and opening.status in (Post.Status.REMOVED_BY_AUTHOR, Post.Status.HIDDEN)
        and thread.post_count == 1
    ):
        raise ForumError(_("This thread was removed: it takes no new replies."))
    if quote_of is not None and quote_of.thread_id != thread.pk:
        quote_of = None
    check_may_post(author=author, thread=thread)
    check_rate(user=author, action="post")
    post = _add_post(
        author=author, thread=thread, body=body, content_note=content_note, quote_of=quote_of, client_token=client_token
    )
    _watch(user=author, thread=thread)
    if post.status == Post.Status.PUBLISHED:
        notify_watchers(post=post)
    return post


def notify_watchers(*, post: Post) -> None:
    """Tell the watchers of a thread about a new post: never its author, nor anyone who muted them,
    nor anyone who can no longer read the thread (someone who left its circle)."""
    thread = post.thread
    silenced = Boundary.objects.filter(target_id=post.author_id).values("owner_id")
    recipients = (
        _thread_members_who_may_read(thread)
        .filter(forum_watches__thread=thread, forum_watches__is_watching=True)
        .exclude(pk=post.author_id)
        .exclude(pk__in=silenced)
        .distinct()
    )
    notify(
        users=recipients,
        kind=kinds.REPLY,
        url=post.get_absolute_url(),
        params={"pseudonym": post.author.display_name},
    )


@transaction.atomic
def edit_post(*, post: Post, editor, body: str, content_note: str = "") -> Post:
    if not post.can_edit(editor):
        raise ForumError(_("This post can no longer be edited."))
    body = _check_body(body)
    check_may_post(author=editor)
    check_rate(user=editor, action="post")
    screening = screen_text(author=editor, text=body, editing=True)
    fields = [*post.set_text(body), "content_note", "edited_at"]
    post.content_note = content_note.strip()[:60]
    post.edited_at = timezone.now()
    if screening.hold:
        post.status = Post.Status.HELD
        fields.append("status")
    post.save(update_fields=fields)
    _queue_screened(post, screening)
    return post


@transaction.atomic
def remove_own_post(*, post: Post, user) -> Post:
    """The author takes their post back. Its place stays ("removed by its author"); its text goes."""
    if not post.can_delete(user):
        raise ForumError(_("This post cannot be removed."))
    post.status = Post.Status.REMOVED_BY_AUTHOR
    post.content_note = ""
    post.save(update_fields=["status", "content_note", *post.set_text("")])
    post.reactions.all().delete()
    return post


# --- Reactions -----------------------------------------------------------------------------------


def add_reaction(*, user, post: Post, kind: str) -> bool:
    """Add a support reaction; adding the same one twice changes nothing. True when one was added."""
    if kind not in Reaction.Kind.values:
        raise ForumError(_("Unknown reaction."))
    if not post.is_published:
        raise ForumError(_("This post cannot take reactions."))
    if Reaction.objects.filter(user=user, post=post, kind=kind).exists():
        return False
    check_rate(user=user, action="react")
    try:
        with transaction.atomic():
            Reaction.objects.create(user=user, post=post, kind=kind)
    except IntegrityError:
        return False
    return True


def remove_reaction(*, user, post: Post, kind: str) -> bool:
    check_rate(user=user, action="react")
    deleted, _rows = Reaction.objects.filter(user=user, post=post, kind=kind).delete()
    return bool(deleted)


# --- Watching and reading ------------------------------------------------------------------------


def set_watching(*, user, thread: Thread, watching: bool) -> None:
    ThreadWatch.objects.update_or_create(thread=thread, user=user, defaults={"is_watching": watching})


def reading_position(*, user, thread: Thread) -> ReadPosition:
    position, _created = ReadPosition.objects.get_or_create(thread=thread, user=user)
    return position


def record_reading(*, user, thread: Thread, up_to_position: int, position: ReadPosition | None = None) -> int:
    """Remember how far `user` read and count views; return the position they had read before.

    A reader counts once per thread and once per post (reading again is not a new view), and
    nobody's reading of their own thread or posts is counted. Only published posts count: a post
    held for a moderator, hidden or removed was not there for the reader to read.
    """
    if position is None:
        position = reading_position(user=user, thread=thread)
    before = position.last_read_position
    changes: dict[str, bool | int] = {}
    if not position.has_viewed:
        changes["has_viewed"] = True
        if thread.author_id != user.pk:
            Thread.objects.filter(pk=thread.pk).update(view_count=F("view_count") + 1)
    now = timezone.now()
    if up_to_position > before:
        # The same rows get one more view and one dated PostView each (the usage report counts those).
        seen = list(
            Post.objects.filter(
                thread=thread, position__gt=before, position__lte=up_to_position, status=Post.Status.PUBLISHED
            )
            .exclude(author=user)
            .values_list("pk", flat=True)
        )
        if seen:
            # Both or neither; no savepoint of its own, as a failure here fails the whole request anyway.
            with transaction.atomic(savepoint=False):
                Post.objects.filter(pk__in=seen).update(view_count=F("view_count") + 1)
                PostView.objects.bulk_create([PostView(post_id=pk, viewer=user, viewed_at=now) for pk in seen])
        changes["last_read_position"] = up_to_position
    if changes:
        ReadPosition.objects.filter(pk=position.pk).update(updated_at=now, **changes)
    return before


# --- Boundaries, reveals and preferences ---------------------------------------------------------


@transaction.atomic
def set_boundary(*, owner, target, kind: str | None) -> None:
    """Mute, block, or (kind None) neither. Blocking also hides one's reveals from the other."""
    if target.pk == owner.pk:
        raise ForumError(_("You cannot do that to yourself."))
    check_rate(user=owner, action="action")
    if kind is None:
        Boundary.objects.filter(owner=owner, target=target).delete()
        return
    Boundary.objects.update_or_create(owner=owner, target=target, defaults={"kind": kind})


@transaction.atomic
def reveal_identity(*, owner, viewer, first_name: str, cafe_community=None) -> Reveal:
    if viewer.pk == owner.pk:
        raise ForumError(_("You cannot do that to yourself."))
    first_name = (first_name or "").strip()
    if not first_name and cafe_community is None:
        raise ForumError(_("Choose at least one thing to share."))
    if cafe_community is not None and cafe_community.pk not in owner.community_ids():
        raise ForumError(_("Choose one of your own communities."))
    check_rate(user=owner, action="action")
    reveal, created = Reveal.objects.update_or_create(
        owner=owner, viewer=viewer, defaults={"first_name": first_name[:40], "cafe_community": cafe_community}
    )
    blocked = Boundary.objects.filter(owner=owner, target=viewer, kind=Boundary.Kind.BLOCK).exists()
    if created and not blocked:
        notify(
            users=[viewer],
            kind=kinds.REVEAL,
            url=reverse("forum:profile", kwargs={"pseudonym": owner.pseudonym}),
            params={"pseudonym": owner.display_name},
        )
    return reveal


def revoke_reveal(*, owner, viewer) -> None:
    Reveal.objects.filter(owner=owner, viewer=viewer).delete()


@transaction.atomic
def set_folded_topics(*, user, topics) -> None:
    FoldedTopic.objects.filter(user=user).exclude(topic__in=topics).delete()
    for topic in topics:
        FoldedTopic.objects.get_or_create(user=user, topic=topic)


# --- Circles -------------------------------------------------------------------------------------


@transaction.atomic
def create_circle(*, creator, name: str, client_token: str = "") -> Circle:
    name = (name or "").strip()
    if not name:
        raise ForumError(_("Please give the circle a name."))
    # The same form sent twice makes one circle: the token remembers the first (in the shared cache,
    # which is enough for a double click; circles have no column for it).
    once_key = f"forum:once:circle:{creator.pk}:{client_token}" if client_token else None
    if once_key:
        earlier = cache.get(once_key)
        if earlier is not None:
            existing = Circle.objects.filter(pk=earlier).first()
            if existing is not None:
                return existing
    check_rate(user=creator, action="action")
    circle = Circle.objects.create(name=name[:80], created_by=creator)
    CircleMembership.objects.create(
        circle=circle, user=creator, status=CircleMembership.Status.ACTIVE, responded_at=timezone.now()
    )
    if once_key:
        cache.set(once_key, circle.pk, timeout=3600)
    return circle


def find_peer(pseudonym: str):
    """A member or peer moderator by pseudonym (any case), or None."""
    pseudonym = (pseudonym or "").strip()
    if not pseudonym:
        return None
    return User.objects.filter(pseudonym__iexact=pseudonym, role__in=PEER_ROLES, is_active=True).first()


@transaction.atomic
def invite_to_circle(*, circle: Circle, inviter, pseudonym: str) -> CircleMembership:
    invitee = find_peer(pseudonym)
    if invitee is None:
        raise ForumError(_("Nobody in the forum has the pseudonym “%(name)s”.") % {"name": pseudonym.strip()[:30]})
    if invitee.pk == inviter.pk:
        raise ForumError(_("You are already in this circle."))
    check_rate(user=inviter, action="action")
    # Someone who blocked the inviter is not told of (or shown) the invitation; the inviter sees the
    # same answer as for anyone else, so that a block is not revealed.
    blocked = Boundary.objects.filter(owner=invitee, target=inviter, kind=Boundary.Kind.BLOCK).exists()
    membership, created = CircleMembership.objects.get_or_create(
        circle=circle, user=invitee, defaults={"invited_by": inviter}
    )
    if not created:
        if membership.status == CircleMembership.Status.ACTIVE:
            raise ForumError(_("%(name)s is already in this circle.") % {"name": invitee.display_name})
        if membership.status == CircleMembership.Status.INVITED:
            return membership
        membership.status = CircleMembership.Status.INVITED
        membership.invited_by = inviter
        membership.responded_at = None
        membership.save(update_fields=["status", "invited_by", "responded_at"])
    if blocked:
        membership.status = CircleMembership.Status.DECLINED
        membership.save(update_fields=["status"])
        return membership
    notify(
        users=[invitee],
        kind=kinds.CIRCLE_INVITE,
        url=reverse("forum:circles"),
        params={"pseudonym": inviter.display_name},
    )
    return membership


@transaction.atomic
def respond_to_invitation(*, membership: CircleMembership, accept: bool) -> CircleMembership:
    if membership.status != CircleMembership.Status.INVITED:
        return membership  # answered already (a double submit)
    membership.status = CircleMembership.Status.ACTIVE if accept else CircleMembership.Status.DECLINED
    membership.responded_at = timezone.now()
    membership.save(update_fields=["status", "responded_at"])
    return membership


@transaction.atomic
def leave_circle(*, circle: Circle, user) -> None:
    CircleMembership.objects.filter(circle=circle, user=user, status=CircleMembership.Status.ACTIVE).update(
        status=CircleMembership.Status.LEFT, responded_at=timezone.now()
    )
    ThreadWatch.objects.filter(user=user, thread__circle=circle).delete()
