"""Demo: some months of sign-ins for the demo members, so the usage report has something to show."""

from datetime import timedelta

from django.utils import timezone

from reports.models import LoginEvent

# Sign-ins over the last six months: (email, how many).
SIGN_INS = [("ingrid@example.org", 24), ("marte@example.org", 9), ("sofie@example.org", 16)]


def seed(ctx: dict) -> None:
    users = ctx["users"]
    now = timezone.now()
    for email, count in SIGN_INS:
        user = users[email]
        if LoginEvent.objects.filter(user=user, at__lt=now - timedelta(days=1)).exists():
            continue
        LoginEvent.objects.bulk_create(
            LoginEvent(user=user, at=now - timedelta(days=180 * (n + 1) // (count + 1), hours=n)) for n in range(count)
        )
