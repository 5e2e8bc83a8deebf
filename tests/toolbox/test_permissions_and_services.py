"""The toolbox's access helpers and the services its views call."""

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from reconnect.core.models import AccessLogEntry
from tests.toolbox.factories import ActivityFactory, GoalFactory, ShareFactory, StepFactory
from toolbox import permissions, services
from toolbox.models import ItemType, Step

pytestmark = pytest.mark.django_db


def test_a_provider_opens_a_shared_item_and_the_member_sees_it_in_the_log(member, provider, shared_plan):
    opened = permissions.open_shared(provider, member.pk, ItemType.CRISIS_PLAN)
    assert opened.member == member and opened.obj == shared_plan
    entry = AccessLogEntry.objects.get(subject=member)
    assert entry.actor == provider and entry.object_label == "Crisis plan" and entry.object_id == str(shared_plan.pk)


def test_a_shared_goal_is_opened_with_its_own_name_in_the_log(member, provider, goal):
    ShareFactory(member=member, provider=provider, item_type=ItemType.GOAL, goal=goal)
    opened = permissions.open_shared(provider, member.pk, ItemType.GOAL, goal_id=goal.pk)
    assert opened.obj == goal
    assert AccessLogEntry.objects.get(subject=member).object_label == str(goal)


def test_an_item_not_shared_is_a_404_and_nothing_is_logged(member, provider, plan):
    with pytest.raises(Http404):
        permissions.open_shared(provider, member.pk, ItemType.CRISIS_PLAN)
    assert not AccessLogEntry.objects.exists()


def test_another_providers_share_opens_nothing_for_this_provider(member, provider, other_provider, plan):
    ShareFactory(member=member, provider=other_provider, item_type=ItemType.CRISIS_PLAN)
    with pytest.raises(Http404):
        permissions.open_shared(provider, member.pk, ItemType.CRISIS_PLAN)
    assert not AccessLogEntry.objects.exists()


def test_a_member_outside_the_providers_care_is_a_404(other_member, provider):
    with pytest.raises(Http404):
        permissions.open_shared(provider, other_member.pk, ItemType.NETWORK)


def test_another_members_goal_step_and_activity_are_404s(member, other_member):
    theirs = GoalFactory(member=other_member)
    step, activity = StepFactory(goal=theirs), ActivityFactory(goal=theirs)
    for fetch, pk in (
        (permissions.own_goal, theirs.pk),
        (permissions.own_step, step.pk),
        (permissions.own_activity, activity.pk),
        (permissions.own_goal, "not-a-number"),
    ):
        with pytest.raises(Http404):
            fetch(member, pk)


def test_a_new_step_goes_last_and_the_goal_moves_to_last_changed(goal):
    StepFactory(goal=goal, order=0)
    before = timezone.now() - timedelta(days=3)
    type(goal).objects.filter(pk=goal.pk).update(updated_at=before)
    goal.refresh_from_db()
    step = services.add_goal_part(goal=goal, part=Step(text="Ring Anne"))
    assert step.order == 1
    goal.refresh_from_db()
    assert goal.updated_at > before


def test_removing_a_step_moves_the_goal_to_last_changed(goal):
    step = StepFactory(goal=goal)
    before = timezone.now() - timedelta(days=3)
    type(goal).objects.filter(pk=goal.pk).update(updated_at=before)
    services.remove_goal_part(part=permissions.own_step(goal.member, step.pk))
    goal.refresh_from_db()
    assert goal.updated_at > before and not goal.steps.exists()
