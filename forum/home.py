"""The forum card of the home page: new replies in the threads the member follows (one query)."""

from django.db.models import F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from reconnect.core.home import HomeCard

from .models import ReadPosition, Thread, ThreadWatch

SHOWN = 3


def followed_threads_card(user) -> list[HomeCard]:
    last_read = ReadPosition.objects.filter(thread=OuterRef("pk"), user=user).values("last_read_position")[:1]
    watched = ThreadWatch.objects.filter(user=user, is_watching=True).values("thread_id")
    threads = list(
        Thread.objects.visible_to(user)
        .filter(pk__in=watched)
        .annotate(last_read=Coalesce(Subquery(last_read, output_field=IntegerField()), Value(0)))
        .filter(post_count__gt=F("last_read"))
        .only("pk", "title", "post_count", "last_activity_at")
        .order_by("-last_activity_at", "-pk")[:SHOWN]
    )
    for thread in threads:
        thread.new_replies = thread.post_count - thread.last_read
    return [HomeCard("forum/_home_followed.html", {"threads": threads})]
