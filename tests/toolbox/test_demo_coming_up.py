"""The demo's "Coming up" café in the toolbox is the café the café list shows next."""

import pytest
from django.utils import timezone

from cafes import demo as cafes_demo
from cafes.models import Meeting
from reconnect.accounts import demo as accounts_demo
from toolbox import demo as toolbox_demo
from toolbox.models import Activity

pytestmark = pytest.mark.django_db


def test_demo_cafe_activity_falls_on_the_next_nordvik_cafe():
    ctx: dict = {}
    accounts_demo.seed(ctx)
    toolbox_demo.seed(ctx)
    cafes_demo.seed(ctx)
    ingrid = ctx["users"]["ingrid@example.org"]
    activity = next(a for a in Activity.objects.filter(goal__member=ingrid) if a.title == "Café at the library")
    next_cafe = Meeting.objects.filter(community=ingrid.community).upcoming().order_by("starts_at").first()
    assert activity.planned_on == timezone.localdate(next_cafe.starts_at)
