"""The member's own toolbox pages. Every object is fetched through the member's own querysets, so
another member's id is a 404 before anything else happens."""

from datetime import timedelta

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from reconnect.core import hooks
from reconnect.core.context_processors import crisis_contacts_for
from reconnect.core.permissions import get_visible_or_404, member_required
from toolbox import permissions, selectors, services, svg
from toolbox.forms import (
    ActivityForm,
    CheckInForm,
    CrisisPlanForm,
    ExerciseNoteForm,
    GoalForm,
    MedicationForm,
    NetworkPersonForm,
    SharingForm,
    StepForm,
)
from toolbox.models import Exercise, ItemType

# URL slug of each whole-section item on the sharing pages.
SECTION_SLUGS = {
    "crisis-plan": ItemType.CRISIS_PLAN,
    "network": ItemType.NETWORK,
    "medications": ItemType.MEDICATIONS,
    "check-ins": ItemType.CHECKINS,
}
SLUG_OF = {item_type: slug for slug, item_type in SECTION_SLUGS.items()}


def _shared_names(request, key: str) -> list[str]:
    team = {p.pk: p for p in selectors.care_team(request.user)}
    return [team[pk].display_name for pk in selectors.sharing_overview(request.user).get(key, []) if pk in team]


@member_required
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "toolbox/index.html", selectors.overview(request.user))


# ---- goals ------------------------------------------------------------------------------------


@member_required
def goals(request: HttpRequest) -> HttpResponse:
    member = request.user
    today = timezone.localdate()
    weeks = selectors.weekly_progress(member, today=today)
    return render(
        request,
        "toolbox/goals.html",
        {
            "goals": selectors.goals_with_progress(member),
            "weeks": weeks,
            "most": max([w["count"] for w in weeks] + [1]),
            "upcoming": selectors.upcoming_activities(member, since=today - timedelta(days=7), limit=20),
            "today": today,
        },
    )


@member_required
@require_http_methods(["GET", "POST"])
def goal_new(request: HttpRequest) -> HttpResponse:
    form = GoalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        goal = services.create_goal(member=request.user, goal=form.save(commit=False))
        messages.success(request, _("Your goal is saved. Only you can see it until you share it."))
        return redirect("toolbox:goal", goal_id=goal.pk)
    return render(request, "toolbox/goal_form.html", {"form": form}, status=400 if form.errors else 200)


@member_required
def goal_detail(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = permissions.own_goal_with_parts(request.user, goal_id)
    return render(
        request,
        "toolbox/goal_detail.html",
        {
            "goal": goal,
            "step_form": StepForm(),
            "activity_form": ActivityForm(initial={"planned_on": timezone.localdate()}),
            "shared_with": _shared_names(request, f"goal:{goal.pk}"),
        },
    )


@member_required
@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = permissions.own_goal(request.user, goal_id)
    form = GoalForm(request.POST if request.method == "POST" else None, instance=goal)
    if request.method == "POST" and form.is_valid():
        services.save_goal(goal=form.save(commit=False))
        messages.success(request, _("Your goal is saved."))
        return redirect("toolbox:goal", goal_id=goal.pk)
    return render(request, "toolbox/goal_form.html", {"form": form, "goal": goal}, status=400 if form.errors else 200)


@require_POST
@member_required
def goal_delete(request: HttpRequest, goal_id: int) -> HttpResponse:
    services.delete_goal(goal=permissions.own_goal(request.user, goal_id))
    messages.success(request, _("The goal, its steps and its activities are deleted."))
    return redirect("toolbox:goals")


@require_POST
@member_required
def goal_reached(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = permissions.own_goal(request.user, goal_id)
    services.set_goal_reached(goal=goal, reached=goal.reached_at is None)
    if goal.reached_at:
        messages.success(request, _("Well done: you reached this goal."))
    return redirect("toolbox:goal", goal_id=goal.pk)


def _goal_part_form(request, goal_id: int, form_class, key: str, message: str) -> HttpResponse:
    goal = permissions.own_goal_with_parts(request.user, goal_id)
    form = form_class(request.POST)
    if form.is_valid():
        services.add_goal_part(goal=goal, part=form.save(commit=False))
        messages.success(request, message)
        return redirect("toolbox:goal", goal_id=goal.pk)
    context = {
        "goal": goal,
        "step_form": StepForm(),
        "activity_form": ActivityForm(initial={"planned_on": timezone.localdate()}),
        "shared_with": _shared_names(request, f"goal:{goal.pk}"),
        key: form,
    }
    return render(request, "toolbox/goal_detail.html", context, status=400)


@require_POST
@member_required
def step_add(request: HttpRequest, goal_id: int) -> HttpResponse:
    return _goal_part_form(request, goal_id, StepForm, "step_form", _("Step added."))


@require_POST
@member_required
def activity_add(request: HttpRequest, goal_id: int) -> HttpResponse:
    return _goal_part_form(request, goal_id, ActivityForm, "activity_form", _("Activity planned."))


@require_POST
@member_required
def step_toggle(request: HttpRequest, step_id: int) -> HttpResponse:
    step = permissions.own_step(request.user, step_id)
    services.toggle_done(item=step)
    return redirect("toolbox:goal", goal_id=step.goal_id)


@require_POST
@member_required
def step_delete(request: HttpRequest, step_id: int) -> HttpResponse:
    step = permissions.own_step(request.user, step_id)
    services.remove_goal_part(part=step)
    messages.success(request, _("Step removed."))
    return redirect("toolbox:goal", goal_id=step.goal_id)


@require_POST
@member_required
def activity_toggle(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = permissions.own_activity(request.user, activity_id)
    services.toggle_done(item=activity)
    return redirect("toolbox:goal", goal_id=activity.goal_id)


@require_POST
@member_required
def activity_delete(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = permissions.own_activity(request.user, activity_id)
    services.remove_goal_part(part=activity)
    messages.success(request, _("Activity removed."))
    return redirect("toolbox:goal", goal_id=activity.goal_id)


# ---- crisis plan -------------------------------------------------------------------------------


@member_required
def crisis_plan(request: HttpRequest) -> HttpResponse:
    plan = services.crisis_plan_draft(request.user)
    return render(
        request,
        "toolbox/crisis_plan.html",
        {"plan": plan, "sections": plan.sections(), "shared_with": _shared_names(request, ItemType.CRISIS_PLAN)},
    )


@member_required
@require_http_methods(["GET", "POST"])
def crisis_plan_edit(request: HttpRequest) -> HttpResponse:
    plan = services.crisis_plan_draft(request.user)
    form = CrisisPlanForm(request.POST if request.method == "POST" else None, instance=plan)
    if request.method == "POST" and form.is_valid():
        services.save_crisis_plan(member=request.user, sections=form.cleaned_data)
        messages.success(request, _("Your crisis plan is saved."))
        return redirect("toolbox:crisis_plan")
    return render(request, "toolbox/crisis_plan_edit.html", {"form": form}, status=400 if form.errors else 200)


@member_required
def crisis_plan_print(request: HttpRequest) -> HttpResponse:
    plan = services.crisis_plan_draft(request.user)
    return render(request, "toolbox/crisis_plan_print.html", {"plan": plan, "sections": plan.sections()})


# ---- network map -------------------------------------------------------------------------------


@member_required
@require_http_methods(["GET", "POST"])
def network(request: HttpRequest) -> HttpResponse:
    member = request.user
    form = NetworkPersonForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.add_network_person(member=member, person=form.save(commit=False))
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Added to your network map."))
                return redirect("toolbox:network")
        status = 400
    people = selectors.network_of(member)
    return render(
        request,
        "toolbox/network.html",
        {
            "form": form,
            "people": people,
            "map": svg.network_map(people, owner_label=member.display_name),
            "shared_with": _shared_names(request, ItemType.NETWORK),
        },
        status=status,
    )


@member_required
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, person_id: int) -> HttpResponse:
    person = permissions.own_network_person(request.user, person_id)
    form = NetworkPersonForm(request.POST if request.method == "POST" else None, instance=person)
    if request.method == "POST" and form.is_valid():
        services.save_network_person(person=form.save(commit=False))
        messages.success(request, _("Saved."))
        return redirect("toolbox:network")
    return render(
        request, "toolbox/person_form.html", {"form": form, "person": person}, status=400 if form.errors else 200
    )


@require_POST
@member_required
def person_delete(request: HttpRequest, person_id: int) -> HttpResponse:
    services.remove_network_person(person=permissions.own_network_person(request.user, person_id))
    messages.success(request, _("Removed from your network map."))
    return redirect("toolbox:network")


# ---- medicines ---------------------------------------------------------------------------------


@member_required
def medications(request: HttpRequest) -> HttpResponse:
    current, ended = selectors.medicines_of(request.user)
    return render(
        request,
        "toolbox/medications.html",
        {
            "current": current,
            "ended": ended,
            "shared_with": _shared_names(request, ItemType.MEDICATIONS),
        },
    )


@member_required
@require_http_methods(["GET", "POST"])
def medication_form(request: HttpRequest, medication_id: int | None = None) -> HttpResponse:
    medication = None
    if medication_id is not None:
        medication = permissions.own_medication(request.user, medication_id)
    form = MedicationForm(request.POST if request.method == "POST" else None, instance=medication)
    if request.method == "POST" and form.is_valid():
        services.save_medication(member=request.user, medication=form.save(commit=False))
        messages.success(request, _("Your medicine list is saved."))
        return redirect("toolbox:medications")
    return render(
        request,
        "toolbox/medication_form.html",
        {"form": form, "medication": medication},
        status=400 if form.errors else 200,
    )


@require_POST
@member_required
def medication_delete(request: HttpRequest, medication_id: int) -> HttpResponse:
    services.delete_medication(medication=permissions.own_medication(request.user, medication_id))
    messages.success(request, _("The medicine is deleted from your list."))
    return redirect("toolbox:medications")


# ---- exercises and local links -----------------------------------------------------------------


@member_required
def exercises(request: HttpRequest) -> HttpResponse:
    groups, favourites = selectors.exercise_groups(request.user)
    return render(request, "toolbox/exercises.html", {"groups": groups, "favourites": favourites})


@member_required
@require_http_methods(["GET", "POST"])
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    exercise = get_visible_or_404(Exercise.objects.published(), slug=slug)
    entry = selectors.exercise_note_of(request.user, exercise)
    form = ExerciseNoteForm(
        request.POST if request.method == "POST" else None, initial={"note": entry.note if entry else ""}
    )
    if request.method == "POST" and form.is_valid():
        services.set_exercise_note(member=request.user, exercise=exercise, note=form.cleaned_data["note"])
        messages.success(request, _("Your note is saved. Only you can see it."))
        return redirect("toolbox:exercise", slug=exercise.slug)
    return render(
        request,
        "toolbox/exercise_detail.html",
        {"exercise": exercise, "entry": entry, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@member_required
def exercise_favourite(request: HttpRequest, slug: str) -> HttpResponse:
    exercise = get_visible_or_404(Exercise.objects.published(), slug=slug)
    entry = selectors.exercise_note_of(request.user, exercise)
    services.set_exercise_note(member=request.user, exercise=exercise, favourite=not (entry and entry.favourite))
    return redirect("toolbox:exercise", slug=exercise.slug)


@member_required
def local_links(request: HttpRequest) -> HttpResponse:
    return render(request, "toolbox/local_links.html", {"links": selectors.local_links_for(request.user)})


# ---- check-ins ---------------------------------------------------------------------------------


@member_required
@require_http_methods(["GET", "POST"])
def checkins(request: HttpRequest) -> HttpResponse:
    member = request.user
    today = timezone.localdate()
    existing = selectors.checkin_of(member, today)
    form = CheckInForm(request.POST if request.method == "POST" else None, instance=existing)
    if request.method == "POST" and form.is_valid():
        services.record_checkin(member=member, day=today, **form.cleaned_data)
        messages.success(request, _("Thank you for checking in today."))
        # The note stays private (nobody is told), but crisis words in it bring the writer help.
        screening = hooks.screen_text(author=member, text=form.cleaned_data["note"], where=hooks.CHECK_IN)
        return redirect(reverse("toolbox:checkins") + ("?support=1" if screening.crisis else ""))
    weeks, start, end = selectors.chart_period(request.GET.get("weeks"))
    support = request.GET.get("support") == "1"
    period = selectors.checkins_between(member, start, end)
    return render(
        request,
        "toolbox/checkins.html",
        {
            "form": form,
            "existing": existing,
            "checkins": period,
            "chart": svg.checkin_chart(period, start=start, end=end),
            "weeks": weeks,
            "week_choices": selectors.CHART_WEEKS,
            "shared_with": _shared_names(request, ItemType.CHECKINS),
            "support": support,
            "contacts": crisis_contacts_for(member) if support else [],
            "crisis_plan_url": reverse("toolbox:crisis_plan"),
        },
        status=400 if form.errors else 200,
    )


# ---- sharing -----------------------------------------------------------------------------------


@member_required
def sharing(request: HttpRequest) -> HttpResponse:
    member = request.user
    team = {p.pk: p for p in selectors.care_team(member)}
    overview = selectors.sharing_overview(member)

    def names(key):
        return [team[pk].display_name for pk in overview.get(key, []) if pk in team]

    rows = [
        {"label": item_type.label, "url_slug": slug, "names": names(item_type.value)}
        for slug, item_type in SECTION_SLUGS.items()
    ]
    goal_rows = [{"goal": goal, "names": names(f"goal:{goal.pk}")} for goal in selectors.goals_of(member)]
    return render(request, "toolbox/sharing.html", {"rows": rows, "goal_rows": goal_rows, "team": team.values()})


def _sharing_page(request, *, item_type: str, label: str, goal=None, back_url: str) -> HttpResponse:
    team = selectors.care_team(request.user)
    key = f"goal:{goal.pk}" if goal else item_type
    current = [str(pk) for pk in selectors.sharing_overview(request.user).get(key, [])]
    form = SharingForm(team=team, initial={"providers": current})
    return render(
        request,
        "toolbox/share_item.html",
        {"form": form, "label": label, "goal": goal, "team": team, "back_url": back_url},
    )


@reauthentication_required
def _save_sharing(request: HttpRequest, *, item_type: str, label: str, goal=None, back_url: str) -> HttpResponse:
    team = selectors.care_team(request.user)
    form = SharingForm(request.POST, team=team)
    if not form.is_valid():
        return render(
            request,
            "toolbox/share_item.html",
            {"form": form, "label": label, "goal": goal, "team": team, "back_url": back_url},
            status=400,
        )
    chosen = services.set_sharing(member=request.user, item_type=item_type, goal=goal, providers=form.chosen())
    if chosen:
        messages.success(
            request,
            _("%(item)s is now shared with: %(names)s.")
            % {"item": label, "names": ", ".join(p.display_name for p in chosen)},
        )
    else:
        messages.success(request, _("%(item)s is private: only you can see it.") % {"item": label})
    return redirect("toolbox:sharing")


@member_required
@require_http_methods(["GET", "POST"])
def share_item(request: HttpRequest, item: str) -> HttpResponse:
    item_type = SECTION_SLUGS.get(item)
    if item_type is None:
        raise Http404
    back = {
        ItemType.CRISIS_PLAN: "toolbox:crisis_plan",
        ItemType.NETWORK: "toolbox:network",
        ItemType.MEDICATIONS: "toolbox:medications",
        ItemType.CHECKINS: "toolbox:checkins",
    }[item_type]

    kwargs = {"item_type": item_type, "label": str(item_type.label), "back_url": reverse(back)}
    if request.method == "POST":
        return _save_sharing(request, **kwargs)
    return _sharing_page(request, **kwargs)


@member_required
@require_http_methods(["GET", "POST"])
def share_goal(request: HttpRequest, goal_id: int) -> HttpResponse:
    # Fetch first: someone else's goal is a 404 before any re-authentication is asked for.
    goal = permissions.own_goal(request.user, goal_id)

    kwargs = {
        "item_type": ItemType.GOAL,
        "label": str(goal),
        "goal": goal,
        "back_url": reverse("toolbox:goal", kwargs={"goal_id": goal.pk}),
    }
    if request.method == "POST":
        return _save_sharing(request, **kwargs)
    return _sharing_page(request, **kwargs)
