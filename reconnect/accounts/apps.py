from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "reconnect.accounts"
    label = "accounts"
    # Not "Accounts": allauth's own app (email addresses) has that name in the admin index already.
    verbose_name = _("People and communities")

    def ready(self) -> None:
        from reconnect.accounts import checks  # noqa: F401 - registers the sign-in checks
        from reconnect.accounts.eid.services import install_reauthentication

        install_reauthentication()
