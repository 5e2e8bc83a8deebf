"""Read-only views of exactly what a member shares with the provider asking.

Every request checks the share again (selectors.require_share), so a withdrawn share or an ended
care-team link refuses the next page load, and every view writes an access-log entry the member
sees on /me/access-log/.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from reconnect.core.permissions import provider_required
from reconnect.core.services import log_access
from toolbox import selectors, svg
from toolbox.models import CheckIn, CrisisPlan, ItemType
from toolbox.views import chart_period


@provider_required
def member_items(request: HttpRequest, member_id: int) -> HttpResponse:
    member = selectors.member_in_care_of(request.user, member_id)
    items = selectors.shared_items(request.user, [member])[member.pk]
    return render(request, "toolbox/provider/member.html", {"member": member, "items": items})


@provider_required
def crisis_plan(request: HttpRequest, member_id: int) -> HttpResponse:
    member = selectors.member_in_care_of(request.user, member_id)
    selectors.require_share(request.user, member, ItemType.CRISIS_PLAN)
    plan = CrisisPlan.objects.filter(member=member).first()
    log_access(actor=request.user, subject=member, obj=plan, object_type=_("crisis plan"), label=str(_("Crisis plan")))
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
    member = selectors.member_in_care_of(request.user, member_id)
    share = selectors.require_share(request.user, member, ItemType.GOAL, goal_id=goal_id)
    shared_goal = share.goal
    steps = list(shared_goal.steps.all())
    activities = list(shared_goal.activities.all())
    log_access(actor=request.user, subject=member, obj=shared_goal)
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
    member = selectors.member_in_care_of(request.user, member_id)
    selectors.require_share(request.user, member, ItemType.NETWORK)
    people = selectors.network_of(member)
    log_access(actor=request.user, subject=member, object_type=_("network map"), label=str(_("Network map")))
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
    member = selectors.member_in_care_of(request.user, member_id)
    selectors.require_share(request.user, member, ItemType.MEDICATIONS)
    current, ended = selectors.medicines_of(member)
    rows = current + ended
    log_access(actor=request.user, subject=member, object_type=_("medication list"), label=str(_("Medication list")))
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
    member = selectors.member_in_care_of(request.user, member_id)
    selectors.require_share(request.user, member, ItemType.CHECKINS)
    weeks, start, end = chart_period(request)
    rows = list(CheckIn.objects.filter(member=member, day__gte=start, day__lte=end))
    log_access(actor=request.user, subject=member, object_type=_("check-ins"), label=str(_("Check-ins")))
    return render(
        request,
        "toolbox/provider/checkins.html",
        {
            "member": member,
            "checkins": rows,
            "chart": svg.checkin_chart(rows, start=start, end=end),
            "weeks": weeks,
            "week_choices": (4, 8, 12),
            "updated_at": _latest(rows),
        },
    )
