"""Reads of the toolbox: what a member owns, and what a provider may see of it."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconnect.accounts.models import CareRelationship, User
from reconnect.core.dashboard import PanelItem
from toolbox.models import (
    Activity,
    CheckIn,
    CrisisPlan,
    Exercise,
    ExerciseKind,
    ExerciseNote,
    Goal,
    ItemType,
    LocalLink,
    Medication,
    NetworkPerson,
    Share,
    Step,
)

SECTION_ITEMS = [ItemType.CRISIS_PLAN, ItemType.NETWORK, ItemType.MEDICATIONS, ItemType.CHECKINS]
CHART_WEEKS = (4, 8, 12)
PROGRESS_WEEKS = 8


def care_team(member: User) -> list[User]:
    links = CareRelationship.objects.active().filter(member=member).select_related("provider").order_by("created_at")
    return [link.provider for link in links if link.provider.is_active]


def goals_of(member: User) -> QuerySet[Goal]:
    return Goal.objects.of(member)


def upcoming_activities(member: User, *, since: date, limit: int) -> QuerySet[Activity]:
    return (
        Activity.objects.filter(goal__member=member, done_at__isnull=True, planned_on__gte=since)
        .select_related("goal")
        .order_by("planned_on")[:limit]
    )


def overview(member: User) -> dict:
    """The toolbox's front page: open goals, the next activities, whether today has a check-in."""
    today = timezone.localdate()
    return {
        "goal_count": goals_of(member).filter(reached_at__isnull=True).count(),
        "upcoming": upcoming_activities(member, since=today, limit=5),
        "checked_in_today": CheckIn.objects.filter(member=member, day=today).exists(),
    }


def goals_with_progress(member: User) -> list[Goal]:
    """The member's goals, each with `total` and `done` counts of its steps and activities."""
    goal_list: list[Goal] = list(
        goals_of(member).annotate(
            steps_total=Count("steps", distinct=True),
            steps_done=Count("steps", filter=Q(steps__done_at__isnull=False), distinct=True),
            activities_total=Count("activities", distinct=True),
            activities_done=Count("activities", filter=Q(activities__done_at__isnull=False), distinct=True),
        )
    )
    for goal in goal_list:
        goal.total = goal.steps_total + goal.activities_total  # type: ignore[attr-defined]  # for the template, not a field
        goal.done = goal.steps_done + goal.activities_done  # type: ignore[attr-defined]  # for the template, not a field
    return goal_list


def weekly_progress(member: User, *, today: date) -> list[dict]:
    """What was ticked off (steps and activities) in each of the last PROGRESS_WEEKS weeks."""
    first_week = today - timedelta(days=today.weekday(), weeks=PROGRESS_WEEKS - 1)
    since = timezone.make_aware(datetime.combine(first_week, datetime.min.time()))
    done_times = list(
        Step.objects.filter(goal__member=member, done_at__gte=since).values_list("done_at", flat=True)
    ) + list(Activity.objects.filter(goal__member=member, done_at__gte=since).values_list("done_at", flat=True))
    done_days = [timezone.localtime(moment).date() for moment in done_times]
    weeks = []
    for index in range(PROGRESS_WEEKS):
        start = first_week + timedelta(weeks=index)
        weeks.append({"start": start, "count": sum(1 for day in done_days if start <= day < start + timedelta(days=7))})
    return weeks


def exercise_groups(member: User) -> tuple[list[dict], list[Exercise]]:
    """Published exercises grouped by kind, each with the member's own note as `mine`, and the
    member's favourites."""
    notes = ExerciseNote.objects.filter(member=member)
    items: list[Exercise] = list(
        Exercise.objects.published().prefetch_related(Prefetch("notes", queryset=notes, to_attr="mine"))
    )
    groups: list[dict] = []
    for kind in ExerciseKind:
        in_kind = [e for e in items if e.kind == kind]
        if in_kind:
            groups.append({"label": kind.label, "items": in_kind})
    favourites = [e for e in items if e.mine and e.mine[0].favourite]  # type: ignore[attr-defined]  # prefetched to_attr
    return groups, favourites


def exercise_note_of(member: User, exercise: Exercise) -> ExerciseNote | None:
    return ExerciseNote.objects.filter(member=member, exercise=exercise).first()


def local_links_for(member: User) -> QuerySet[LocalLink]:
    return LocalLink.objects.filter(community_id__in=member.community_ids()).select_related("community")


def checkin_of(member: User, day: date) -> CheckIn | None:
    return CheckIn.objects.filter(member=member, day=day).first()


def checkins_between(member: User, start: date, end: date) -> list[CheckIn]:
    return list(CheckIn.objects.filter(member=member, day__gte=start, day__lte=end))


def chart_period(weeks_param: str | None) -> tuple[int, date, date]:
    """(weeks, first day, last day) of a check-in chart; an unknown number of weeks means 4."""
    try:
        weeks = int(weeks_param or 4)
    except ValueError:
        weeks = 4
    if weeks not in CHART_WEEKS:
        weeks = 4
    end = timezone.localdate()
    return weeks, end - timedelta(days=weeks * 7 - 1), end


def sharing_overview(member: User) -> dict[str, list[int]]:
    """Item key ("crisis_plan", "goal:12") -> ids of the providers who may see it."""
    result: dict[str, list[int]] = {}
    for item_type, goal_id, provider_id in (
        Share.objects.filter(member=member).in_care().values_list("item_type", "goal_id", "provider_id")
    ):
        key = f"goal:{goal_id}" if goal_id else item_type
        result.setdefault(key, []).append(provider_id)
    return result


# ---- the provider side -------------------------------------------------------------------------


@dataclass
class SharedItem:
    item_type: str
    label: str
    url: str
    updated_at: datetime | None


def _provider_url(name: str, member_id: int, **kwargs: object) -> str:
    return reverse(f"provider_toolbox:{name}", kwargs={"member_id": member_id, **kwargs})


def shared_items(provider: User, members: Iterable[User]) -> dict[int, list[SharedItem]]:
    """For each member, the items shared with `provider`, with "last changed" dates.

    A fixed number of queries for any number of members and items: one for the shares, one per
    kind of section for its latest change.
    """
    member_ids = [m.pk for m in members]
    shares = list(
        Share.objects.filter(provider=provider, member_id__in=member_ids)
        .in_care()
        .select_related("goal")
        .order_by("item_type", "goal__created_at")
    )
    wanted: dict[str, set[int]] = {}
    for share in shares:
        wanted.setdefault(share.item_type, set()).add(share.member_id)

    def latest(model: type[CrisisPlan | NetworkPerson | Medication | CheckIn], item_type: str) -> dict[int, datetime]:
        ids = wanted.get(item_type)
        if not ids:
            return {}
        rows = model.objects.filter(member_id__in=ids).values("member_id").annotate(last=Max("updated_at"))
        return {row["member_id"]: row["last"] for row in rows}

    plans = latest(CrisisPlan, ItemType.CRISIS_PLAN)
    network = latest(NetworkPerson, ItemType.NETWORK)
    medicines = latest(Medication, ItemType.MEDICATIONS)
    checkins = latest(CheckIn, ItemType.CHECKINS)
    result: dict[int, list[SharedItem]] = {pk: [] for pk in member_ids}
    for share in shares:
        mid = share.member_id
        if share.item_type == ItemType.GOAL:
            item = SharedItem(
                share.item_type,
                str(share.goal),
                _provider_url("goal", mid, goal_id=share.goal_id),
                share.goal.updated_at if share.goal else None,
            )
        elif share.item_type == ItemType.CRISIS_PLAN:
            item = SharedItem(
                share.item_type, str(ItemType.CRISIS_PLAN.label), _provider_url("crisis_plan", mid), plans.get(mid)
            )
        elif share.item_type == ItemType.NETWORK:
            item = SharedItem(
                share.item_type, str(ItemType.NETWORK.label), _provider_url("network", mid), network.get(mid)
            )
        elif share.item_type == ItemType.MEDICATIONS:
            item = SharedItem(
                share.item_type, str(ItemType.MEDICATIONS.label), _provider_url("medications", mid), medicines.get(mid)
            )
        else:
            item = SharedItem(
                share.item_type, str(ItemType.CHECKINS.label), _provider_url("checkins", mid), checkins.get(mid)
            )
        result[mid].append(item)
    return result


def dashboard_panel(provider: User, members: Iterable[User]) -> dict[int, list[PanelItem]]:
    """The provider dashboard's toolbox panel: what each member shares with this provider."""
    from django.utils.formats import date_format

    panel: dict[int, list[PanelItem]] = {}
    for member_id, items in shared_items(provider, list(members)).items():
        panel[member_id] = [
            PanelItem(
                label=item.label,
                url=item.url,
                detail=str(
                    _("last changed %(date)s")
                    % {"date": date_format(timezone.localtime(item.updated_at), "DATE_FORMAT")}
                )
                if item.updated_at
                else "",
            )
            for item in items
        ]
    return panel


def network_of(member: User) -> list[NetworkPerson]:
    """A member's network, closest first and then by name (sorted here: names are encrypted)."""
    people = NetworkPerson.objects.filter(member=member)
    return sorted(people, key=lambda person: (person.closeness, person.kind, person.name.casefold(), person.pk))


def medicines_of(member: User) -> tuple[list[Medication], list[Medication]]:
    """(current by name, ended most recent first); sorted here because names are encrypted."""
    rows = list(Medication.objects.filter(member=member))
    current = sorted((m for m in rows if not m.has_ended), key=lambda m: (m.name.casefold(), m.pk))
    ended = sorted((m for m in rows if m.has_ended), key=lambda m: (m.end_date, m.pk), reverse=True)
    return current, ended
