"""The one change this app makes: remembering a sign-in."""

from datetime import datetime

from django.http import HttpRequest
from django.utils import timezone

from reconnect.accounts.models import User
from reports.models import LoginEvent


def record_login(*, user: User, at: datetime | None = None) -> LoginEvent:
    return LoginEvent.objects.create(user=user, at=at or timezone.now())


def on_user_logged_in(sender: type, request: HttpRequest, user: User, **kwargs: object) -> None:
    """Receiver of `user_logged_in`: it records the event and does nothing else."""
    record_login(user=user)
