"""Moderation: the peer moderator's queue, reports, the log, saved replies, watched words, sanctions.

Nothing here deletes anything for real: a hidden post keeps its text, an edited post keeps its
original in the log, a sanction ends or is lifted but stays on record.
"""

from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconnect.core.crypto import EncryptedTextField

if TYPE_CHECKING:
    from forum.models import Post
    from moderation.selectors import History

User = settings.AUTH_USER_MODEL


class Report(models.Model):
    """A member's report of a forum post. The reported member is never told who reported."""

    class Reason(models.TextChoices):
        IDENTIFYING = "identifying", _("It may identify someone")
        HOSTILE = "hostile", _("It is hostile or hurtful")
        HARMFUL_ADVICE = "harmful_advice", _("It gives harmful advice")
        WORRIED = "worried", _("I am worried about the writer")
        SPAM = "spam", _("It is spam")
        OTHER = "other", _("Something else")

    class Outcome(models.TextChoices):
        OPEN = "open", _("Waiting for a peer moderator")
        ACTED = "acted", _("A peer moderator acted on it")
        NO_ACTION = "no_action", _("A peer moderator looked at it and left the post as it is")

    post = models.ForeignKey("forum.Post", on_delete=models.CASCADE, related_name="moderation_reports")
    reporter = models.ForeignKey(User, on_delete=models.CASCADE, related_name="moderation_reports")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    details = EncryptedTextField(_("details"), blank=True, max_length=1000)
    item = models.ForeignKey("QueueItem", on_delete=models.CASCADE, related_name="reports")
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.OPEN)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"], condition=Q(outcome="open"), name="moderation_one_open_report"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.post_id})"


class QueueItemQuerySet(models.QuerySet["QueueItem"]):
    def open(self) -> "QueueItemQuerySet":
        return self.filter(status=QueueItem.Status.OPEN)

    def in_queue_order(self) -> "QueueItemQuerySet":
        return self.order_by("priority", "created_at", "pk")


class QueueItem(models.Model):
    """One thing that needs a peer moderator. Imminent crisis first, then crisis (and telling someone
    to harm themselves), then reports and flags (hostile, health advice, watched words), then held
    posts; oldest first within each."""

    class Kind(models.TextChoices):
        CRISIS = "crisis", _("Crisis language")
        REPORT = "report", _("Reported")
        FLAG = "flag", _("Watched word")
        HOSTILE = "hostile", _("Hostile")
        ADVICE = "advice", _("Health advice")
        HELD = "held", _("Held for approval")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Handled")

    class Severity(models.TextChoices):
        IMMINENT = "imminent", _("Imminent")
        CRISIS = "crisis", _("Crisis")
        FLAG = "flag", _("Flag")

    IMMINENT_PRIORITY, CRISIS_PRIORITY = 0, 1
    # Keyed by the choices' values (a Kind or Severity is its value, a str).
    PRIORITY: dict[str, int] = {
        Kind.CRISIS: 1,
        Kind.REPORT: 2,
        Kind.FLAG: 2,
        Kind.HOSTILE: 2,
        Kind.ADVICE: 2,
        Kind.HELD: 3,
    }
    SEVERITY_PRIORITY: dict[str, int] = {Severity.IMMINENT: 0, Severity.CRISIS: 1}

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    priority = models.PositiveSmallIntegerField(_("priority"), default=2)
    post = models.ForeignKey("forum.Post", on_delete=models.CASCADE, related_name="moderation_items")
    # The writer of the post, kept here so that history counts need no join through forum.
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="moderation_items")
    # What the screening found (phrases of the watched-word list, or "first posts"), for moderators.
    matched = models.CharField(_("why"), max_length=300, blank=True)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices, blank=True)
    # The screen's category (moderation/screening/categories.py) and its evidence: a list of
    # {"words", "rule", "category", "label", "severity"}, the words as the member wrote them.
    category = models.CharField(_("category"), max_length=30, blank=True)
    evidence = models.JSONField(_("evidence"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    claimed_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="moderation_claims"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated to an admin"), null=True, blank=True)
    # Set once, by the beat task, when a crisis item waited too long unclaimed (see services).
    auto_escalated_at = models.DateTimeField(_("escalated for waiting unclaimed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    # Not stored: moderation.selectors attaches these to the items it lists (reports with their
    # reporters, the author's record, the posts just before and after).
    report_list: list["Report"]
    history: "History"
    before: "Post | None"
    after: "Post | None"

    objects = QueueItemQuerySet.as_manager()

    class Meta:
        ordering = ["priority", "created_at", "pk"]
        verbose_name = _("queue item")
        verbose_name_plural = _("queue items")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "kind"], condition=Q(status="open"), name="moderation_one_open_item_per_kind"
            )
        ]
        indexes = [
            models.Index(fields=["status", "priority", "created_at"], name="moderation_queue_order"),
            models.Index(
                fields=["created_at"],
                condition=Q(status="open", priority__lte=1, claimed_by__isnull=True, auto_escalated_at__isnull=True),
                name="moderation_unclaimed_crisis",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("moderation:item", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_crisis(self) -> bool:
        return self.kind == self.Kind.CRISIS

    @property
    def is_crisis_level(self) -> bool:
        """Crisis, or telling someone to harm themselves: waits for nobody, escalates when unclaimed."""
        return self.priority <= self.CRISIS_PRIORITY

    @property
    def category_name(self) -> str:
        from moderation.screening.categories import CATEGORY_NAMES

        return str(CATEGORY_NAMES.get(self.category, "")) if self.category else ""


class ModerationAction(models.Model):
    """The moderation log: one row per action, written in the same transaction as the change."""

    class Action(models.TextChoices):
        CLAIM = "claim", _("Claimed")
        RELEASE = "release", _("Released")
        APPROVE = "approve", _("Approved")
        HIDE = "hide", _("Hid a post")
        EDIT = "edit", _("Edited a post")
        LOCK = "lock", _("Locked a thread")
        UNLOCK = "unlock", _("Unlocked a thread")
        MOVE = "move", _("Moved a thread")
        PIN = "pin", _("Pinned a thread")
        UNPIN = "unpin", _("Unpinned a thread")
        SLOW_MODE = "slow_mode", _("Changed slow mode")
        REPLY = "reply", _("Replied as moderator")
        CHECK_IN = "check_in", _("Sent a private check-in")
        DISMISS = "dismiss", _("Dismissed")
        ESCALATE = "escalate", _("Escalated to an admin")
        AUTO_ESCALATE = "auto_escalate", _("Escalated: waited unclaimed")
        SANCTION = "sanction", _("Sanctioned a member")
        LIFT_SANCTION = "lift_sanction", _("Lifted a sanction")
        WATCHED_WORD = "watched_word", _("Changed a watched word")

    # No actor: the portal itself acted (escalating a crisis item nobody claimed in time).
    actor = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="moderation_actions")
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    # The log outlives what it points at: a circle or an account that is deleted leaves its entries,
    # with who did what, when and why, behind.
    item = models.ForeignKey(QueueItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions")
    post = models.ForeignKey("forum.Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    thread = models.ForeignKey("forum.Thread", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # The member the action concerns (the post's author, a sanctioned member).
    subject = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="moderation_actions_about"
    )
    reason = models.TextField(_("reason"), blank=True)
    before_text = models.TextField(_("before"), blank=True)
    after_text = models.TextField(_("after"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"


class SavedReply(models.Model):
    """A warm, honest text moderators insert and adapt. Shared by all moderators."""

    title = models.CharField(_("title"), max_length=100)
    body = models.TextField(_("text"), max_length=5000)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("saved reply")
        verbose_name_plural = _("saved replies")

    def __str__(self) -> str:
        return self.title


class WatchedWordQuerySet(models.QuerySet["WatchedWord"]):
    def active(self) -> "WatchedWordQuerySet":
        return self.filter(is_active=True)


class WatchedWord(models.Model):
    """A word or phrase that holds, flags or marks a post as crisis. See moderation/screening/watched.py."""

    class Language(models.TextChoices):
        EN = "en", _("English")
        NB = "nb", _("Norwegian Bokmål")

    class Action(models.TextChoices):
        HOLD = "hold", _("Hold for approval")
        FLAG = "flag", _("Flag for a moderator")
        CRISIS = "crisis", _("Mark as crisis")

    phrase = models.CharField(_("word or phrase"), max_length=100)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    action = models.CharField(_("action"), max_length=6, choices=Action.choices)
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = WatchedWordQuerySet.as_manager()

    class Meta:
        ordering = ["language", "phrase"]
        verbose_name = _("watched word")
        verbose_name_plural = _("watched words")
        constraints = [models.UniqueConstraint(fields=["phrase", "language"], name="moderation_unique_phrase")]

    def __str__(self) -> str:
        return f"{self.phrase} ({self.language})"


class SanctionQuerySet(models.QuerySet["Sanction"]):
    def in_force(self, now: datetime | None = None) -> "SanctionQuerySet":
        now = now or timezone.now()
        return self.filter(lifted_at__isnull=True, starts_at__lte=now).filter(
            Q(ends_at__isnull=True) | Q(ends_at__gt=now)
        )


class Sanction(models.Model):
    """Graduated: a warning, pre-moderation (every post held), or no posting until a date."""

    class Kind(models.TextChoices):
        WARNING = "warning", _("Warning")
        PRE_MODERATION = "premod", _("Pre-moderation")
        SUSPENSION = "suspension", _("Posting suspended")

    member = models.ForeignKey(User, on_delete=models.CASCADE, related_name="moderation_sanctions")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    reason = models.TextField(_("reason"))
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(_("until"), null=True, blank=True)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    lifted_at = models.DateTimeField(null=True, blank=True)

    objects = SanctionQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("sanction")
        verbose_name_plural = _("sanctions")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.member_id})"


class SlowMode(models.Model):
    """A heated thread: one post per member per `minutes`."""

    thread = models.OneToOneField("forum.Thread", on_delete=models.CASCADE, related_name="slow_mode")
    minutes = models.PositiveSmallIntegerField(_("minutes between posts"))
    set_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("slow mode")
        verbose_name_plural = _("slow modes")

    def __str__(self) -> str:
        return f"{self.thread_id}: {self.minutes} min"


class ModeratorCheckIn(models.Model):
    """A private message from a peer moderator to a member, read on a private page (not the
    member's daily check-in, which is `toolbox.CheckIn`)."""

    member = models.ForeignKey(User, on_delete=models.CASCADE, related_name="moderation_check_ins")
    moderator = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    body = EncryptedTextField(_("message"), max_length=5000)
    post = models.ForeignKey("forum.Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("check-in message")
        verbose_name_plural = _("check-in messages")

    def __str__(self) -> str:
        return f"check-in #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("moderation:check_in", kwargs={"pk": self.pk})


class HideNotice(models.Model):
    """Why a post was hidden, for its author. The log keeps the same reason for moderators."""

    post = models.OneToOneField("forum.Post", on_delete=models.CASCADE, related_name="hide_notice")
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"hidden {self.post_id}"


class MessageCrisisFlag(models.Model):
    """Crisis language in a message to the care team: the providers see a note on that message.

    The note goes with its message: deleting the message or its conversation deletes the note.
    Moderators never see messages.
    """

    message = models.OneToOneField("messaging.Message", on_delete=models.CASCADE, related_name="crisis_flag")
    conversation = models.ForeignKey("messaging.Conversation", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"crisis note on message {self.message_id}"


class EscalationContact(models.Model):
    """Someone outside the portal's roles told when a crisis item waits unclaimed too long (the
    on-call clinician of the service, for example). Set up by admins in the Django admin."""

    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("escalation contact")
        verbose_name_plural = _("escalation contacts")
        constraints = [models.UniqueConstraint(fields=["email"], name="moderation_unique_escalation_email")]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


class DutyQuerySet(models.QuerySet["ModeratorDuty"]):
    def on_duty(self) -> "DutyQuerySet":
        return self.filter(on_duty=True, moderator__is_active=True)


class ModeratorDuty(models.Model):
    """Whether a peer moderator is on duty now: crisis flags reach those on duty at once (and every
    moderator when nobody is)."""

    moderator = models.OneToOneField(User, on_delete=models.CASCADE, related_name="moderation_duty")
    on_duty = models.BooleanField(_("on duty"), default=False)
    changed_at = models.DateTimeField(default=timezone.now)

    objects = DutyQuerySet.as_manager()

    class Meta:
        verbose_name = _("moderator on duty")
        verbose_name_plural = _("moderators on duty")

    def __str__(self) -> str:
        return f"{self.moderator_id}: {'on' if self.on_duty else 'off'} duty"
