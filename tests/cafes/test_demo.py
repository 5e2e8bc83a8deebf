import pytest

from cafes import demo as cafes_demo
from cafes.models import CafeSeries, CompanionPost, Meeting, Reminder, Rsvp
from cafes.services import unanswered_past_cafes
from reconnect.accounts import demo as accounts_demo
from reconnect.accounts.models import User

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_cafes_in_both_communities_and_is_idempotent():
    # The accounts' and the cafés' parts of seed_demo (other apps' demo data is theirs to test).
    def seed_demo():
        ctx = {}
        accounts_demo.seed(ctx)
        cafes_demo.seed(ctx)

    seed_demo()
    counts = [
        CafeSeries.objects.count(),
        Meeting.objects.count(),
        Rsvp.objects.count(),
        CompanionPost.objects.count(),
        Reminder.objects.count(),
    ]
    seed_demo()
    assert [
        CafeSeries.objects.count(),
        Meeting.objects.count(),
        Rsvp.objects.count(),
        CompanionPost.objects.count(),
        Reminder.objects.count(),
    ] == counts
    assert set(CafeSeries.objects.values_list("community__slug", flat=True)) == {"nordvik", "elvdal"}
    assert set(CafeSeries.objects.values_list("host__pseudonym", flat=True)) == {"Lillian"}
    recorded = list(Meeting.objects.filter(attendance__isnull=False).values_list("attendance", flat=True))
    assert len(recorded) >= 6 and all(3 <= n <= 9 for n in recorded)
    assert set(Rsvp.objects.values_list("user__pseudonym", flat=True)) == {"Lighthouse", "Birch", "Northern Star"}
    assert CompanionPost.objects.get().author.pseudonym == "Birch"
    # After the last café Lighthouse has not said yet whether she came, so her café list asks.
    ingrid = User.objects.get(email="ingrid@example.org")
    assert [r.meeting.community.slug for r in unanswered_past_cafes(ingrid)] == ["nordvik"]
    assert Rsvp.objects.filter(attended=True).count() == 3
