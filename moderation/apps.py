from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from celery.schedules import crontab

        from moderation import notifications  # noqa: F401 - registers the notification kinds
        from reconnect.celery import app
        from reconnect.core import navigation

        navigation.register(
            navigation.NavItem(_("Moderation"), "moderation:queue", frozenset({"moderator", "admin"}), order=15)
        )
        # Beat runs once for the whole deployment; the task itself is idempotent enough for a rerun.
        app.conf.beat_schedule["moderation-queue-summary"] = {
            "task": "moderation.queue_summary",
            "schedule": crontab(hour=8, minute=0),
        }
