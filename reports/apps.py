from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from reports import services

        user_logged_in.connect(services.on_user_logged_in, dispatch_uid="reports.record_login")
