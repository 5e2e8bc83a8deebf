from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconnect.core import notifications

if TYPE_CHECKING:
    from reconnect.accounts.models import User


class CrisisContact(models.Model):
    """A place to get urgent help. Rows without a community are the defaults shown to everyone."""

    community = models.ForeignKey(
        "accounts.Community",
        verbose_name=_("community"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="crisis_contacts",
        help_text=_("Leave empty for a contact shown in every community."),
    )
    name = models.CharField(_("name"), max_length=120)
    phone = models.CharField(_("phone"), max_length=40)
    description = models.CharField(_("when to call"), max_length=200, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Empty: shown in every language."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("crisis contact")
        verbose_name_plural = _("crisis contacts")

    def __str__(self) -> str:
        return f"{self.name} ({self.phone})"

    @property
    def tel_href(self) -> str:
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


class ContentPage(models.Model):
    """A page of information written by admins (about the portal, privacy, using it well)."""

    slug = models.SlugField(_("address"), max_length=80)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Plain text; blank lines separate paragraphs."))
    published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug", "language"]
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
        constraints = [models.UniqueConstraint(fields=["slug", "language"], name="one_page_per_language")]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]


class NotificationQuerySet(models.QuerySet["Notification"]):
    def for_user(self, user: "User") -> "NotificationQuerySet":
        return self.filter(user=user)

    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=60)
    # Content-free parameters only: counts, dates, names already visible to this user (a peer's
    # pseudonym to peers, a member's name_for_providers to their providers).
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # Filled when the notification waits for the daily summary email.
    digest_due = models.BooleanField(default=False)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "read_at"]),
            models.Index(fields=["digest_due"], condition=models.Q(digest_due=True), name="notification_digest_due"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.user_id}"

    @property
    def text(self) -> str:
        kind = notifications.get_kind(self.kind)
        if kind is None:
            return str(_("You have something new."))
        try:
            return str(kind.message).format(**self.params)
        except (KeyError, IndexError, ValueError):
            return str(kind.message)


class NotificationPreference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=60)
    in_app = models.BooleanField(default=True)
    email = models.CharField(max_length=20, choices=notifications.EmailChoice.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.kind}"


class AccessLogEntry(models.Model):
    """One time someone opened another person's data. Append-only: the database refuses changes."""

    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("whose data"),
        on_delete=models.CASCADE,
        related_name="access_log",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_role = models.CharField(_("role"), max_length=20)
    actor_name = models.CharField(_("name"), max_length=150)
    action = models.CharField(_("what"), max_length=60)
    object_type = models.CharField(_("item"), max_length=60, blank=True)
    object_id = models.CharField(max_length=40, blank=True)
    object_label = models.CharField(_("item name"), max_length=200, blank=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        indexes = [models.Index(fields=["subject", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.actor_name} {self.action} {self.object_type} ({self.created_at:%Y-%m-%d %H:%M})"


class AccessLogRetention(models.Model):
    """The one row that lets the retention command remove access-log lines older than a date.

    The database trigger refuses every UPDATE of the log and every DELETE of a line written on or
    after `remove_before`; only `manage.py apply_retention` moves that date (see privacy.services).
    """

    remove_before = models.DateTimeField(null=True, blank=True)
    # ACCESS_LOG_KEPT_DAYS as the owner role last stored it; the database refuses a cut-off later
    # than this many days before now (see reconnect.core.db_roles).
    kept_days = models.IntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("access log retention")

    def __str__(self) -> str:
        return f"remove before {self.remove_before}"


class PrivateFile(models.Model):
    """One private file (a message attachment, a data export), kept encrypted in the database.

    Its contents are in PrivateFileChunk rows, so that every web and worker process on any host
    reads the same files and a database backup holds them. See reconnect.core.files.
    """

    name = models.CharField(max_length=200, unique=True)
    size = models.BigIntegerField(default=0)  # of the plain contents
    chunk_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("private file")
        verbose_name_plural = _("private files")

    def __str__(self) -> str:
        return self.name


class PrivateFileChunk(models.Model):
    """A piece of a private file: one Fernet token (its bytes) of at most 256 kB of its contents."""

    # The database removes the chunks with their file, also when the file goes through a trigger.
    file = models.ForeignKey(PrivateFile, on_delete=models.DB_CASCADE, related_name="chunks")
    index = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["file", "index"], name="one_chunk_per_place")]

    def __str__(self) -> str:
        return f"{self.file_id}:{self.index}"
