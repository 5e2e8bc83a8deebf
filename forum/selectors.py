"""Reads used by the forum's views. Each one runs a fixed number of queries, whatever the data."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.db.models import Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from forum import search
from forum.models import (
    POSTS_PER_PAGE,
    THREADS_PER_PAGE,
    Boundary,
    FoldedTopic,
    Post,
    Reaction,
    ReadPosition,
    Reveal,
    Thread,
    ThreadWatch,
)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


# --- Thread lists (keyset pagination on last activity) -------------------------------------------


def _cursor_for(thread: Thread) -> str:
    delta = thread.last_activity_at - _EPOCH
    micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
    return f"{micros}.{thread.pk}"


def _parse_cursor(cursor: str | None) -> tuple[datetime, int] | None:
    if not cursor:
        return None
    try:
        micros, pk = (int(part) for part in cursor.split(".", 1))
        return _EPOCH + timedelta(microseconds=micros), pk
    except (ValueError, OverflowError):
        return None


@dataclass
class ThreadListPage:
    threads: list
    next_cursor: str | None
    is_first: bool


def thread_list(user, *, topic=None, circle=None, cursor: str | None = None) -> ThreadListPage:
    """Newest activity first; pinned threads lead the first page. Unread = posts beyond the reader's
    read position. Never counts the table: the next page is "after the last one shown"."""
    last_read = ReadPosition.objects.filter(thread=OuterRef("pk"), user=user).values("last_read_position")[:1]
    threads = (
        Thread.objects.visible_to(user)
        .select_related("topic", "author")
        .only(
            "pk",
            "title",
            "post_count",
            "view_count",
            "last_activity_at",
            "is_pinned",
            "is_locked",
            "circle_id",
            "topic__name",
            "topic__name_nb",
            "topic__slug",
            "author__pseudonym",
            "author__role",
            "author__is_active",
            "author__erased_at",
            "author__former_number",
        )
        .annotate(last_read=Coalesce(Subquery(last_read, output_field=IntegerField()), Value(0)))
    )
    if circle is not None:
        threads = threads.filter(circle=circle)
    elif topic is not None:
        threads = threads.filter(topic=topic)
    else:
        threads = threads.filter(circle__isnull=True)
    after = _parse_cursor(cursor)
    if after is None:
        rows = list(threads.order_by("-is_pinned", "-last_activity_at", "-pk")[: THREADS_PER_PAGE + 1])
        pinned = [t for t in rows if t.is_pinned]
        rows = pinned + [t for t in rows if not t.is_pinned]
    else:
        moment, pk = after
        rows = list(
            threads.filter(is_pinned=False)
            .filter(Q(last_activity_at__lt=moment) | Q(last_activity_at=moment, pk__lt=pk))
            .order_by("-last_activity_at", "-pk")[: THREADS_PER_PAGE + 1]
        )
    has_more = len(rows) > THREADS_PER_PAGE
    rows = rows[:THREADS_PER_PAGE]
    for thread in rows:
        thread.unread = thread.post_count > thread.last_read  # type: ignore[attr-defined]  # per reader, not a field
        thread.never_opened = thread.last_read == 0  # type: ignore[attr-defined]  # per reader, not a field
    next_cursor = _cursor_for(rows[-1]) if has_more and rows else None
    return ThreadListPage(rows, next_cursor, after is None)


# --- A page of a thread --------------------------------------------------------------------------


@dataclass
class ReactionSummary:
    kind: str
    label: str
    count: int = 0
    mine: bool = False
    pseudonyms: list[str] = field(default_factory=list)


# The thread page shows each post through a frozen snapshot of everything its article shows one
# reader (nothing else reaches the article's template), so that forum.rendering can keep the
# article's HTML for the next reader who would see exactly the same.


@dataclass(frozen=True, slots=True)
class AuthorShown:
    """The author as `forum/_pseudonym.html` and the report link show them."""

    pseudonym: str | None
    display_name: str
    is_active: bool
    role: str


@dataclass(frozen=True, slots=True)
class RevealShown:
    """What the author chose to show this reader (see `Reveal.objects.shown_to`)."""

    first_name: str
    community: str


@dataclass(frozen=True, slots=True)
class ReactionShown:
    kind: str
    label: str
    count: int
    mine: bool
    pseudonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PostView:
    pk: int
    thread_pk: int
    thread_locked: bool
    status: str
    html: str  # the post's sanitised HTML (Post.body_html)
    created_at: datetime
    edited: bool  # edited, and not removed since
    author: AuthorShown
    reveal: RevealShown | None
    is_own: bool
    reactions: tuple[ReactionShown, ...]
    muted: bool
    folded_reason: str  # "" when shown open
    is_new: bool
    can_edit: bool
    can_delete: bool

    @property
    def is_published(self) -> bool:
        return self.status == Post.Status.PUBLISHED

    @property
    def is_removed(self) -> bool:
        return self.status == Post.Status.REMOVED_BY_AUTHOR

    @property
    def reacted(self) -> list[ReactionShown]:
        return [reaction for reaction in self.reactions if reaction.count]


def reader_state(user, thread: Thread) -> ReadPosition | None:
    """The reader's position in the thread, annotated in the same query with whether they follow
    it (`watching`) and fold its topic (`topic_folded`); None before their first visit."""
    return (
        ReadPosition.objects.filter(thread=thread, user=user)
        .annotate(
            watching=Exists(ThreadWatch.objects.filter(user=user, thread=thread, is_watching=True)),
            topic_folded=Exists(FoldedTopic.objects.filter(user=user, topic_id=thread.topic_id)),  # type: ignore[misc]  # None is IS NULL: no fold
        )
        .first()
    )


# What a post's article shows (see PostView), and what its author's display name is made of.
_PAGE_FIELDS = (
    "thread_id",
    "author_id",
    "position",
    "body_html",
    "content_note",
    "status",
    "created_at",
    "edited_at",
    "author__pseudonym",
    "author__role",
    "author__is_active",
    "author__erased_at",
    "author__former_number",
)


def page_of_thread(user, thread: Thread, page: int, *, topic_folded: bool | None = None) -> dict:
    """Posts of one page (by position range), with reactions, reveals and folding for this reader.

    `topic_folded` saves a query when the caller already knows it (see `reader_state`)."""
    start = (page - 1) * POSTS_PER_PAGE
    posts = list(
        Post.objects.filter(thread=thread, position__gt=start, position__lte=start + POSTS_PER_PAGE)
        .select_related("author")
        .only(*_PAGE_FIELDS)
        .order_by("position")
    )
    # Held posts are the author's own business until a moderator acts.
    posts = [p for p in posts if p.status != Post.Status.HELD or p.author_id == user.pk]
    ids = [p.pk for p in posts]
    author_ids = {p.author_id for p in posts}

    by_post: dict[int, dict[str, ReactionSummary]] = defaultdict(dict)
    for post_id, kind, reactor_id, pseudonym in (
        Reaction.objects.filter(post_id__in=ids)
        .order_by("created_at")
        .values_list("post_id", "kind", "user_id", "user__pseudonym")
    ):
        summary = by_post[post_id].setdefault(kind, ReactionSummary(kind, ""))
        summary.count += 1
        summary.pseudonyms.append(pseudonym or "")
        summary.mine = summary.mine or reactor_id == user.pk

    reveals = {
        owner_id: RevealShown(first_name, community or "")
        for owner_id, first_name, community in Reveal.objects.shown_to(user)
        .filter(owner_id__in=author_ids)
        .values_list("owner_id", "first_name", "cafe_community__name")
    }
    boundaries = dict(Boundary.objects.filter(owner=user, target_id__in=author_ids).values_list("target_id", "kind"))
    if topic_folded is None:
        topic_folded = FoldedTopic.objects.filter(user=user, topic_id=thread.topic_id).exists()  # type: ignore[misc]  # None is IS NULL: no fold
    topic_folded = bool(thread.topic_id) and topic_folded
    return {
        "posts": posts,
        "by_post": by_post,
        "reveals": reveals,
        "boundaries": boundaries,
        "topic_folded": topic_folded,
        "thread_locked": thread.is_locked,
    }


def build_post_views(user, page_data: dict, *, read_before: int) -> list[PostView]:
    from django.utils.translation import gettext as _

    labels = [(kind, str(label)) for kind, label in Reaction.Kind.choices]
    authors: dict[int, AuthorShown] = {}
    views = []
    for post in page_data["posts"]:
        author = authors.get(post.author_id)
        if author is None:
            person = post.author
            author = authors[post.author_id] = AuthorShown(
                person.pseudonym, person.display_name, person.is_active, person.role
            )
        summaries = page_data["by_post"].get(post.pk, {})
        reactions = []
        for kind, label in labels:
            summary = summaries.get(kind)
            if summary is None:
                reactions.append(ReactionShown(kind, label, 0, False, ()))
            else:
                reactions.append(ReactionShown(kind, label, summary.count, summary.mine, tuple(summary.pseudonyms)))
        boundary = page_data["boundaries"].get(post.author_id)
        muted = boundary is not None
        if muted:
            reason = _("You muted this member.")
        elif post.content_note:
            reason = _("Content note: %(note)s") % {"note": post.content_note}
        elif page_data["topic_folded"]:
            reason = _("You chose to fold posts in this topic.")
        else:
            reason = ""
        views.append(
            PostView(
                pk=post.pk,
                thread_pk=post.thread_id,
                thread_locked=page_data["thread_locked"],
                status=post.status,
                html=post.body_html,
                created_at=post.created_at,
                edited=bool(post.edited_at) and not post.is_removed,
                author=author,
                reveal=page_data["reveals"].get(post.author_id),
                is_own=post.author_id == user.pk,
                reactions=tuple(reactions),
                muted=muted,
                folded_reason=reason if post.status == Post.Status.PUBLISHED or post.status == Post.Status.HELD else "",
                is_new=post.position > read_before and post.author_id != user.pk,
                can_edit=post.can_edit(user),
                can_delete=post.can_delete(user),
            )
        )
    return views


def is_watching(user, thread: Thread) -> bool:
    return ThreadWatch.objects.filter(user=user, thread=thread, is_watching=True).exists()


def page_window(current: int, last: int, *, around: int = 2) -> list[int | None]:
    """Page numbers to offer: the first, the last and `around` on each side of the current one;
    None where numbers are left out. A thread of any length gets a short list."""
    shown = {1, last, *range(max(1, current - around), min(last, current + around) + 1)}
    window: list[int | None] = []
    for number in sorted(shown):
        previous = window[-1] if window else number - 1
        if previous is not None and number - previous == 2:
            window.append(previous + 1)  # an ellipsis would stand for just one number
        elif previous is not None and number - previous > 2:
            window.append(None)
        window.append(number)
    return window


def first_unread_page(thread: Thread, read_before: int) -> int:
    return min(read_before // POSTS_PER_PAGE + 1, thread.page_count)


# --- Search (forum.search: the index, ranking, pages and snippets) ---------------------------------

search_posts = search.search_posts


# --- Profiles ------------------------------------------------------------------------------------


def visible_post_count(viewer, person) -> int:
    """Posts of `person` the viewer could read: circle posts count only for fellow members."""
    return Post.objects.published().visible_to(viewer).filter(author=person).count()
