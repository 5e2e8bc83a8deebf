from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "reconnect.privacy"
    label = "privacy"
    verbose_name = _("Privacy and data rights")

    def ready(self) -> None:
        # Each app says in its own privacy.py what it holds about a person, how to export it and
        # how to erase it (see reconnect/privacy/registry.py).
        autodiscover_modules("privacy")
        from celery.schedules import crontab

        from reconnect.celery import app
        from reconnect.privacy import notifications  # noqa: F401 - registers the notification kind

        app.conf.beat_schedule["privacy-retention"] = {
            "task": "privacy.apply_retention",
            "schedule": crontab(hour=3, minute=15),
        }
