"""Who may open what of a toolbox.

A member reaches only their own items: every `own_*` helper fetches through the member's own rows,
so another member's id is a 404. A provider reaches an item only while the member is in their
active care team and shares that item with them: `open_shared` checks both on every request (a
withdrawn share or an ended link refuses the very next page load) and writes the access-log line
the member sees on /me/access-log/, in one call.
"""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from reconnect.accounts.models import User
from reconnect.core.permissions import get_visible_or_404
from reconnect.core.services import log_access
from toolbox.models import Activity, CrisisPlan, Goal, ItemType, Medication, NetworkPerson, Share, Step

# ---- the member's own items --------------------------------------------------------------------


def own_goal(member: User, goal_id: int) -> Goal:
    return get_visible_or_404(Goal.objects.of(member), pk=goal_id)


def own_goal_with_parts(member: User, goal_id: int) -> Goal:
    return get_visible_or_404(Goal.objects.of(member).prefetch_related("steps", "activities"), pk=goal_id)


def own_step(member: User, step_id: int) -> Step:
    return get_visible_or_404(Step.objects.filter(goal__member=member).select_related("goal"), pk=step_id)


def own_activity(member: User, activity_id: int) -> Activity:
    return get_visible_or_404(Activity.objects.filter(goal__member=member).select_related("goal"), pk=activity_id)


def own_network_person(member: User, person_id: int) -> NetworkPerson:
    return get_visible_or_404(NetworkPerson.objects.filter(member=member), pk=person_id)


def own_medication(member: User, medication_id: int) -> Medication:
    return get_visible_or_404(Medication.objects.filter(member=member), pk=medication_id)


# ---- the provider side -------------------------------------------------------------------------


def member_in_care_of(provider: User, member_id: int) -> User:
    """One member of the provider's active care team, or 404."""
    members = User.objects.members().filter(care_links__provider=provider, care_links__ended_at__isnull=True)
    return get_visible_or_404(members.distinct(), pk=member_id)


def require_share(provider: User, member: User, item_type: str, goal_id: int | None = None) -> Share:
    """The share that lets `provider` see this item now, or 404."""
    shares = Share.objects.filter(provider=provider, member=member, item_type=item_type).in_care()
    if item_type == ItemType.GOAL:
        return get_visible_or_404(shares.select_related("goal"), goal_id=goal_id)
    share = shares.first()
    if share is None:
        raise Http404
    return share


# What the member's access log says a provider opened, per whole-section item.
_LOG_NAMES = {
    ItemType.CRISIS_PLAN: (_("crisis plan"), _("Crisis plan")),
    ItemType.NETWORK: (_("network map"), _("Network map")),
    ItemType.MEDICATIONS: (_("medication list"), _("Medication list")),
    ItemType.CHECKINS: (_("check-ins"), _("Check-ins")),
}


@dataclass(frozen=True)
class OpenedItem:
    member: User
    share: Share
    obj: Goal | CrisisPlan | None  # the goal, or the crisis plan (None before the member writes one)


def open_shared(provider: User, member_id: int, item_type: str, *, goal_id: int | None = None) -> OpenedItem:
    """A member's item as `provider` may open it now: the member in the provider's active care team
    (404 otherwise), the item shared with the provider (404 otherwise), and the opening logged."""
    member = member_in_care_of(provider, member_id)
    share = require_share(provider, member, item_type, goal_id=goal_id)
    obj: Goal | CrisisPlan | None = None
    if item_type == ItemType.GOAL:
        obj = share.goal
        log_access(actor=provider, subject=member, obj=obj)
    else:
        if item_type == ItemType.CRISIS_PLAN:
            obj = CrisisPlan.objects.filter(member=member).first()
        object_type, label = _LOG_NAMES[ItemType(item_type)]
        log_access(actor=provider, subject=member, obj=obj, object_type=str(object_type), label=str(label))
    return OpenedItem(member=member, share=share, obj=obj)
