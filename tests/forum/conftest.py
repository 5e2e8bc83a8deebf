import pytest

from tests.forum.factories import TopicFactory


@pytest.fixture
def topic(db):
    return TopicFactory(name="Everyday life", name_nb="Hverdagen", slug="everyday-life")
