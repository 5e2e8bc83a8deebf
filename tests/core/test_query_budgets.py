"""The foundation's pages run a fixed number of queries whatever the amount of data."""

import pytest

from tests.factories import CareRelationshipFactory, MemberFactory, NotificationFactory, ProviderFactory

pytestmark = pytest.mark.django_db


def test_member_home_page_does_not_grow_with_care_team_or_notifications(client, login, member, assert_constant_queries):
    login(member)

    def grow():
        for _ in range(6):
            CareRelationshipFactory(member=member, provider=ProviderFactory())
        NotificationFactory.create_batch(10, user=member)

    assert_constant_queries("/", grow, maximum=16)


def test_provider_home_page_does_not_grow_with_members(client, login, provider, assert_constant_queries):
    login(provider)

    def grow():
        for _ in range(10):
            CareRelationshipFactory(member=MemberFactory(), provider=provider)

    assert_constant_queries("/", grow, maximum=16)


def test_profile_page_has_a_fixed_budget(client, login, member, assert_constant_queries):
    login(member)
    assert_constant_queries("/me/", lambda: NotificationFactory.create_batch(5, user=member), maximum=14)
