"""Conversations between a member and providers of their care team.

Bodies, subjects and attachment names are health content: they are stored encrypted
(reconnect.core.crypto) and never appear in the admin, in notifications or in the access log.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconnect.accounts.models import CareRelationship, User
from reconnect.core.crypto import EncryptedTextField
from reconnect.core.files import PrivateFileNameField


class ConversationQuerySet(models.QuerySet["Conversation"]):
    def for_member(self, member: User) -> "ConversationQuerySet":
        """Every conversation of the member, also with providers whose link has ended."""
        return self.filter(member=member)

    def for_provider(self, provider: User) -> "ConversationQuerySet":
        """Conversations the provider takes part in, while the member is in their care team.

        Ending the care-team link closes them for this provider from that moment on.
        """
        active_link = CareRelationship.objects.active().filter(member=OuterRef("member_id"), provider=provider)
        participating = Participant.objects.filter(conversation=OuterRef("pk"), provider=provider)
        return self.filter(Exists(active_link), Exists(participating))


class Conversation(models.Model):
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="conversations",
    )
    subject = EncryptedTextField(_("subject"))
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    last_message_at = models.DateTimeField(_("last message"), default=timezone.now, db_index=True)
    # The member's own marks: when they last read it, and whether they put it away.
    member_read_at = models.DateTimeField(null=True, blank=True)
    member_archived_at = models.DateTimeField(_("archived by the member"), null=True, blank=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self) -> str:
        # Never the subject: this text reaches the access log and the admin.
        return str(_("Conversation %(number)s")) % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("messaging:conversation", kwargs={"pk": self.pk})

    def get_provider_url(self) -> str:
        return reverse("provider:conversation", kwargs={"pk": self.pk})


class Participant(models.Model):
    """One provider in a conversation, with their own read and handled marks."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="participants")
    provider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("provider"),
        on_delete=models.CASCADE,
        related_name="conversation_participations",
    )
    added_at = models.DateTimeField(default=timezone.now)
    last_read_at = models.DateTimeField(null=True, blank=True)
    handled_at = models.DateTimeField(_("marked as handled"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [models.UniqueConstraint(fields=["conversation", "provider"], name="one_participation")]

    def __str__(self) -> str:
        return f"{self.provider_id} in {self.conversation_id}"


class Message(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = EncryptedTextField(_("message"))
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["conversation", "created_at"])]

    def __str__(self) -> str:
        return str(_("Message %(number)s")) % {"number": self.pk}

    @property
    def size(self) -> int:
        return len(self.body or "")


class MessageRead(models.Model):
    """When a provider first read a member's message: the member sees it as a read mark."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reads")
    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["read_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["message", "reader"], name="one_read_mark")]

    def __str__(self) -> str:
        return f"{self.reader_id} read {self.message_id}"


class Attachment(models.Model):
    """A file sent with a message, stored encrypted in the private storage (never served by URL)."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    # The encrypted contents are a PrivateFile of that name; a trigger removes it with this row.
    file_name = PrivateFileNameField()
    original_name = EncryptedTextField(_("file name"))
    content_type = models.CharField(_("type"), max_length=60)
    size = models.PositiveIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return str(_("Attachment %(number)s")) % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("messaging:attachment", kwargs={"pk": self.pk})


class ReplyTime(models.TextChoices):
    """How soon a provider usually answers: a fixed choice, so that members read it in their language."""

    SAME_DAY = "same_day", _("the same working day")
    ONE_DAY = "one_day", _("within 1 working day")
    TWO_DAYS = "two_days", _("within 2 working days")
    THREE_DAYS = "three_days", _("within 3 working days")
    ONE_WEEK = "one_week", _("within a week")


class ProviderAvailability(models.Model):
    """What members see before they write to a provider: reply time and any absence."""

    provider = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messaging_availability"
    )
    # Free text written before the choice existed stays as it was (migration 0002 turned the texts
    # it recognised into choices); its display is the text itself.
    expected_reply_time = models.CharField(
        _("expected reply time"),
        max_length=120,
        blank=True,
        choices=ReplyTime.choices,
        help_text=_("Shown to members before they write."),
    )
    out_of_office_note = models.CharField(
        _("out-of-office note"),
        max_length=300,
        blank=True,
        help_text=_("Shown to members while you are away. Leave empty when you are at work."),
    )
    away_until = models.DateField(_("back on"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("provider availability")
        verbose_name_plural = _("provider availability")

    def __str__(self) -> str:
        return str(self.provider_id)

    @property
    def is_away(self) -> bool:
        if not self.out_of_office_note:
            return False
        return self.away_until is None or self.away_until >= timezone.localdate()
