from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolboxConfig(AppConfig):
    name = "toolbox"
    verbose_name = _("Toolbox")

    def ready(self) -> None:
        from reconnect.core import dashboard, home, hooks, navigation
        from toolbox.home import toolbox_cards
        from toolbox.selectors import dashboard_panel
        from toolbox.services import withdraw_shares_with

        home.register_card(toolbox_cards, roles=frozenset({"member"}), order=30)
        navigation.register(
            navigation.NavItem(_("Toolbox"), "toolbox:index", frozenset({"member"}), order=30, icon="toolbox")
        )
        dashboard.register_member_panel(dashboard_panel)
        hooks.on_care_link_ended(withdraw_shares_with)
