from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolboxConfig(AppConfig):
    name = "toolbox"
    verbose_name = _("Toolbox")

    def ready(self) -> None:
        from reconnect.core import dashboard, navigation
        from toolbox.selectors import dashboard_panel

        navigation.register(navigation.NavItem(_("Toolbox"), "toolbox:index", frozenset({"member"}), order=30))
        dashboard.register_member_panel(dashboard_panel)
