from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CafesConfig(AppConfig):
    name = "cafes"
    verbose_name = _("Cafés")
