"""The one change this app makes: remembering a sign-in."""

from django.utils import timezone

from reports.models import LoginEvent


def record_login(*, user, at=None) -> LoginEvent:
    return LoginEvent.objects.create(user=user, at=at or timezone.now())


def on_user_logged_in(sender, request, user, **kwargs) -> None:
    """Receiver of `user_logged_in`: it records the event and does nothing else."""
    record_login(user=user)
