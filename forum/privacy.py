"""What the forum holds about a member, and how a deleted account leaves the threads it was part of.

Posts stay under "Former member N" so that conversations others had with the person still read
as they did; the person chooses whether their texts stay or go, and a person with very few
posts has them removed whatever they chose (a handful of posts is easy to recognise).
"""

import re

from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from forum.models import (
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
)
from forum.text import QUOTE_HEADER, post_text, quote_header
from reconnect.privacy.registry import Item, Section, leave_out, register


def keeps_post_text(user, *, wanted: bool) -> bool:
    """Texts stay only if wanted and there are enough of them that others can read (held, hidden or
    self-removed posts do not count): a few lines alone are too easy to tell apart."""
    readable = Post.objects.filter(author=user, status=Post.Status.PUBLISHED).count()
    return wanted and readable >= settings.PRIVACY_FEW_POSTS


_QUOTE_MARKERS = re.compile(r"^(?:> ?)+")


def _depth(line: str) -> int:
    markers = _QUOTE_MARKERS.match(line)
    return markers.group(0).count(">") if markers else 0


def _unquote(line: str, depth: int) -> str:
    return re.sub(rf"^(?:> ?){{{depth}}}", "", line)


def _normalised(text: str) -> str:
    return " ".join(text.replace("…", " ").split())


def rewrite_quote_blocks(body: str, *, old_name: str, new_name: str, keep) -> str:
    """Every quote block headed `> **old_name**:`, at any depth (a quote of a quote too), gets
    the new name; its lines stay only when `keep(quoted_text)` says so, else they become
    "(removed)". The lines of a block are the quote lines under the header at its depth or
    deeper: whatever the person replying wrote inside them is the quoted person's text to us."""
    lines = body.splitlines()
    result: list[str] = []
    index = 0
    while index < len(lines):
        header = QUOTE_HEADER.match(lines[index])
        if header is None or header.group("name") != old_name:
            result.append(lines[index])
            index += 1
            continue
        prefix = header.group("prefix")
        depth = prefix.count(">")
        end = index + 1
        while end < len(lines) and _depth(lines[end]) >= depth:
            end += 1
        result.append(f"{prefix}{quote_header(new_name)}")
        if keep("\n".join(_unquote(line, depth) for line in lines[index + 1 : end])):
            index += 1  # the lines stay, and a quote of the person inside them is looked at too
        else:
            result.extend([prefix.rstrip(), f"{prefix}{_g('(removed)')}"])
            index = end
    return "\n".join(result)


def _rewrite_quotes(user, plan, *, keep_text: bool) -> int:
    """Text that quotes the person follows: the new name, and their words only if kept.

    A quote stays only when its words are in a post the person keeps: a quote of an earlier
    version of a post (edited since) goes whatever they chose, as do their words in the
    moderation log's copies of edited or hidden posts.
    """
    kept_bodies = [_normalised(body) for body in Post.objects.filter(author=user).values_list("body", flat=True)]

    def keep(quoted: str) -> bool:
        words = _normalised(quoted)
        return keep_text and bool(words) and any(words in body for body in kept_bodies)

    def rewrite(text: str) -> str:
        return rewrite_quote_blocks(text, old_name=plan.old_display_name, new_name=plan.new_display_name, keep=keep)

    from moderation.models import ModerationAction

    header = quote_header(plan.old_display_name)
    rewritten = 0
    for post in Post.objects.filter(body__contains=header):
        body = rewrite(post.body)
        if body != post.body:
            post.save(update_fields=post.set_text(body))
            rewritten += 1
    # Earlier versions of the person's posts, kept by the log when a moderator edited or hid one.
    ModerationAction.objects.filter(post__author=user).update(before_text="", after_text="")
    for action in ModerationAction.objects.filter(Q(before_text__contains=header) | Q(after_text__contains=header)):
        action.before_text, action.after_text = rewrite(action.before_text), rewrite(action.after_text)
        action.save(update_fields=["before_text", "after_text"])
    return rewritten


def _erase(user, plan) -> dict[str, int]:
    keep_text = keeps_post_text(user, wanted=plan.keep_post_text)
    counts = {"forum.quotes_rewritten": _rewrite_quotes(user, plan, keep_text=keep_text)}
    posts = Post.objects.filter(author=user)
    counts["forum.posts_anonymised"] = posts.count()
    if not keep_text:
        posts.exclude(status=Post.Status.HIDDEN).update(status=Post.Status.REMOVED_BY_AUTHOR)
        counts["forum.post_texts_removed"] = posts.update(**post_text(""), content_note="")
        counts["forum.thread_titles_removed"] = Thread.objects.filter(author=user).update(title="")
    counts["forum.reactions"] = Reaction.objects.filter(user=user).delete()[0]
    counts["forum.reveals"] = Reveal.objects.filter(Q(owner=user) | Q(viewer=user)).delete()[0]
    counts["forum.mutes_and_blocks"] = Boundary.objects.filter(owner=user).delete()[0]
    # Others' mutes and blocks of the person stay (on the anonymous account): their posts, kept
    # under the new name, stay folded for whoever chose not to see them.
    ThreadWatch.objects.filter(user=user).delete()
    ReadPosition.objects.filter(user=user).delete()
    # Dated views (PostView) stay with the anonymous account: the usage report counts them, and
    # they hold no name; the posts' view counts do not change either.
    FoldedTopic.objects.filter(user=user).delete()

    circle_ids = list(CircleMembership.objects.filter(user=user).values_list("circle_id", flat=True))
    counts["forum.circle_memberships"] = CircleMembership.objects.filter(user=user).delete()[0]
    CircleMembership.objects.filter(invited_by=user).update(invited_by=None)
    Circle.objects.filter(created_by=user).update(created_by=None)
    # A circle nobody is left in is nobody's: it goes, with its threads.
    empty = (
        Circle.objects.filter(pk__in=circle_ids)
        .annotate(members=Count("memberships", filter=Q(memberships__status=CircleMembership.Status.ACTIVE)))
        .filter(members=0)
    )
    counts["forum.circles_removed"] = (
        Circle.objects.filter(pk__in=list(empty.values_list("pk", flat=True))).delete()[1].get("forum.Circle", 0)
    )
    return counts


register(
    Section(
        key="forum",
        title=_("Forum"),
        order=20,
        roles=frozenset({"member", "moderator"}),
        items=(
            Item(
                "posts",
                _("Posts I wrote"),
                Post,
                lambda u: Post.objects.filter(author=u),
                fields=("id", "thread__title", "position", "body", "content_note", "status", "created_at", "edited_at"),
                url_name="forum:index",
            ),
            Item(
                "threads",
                _("Threads I started"),
                Thread,
                lambda u: Thread.objects.filter(author=u),
                fields=("id", "title", "topic__name", "circle__name", "created_at", "post_count"),
            ),
            Item(
                "reactions",
                _("My reactions"),
                Reaction,
                lambda u: Reaction.objects.filter(user=u),
                fields=("post_id", "kind", "created_at"),
            ),
            Item(
                "circles",
                _("My circles"),
                CircleMembership,
                lambda u: CircleMembership.objects.filter(user=u),
                fields=("circle__name", "status", "invited_by__pseudonym"),
                url_name="forum:circles",
            ),
            Item(
                "reveals",
                _("Who I shared my identity with"),
                Reveal,
                lambda u: Reveal.objects.filter(owner=u),
                fields=("viewer__pseudonym", "first_name", "cafe_community__name", "created_at"),
                url_name="forum:settings",
            ),
            Item(
                "mutes_and_blocks",
                _("People I muted or blocked"),
                Boundary,
                lambda u: Boundary.objects.filter(owner=u),
                fields=("target__pseudonym", "kind"),
                url_name="forum:settings",
            ),
            Item(
                "watching",
                _("Threads I follow or stopped following"),
                ThreadWatch,
                lambda u: ThreadWatch.objects.filter(user=u),
                fields=("thread_id", "is_watching"),
                in_overview=False,
            ),
            Item(
                "reading",
                _("How far I read each thread"),
                ReadPosition,
                lambda u: ReadPosition.objects.filter(user=u),
                fields=("thread_id", "last_read_position", "updated_at"),
                in_overview=False,
            ),
            Item(
                "post_views",
                _("Posts I read, and when"),
                PostView,
                lambda u: PostView.objects.filter(viewer=u),
                fields=("post_id", "viewed_at"),
                in_overview=False,
            ),
            Item(
                "folded_topics",
                _("Topics I folded away"),
                FoldedTopic,
                lambda u: FoldedTopic.objects.filter(user=u),
                fields=("topic__name",),
                in_overview=False,
            ),
        ),
        erase=_erase,
    )
)
leave_out("forum.circle", "A circle belongs to all its members; the member's own membership is exported.")
