"""Moderation operations. One keyword-only function per action, each in one transaction that writes
exactly one ModerationAction row together with the change (or neither).

Acting on an item another moderator has claimed, or acting on something that is already done (a
second click, a second moderator a moment later), raises `ModerationError` with a message for the
moderator; nothing is written twice.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forum.models import Post, Thread, Topic
from moderation import notifications as kinds
from moderation.models import (
    EscalationContact,
    HideNotice,
    MessageCrisisFlag,
    ModerationAction,
    ModeratorCheckIn,
    ModeratorDuty,
    QueueItem,
    QueueItemQuerySet,
    Report,
    Sanction,
    SavedReply,
    SlowMode,
    WatchedWord,
)
from moderation.screening import categories as labels
from moderation.screening import screen as screen_verdict
from moderation.screening.engine import Verdict
from moderation.screening.watched import find_matches
from reconnect.accounts.models import Role, User
from reconnect.core.services import notify

if TYPE_CHECKING:
    from messaging.models import Message

Action = ModerationAction.Action
MAX_TEXT = 5000
# Why a post was held, besides watched words (kept in the queue item in the writer's language).
FIRST_POSTS_LABEL = gettext_lazy("first posts")
PRE_MODERATION_LABEL = gettext_lazy("pre-moderation")
CRISIS_LABEL = gettext_lazy("crisis language")


class ModerationError(Exception):
    """A refusal with a message for the person who tried."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def moderators() -> "QuerySet[User]":
    return User.objects.filter(role__in=(Role.MODERATOR, Role.ADMIN), is_active=True)


def _notices_url() -> str:
    from django.urls import reverse

    return reverse("moderation:notices")


def _log(
    *,
    actor: User | None,
    action: str,
    item: QueueItem | None = None,
    post: Post | None = None,
    thread: Thread | None = None,
    subject: User | None = None,
    reason: str = "",
    before: str = "",
    after: str = "",
) -> ModerationAction:
    return ModerationAction.objects.create(
        actor=actor,
        action=action,
        item=item,
        post=post,
        thread=thread if thread is not None else (post.thread if post is not None else None),
        subject=subject if subject is not None else (post.author if post is not None else None),
        reason=reason,
        before_text=before,
        after_text=after,
    )


def _required(text: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ModerationError(message)
    if len(text) > MAX_TEXT:
        raise ModerationError(_("This is too long: at most %(max)s characters.") % {"max": f"{MAX_TEXT:,}"})
    return text


# --- Claims and the state of an item -------------------------------------------------------------


def _lock_item(item: QueueItem, moderator: User) -> QueueItem:
    """The item, locked for this transaction, if this moderator may act on it now."""
    item = QueueItem.objects.select_for_update(of=("self",)).select_related("claimed_by", "resolved_by").get(pk=item.pk)
    if not item.is_open:
        who = item.resolved_by.display_name if item.resolved_by else _("a peer moderator")
        raise ModerationError(_("This item was already handled by %(name)s.") % {"name": who})
    if item.claimed_by is not None and item.claimed_by_id != moderator.pk:
        raise ModerationError(
            _("%(name)s is working on this item. Ask them, or wait until they release it.")
            % {"name": item.claimed_by.display_name}
        )
    return item


def _lock_post(item: QueueItem) -> Post:
    return Post.objects.select_for_update(of=("self",)).select_related("thread", "author").get(pk=item.post_id)


def _close_reports(items: list[QueueItem], outcome: str, now: datetime) -> None:
    reports = Report.objects.filter(item__in=items, outcome=Report.Outcome.OPEN).select_related("reporter")
    reporters = {r.reporter for r in reports}
    Report.objects.filter(item__in=items, outcome=Report.Outcome.OPEN).update(outcome=outcome, closed_at=now)
    if reporters:
        from django.urls import reverse

        notify(users=reporters, kind=kinds.REPORT_CLOSED, url=reverse("moderation:my_reports"))


def _resolve(items: list[QueueItem], moderator: User, *, report_outcome: str) -> None:
    now = timezone.now()
    QueueItem.objects.filter(pk__in=[i.pk for i in items]).update(
        status=QueueItem.Status.RESOLVED, resolved_at=now, resolved_by=moderator
    )
    for item in items:
        item.status, item.resolved_at, item.resolved_by = QueueItem.Status.RESOLVED, now, moderator
    _close_reports(items, report_outcome, now)


def _open_items_of(post: Post, moderator: User, first: QueueItem, *, decides_post: bool = True) -> list[QueueItem]:
    """Every open item on the post (a post can be crisis-flagged, reported and held at once): one
    decision about the post answers them all. Items claimed by someone else stop the action.

    A reply or a check-in answers the person, not the post: a held post's item stays open then, so
    that the post is still approved or hidden.
    """
    others = QueueItem.objects.select_for_update().filter(post=post, status=QueueItem.Status.OPEN).exclude(pk=first.pk)
    if not decides_post and post.status == Post.Status.HELD:
        others = others.exclude(kind=QueueItem.Kind.HELD)
        if first.kind == QueueItem.Kind.HELD:
            raise ModerationError(_("A held post waits for a decision: approve it or hide it."))
    locked = list(others)
    for other in locked:
        if other.claimed_by_id and other.claimed_by_id != moderator.pk:
            raise ModerationError(_("Another peer moderator is working on this post."))
    return [first, *locked]


@transaction.atomic
def claim_item(*, moderator: User, item: QueueItem) -> QueueItem:
    item = _lock_item(item, moderator)
    if item.claimed_by_id == moderator.pk:
        raise ModerationError(_("You have already claimed this item."))
    item.claimed_by, item.claimed_at = moderator, timezone.now()
    item.save(update_fields=["claimed_by", "claimed_at"])
    _log(actor=moderator, action=Action.CLAIM, item=item, post=item.post)
    return item


@transaction.atomic
def release_item(*, moderator: User, item: QueueItem) -> QueueItem:
    item = _lock_item(item, moderator)
    if item.claimed_by_id != moderator.pk:
        raise ModerationError(_("You have not claimed this item."))
    item.claimed_by, item.claimed_at = None, None
    item.save(update_fields=["claimed_by", "claimed_at"])
    _log(actor=moderator, action=Action.RELEASE, item=item, post=item.post)
    return item


# --- Decisions about a post ----------------------------------------------------------------------


@transaction.atomic
def approve(*, moderator: User, item: QueueItem) -> Post:
    """The post is fine: a held post is published, flags and reports on it are closed."""
    item = _lock_item(item, moderator)
    post = _lock_post(item)
    if post.status in (Post.Status.REMOVED_BY_AUTHOR, Post.Status.HIDDEN):
        raise ModerationError(_("This post is no longer visible: dismiss the item instead."))
    items = _open_items_of(post, moderator, item)
    was_held = post.status == Post.Status.HELD
    if was_held:
        post.status = Post.Status.PUBLISHED
        post.save(update_fields=["status"])
    _resolve(items, moderator, report_outcome=Report.Outcome.NO_ACTION)
    _log(actor=moderator, action=Action.APPROVE, item=item, post=post)
    if was_held:
        from forum.services import notify_watchers

        notify(users=[post.author], kind=kinds.POST_APPROVED, url=post.get_absolute_url())
        notify_watchers(post=post)
    return post


@transaction.atomic
def hide(*, moderator: User, item: QueueItem, reason: str) -> Post:
    """Hide the post from everyone but its author, who sees why. Its text is kept."""
    reason = _required(reason, _("Please write the reason the author will see."))
    item = _lock_item(item, moderator)
    post = _lock_post(item)
    if post.status == Post.Status.HIDDEN:
        raise ModerationError(_("This post is already hidden."))
    if post.status == Post.Status.REMOVED_BY_AUTHOR:
        raise ModerationError(_("The author has removed this post already: dismiss the item instead."))
    items = _open_items_of(post, moderator, item)
    post.status = Post.Status.HIDDEN
    post.save(update_fields=["status"])
    HideNotice.objects.update_or_create(post=post, defaults={"reason": reason, "created_at": timezone.now()})
    _resolve(items, moderator, report_outcome=Report.Outcome.ACTED)
    _log(actor=moderator, action=Action.HIDE, item=item, post=post, reason=reason, before=post.body)
    notify(users=[post.author], kind=kinds.POST_CHANGED, url=_notices_url())
    return post


@transaction.atomic
def edit(*, moderator: User, item: QueueItem, body: str, note: str) -> Post:
    """Change the text (for example to take out identifying details). The original stays in the log
    for moderators; the author is told, with the note."""
    note = _required(note, _("Please write a note saying what you changed and why."))
    body = _required(body, _("The post cannot be empty. To take it away, hide it instead."))
    item = _lock_item(item, moderator)
    post = _lock_post(item)
    if post.status == Post.Status.REMOVED_BY_AUTHOR:
        raise ModerationError(_("The author has removed this post already: dismiss the item instead."))
    if body == post.body:
        raise ModerationError(_("The text is unchanged."))
    before = post.body
    post.edited_at = timezone.now()
    post.save(update_fields=[*post.set_text(body), "edited_at"])
    _log(actor=moderator, action=Action.EDIT, item=item, post=post, reason=note, before=before, after=body)
    notify(users=[post.author], kind=kinds.POST_CHANGED, url=_notices_url())
    return post


@transaction.atomic
def dismiss(*, moderator: User, item: QueueItem, reason: str = "") -> QueueItem:
    """Nothing to do about this item (a report that does not hold, a harmless flag)."""
    item = _lock_item(item, moderator)
    if item.kind == QueueItem.Kind.HELD and item.post.status == Post.Status.HELD:
        raise ModerationError(_("A held post waits for a decision: approve it or hide it."))
    _resolve([item], moderator, report_outcome=Report.Outcome.NO_ACTION)
    _log(actor=moderator, action=Action.DISMISS, item=item, post=item.post, reason=(reason or "").strip())
    return item


@transaction.atomic
def escalate(*, moderator: User, item: QueueItem, reason: str) -> QueueItem:
    reason = _required(reason, _("Please write what the admin should look at."))
    item = _lock_item(item, moderator)
    if item.escalated_at:
        raise ModerationError(_("This item has been escalated already."))
    item.escalated_at = timezone.now()
    item.save(update_fields=["escalated_at"])
    _log(actor=moderator, action=Action.ESCALATE, item=item, post=item.post, reason=reason)
    notify(
        users=User.objects.filter(role=Role.ADMIN, is_active=True), kind=kinds.ESCALATED, url=item.get_absolute_url()
    )
    return item


# --- Talking to people ---------------------------------------------------------------------------


@transaction.atomic
def reply_as_moderator(*, moderator: User, item: QueueItem, body: str, resolve: bool = False) -> Post:
    """A reply in the thread, shown with the peer moderator badge; the author hears of it."""
    from forum.models import ThreadWatch
    from forum.services import ForumError, post_reply

    if moderator.role != Role.MODERATOR:
        # Admins have no place in the peer space: the forum shows only peers, by pseudonym.
        raise ModerationError(_("Only peer moderators reply in the forum. Send a check-in or ask a peer moderator."))
    body = _required(body, _("Please write your reply."))
    item = _lock_item(item, moderator)
    original = item.post
    try:
        reply = post_reply(author=moderator, thread=original.thread, body=body, quote_of=None)
    except ForumError as exc:
        raise ModerationError(exc.message) from exc
    if resolve:
        items = _open_items_of(original, moderator, item, decides_post=False)
        _resolve(items, moderator, report_outcome=Report.Outcome.ACTED)
    _log(actor=moderator, action=Action.REPLY, item=item, post=original, after=body)
    # Watchers heard of it from the forum already; an author who stopped watching hears it here.
    watching = ThreadWatch.objects.filter(thread=original.thread, user=original.author, is_watching=True).exists()
    if not watching and original.author_id != moderator.pk:
        notify(
            users=[original.author],
            kind=kinds.MODERATOR_REPLY,
            url=reply.get_absolute_url(),
            params={"pseudonym": moderator.display_name},
        )
    return reply


@transaction.atomic
def send_check_in(*, moderator: User, item: QueueItem, body: str, resolve: bool = False) -> ModeratorCheckIn:
    """A private message to the post's author, read on a page only they (and moderators) can open."""
    body = _required(body, _("Please write your message."))
    item = _lock_item(item, moderator)
    check_in = ModeratorCheckIn.objects.create(member=item.author, moderator=moderator, body=body, post=item.post)
    if resolve:
        items = _open_items_of(item.post, moderator, item, decides_post=False)
        _resolve(items, moderator, report_outcome=Report.Outcome.ACTED)
    _log(actor=moderator, action=Action.CHECK_IN, item=item, post=item.post, after=body)
    notify(
        users=[item.author],
        kind=kinds.CHECK_IN,
        url=check_in.get_absolute_url(),
        params={"pseudonym": moderator.display_name},
    )
    return check_in


# --- Threads -------------------------------------------------------------------------------------


def _lock_thread(thread: Thread, moderator: User, item: QueueItem | None) -> tuple[Thread, QueueItem | None]:
    if item is not None:
        item = _lock_item(item, moderator)
    return Thread.objects.select_for_update().get(pk=thread.pk), item


@transaction.atomic
def set_locked(
    *, moderator: User, thread: Thread, locked: bool, item: QueueItem | None = None, reason: str = ""
) -> Thread:
    thread, item = _lock_thread(thread, moderator, item)
    if thread.is_locked == locked:
        raise ModerationError(_("This thread is locked already.") if locked else _("This thread is not locked."))
    thread.is_locked = locked
    thread.save(update_fields=["is_locked"])
    _log(
        actor=moderator,
        action=Action.LOCK if locked else Action.UNLOCK,
        item=item,
        thread=thread,
        subject=thread.author,
        reason=(reason or "").strip(),
    )
    return thread


@transaction.atomic
def set_pinned(*, moderator: User, thread: Thread, pinned: bool, item: QueueItem | None = None) -> Thread:
    thread, item = _lock_thread(thread, moderator, item)
    if thread.is_pinned == pinned:
        raise ModerationError(_("This thread is pinned already.") if pinned else _("This thread is not pinned."))
    thread.is_pinned = pinned
    thread.save(update_fields=["is_pinned"])
    _log(
        actor=moderator, action=Action.PIN if pinned else Action.UNPIN, item=item, thread=thread, subject=thread.author
    )
    return thread


@transaction.atomic
def move_thread(
    *, moderator: User, thread: Thread, topic: Topic, item: QueueItem | None = None, reason: str = ""
) -> Thread:
    thread, item = _lock_thread(thread, moderator, item)
    if thread.circle_id is not None:
        raise ModerationError(_("A thread in a circle cannot be moved to a topic."))
    if thread.topic_id == topic.pk:
        raise ModerationError(_("The thread is in this topic already."))
    before = thread.topic.name if thread.topic else ""
    thread.topic = topic
    thread.save(update_fields=["topic"])
    _log(
        actor=moderator,
        action=Action.MOVE,
        item=item,
        thread=thread,
        subject=thread.author,
        reason=(reason or "").strip(),
        before=before,
        after=topic.name,
    )
    return thread


@transaction.atomic
def set_slow_mode(*, moderator: User, thread: Thread, minutes: int, item: QueueItem | None = None) -> Thread:
    """One post per member per `minutes` in this thread; 0 turns slow mode off."""
    if minutes < 0 or minutes > 24 * 60:
        raise ModerationError(_("Choose between 0 and 1440 minutes."))
    thread, item = _lock_thread(thread, moderator, item)
    current = SlowMode.objects.filter(thread=thread).first()
    if (current.minutes if current else 0) == minutes:
        raise ModerationError(_("Slow mode is set like this already."))
    if minutes:
        SlowMode.objects.update_or_create(
            thread=thread, defaults={"minutes": minutes, "set_by": moderator, "set_at": timezone.now()}
        )
    else:
        SlowMode.objects.filter(thread=thread).delete()
    _log(
        actor=moderator,
        action=Action.SLOW_MODE,
        item=item,
        thread=thread,
        subject=thread.author,
        before=str(current.minutes if current else 0),
        after=str(minutes),
    )
    return thread


# --- Sanctions -----------------------------------------------------------------------------------


@transaction.atomic
def sanction_member(
    *,
    moderator: User,
    member: User,
    kind: str,
    reason: str,
    ends_at: datetime | None = None,
    item: QueueItem | None = None,
) -> Sanction:
    reason = _required(reason, _("Please write the reason the member will see."))
    if kind not in Sanction.Kind.values:
        raise ModerationError(_("Choose a kind of sanction."))
    if member.role != Role.MEMBER:
        raise ModerationError(_("Only members can be sanctioned here."))
    now = timezone.now()
    if kind == Sanction.Kind.SUSPENSION and ends_at is None:
        raise ModerationError(_("A suspension needs an end date."))
    if ends_at is not None and ends_at <= now:
        raise ModerationError(_("The end date must be in the future."))
    if kind == Sanction.Kind.WARNING:
        ends_at = None
    if item is not None:
        item = _lock_item(item, moderator)
    if kind != Sanction.Kind.WARNING and Sanction.objects.in_force(now).filter(member=member, kind=kind).exists():
        raise ModerationError(_("This member has this sanction already. Lift it first to change it."))
    sanction = Sanction.objects.create(
        member=member, kind=kind, reason=reason, starts_at=now, ends_at=ends_at, created_by=moderator
    )
    _log(
        actor=moderator,
        action=Action.SANCTION,
        item=item,
        post=item.post if item is not None else None,
        subject=member,
        reason=reason,
        after=f"{sanction.get_kind_display()}" + (f" → {ends_at:%Y-%m-%d %H:%M}" if ends_at else ""),
    )
    notify(users=[member], kind=kinds.SANCTION, url=_notices_url())
    return sanction


@transaction.atomic
def lift_sanction(*, moderator: User, sanction: Sanction, reason: str = "") -> Sanction:
    sanction = Sanction.objects.select_for_update().get(pk=sanction.pk)
    if not Sanction.objects.in_force().filter(pk=sanction.pk).exists():
        raise ModerationError(_("This sanction is no longer in force."))
    sanction.lifted_at = timezone.now()
    sanction.save(update_fields=["lifted_at"])
    _log(
        actor=moderator,
        action=Action.LIFT_SANCTION,
        subject=sanction.member,
        reason=(reason or "").strip(),
        before=sanction.get_kind_display(),
    )
    return sanction


# --- Watched words -------------------------------------------------------------------------------


@transaction.atomic
def add_watched_word(*, moderator: User, phrase: str, language: str, action: str) -> WatchedWord:
    from moderation.screening.watched import phrase_key

    phrase = " ".join((phrase or "").split()).lower()
    if not phrase_key(phrase):
        raise ModerationError(_("Please write a word or phrase with letters in it."))
    if len(phrase) > 100:
        raise ModerationError(_("This is too long: at most %(max)s characters.") % {"max": 100})
    if language not in WatchedWord.Language.values or action not in WatchedWord.Action.values:
        raise ModerationError(_("Choose a language and an action."))
    if WatchedWord.objects.filter(phrase=phrase, language=language).exists():
        raise ModerationError(_("This phrase is on the list already."))
    word = WatchedWord.objects.create(phrase=phrase, language=language, action=action, created_by=moderator)
    _log(actor=moderator, action=Action.WATCHED_WORD, after=f"+ {phrase} ({language}, {action})")
    return word


@transaction.atomic
def set_watched_word_active(*, moderator: User, word: WatchedWord, active: bool) -> WatchedWord:
    word = WatchedWord.objects.select_for_update().get(pk=word.pk)
    if word.is_active == active:
        raise ModerationError(_("Nothing to change."))
    word.is_active = active
    word.save(update_fields=["is_active"])
    sign = "+" if active else "-"
    _log(actor=moderator, action=Action.WATCHED_WORD, after=f"{sign} {word.phrase} ({word.language}, {word.action})")
    return word


# --- Saved replies -------------------------------------------------------------------------------
# Templates moderators insert and adapt, not content: the log keeps every text that was sent, so
# adding, changing or removing one is not logged.


@transaction.atomic
def add_saved_reply(*, moderator: User, title: str, body: str) -> SavedReply:
    return SavedReply.objects.create(title=title, body=body, created_by=moderator)


@transaction.atomic
def change_saved_reply(*, reply: SavedReply, title: str, body: str) -> SavedReply:
    reply = SavedReply.objects.select_for_update().get(pk=reply.pk)
    reply.title, reply.body, reply.updated_at = title, body, timezone.now()
    reply.save(update_fields=["title", "body", "updated_at"])
    return reply


@transaction.atomic
def remove_saved_reply(*, reply: SavedReply) -> None:
    SavedReply.objects.filter(pk=reply.pk).delete()


# --- Check-ins (for the member) ------------------------------------------------------------------


def mark_check_in_read(*, member: User, check_in: ModeratorCheckIn) -> bool:
    """The member has read a check-in sent to them. True the first time; reading it again changes
    nothing (one conditional UPDATE, so two clicks at once mark it once)."""
    updated = ModeratorCheckIn.objects.filter(pk=check_in.pk, member=member, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return updated == 1


# --- Reports (by members) ------------------------------------------------------------------------


@transaction.atomic
def report_post(*, reporter: User, post: Post, reason: str, details: str = "") -> Report:
    """A member reports a post they can see. The author is never told who reported it."""
    details = (details or "").strip()
    if reason not in Report.Reason.values:
        raise ModerationError(_("Please choose a reason."))
    if reason == Report.Reason.OTHER and not details:
        raise ModerationError(_("Please say a few words about what is wrong."))
    if len(details) > 1000:
        raise ModerationError(_("This is too long: at most %(max)s characters.") % {"max": "1,000"})
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.status in (Post.Status.REMOVED_BY_AUTHOR, Post.Status.HIDDEN):
        raise ModerationError(_("This post has been removed already, so there is nothing to report."))
    if post.author_id == reporter.pk:
        raise ModerationError(_("This is your own post. You can edit or remove it yourself."))
    if Report.objects.filter(post=post, reporter=reporter, outcome=Report.Outcome.OPEN).exists():
        raise ModerationError(_("You have reported this post already. A peer moderator will look at it."))
    item = QueueItem.objects.open().filter(post=post, kind=QueueItem.Kind.REPORT).first()
    if item is None:
        item = QueueItem.objects.create(
            kind=QueueItem.Kind.REPORT,
            priority=QueueItem.PRIORITY[QueueItem.Kind.REPORT],
            post=post,
            author_id=post.author_id,
        )
    try:
        with transaction.atomic():
            return Report.objects.create(post=post, reporter=reporter, reason=reason, details=details, item=item)
    except IntegrityError:
        raise ModerationError(_("You have reported this post already. A peer moderator will look at it.")) from None


# --- Screening new text --------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """What to do with a new text: hold it for approval, flag it, mark it as crisis (or several).

    `verdict` is the built-in screen's finding (moderation/screening); the `*_because` lists say why
    in words a moderator reads (watched phrases, "first posts", the screen's evidence)."""

    hold: bool = False
    flag: bool = False
    crisis: bool = False
    hold_because: tuple[str, ...] = field(default_factory=tuple)
    flag_because: tuple[str, ...] = field(default_factory=tuple)
    crisis_because: tuple[str, ...] = field(default_factory=tuple)
    verdict: Verdict | None = None

    @property
    def flags(self) -> tuple[str, ...]:
        names = [name for name in ("crisis", "flag", "hold") if getattr(self, name)]
        if self.verdict is not None and self.verdict.label in (labels.HOSTILE, labels.MISINFORMATION):
            names.append(self.verdict.label)
        return tuple(names)


def hold_first_posts() -> int:
    return settings.MODERATION_HOLD_FIRST_POSTS


def crisis_holds() -> bool:
    return settings.MODERATION_CRISIS_HOLDS


def crisis_escalate_minutes() -> int:
    return settings.MODERATION_CRISIS_ESCALATE_MINUTES


def _watched_pairs() -> list[tuple[str, str]]:
    return list(WatchedWord.objects.active().values_list("phrase", "action"))


def matched_words(text: str) -> dict[str, list[str]]:
    """The active watched phrases in `text`, by action."""
    words = _watched_pairs()
    found = set(find_matches(text, [phrase for phrase, _action in words]))
    result: dict[str, list[str]] = {action: [] for action in WatchedWord.Action.values}
    for phrase, action in words:
        if phrase in found and phrase not in result[action]:
            result[action].append(phrase)
    return result


def screen_words(text: str, *, language: str) -> Verdict:
    """The built-in screen plus the moderators' watched words (one query)."""
    return screen_verdict(text, language, watched=_watched_pairs())


def _language_of(author: User) -> str:
    return "nb" if getattr(author, "preferred_language", "en") == "nb" else "en"


def check_may_post(*, author: User, thread: Thread | None = None) -> None:
    """Refuse a new post from a suspended member, or too soon in a thread in slow mode."""
    if author.role != Role.MEMBER:
        return
    now = timezone.now()
    suspension = (
        Sanction.objects.in_force(now).filter(member=author, kind=Sanction.Kind.SUSPENSION).order_by("-ends_at").first()
    )
    if suspension is not None:
        raise ModerationError(
            _(
                "A peer moderator has paused your posting until %(date)s. You can read why under “Notes from the moderators”."
            )
            % {"date": timezone.localtime(suspension.ends_at).strftime("%d.%m.%Y %H:%M")}
        )
    if thread is None or thread.pk is None:
        return
    slow = SlowMode.objects.filter(thread=thread).first()
    if slow is None:
        return
    since = now - timedelta(minutes=slow.minutes)
    last = (
        Post.objects.filter(thread=thread, author=author, created_at__gt=since)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if last is not None:
        wait = max(1, int((last + timedelta(minutes=slow.minutes) - now).total_seconds() // 60) + 1)
        raise ModerationError(
            _(
                "This thread is in slow mode to give everyone room to breathe: one post per %(minutes)s minutes. "
                "You can post again in about %(wait)s minutes."
            )
            % {"minutes": slow.minutes, "wait": wait}
        )


def screen(*, author: User, text: str, editing: bool = False, post: Post | None = None) -> Decision:
    """Decide what to do with new or edited forum text by `author`; with `post`, also queue it.

    Members only: peer moderators and admins are not screened. First posts and pre-moderation hold a
    new post; the built-in screen and the watched words flag crisis language, hostility and health
    advice, and watched words may hold. Crisis language is published unless the setting
    MODERATION_CRISIS_HOLDS says otherwise: a person in crisis is answered, not silenced.
    """
    if author.role != Role.MEMBER:
        return Decision()
    verdict = screen_words(text, language=_language_of(author))
    watched = verdict.watched
    hold_because = list(watched.get(WatchedWord.Action.HOLD, ()))
    if Sanction.objects.in_force().filter(member=author, kind=Sanction.Kind.PRE_MODERATION).exists():
        hold_because.insert(0, str(PRE_MODERATION_LABEL))
    elif not editing and Post.objects.filter(author=author).count() < hold_first_posts():
        hold_because.insert(0, str(FIRST_POSTS_LABEL))
    crisis_because = [e.describe() for e in verdict.evidence if e.label == labels.CRISIS]
    crisis_because += list(watched.get(WatchedWord.Action.CRISIS, ()))
    if crisis_because and crisis_holds():
        hold_because.append(str(CRISIS_LABEL))
    decision = Decision(
        hold=bool(hold_because),
        flag=bool(watched.get(WatchedWord.Action.FLAG)),
        crisis=bool(crisis_because),
        hold_because=tuple(hold_because),
        flag_because=tuple(watched.get(WatchedWord.Action.FLAG, ())),
        crisis_because=tuple(crisis_because),
        verdict=verdict,
    )
    if post is not None:
        record_screening(post=post, decision=decision)
    return decision


def _evidence(verdict: Verdict | None, label: str | None = None) -> list[dict]:
    if verdict is None:
        return []
    return [
        {"words": e.words, "rule": e.rule, "category": e.category, "label": e.label, "severity": e.severity}
        for e in verdict.evidence
        if label is None or e.label == label
    ][:10]


def _wanted_items(decision: Decision) -> list[tuple[str, dict]]:
    """The queue items a decision asks for: kind and their fields."""
    verdict = decision.verdict
    wanted: list[tuple[str, dict]] = []
    if decision.crisis:
        crisis_evidence = _evidence(verdict, labels.CRISIS)
        severity = QueueItem.Severity.CRISIS
        category = "watched_word"
        if crisis_evidence:
            severity = crisis_evidence[0]["severity"]
            category = crisis_evidence[0]["category"]
        wanted.append(
            (
                QueueItem.Kind.CRISIS,
                {
                    "severity": severity,
                    "category": category,
                    "evidence": crisis_evidence,
                    "matched": ", ".join(decision.crisis_because),
                },
            )
        )
    if verdict is not None and verdict.label in (labels.HOSTILE, labels.MISINFORMATION):
        kind = QueueItem.Kind.HOSTILE if verdict.label == labels.HOSTILE else QueueItem.Kind.ADVICE
        evidence = _evidence(verdict, verdict.label)
        wanted.append(
            (
                kind,
                {
                    "severity": evidence[0]["severity"],
                    "category": evidence[0]["category"],
                    "evidence": evidence,
                    "matched": ", ".join(f"“{e['words']}” ({e['rule']})" for e in evidence),
                },
            )
        )
    if decision.flag:
        wanted.append(
            (QueueItem.Kind.FLAG, {"severity": QueueItem.Severity.FLAG, "category": "watched_word",
                                   "matched": ", ".join(decision.flag_because)})
        )  # fmt: skip
    if decision.hold:
        wanted.append((QueueItem.Kind.HELD, {"matched": ", ".join(decision.hold_because)}))
    return wanted


def crisis_recipients() -> "QuerySet[User]":
    """Peer moderators on duty now, or every moderator and admin when nobody is on duty."""
    on_duty = User.objects.filter(moderation_duty__on_duty=True, is_active=True, role=Role.MODERATOR)
    return on_duty if on_duty.exists() else moderators()


@transaction.atomic
def record_screening(*, post: Post, decision: Decision) -> list[QueueItem]:
    """Put a screened post in the queue; moderators on duty hear of a crisis-level flag at once."""
    created = []
    for kind, values in _wanted_items(decision):
        severity = values.get("severity", "")
        priority = QueueItem.SEVERITY_PRIORITY.get(severity, QueueItem.PRIORITY[kind])
        values = {**values, "matched": values.get("matched", "")[:300]}
        item, new = QueueItem.objects.open().get_or_create(
            post=post,
            kind=kind,
            defaults={"priority": priority, "author_id": post.author_id, **values},
        )
        if not new and priority < item.priority:
            # An edit that makes it worse moves the open item up (and says why).
            for name, value in values.items():
                setattr(item, name, value)
            item.priority = priority
            item.save(update_fields=["priority", *values])
        if new:
            created.append(item)
        if new and item.is_crisis_level:
            notify(users=crisis_recipients(), kind=kinds.CRISIS, url=item.get_absolute_url())
    return created


def needs_crisis_support(post: Post) -> bool:
    """Whether the writer of `post` should see the crisis resources now."""
    return QueueItem.objects.filter(post=post, kind=QueueItem.Kind.CRISIS, status=QueueItem.Status.OPEN).exists()


def is_crisis_text(*, author: User, text: str) -> bool:
    """Whether a member's text holds crisis language (the screen or the crisis watched words).
    Used for messages to the care team and for private check-in notes."""
    if getattr(author, "role", None) != Role.MEMBER:
        return False
    verdict = screen_words(text, language=_language_of(author))
    return verdict.label == labels.CRISIS or bool(verdict.watched.get(WatchedWord.Action.CRISIS))


def flag_crisis_message(*, message: "Message") -> MessageCrisisFlag:
    """Note crisis language on a message so that its providers see it. Never blocks the message."""
    # Only a member's message is screened (is_crisis_text), and a new message has its author.
    assert message.author_id is not None
    flag, _created = MessageCrisisFlag.objects.get_or_create(
        message=message, defaults={"conversation_id": message.conversation_id, "author_id": message.author_id}
    )
    return flag


def crisis_message_ids(conversation_id: int) -> set[int]:
    """The messages of one conversation that carry a crisis note, in one query."""
    return set(MessageCrisisFlag.objects.filter(conversation_id=conversation_id).values_list("message_id", flat=True))


# --- Escalation and duty ---------------------------------------------------------------------------


def escalation_due(now: datetime | None = None) -> QueueItemQuerySet:
    """Open crisis-level items nobody has claimed for the configured minutes, not yet escalated."""
    cutoff = (now or timezone.now()) - timedelta(minutes=crisis_escalate_minutes())
    return QueueItem.objects.filter(
        status=QueueItem.Status.OPEN,
        priority__lte=QueueItem.CRISIS_PRIORITY,
        claimed_by__isnull=True,
        auto_escalated_at__isnull=True,
        created_at__lte=cutoff,
    )


@transaction.atomic
def escalate_unclaimed_crisis(*, now: datetime | None = None, batch_size: int = 50) -> list[int]:
    """Tell the admins and the escalation contacts about each crisis item that waited unclaimed too
    long, once per item: the item is claimed for escalation in the database (SKIP LOCKED), so a
    second beat or a retried task finds nothing left to do. Says so in the moderation log."""
    from django.urls import reverse

    now = now or timezone.now()
    items = list(
        escalation_due(now).select_for_update(skip_locked=True).order_by("priority", "created_at")[:batch_size]
    )
    if not items:
        return []
    minutes = crisis_escalate_minutes()
    admins = list(User.objects.filter(role=Role.ADMIN, is_active=True))
    contacts = list(EscalationContact.objects.filter(is_active=True).values_list("email", flat=True))
    for item in items:
        item.auto_escalated_at = now
        item.save(update_fields=["auto_escalated_at"])
        ModerationAction.objects.create(
            actor=None,
            action=Action.AUTO_ESCALATE,
            item=item,
            post_id=item.post_id,
            subject_id=item.author_id,
            reason=_("Not claimed within %(minutes)s minutes: told %(admins)s admins and %(contacts)s escalation "
                     "contacts.") % {"minutes": minutes, "admins": len(admins), "contacts": len(contacts)},
        )  # fmt: skip
        notify(users=admins, kind=kinds.CRISIS_UNCLAIMED, url=item.get_absolute_url(), params={"minutes": minutes})
        if contacts:
            from moderation import tasks

            url = settings.SITE_URL + reverse("moderation:item", kwargs={"pk": item.pk})
            for email in contacts:
                transaction.on_commit(partial(tasks.email_escalation_contact.delay, email, url))
    return [item.pk for item in items]


@transaction.atomic
def set_on_duty(*, moderator: User, on_duty: bool) -> ModeratorDuty:
    if moderator.role != Role.MODERATOR:
        raise ModerationError(_("Only peer moderators go on duty."))
    duty, _created = ModeratorDuty.objects.select_for_update().get_or_create(moderator=moderator)
    if duty.on_duty == on_duty and not _created:
        raise ModerationError(_("You are on duty already.") if on_duty else _("You are off duty already."))
    duty.on_duty, duty.changed_at = on_duty, timezone.now()
    duty.save(update_fields=["on_duty", "changed_at"])
    return duty


def queue_size() -> int:
    return QueueItem.objects.open().count()
