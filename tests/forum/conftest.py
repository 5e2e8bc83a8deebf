import pytest

from tests.forum.factories import TopicFactory


@pytest.fixture
def topic(db):
    return TopicFactory(name="Everyday life", name_nb="Hverdagen", slug="everyday-life")


@pytest.fixture(autouse=True)
def _generous_rate_limits(settings):
    # Tests write many posts quickly; the rate-limit tests set their own tight limits.
    settings.FORUM_RATE_LIMITS = {"post": (1000, 300), "react": (1000, 300), "action": (1000, 300)}


@pytest.fixture(autouse=True)
def _first_posts_published(settings):
    # The moderation app holds a new member's first posts for approval; these tests are about the
    # forum itself (tests/moderation covers holding), so posts appear at once here.
    settings.MODERATION_HOLD_FIRST_POSTS = 0
