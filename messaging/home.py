"""The messaging cards of the home page: one aggregate query each."""

from django.db.models import Count, Min, Q, Sum
from django.db.models.functions import Coalesce

from reconnect.core.home import HomeCard

from .selectors import member_conversations, provider_conversations


def member_card(member) -> list[HomeCard]:
    totals = member_conversations(member).aggregate(
        unread=Coalesce(Sum("unread_count"), 0), conversations=Count("pk", filter=Q(unread_count__gt=0))
    )
    return [HomeCard("messaging/_home_member.html", totals)]


def provider_card(provider) -> list[HomeCard]:
    totals = provider_conversations(provider).aggregate(
        waiting=Count("pk", filter=Q(waiting_since__isnull=False)),
        oldest_wait=Min("waiting_since"),
        unread=Coalesce(Sum("unread_count"), 0),
    )
    return [HomeCard("messaging/_home_provider.html", totals)]
