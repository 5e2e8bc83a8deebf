from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "reconnect.core"
    label = "core"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from reconnect.accounts.models import Role
        from reconnect.core import (
            checks,  # noqa: F401 - registers the system checks
            navigation,
        )
        from reconnect.core.crypto import get_fernet

        self._forget_cached_frame_on_change()

        # Refuse to start, rather than write plaintext, when the encryption keys are missing or wrong.
        if not settings.DEBUG and not settings.TESTING:
            get_fernet()

        every_role = frozenset(Role.values)
        navigation.register(navigation.NavItem(_("Home"), "core:home", every_role, order=0, icon="house"))
        navigation.register(
            navigation.NavItem(_("Notifications"), "core:notifications", every_role, order=80, icon="bell")
        )
        navigation.register(
            navigation.NavItem(
                _("My account"), "accounts:profile", every_role, order=90, icon="circle-user-round", tab=False
            )
        )

    def _forget_cached_frame_on_change(self) -> None:
        from django.core.signals import setting_changed
        from django.db.models.signals import post_delete, post_save

        from reconnect.core import frame, navigation
        from reconnect.core.models import CrisisContact, Notification
        from reconnect.core.templatetags import frame as frame_tags
        from reconnect.core.templatetags import icons

        for signal in (post_save, post_delete):
            signal.connect(frame.forget_crisis_contacts, sender=CrisisContact, dispatch_uid="frame-crisis-contacts")
            signal.connect(frame.notification_changed, sender=Notification, dispatch_uid="frame-unread-count")
        # What each process keeps of the frame follows the settings; only tests change them.
        for forget in (frame.forget_in_process, navigation.forget, frame_tags.forget, icons.forget):
            setting_changed.connect(forget, dispatch_uid=f"frame-{forget.__module__}")
