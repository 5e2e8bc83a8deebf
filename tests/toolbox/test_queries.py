"""Every toolbox page runs a fixed number of queries whatever the amount of data."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.toolbox.factories import (
    ActivityFactory,
    CheckInFactory,
    CrisisPlanFactory,
    ExerciseFactory,
    GoalFactory,
    LocalLinkFactory,
    MedicationFactory,
    NetworkPersonFactory,
    ShareFactory,
    StepFactory,
)
from toolbox.selectors import dashboard_panel

# The most any toolbox page may run; the session, user and base template account for about half.
BUDGET = 20


def fill(member, provider, n):
    today = timezone.localdate()
    goals = [GoalFactory(member=member) for _ in range(n)]
    for goal in goals:
        StepFactory(goal=goal, done_at=timezone.now())
        ActivityFactory(goal=goal, planned_on=today + timedelta(days=1))
        ShareFactory(member=member, provider=provider, item_type="goal", goal=goal)
    for _ in range(n):
        NetworkPersonFactory(member=member)
        MedicationFactory(member=member)
        MedicationFactory(member=member, end_date=today - timedelta(days=3))
        ExerciseFactory()
        LocalLinkFactory(community=member.community)
    for d in range(min(n, 27)):
        CheckInFactory(member=member, day=today - timedelta(days=d))
    return goals


def grow_first_goal(member):
    goal = member.toolbox_goals.order_by("pk").first()
    for _ in range(25):
        StepFactory(goal=goal)
        ActivityFactory(goal=goal)


def member_pages(member):
    goal = member.toolbox_goals.order_by("pk").first()
    person = member.toolbox_network.first()
    medicine = member.toolbox_medications.first()
    from toolbox.models import Exercise

    return [
        "/toolbox/",
        "/toolbox/goals/",
        f"/toolbox/goals/{goal.pk}/",
        f"/toolbox/goals/{goal.pk}/edit/",
        "/toolbox/crisis-plan/",
        "/toolbox/crisis-plan/edit/",
        "/toolbox/crisis-plan/print/",
        "/toolbox/network/",
        f"/toolbox/network/{person.pk}/edit/",
        "/toolbox/medications/",
        f"/toolbox/medications/{medicine.pk}/edit/",
        "/toolbox/exercises/",
        f"/toolbox/exercises/{Exercise.objects.first().slug}/",
        "/toolbox/local/",
        "/toolbox/check-ins/",
        "/toolbox/sharing/",
        "/toolbox/sharing/crisis-plan/",
        f"/toolbox/sharing/goals/{goal.pk}/",
    ]


def provider_pages(member):
    goal = member.toolbox_goals.order_by("pk").first()
    base = f"/provider/members/{member.pk}/toolbox/"
    return [
        base,
        base + "crisis-plan/",
        base + f"goals/{goal.pk}/",
        base + "network/",
        base + "medications/",
        base + "check-ins/",
    ]


def share_sections(member, provider):
    CrisisPlanFactory(member=member)
    for item_type in ("crisis_plan", "network", "medications", "checkins"):
        ShareFactory(member=member, provider=provider, item_type=item_type)


def count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_member_pages_run_the_same_queries_for_one_item_and_for_many(
    client, member, provider, django_assert_max_num_queries
):
    share_sections(member, provider)
    fill(member, provider, 1)
    client.force_login(member)
    pages = member_pages(member)
    client.get("/toolbox/")  # the first request of a session records it (allauth's user sessions)
    few = {url: count(client, url) for url in pages}
    fill(member, provider, 25)
    grow_first_goal(member)
    for url in pages:
        assert few[url] <= BUDGET, url
        with django_assert_max_num_queries(few[url]):
            assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_provider_views_run_the_same_queries_for_one_item_and_for_many(
    client, member, provider, django_assert_max_num_queries
):
    share_sections(member, provider)
    fill(member, provider, 1)
    client.force_login(provider)
    pages = provider_pages(member)
    client.get(pages[0])  # the first request of a session records it (allauth's user sessions)
    few = {url: count(client, url) for url in pages}
    fill(member, provider, 25)
    grow_first_goal(member)
    for url in pages:
        assert few[url] <= BUDGET, url
        with django_assert_max_num_queries(few[url]):
            assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_dashboard_panel_runs_fixed_queries_for_any_number_of_members(provider, member, django_assert_max_num_queries):
    from tests.factories import CareRelationshipFactory, MemberFactory

    share_sections(member, provider)
    fill(member, provider, 2)
    members = [member]
    for _ in range(8):
        other = MemberFactory(community=member.community)
        CareRelationshipFactory(member=other, provider=provider)
        share_sections(other, provider)
        fill(other, provider, 2)
        members.append(other)
    # One for the shares, one per kind of section for its latest change.
    with django_assert_max_num_queries(5):
        panel = dashboard_panel(provider, members)
    assert all(len(panel[m.pk]) == 6 for m in members)
