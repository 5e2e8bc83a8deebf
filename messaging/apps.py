from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "messaging"
    verbose_name = _("Messages")

    def ready(self) -> None:
        from reconnect.core import home, navigation

        from . import notifications  # noqa: F401 - registers the notification kinds
        from .home import member_card, provider_card

        home.register_card(member_card, roles=frozenset({"member"}), order=10)
        home.register_card(provider_card, roles=frozenset({"provider"}), order=10)
        navigation.register(
            navigation.NavItem(_("Messages"), "messaging:inbox", frozenset({"member"}), order=20, icon="mail")
        )
        navigation.register(
            navigation.NavItem(
                _("Dashboard"), "provider:dashboard", frozenset({"provider"}), order=10, icon="layout-dashboard"
            )
        )
