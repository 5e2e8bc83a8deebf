from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forum")

    def ready(self) -> None:
        from forum import notifications  # noqa: F401 - registers the notification kinds
        from forum.home import followed_threads_card
        from reconnect.core import home, navigation

        home.register_card(followed_threads_card, roles=frozenset({"member", "moderator"}), order=40)
        navigation.register(
            navigation.NavItem(
                _("Forum"), "forum:index", frozenset({"member", "moderator"}), order=10, icon="messages-square"
            )
        )
