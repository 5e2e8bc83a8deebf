from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "reconnect.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from reconnect.accounts import checks  # noqa: F401 - registers the sign-in checks
        from reconnect.accounts.eid.services import install_reauthentication

        install_reauthentication()
