from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CafesConfig(AppConfig):
    name = "cafes"
    verbose_name = _("Cafés")

    def ready(self) -> None:
        from cafes import notifications  # noqa: F401 - registers the notification kinds
        from cafes.home import next_cafe_card
        from reconnect.celery import app
        from reconnect.core import home, navigation

        home.register_card(next_cafe_card, roles=frozenset({"member"}), order=20)
        navigation.register(
            navigation.NavItem(
                _("Cafés"), "cafes:index", frozenset({"member", "moderator"}), order=40, icon="calendar-heart"
            )
        )
        app.conf.beat_schedule["cafes-reminders"] = {"task": "cafes.dispatch_due_reminders", "schedule": 60.0}
