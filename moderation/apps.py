from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from celery.schedules import crontab
        from django.conf import settings

        from moderation import notifications  # noqa: F401 - registers the notification kinds
        from moderation.home import queue_card
        from moderation.screener import ModerationScreener
        from reconnect.celery import app
        from reconnect.core import home, hooks, navigation

        hooks.register_screener(ModerationScreener())
        home.register_card(queue_card, roles=frozenset({"moderator", "admin"}), order=5)

        navigation.register(
            navigation.NavItem(
                _("Moderation"), "moderation:queue", frozenset({"moderator", "admin"}), order=15, icon="shield-check"
            )
        )
        # Beat runs once for the whole deployment; the task itself is idempotent enough for a rerun.
        app.conf.beat_schedule["moderation-queue-summary"] = {
            "task": "moderation.queue_summary",
            "schedule": crontab(hour=8, minute=0),
        }
        # Each unclaimed crisis item is escalated once: the task claims it in the database.
        app.conf.beat_schedule["moderation-escalate-unclaimed-crisis"] = {
            "task": "moderation.escalate_unclaimed_crisis",
            "schedule": float(settings.MODERATION_ESCALATION_CHECK_SECONDS),
        }
