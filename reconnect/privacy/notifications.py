from django.utils.translation import gettext_lazy as _

from reconnect.core.notifications import EmailChoice, NotificationKind, register

EXPORT_READY = register(
    NotificationKind(
        key="privacy.export_ready",
        label=_("My data export is ready"),
        message=_("The copy of your data is ready to download."),
        default_email=EmailChoice.IMMEDIATE,
    )
)
