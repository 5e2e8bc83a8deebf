"""Read-only views of exactly what a member shares with the provider asking.

Every view opens the item through permissions.open_shared, which checks the care link and the
share again on every request (a withdrawn share or an ended link refuses the next page load) and
writes the access-log entry the member sees on /me/access-log/.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from reconnect.core.permissions import provider_required
from toolbox import permissions, selectors, svg
from toolbox.models import ItemType


@provider_required
def member_items(request: HttpRequest, member_id: int) -> HttpResponse:
    member = permissions.member_in_care_of(request.user, member_id)
    items = selectors.shared_items(request.user, [member])[member.pk]
    return render(request, "toolbox/provider/member.html", {"member": member, "items": items})


@provider_required
def crisis_plan(request: HttpRequest, member_id: int) -> HttpResponse:
    opened = permissions.open_shared(request.user, member_id, ItemType.CRISIS_PLAN)
    member, plan = opened.member, opened.obj
    return render(
        request,
        "toolbox/provider/crisis_plan.html",
        {
            "member": member,
            "plan": plan,
            "sections": plan.sections() if plan else [],
            "updated_at": plan and plan.updated_at,
        },
    )


@provider_required
def goal(request: HttpRequest, member_id: int, goal_id: int) -> HttpResponse:
    opened = permissions.open_shared(request.user, member_id, ItemType.GOAL, goal_id=goal_id)
    member, shared_goal = opened.member, opened.share.goal
    steps = list(shared_goal.steps.all())
    activities = list(shared_goal.activities.all())
    return render(
        request,
        "toolbox/provider/goal.html",
        {
            "member": member,
            "goal": shared_goal,
            "steps": steps,
            "activities": activities,
            "updated_at": shared_goal.updated_at,
        },
    )


def _latest(rows):
    return max((row.updated_at for row in rows), default=None)


@provider_required
def network(request: HttpRequest, member_id: int) -> HttpResponse:
    member = permissions.open_shared(request.user, member_id, ItemType.NETWORK).member
    people = selectors.network_of(member)
    return render(
        request,
        "toolbox/provider/network.html",
        {
            "member": member,
            "people": people,
            "map": svg.network_map(people, owner_label=member.name_for_providers),
            "updated_at": _latest(people),
        },
    )


@provider_required
def medications(request: HttpRequest, member_id: int) -> HttpResponse:
    member = permissions.open_shared(request.user, member_id, ItemType.MEDICATIONS).member
    current, ended = selectors.medicines_of(member)
    rows = current + ended
    return render(
        request,
        "toolbox/provider/medications.html",
        {
            "member": member,
            "current": current,
            "ended": ended,
            "updated_at": _latest(rows),
        },
    )


@provider_required
def checkins(request: HttpRequest, member_id: int) -> HttpResponse:
    member = permissions.open_shared(request.user, member_id, ItemType.CHECKINS).member
    weeks, start, end = selectors.chart_period(request.GET.get("weeks"))
    rows = selectors.checkins_between(member, start, end)
    return render(
        request,
        "toolbox/provider/checkins.html",
        {
            "member": member,
            "checkins": rows,
            "chart": svg.checkin_chart(rows, start=start, end=end),
            "weeks": weeks,
            "week_choices": selectors.CHART_WEEKS,
            "updated_at": _latest(rows),
        },
    )
