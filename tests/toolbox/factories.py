import datetime

import factory
from django.utils import timezone

from tests.factories import CommunityFactory, MemberFactory
from toolbox.models import (
    Activity,
    CheckIn,
    CrisisPlan,
    Exercise,
    ExerciseKind,
    Goal,
    LifeArea,
    LocalLink,
    Medication,
    NetworkPerson,
    Share,
    Step,
)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    member = factory.SubFactory(MemberFactory)
    text = factory.Sequence(lambda n: f"Walk by the sea {n} times a week")
    life_area = LifeArea.HEALTH


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step

    goal = factory.SubFactory(GoalFactory)
    text = factory.Sequence(lambda n: f"Step {n}")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    goal = factory.SubFactory(GoalFactory)
    title = factory.Sequence(lambda n: f"Activity {n}")
    planned_on = factory.LazyFunction(timezone.localdate)


class CrisisPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CrisisPlan

    member = factory.SubFactory(MemberFactory)
    warning_signs = "I stop answering the phone"
    helpers = "Mum – 912 34 567"


class NetworkPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkPerson

    member = factory.SubFactory(MemberFactory)
    name = factory.Sequence(lambda n: f"Person {n}")


class MedicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Medication

    member = factory.SubFactory(MemberFactory)
    name = factory.Sequence(lambda n: f"Medicine {n}")
    strength = "50 mg"
    dose = 1
    start_date = datetime.date(2026, 1, 1)


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckIn
        django_get_or_create = ["member", "day"]

    member = factory.SubFactory(MemberFactory)
    day = factory.LazyFunction(timezone.localdate)
    mood = 3
    sleep = 4
    activity = 2


class ExerciseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exercise

    slug = factory.Sequence(lambda n: f"exercise-{n}")
    kind = ExerciseKind.MINDFULNESS
    title_en = factory.Sequence(lambda n: f"Breathing space {n}")
    title_nb = factory.Sequence(lambda n: f"Pustepause {n}")
    body_en = "Sit comfortably.\n\nBreathe in slowly."
    body_nb = "Sitt godt.\n\nPust rolig inn."


class LocalLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalLink

    community = factory.SubFactory(CommunityFactory)
    kind = "organisation"
    name = factory.Sequence(lambda n: f"User organisation {n}")
    url = "https://example.org/"


class ShareFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Share

    member = factory.SubFactory(MemberFactory)
    provider = None
    item_type = "crisis_plan"
