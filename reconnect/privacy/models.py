from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconnect.core.files import PrivateFileNameField

# An export still "being prepared" after this lost its task (an emptied broker, a database away
# for every retry): it is shown as failed, and asking again starts a new one.
EXPORT_GIVE_UP_AFTER = timedelta(hours=1)


class DataExport(models.Model):
    """A ZIP of everything a person holds in the portal, prepared in the background."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready to download")
        FAILED = "failed", _("Could not be prepared")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    ready_at = models.DateTimeField(_("ready"), null=True, blank=True)
    expires_at = models.DateTimeField(_("available until"), null=True, blank=True)
    downloaded_at = models.DateTimeField(_("last downloaded"), null=True, blank=True)
    # The encrypted ZIP is a PrivateFile of that name; a trigger removes it with this row, or
    # when the name is emptied (the copy expired).
    file_name = PrivateFileNameField(blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")

    def __str__(self) -> str:
        return str(_("Data export %(number)s")) % {"number": self.pk}

    def get_download_url(self) -> str:
        return reverse("privacy:export_download", kwargs={"pk": self.pk})

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_stuck(self) -> bool:
        return self.status == self.Status.PENDING and self.requested_at < timezone.now() - EXPORT_GIVE_UP_AFTER

    @property
    def status_label(self) -> str:
        """The status as the person should read it: a stuck or an expired copy says so."""
        if self.is_stuck:
            return str(self.Status.FAILED.label)
        if self.status == self.Status.READY and (self.is_expired or not self.file_name):
            return str(_("No longer available"))
        return str(self.get_status_display())

    @property
    def is_downloadable(self) -> bool:
        return self.status == self.Status.READY and not self.is_expired and bool(self.file_name)


class ErasureRequest(models.Model):
    """One account deletion: when, with which choices, and how much was removed. Never contents."""

    # The anonymous row the account became (see User.erased_at); it holds no name or address.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="erasure", verbose_name=_("account")
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    kept_post_text = models.BooleanField(_("forum texts kept"), default=False)
    kept_messages = models.BooleanField(_("messages kept for the health record"), default=False)
    # Counts per kind of thing, e.g. {"toolbox.goals": 3}.
    counts = models.JSONField(_("what was removed or anonymised"), default=dict, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("account deletion")
        verbose_name_plural = _("account deletions")

    def __str__(self) -> str:
        return str(_("Account deletion %(number)s")) % {"number": self.pk}
