import pytest


@pytest.fixture(autouse=True)
def _cohort_settings(settings):
    # The cohort writes hundreds of posts at once, and its members' first posts are not held: the
    # report counts what was written, whatever the moderation app does with it.
    from tests.reports.cohort import SETTINGS

    for name in ("FORUM_RATE_LIMITS", "MODERATION_HOLD_FIRST_POSTS"):
        setattr(settings, name, SETTINGS[name])
    settings.REPORTS_SMALL_CELL_THRESHOLD = 5
