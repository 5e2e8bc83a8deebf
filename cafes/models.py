"""Café series and meetings per community, answers (RSVP), company on the way, and reminders."""

import secrets
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconnect.accounts.models import Role, User
from reconnect.core.crypto import EncryptedCharField

# How long after a café those who answered "going" or "maybe" are asked whether they came.
WHO_CAME_DAYS = 60


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly, on a given weekday of the month")
    WEEKLY = "weekly", _("Every week")


class Nth(models.IntegerChoices):
    FIRST = 1, _("first")
    SECOND = 2, _("second")
    THIRD = 3, _("third")
    FOURTH = 4, _("fourth")
    FIFTH = 5, _("fifth")
    LAST = -1, _("last")


def communities_of(user: User | AnonymousUser) -> Q:
    """The communities whose cafés `user` may see, as a filter on `community`."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.role == Role.ADMIN:
        return Q()
    if user.role == Role.MEMBER:
        return Q(community_id=user.community_id) if user.community_id else Q(pk__in=[])
    if user.role == Role.MODERATOR:
        return Q(community_id__in=user.community_ids())
    return Q(pk__in=[])


class SeriesQuerySet(models.QuerySet["CafeSeries"]):
    def visible_to(self, user: User | AnonymousUser) -> "SeriesQuerySet":
        return self.filter(communities_of(user))


def managed_by(user: User | AnonymousUser, *, host_id: int | None) -> bool:
    """A series and its meetings are managed by their host and by admins."""
    return user.is_authenticated and (user.role == Role.ADMIN or user.pk == host_id)


class CafeSeries(models.Model):
    """A recurring café in one community: the rule that generated its meetings and their defaults."""

    community = models.ForeignKey(
        "accounts.Community", verbose_name=_("community"), on_delete=models.CASCADE, related_name="cafe_series"
    )
    title = models.CharField(_("name"), max_length=120)
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("host"),
        on_delete=models.PROTECT,
        related_name="hosted_cafe_series",
        limit_choices_to={"role": Role.MODERATOR},
    )
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY)
    nth = models.SmallIntegerField(_("which week of the month"), choices=Nth.choices, null=True, blank=True)
    weekday = models.SmallIntegerField(_("weekday"), choices=Weekday.choices)
    start_time = models.TimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("length in minutes"), default=120)
    first_date = models.DateField(_("from"))
    last_date = models.DateField(_("until"))
    place = models.CharField(_("place"), max_length=150)
    address = models.CharField(_("address"), max_length=200)
    directions = models.TextField(_("how to get there"), blank=True)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = SeriesQuerySet.as_manager()

    class Meta:
        ordering = ["community__name", "title"]
        verbose_name = _("café series")
        verbose_name_plural = _("café series")

    def __str__(self) -> str:
        return f"{self.title} ({self.community})"

    def get_absolute_url(self) -> str:
        return reverse("cafes:series", args=[self.pk])

    def is_managed_by(self, user: User | AnonymousUser) -> bool:
        return managed_by(user, host_id=self.host_id)


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def visible_to(self, user: User | AnonymousUser) -> "MeetingQuerySet":
        return self.filter(communities_of(user))

    def upcoming(self) -> "MeetingQuerySet":
        return self.filter(ends_at__gte=timezone.now())

    def past(self) -> "MeetingQuerySet":
        return self.filter(ends_at__lt=timezone.now())


class Meeting(models.Model):
    """One café on one day. Starts as a copy of its series' defaults; the host adjusts it."""

    series = models.ForeignKey(CafeSeries, on_delete=models.CASCADE, related_name="meetings")
    # Kept next to the series so that every visibility filter is one condition on this table.
    community = models.ForeignKey("accounts.Community", on_delete=models.CASCADE, related_name="+")
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("host"), on_delete=models.PROTECT, related_name="hosted_cafes"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=150)
    address = models.CharField(_("address"), max_length=200)
    directions = models.TextField(_("how to get there"), blank=True)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    reflection = models.TextField(
        _("to think about before coming"),
        blank=True,
        help_text=_("A reflection exercise for the members to think about before the café."),
    )
    # A web address or the address of a forum thread, kept as text: the forum is another app.
    link = models.CharField(
        _("link"), max_length=300, blank=True, help_text=_("A forum thread or a web page, for example /forum/12/.")
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attendance = models.PositiveSmallIntegerField(_("people who came"), null=True, blank=True)
    attendance_note = models.CharField(_("note for the host"), max_length=300, blank=True)
    attendance_recorded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("café")
        verbose_name_plural = _("cafés")
        indexes = [models.Index(fields=["community", "starts_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="cafe_ends_after_start")
        ]

    def __str__(self) -> str:
        local = timezone.localtime(self.starts_at)
        return f"{self.series.title} {local:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("cafes:detail", args=[self.pk])

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def is_past(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def is_open_for_answers(self) -> bool:
        return not self.is_cancelled and not self.is_past

    @property
    def asks_who_came(self) -> bool:
        """Once it has started, and for WHO_CAME_DAYS after, those who answered may say whether they came."""
        now = timezone.now()
        return not self.is_cancelled and self.starts_at <= now <= self.starts_at + timedelta(days=WHO_CAME_DAYS)

    def is_managed_by(self, user: User | AnonymousUser) -> bool:
        return managed_by(user, host_id=self.host_id)

    def label(self) -> str:
        """Date, time and place only: what a content-free notification may say."""
        local = timezone.localtime(self.starts_at)
        return f"{local:%d.%m.%Y %H:%M}"


class Answer(models.TextChoices):
    GOING = "going", _("Going")
    MAYBE = "maybe", _("Maybe")
    NOT_GOING = "no", _("Not going")


class Rsvp(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="rsvps")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cafe_rsvps")
    answer = models.CharField(_("your answer"), max_length=10, choices=Answer.choices)
    show_pseudonym = models.BooleanField(
        _("Show my pseudonym on the list of who is coming"),
        default=False,
        help_text=_("Only members of your community who can see this café see the list."),
    )
    first_visit = models.BooleanField(
        _("This is my first café: I would like the host to meet me at the door"), default=False
    )
    first_visit_note = EncryptedCharField(
        _("Anything the host should know (only the host sees this)"), max_length=300, blank=True
    )
    # What the member said after the café: True "I was there", False "I could not come", None not said.
    attended = models.BooleanField(_("came to the café"), null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="one_answer_per_cafe")]
        indexes = [models.Index(fields=["meeting", "answer"])]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.meeting_id}: {self.answer}"

    @property
    def is_coming(self) -> bool:
        return self.answer in (Answer.GOING, Answer.MAYBE)


class CompanionKind(models.TextChoices):
    OFFER = "offer", _("I offer company")
    ASK = "ask", _("I would like company")


class CompanionPost(models.Model):
    """An offer of, or a wish for, company on the way to a café."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="companion_posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("offer or wish"), max_length=10, choices=CompanionKind.choices)
    text = models.CharField(
        _("what you suggest"),
        max_length=300,
        help_text=_('For example "Meet 15 minutes before at the station" or "I can give a lift from the square".'),
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("company on the way")
        verbose_name_plural = _("company on the way")

    def __str__(self) -> str:
        return f"{self.kind} by {self.author_id} for {self.meeting_id}"


class ReminderOffset(models.TextChoices):
    TWO_DAYS = "2d", _("Two days before")
    ONE_DAY = "1d", _("The day before")
    MORNING = "morning", _("On the morning of the day (08:00)")
    TWO_HOURS = "2h", _("Two hours before")


DEFAULT_OFFSETS = [ReminderOffset.TWO_DAYS.value, ReminderOffset.MORNING.value]


def _default_offsets() -> list[str]:
    return list(DEFAULT_OFFSETS)


def _new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CafeSettings(models.Model):
    """A member's café choices: reminders and the secret of their calendar feed."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cafe_settings")
    reminders_on = models.BooleanField(_("Remind me of cafés I answered going or maybe"), default=True)
    reminder_offsets = models.JSONField(_("when"), default=_default_offsets)
    feed_token = models.CharField(max_length=64, unique=True, default=_new_feed_token)

    class Meta:
        verbose_name = _("café settings")
        verbose_name_plural = _("café settings")

    def __str__(self) -> str:
        return f"café settings of {self.user_id}"


class ReminderStatus(models.TextChoices):
    PENDING = "pending", _("waiting")
    CLAIMED = "claimed", _("being sent")
    SENT = "sent", _("sent")
    CANCELLED = "cancelled", _("cancelled")


def _new_key() -> str:
    return uuid.uuid4().hex


class Reminder(models.Model):
    """One reminder due for one member, one café and one offset: the state that makes sending safe.

    A row is claimed in a batch (status CLAIMED, with a lease) and then sent in its own
    transaction, which checks the idempotency key it was claimed with. A row whose café moved gets
    a new key, so a batch claimed before the move cannot send it for the old time.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cafe_reminders")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="reminders")
    offset = models.CharField(max_length=10, choices=ReminderOffset.choices)
    due_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=ReminderStatus.choices, default=ReminderStatus.PENDING)
    idempotency_key = models.CharField(max_length=32, unique=True, default=_new_key)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "meeting", "offset"], name="one_reminder_per_offset")]
        indexes = [
            models.Index(
                fields=["due_at"],
                condition=Q(status__in=["pending", "claimed"]),
                name="cafe_reminder_due",
            )
        ]

    def __str__(self) -> str:
        return f"{self.offset} reminder of {self.meeting_id} for {self.user_id}"


def reminder_due_at(offset: str, starts_at: datetime) -> datetime:
    # Days are counted on the wall clock of the portal's time zone, so that "two days before" keeps
    # its hour across a daylight-saving change.
    local = timezone.localtime(starts_at)
    if offset == ReminderOffset.TWO_DAYS:
        return local - timedelta(days=2)
    if offset == ReminderOffset.ONE_DAY:
        return local - timedelta(days=1)
    if offset == ReminderOffset.TWO_HOURS:
        return starts_at - timedelta(hours=2)
    # The morning of the day, in the portal's time zone.
    return local.replace(hour=8, minute=0, second=0, microsecond=0)
