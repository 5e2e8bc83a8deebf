import pytest

from forum.models import Post
from moderation.models import QueueItem
from tests.forum.factories import TopicFactory
from tests.moderation.factories import QueueItemFactory, post_by


@pytest.fixture(autouse=True)
def _moderation_settings(settings):
    settings.FORUM_RATE_LIMITS = {"post": (1000, 300), "react": (1000, 300), "action": (1000, 300)}
    # Tests about first posts turn the hold on themselves; others want posts published at once.
    settings.MODERATION_HOLD_FIRST_POSTS = 0
    settings.MODERATION_CRISIS_HOLDS = False


@pytest.fixture
def topic(db):
    return TopicFactory(name="Everyday life", name_nb="Hverdagen", slug="everyday-life")


@pytest.fixture
def member_post(member, topic):
    post = post_by(member, topic=topic)
    Post.objects.filter(pk=post.pk).update(status=Post.Status.PUBLISHED)
    post.refresh_from_db()
    return post


@pytest.fixture
def held_item(member, topic):
    post = post_by(member, topic=topic)
    Post.objects.filter(pk=post.pk).update(status=Post.Status.HELD)
    post.refresh_from_db()
    return QueueItemFactory(post=post, kind=QueueItem.Kind.HELD, matched="first posts")


@pytest.fixture
def crisis_item(member_post):
    return QueueItemFactory(post=member_post, kind=QueueItem.Kind.CRISIS, matched="kill myself")


@pytest.fixture
def other_moderator(db):
    from tests.factories import ModeratorFactory

    return ModeratorFactory(pseudonym="Harbour")
