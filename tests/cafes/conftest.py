import pytest

from tests.cafes.factories import CafeSeriesFactory, MeetingFactory


@pytest.fixture
def series(nordvik, moderator):
    return CafeSeriesFactory(community=nordvik, host=moderator)


@pytest.fixture
def cafe(series):
    """A café in Nordvik in a week, hosted by the moderator."""
    return MeetingFactory(series=series)


@pytest.fixture
def elvdal_cafe(elvdal, moderator):
    return MeetingFactory(series=CafeSeriesFactory(community=elvdal, host=moderator))
