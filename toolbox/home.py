"""The toolbox cards of the home page: today's check-in and progress on goals, in one query.

One row of the member with scalar subqueries, so that the two cards cost one query together.
"""

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from reconnect.core.home import HomeCard

from .models import Activity, CheckIn, Goal, Step


def _count(queryset, key: str) -> Coalesce:
    counted = queryset.order_by().values(key).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def toolbox_cards(member) -> list[HomeCard]:
    today = timezone.localdate()
    checkin = CheckIn.objects.filter(member=OuterRef("pk"), day=today)
    open_steps = Step.objects.filter(goal__member=OuterRef("pk"), goal__reached_at__isnull=True)
    open_activities = Activity.objects.filter(goal__member=OuterRef("pk"), goal__reached_at__isnull=True)
    next_activity = Activity.objects.filter(
        goal__member=OuterRef("pk"), done_at__isnull=True, planned_on__gte=today
    ).order_by("planned_on", "pk")
    row = (
        get_user_model()
        .objects.filter(pk=member.pk)
        .values("pk")
        .annotate(
            mood=Subquery(checkin.values("mood")[:1]),
            sleep=Subquery(checkin.values("sleep")[:1]),
            activity=Subquery(checkin.values("activity")[:1]),
            goals=_count(Goal.objects.filter(member=OuterRef("pk"), reached_at__isnull=True), "member"),
            steps_total=_count(open_steps, "goal__member"),
            steps_done=_count(open_steps.filter(done_at__isnull=False), "goal__member"),
            activities_total=_count(open_activities, "goal__member"),
            activities_done=_count(open_activities.filter(done_at__isnull=False), "goal__member"),
            next_activity=Subquery(next_activity.values("title")[:1]),
            next_activity_on=Subquery(next_activity.values("planned_on")[:1]),
            next_activity_goal=Subquery(next_activity.values("goal_id")[:1]),
        )
        .get()
    )
    checked_in = row["mood"] is not None
    checkin_context = {
        "checked_in": checked_in,
        "scores": [(CheckIn._meta.get_field(name).verbose_name, row[name]) for name in ("mood", "sleep", "activity")]
        if checked_in
        else [],
    }
    goals_context = {
        "goals": row["goals"],
        "total": row["steps_total"] + row["activities_total"],
        "done": row["steps_done"] + row["activities_done"],
        "next_activity": row["next_activity"],
        "next_activity_on": row["next_activity_on"],
        "next_activity_goal": row["next_activity_goal"],
    }
    return [
        HomeCard("toolbox/_home_checkin.html", checkin_context),
        HomeCard("toolbox/_home_goals.html", goals_context),
    ]
