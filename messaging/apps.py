from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "messaging"
    verbose_name = _("Messages")

    def ready(self) -> None:
        from reconnect.core import navigation

        from . import notifications  # noqa: F401 - registers the notification kinds

        navigation.register(
            navigation.NavItem(_("Messages"), "messaging:inbox", frozenset({"member"}), order=20, icon="mail")
        )
        navigation.register(
            navigation.NavItem(
                _("Dashboard"), "provider:dashboard", frozenset({"provider"}), order=10, icon="layout-dashboard"
            )
        )
