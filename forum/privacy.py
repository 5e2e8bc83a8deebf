"""What the forum holds about a member, and how a deleted account leaves the threads it was part of.

Posts stay under "Former member N" so that conversations others had with the person still read
as they did; the person chooses whether their texts stay or go, and a person with very few
posts has them removed whatever they chose (a handful of posts is easy to recognise).
"""

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
from forum.text import quote_markdown, render_markdown
from reconnect.privacy.registry import Item, Section, leave_out, register


def keeps_post_text(user, *, wanted: bool) -> bool:
    return wanted and Post.objects.filter(author=user).count() >= settings.PRIVACY_FEW_POSTS


def _rewrite_quotes(user, plan, *, keep_text: bool) -> int:
    """Replies that quote the person follow: the new name, and the text only if it is kept."""
    quoted = dict(Post.objects.filter(author=user).values_list("pk", "body"))
    rewritten = 0
    for reply in Post.objects.filter(quote_of__in=list(quoted)).exclude(author=user):
        original = quoted[reply.quote_of_id]
        old_block = quote_markdown(plan.old_display_name, original)
        new_block = quote_markdown(plan.new_display_name, original if keep_text else _g("(removed)"))
        if old_block in reply.body:
            body = reply.body.replace(old_block, new_block)
        else:
            # The person replying edited the quote: its lines cannot be told apart from their own
            # words, so only the name changes.
            body = reply.body.replace(f"> **{plan.old_display_name}**:", f"> **{plan.new_display_name}**:")
        if body != reply.body:
            reply.body, reply.body_html = body, render_markdown(body)
            reply.save(update_fields=["body", "body_html"])
            rewritten += 1
    return rewritten


def _erase(user, plan) -> dict[str, int]:
    from moderation.models import ModerationAction

    keep_text = keeps_post_text(user, wanted=plan.keep_post_text)
    counts = {"forum.quotes_rewritten": _rewrite_quotes(user, plan, keep_text=keep_text)}
    posts = Post.objects.filter(author=user)
    counts["forum.posts_anonymised"] = posts.count()
    if not keep_text:
        posts.exclude(status=Post.Status.HIDDEN).update(status=Post.Status.REMOVED_BY_AUTHOR)
        counts["forum.post_texts_removed"] = posts.update(body="", body_html="", content_note="")
        ModerationAction.objects.filter(post__author=user).update(before_text="", after_text="")
        counts["forum.thread_titles_removed"] = Thread.objects.filter(author=user).update(title="")
    counts["forum.reactions"] = Reaction.objects.filter(user=user).delete()[0]
    counts["forum.reveals"] = Reveal.objects.filter(Q(owner=user) | Q(viewer=user)).delete()[0]
    counts["forum.mutes_and_blocks"] = Boundary.objects.filter(Q(owner=user) | Q(target=user)).delete()[0]
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
