"""The moderation card of the home page: the open queue by priority, with the oldest wait (one query)."""

from django.db.models import Count, Min
from django.utils.translation import gettext_lazy as _

from reconnect.core.home import HomeCard

from .models import QueueItem

PRIORITY_NAMES = {
    0: _("Imminent crisis"),
    1: _("Crisis language"),
    2: _("Reports and flags"),
    3: _("Held for approval"),
}


def queue_card(user) -> list[HomeCard]:
    rows = (
        QueueItem.objects.open()
        .order_by()
        .values("priority")
        .annotate(count=Count("pk"), oldest=Min("created_at"))
        .order_by("priority")
    )
    groups = [{"name": PRIORITY_NAMES.get(row["priority"], ""), **row} for row in rows]
    return [
        HomeCard(
            "moderation/_home_queue.html",
            {
                "groups": groups,
                "total": sum(g["count"] for g in groups),
                "oldest": min((g["oldest"] for g in groups), default=None),
            },
        )
    ]
