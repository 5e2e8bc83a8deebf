import pytest
from django.core.management import call_command

from toolbox.models import CheckIn, CrisisPlan, Exercise, Goal, LocalLink, Medication, NetworkPerson, Share

pytestmark = pytest.mark.django_db


def counts():
    return [
        m.objects.count() for m in (CheckIn, CrisisPlan, Exercise, Goal, LocalLink, Medication, NetworkPerson, Share)
    ]


def test_seed_demo_gives_ingrid_a_full_toolbox_and_is_idempotent(settings):
    settings.DEBUG = True
    call_command("seed_demo", "--quiet")
    first = counts()
    call_command("seed_demo", "--quiet")
    assert counts() == first
    ingrid = Goal.objects.filter(member__email="ingrid@example.org")
    assert ingrid.count() == 3
    assert Share.objects.filter(
        member__email="ingrid@example.org", provider__email="berg@example.org", item_type="crisis_plan"
    ).exists()
    assert Medication.objects.filter(member__email="ingrid@example.org", end_date__isnull=False).count() == 1
    assert CheckIn.objects.filter(member__email="ingrid@example.org").count() >= 20
    assert Exercise.objects.filter(title_nb__gt="").count() >= 5
    assert LocalLink.objects.values("community").distinct().count() == 2
