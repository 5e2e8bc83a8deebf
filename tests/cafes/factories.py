from datetime import datetime, time, timedelta

import factory
from django.utils import timezone

from cafes.models import Answer, CafeSeries, CompanionKind, CompanionPost, Meeting, Rsvp
from tests.factories import CommunityFactory, MemberFactory, ModeratorFactory


def _in_a_week_at_six():
    """18:00 Oslo time a week from today, so that a morning reminder always falls before it."""
    day = timezone.localdate() + timedelta(days=7)
    return datetime.combine(day, time(18, 0), tzinfo=timezone.get_current_timezone())


class CafeSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CafeSeries

    community = factory.SubFactory(CommunityFactory)
    title = "ReConnect café"
    host = factory.SubFactory(ModeratorFactory, community=factory.SelfAttribute("..community"))
    frequency = "monthly"
    nth = 1
    weekday = 1
    start_time = factory.LazyFunction(
        lambda: timezone.localtime().time().replace(hour=18, minute=0, second=0, microsecond=0)
    )
    first_date = factory.LazyFunction(timezone.localdate)
    last_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=180))
    place = "Library café"
    address = "Storgata 1"
    directions = "Second floor, by the lift."


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    series = factory.SubFactory(CafeSeriesFactory)
    community = factory.SelfAttribute("series.community")
    host = factory.SelfAttribute("series.host")
    starts_at = factory.LazyFunction(lambda: _in_a_week_at_six())
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    place = factory.SelfAttribute("series.place")
    address = factory.SelfAttribute("series.address")
    directions = factory.SelfAttribute("series.directions")
    theme = "Small steps"


class RsvpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rsvp

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(MemberFactory, community=factory.SelfAttribute("..meeting.community"))
    answer = Answer.GOING


class CompanionPostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompanionPost

    meeting = factory.SubFactory(MeetingFactory)
    author = factory.SubFactory(MemberFactory, community=factory.SelfAttribute("..meeting.community"))
    kind = CompanionKind.OFFER
    text = "Meet 15 minutes before at the station."
