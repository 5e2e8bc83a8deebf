"""Operations that change a member's toolbox. Each is one transaction; callers pass objects that
views have already fetched through the visibility helpers in selectors.py."""

from collections.abc import Iterable
from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reconnect.accounts.models import User
from reconnect.core.context_processors import crisis_contacts_for
from toolbox.models import (
    MAX_NETWORK_PEOPLE,
    Activity,
    CheckIn,
    CrisisPlan,
    Exercise,
    ExerciseNote,
    Goal,
    ItemType,
    Medication,
    NetworkPerson,
    Share,
    Step,
)
from toolbox.selectors import care_team


def professionals_from_crisis_contacts(member: User) -> str:
    """The community's crisis contacts as the first lines of the plan's "professionals" section."""
    return "\n".join(f"{c.name} – {c.phone}" for c in crisis_contacts_for(member))


def crisis_plan_draft(member: User) -> CrisisPlan:
    """The member's plan, or an unsaved one with the community's crisis contacts filled in."""
    plan = CrisisPlan.objects.filter(member=member).first()
    if plan is None:
        plan = CrisisPlan(member=member, professionals=professionals_from_crisis_contacts(member))
    return plan


@transaction.atomic
def save_crisis_plan(*, member: User, sections: dict[str, str]) -> CrisisPlan:
    plan = CrisisPlan.objects.select_for_update().filter(member=member).first() or CrisisPlan(member=member)
    for name, value in sections.items():
        setattr(plan, name, value.strip())
    plan.save()
    return plan


def create_goal(*, member: User, goal: Goal) -> Goal:
    """Save a new goal (an unsaved one from the goal form) as the member's own."""
    goal.member = member
    goal.save()
    return goal


def save_goal(*, goal: Goal) -> Goal:
    """Save the member's changes to their goal (the form has already set them)."""
    goal.save()
    return goal


def delete_goal(*, goal: Goal) -> None:
    """Delete a goal with its steps, activities and shares."""
    goal.delete()


@transaction.atomic
def add_goal_part[Part: (Step, Activity)](*, goal: Goal, part: Part) -> Part:
    """Add a step (placed last) or an activity to a goal; the goal's "last changed" moves with it."""
    part.goal = goal
    if isinstance(part, Step):
        part.order = Step.objects.filter(goal=goal).count()
    part.save()
    goal.save(update_fields=["updated_at"])
    return part


@transaction.atomic
def remove_goal_part(*, part: Step | Activity) -> None:
    """Remove a step or an activity; the goal's "last changed" moves with it."""
    goal = part.goal
    part.delete()
    goal.save(update_fields=["updated_at"])


def set_goal_reached(*, goal: Goal, reached: bool) -> None:
    goal.reached_at = timezone.now() if reached else None
    goal.save(update_fields=["reached_at", "updated_at"])


def toggle_done(*, item: Step | Activity) -> None:
    """Tick a step or an activity off, or undo that; the goal's "last changed" moves with it."""
    with transaction.atomic():
        item.done_at = None if item.done_at else timezone.now()
        item.save(update_fields=["done_at"])
        item.goal.save(update_fields=["updated_at"])


@transaction.atomic
def add_network_person(*, member: User, person: NetworkPerson) -> NetworkPerson:
    # Lock the member's row so that two tabs cannot both squeeze past the limit.
    get_user_model().objects.select_for_update().filter(pk=member.pk).first()
    if NetworkPerson.objects.filter(member=member).count() >= MAX_NETWORK_PEOPLE:
        raise ValidationError(
            _("Your network map already has %(max)d people, the most it can hold. Remove someone first.")
            % {"max": MAX_NETWORK_PEOPLE}
        )
    person.member = member
    person.save()
    return person


def save_network_person(*, person: NetworkPerson) -> NetworkPerson:
    person.save()
    return person


def remove_network_person(*, person: NetworkPerson) -> None:
    person.delete()


def save_medication(*, member: User, medication: Medication) -> Medication:
    """Save a new medicine or the changes to one (an unsaved instance from the medicine form)."""
    medication.member = member
    medication.save()
    return medication


def delete_medication(*, medication: Medication) -> None:
    medication.delete()


@transaction.atomic
def record_checkin(*, member: User, day: date, mood: int, sleep: int, activity: int, note: str) -> CheckIn:
    """One check-in per day: a second one on the same day replaces the first."""
    checkin, _created = CheckIn.objects.update_or_create(
        member=member, day=day, defaults={"mood": mood, "sleep": sleep, "activity": activity, "note": note.strip()}
    )
    return checkin


@transaction.atomic
def set_exercise_note(
    *, member: User, exercise: Exercise, note: str | None = None, favourite: bool | None = None
) -> ExerciseNote:
    entry, _created = ExerciseNote.objects.select_for_update().get_or_create(member=member, exercise=exercise)
    fields = ["updated_at"]
    if note is not None:
        entry.note = note.strip()
        fields.append("note")
    if favourite is not None:
        entry.favourite = favourite
        fields.append("favourite")
    entry.save(update_fields=fields)
    return entry


@transaction.atomic
def set_sharing(*, member: User, item_type: str, providers: Iterable, goal: Goal | None = None) -> list:
    """Share one item with exactly `providers` (a subset of the active care team); others lose it at once."""
    if item_type == ItemType.GOAL and (goal is None or goal.member_id != member.pk):
        raise ValueError("A goal share needs one of the member's own goals.")
    team = {p.pk: p for p in care_team(member)}
    chosen = {p.pk for p in providers}
    if not chosen <= set(team):
        raise ValidationError(_("You can only share with providers in your care team."))
    existing = Share.objects.filter(member=member, item_type=item_type, goal=goal)
    existing.exclude(provider_id__in=chosen).delete()
    have = set(existing.values_list("provider_id", flat=True))
    Share.objects.bulk_create(
        [Share(member=member, provider_id=pk, item_type=item_type, goal=goal) for pk in sorted(chosen - have)]
    )
    return [team[pk] for pk in sorted(chosen)]


def withdraw_shares_with(*, member: User, provider: User) -> int:
    """Withdraw everything `member` shares with `provider` (their care-team link has ended)."""
    deleted, _ = Share.objects.filter(member=member, provider=provider).delete()
    return deleted
