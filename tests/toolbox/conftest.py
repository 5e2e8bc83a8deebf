import pytest

from tests.toolbox.factories import CrisisPlanFactory, GoalFactory, ShareFactory


@pytest.fixture
def plan(member):
    return CrisisPlanFactory(member=member)


@pytest.fixture
def shared_plan(plan, member, provider):
    ShareFactory(member=member, provider=provider, item_type="crisis_plan")
    return plan


@pytest.fixture
def goal(member):
    return GoalFactory(member=member)
