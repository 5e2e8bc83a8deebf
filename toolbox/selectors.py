"""Reads of the toolbox: what a member owns, and what a provider may see of it."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconnect.accounts.models import CareRelationship, User
from reconnect.core.dashboard import PanelItem
from reconnect.core.permissions import get_visible_or_404
from toolbox.models import CheckIn, CrisisPlan, Goal, ItemType, Medication, NetworkPerson, Share

SECTION_ITEMS = [ItemType.CRISIS_PLAN, ItemType.NETWORK, ItemType.MEDICATIONS, ItemType.CHECKINS]


def care_team(member) -> list[User]:
    links = CareRelationship.objects.active().filter(member=member).select_related("provider").order_by("created_at")
    return [link.provider for link in links if link.provider.is_active]


def goals_of(member):
    return Goal.objects.of(member)


def get_goal_for(member, goal_id) -> Goal:
    return get_visible_or_404(goals_of(member), pk=goal_id)


def sharing_overview(member) -> dict[str, list[int]]:
    """Item key ("crisis_plan", "goal:12") -> ids of the providers who may see it."""
    result: dict[str, list[int]] = {}
    for item_type, goal_id, provider_id in (
        Share.objects.filter(member=member).in_care().values_list("item_type", "goal_id", "provider_id")
    ):
        key = f"goal:{goal_id}" if goal_id else item_type
        result.setdefault(key, []).append(provider_id)
    return result


# ---- the provider side -------------------------------------------------------------------------


def member_in_care_of(provider, member_id) -> User:
    """One member of the provider's active care team, or 404."""
    members = User.objects.members().filter(care_links__provider=provider, care_links__ended_at__isnull=True)
    return get_visible_or_404(members.distinct(), pk=member_id)


def shares_for(provider, member) -> list[Share]:
    return list(Share.objects.filter(provider=provider, member=member).in_care().select_related("goal"))


def require_share(provider, member, item_type: str, goal_id=None) -> Share:
    """The share that lets `provider` see this item now, or 404. Checked on every request, so that a
    withdrawn share or an ended care link refuses the very next page load."""
    shares = Share.objects.filter(provider=provider, member=member, item_type=item_type).in_care()
    if item_type == ItemType.GOAL:
        return get_visible_or_404(shares.select_related("goal"), goal_id=goal_id)
    share = shares.first()
    if share is None:
        raise Http404
    return share


@dataclass
class SharedItem:
    item_type: str
    label: str
    url: str
    updated_at: datetime | None


def _provider_url(name: str, member_id: int, **kwargs) -> str:
    return reverse(f"provider_toolbox:{name}", kwargs={"member_id": member_id, **kwargs})


def shared_items(provider, members) -> dict[int, list[SharedItem]]:
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

    def latest(model, item_type):
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
                share.goal.updated_at,
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


def dashboard_panel(provider, members) -> dict[int, list[PanelItem]]:
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


def network_of(member) -> list[NetworkPerson]:
    """A member's network, closest first and then by name (sorted here: names are encrypted)."""
    people = NetworkPerson.objects.filter(member=member)
    return sorted(people, key=lambda person: (person.closeness, person.kind, person.name.casefold(), person.pk))


def medicines_of(member) -> tuple[list[Medication], list[Medication]]:
    """(current by name, ended most recent first); sorted here because names are encrypted."""
    rows = list(Medication.objects.filter(member=member))
    current = sorted((m for m in rows if not m.has_ended), key=lambda m: (m.name.casefold(), m.pk))
    ended = sorted((m for m in rows if m.has_ended), key=lambda m: (m.end_date, m.pk), reverse=True)
    return current, ended
