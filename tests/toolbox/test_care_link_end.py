import pytest

from reconnect.accounts import services as account_services
from reconnect.accounts.models import CareRelationship
from tests.toolbox.factories import CrisisPlanFactory, ShareFactory
from toolbox.models import ItemType, Share

pytestmark = pytest.mark.django_db


def test_ending_a_care_link_withdraws_everything_shared_with_that_provider(member, provider):
    CrisisPlanFactory(member=member)
    ShareFactory(member=member, provider=provider, item_type=ItemType.CRISIS_PLAN)
    link = CareRelationship.objects.get(member=member, provider=provider)

    account_services.end_care_link(link=link, ended_by=member)

    assert not Share.objects.filter(member=member, provider=provider).exists()
    # Linked again later, the provider starts with nothing shared.
    account_services.link_care_team(member=member, provider=provider, created_by=None)
    assert not Share.objects.filter(member=member, provider=provider).exists()
