"""What the usage report needs that no other app records: sign-ins, with their time."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LoginEvent(models.Model):
    """One completed sign-in (password and, where required, the second factor).

    Recorded when Django's `user_logged_in` signal fires, which allauth sends once a sign-in is
    complete. Confirming one's password again for a sensitive action is not a sign-in.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("sign-in")
        verbose_name_plural = _("sign-ins")
        indexes = [models.Index(fields=["user", "at"])]

    def __str__(self) -> str:
        return f"{self.user_id} at {self.at:%Y-%m-%d %H:%M}"


class UsageReport(models.Model):
    """No table: the usage report's place in the admin index (see reports/admin.py)."""

    class Meta:
        managed = False
        default_permissions = ()
        verbose_name = _("usage report")
        verbose_name_plural = _("usage report")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
