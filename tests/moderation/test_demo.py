"""seed_demo adds saved replies, a held post, a report and a crisis-flagged post, once."""

import pytest
from django.core.management import call_command

from moderation.models import QueueItem, Report, SavedReply

pytestmark = pytest.mark.django_db


def _counts():
    return (
        SavedReply.objects.count(),
        QueueItem.objects.count(),
        Report.objects.count(),
        QueueItem.objects.filter(kind="crisis").count(),
    )


def test_seed_demo_fills_the_queue_and_is_idempotent(settings):
    settings.DEBUG = True
    call_command("seed_demo", "--quiet")
    saved, items, reports, crisis = _counts()
    assert saved >= 3 and reports == 1 and crisis == 1
    kinds = set(QueueItem.objects.open().values_list("kind", flat=True))
    assert {"crisis", "report", "held", "advice"} <= kinds
    crisis_item = QueueItem.objects.get(kind="crisis")
    assert crisis_item.category and crisis_item.evidence and crisis_item.severity == "crisis"
    held = QueueItem.objects.get(kind="held", post__body__startswith="Hi, I am new here")
    assert held.post.status == "held"
    call_command("seed_demo", "--quiet")
    assert _counts() == (saved, items, reports, crisis)
