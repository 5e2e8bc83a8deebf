"""Reads for the moderation pages. Each runs a fixed number of queries, whatever the queue length."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q

from forum.models import Post
from moderation.models import ModerationAction, ModeratorDuty, QueueItem, QueueItemQuerySet, Report, Sanction
from reconnect.accounts.models import User

QUEUE_PAGE_SIZE = 50


@dataclass
class History:
    """A pseudonym's record, as moderators see it."""

    posts: int = 0
    flags: int = 0
    actions: int = 0
    sanctions: list = field(default_factory=list)


def histories(author_ids: Iterable[int]) -> dict[int, History]:
    """Post, flag and action counts and sanctions in force for each author: four queries in all."""
    author_ids = set(author_ids)
    result = {pk: History() for pk in author_ids}
    if not author_ids:
        return result
    for row in Post.objects.filter(author_id__in=author_ids).order_by().values("author_id").annotate(n=Count("pk")):
        result[row["author_id"]].posts = row["n"]
    for row in (
        QueueItem.objects.filter(author_id__in=author_ids).order_by().values("author_id").annotate(n=Count("pk"))
    ):
        result[row["author_id"]].flags = row["n"]
    actions = ModerationAction.objects.filter(subject_id__in=author_ids).exclude(
        action__in=[ModerationAction.Action.CLAIM, ModerationAction.Action.RELEASE]
    )
    for action_row in actions.order_by().values("subject_id").annotate(n=Count("pk")):
        result[action_row["subject_id"]].actions = action_row["n"]
    for sanction in Sanction.objects.in_force().filter(member_id__in=author_ids):
        result[sanction.member_id].sanctions.append(sanction)
    return result


def _neighbours(posts: Iterable[Post]) -> dict[tuple[int, int], Post]:
    """The posts just before and after each given post in its thread, in one query."""
    condition = Q()
    for post in posts:
        condition |= Q(thread_id=post.thread_id, position__in=[post.position - 1, post.position + 1])
    if not condition:
        return {}
    found = (
        Post.objects.filter(condition)
        .select_related("author")
        .only(
            "pk",
            "thread_id",
            "position",
            "status",
            "body",
            "author__pseudonym",
            "author__role",
            "author__is_active",
            "author__erased_at",
            "author__former_number",
            "created_at",
        )
    )
    return {(p.thread_id, p.position): p for p in found}


def _items() -> QueueItemQuerySet:
    return QueueItem.objects.select_related(
        "post__thread__topic", "post__thread__circle", "post__author", "claimed_by", "author"
    )


def _attach(items: list[QueueItem]) -> list[QueueItem]:
    reports = defaultdict(list)
    for report in Report.objects.filter(item__in=items).select_related("reporter").order_by("created_at"):
        reports[report.item_id].append(report)
    history = histories(item.author_id for item in items)
    around = _neighbours([item.post for item in items])
    for item in items:
        item.report_list = reports[item.pk]
        item.history = history[item.author_id]
        item.before = around.get((item.post.thread_id, item.post.position - 1))
        item.after = around.get((item.post.thread_id, item.post.position + 1))
    return items


def queue(*, limit: int = QUEUE_PAGE_SIZE) -> tuple[list[QueueItem], int]:
    """Open items in queue order (crisis, reports and flags, held posts; oldest first) and the total."""
    open_items = QueueItem.objects.open()
    items = list(_items().filter(status=QueueItem.Status.OPEN).in_queue_order()[:limit])
    total = len(items) if len(items) < limit else open_items.count()
    return _attach(items), total


def item_detail(item: QueueItem, *, context_size: int = 3) -> dict:
    """One item with the thread around its post and the author's earlier items and log entries."""
    post = item.post
    thread_posts = list(
        Post.objects.filter(
            thread_id=post.thread_id,
            position__gte=max(post.position - context_size, 1),
            position__lte=post.position + context_size,
        ).select_related("author")
    )
    _attach([item])
    log = list(
        ModerationAction.objects.filter(Q(item=item) | Q(post=post))
        .select_related("actor")
        .order_by("-created_at", "-pk")[:50]
    )
    earlier = list(
        QueueItem.objects.filter(author_id=item.author_id)
        .exclude(pk=item.pk)
        .select_related("post__thread")
        .order_by("-created_at")[:10]
    )
    return {"item": item, "thread_posts": thread_posts, "log": log, "earlier": earlier}


def duty(user: User) -> dict:
    """Whether `user` is on duty, and how many peer moderators are (one query)."""
    on_duty = list(
        ModeratorDuty.objects.on_duty().filter(moderator__role="moderator").values_list("moderator_id", flat=True)
    )
    return {
        "on_duty": user.pk in on_duty,
        "on_duty_count": len(on_duty),
        "can_be_on_duty": user.role == "moderator",
        "escalate_minutes": settings.MODERATION_CRISIS_ESCALATE_MINUTES,
    }
