"""The study's cohort, built through the portal's own services.

Over six months 29 members: 19 of them write 524 forum posts (19 threads, 505 replies), viewed
1,870 times by the 10 who only read; 7 sign in 16 times and the others 3 times; 12 cafés, six in
each of two communities, with 3 to 9 participants and 17 distinct members answering "going".
"""

from dataclasses import dataclass, field
from datetime import time, timedelta

from django.test import Client
from django.utils import timezone

from cafes import services as cafes
from cafes.models import Answer, Meeting
from cafes.recurrence import Rule
from forum import services as forum
from messaging import services as messaging
from messaging.models import Message
from tests.factories import CareRelationshipFactory, CommunityFactory, MemberFactory, ModeratorFactory, ProviderFactory
from tests.forum.factories import TopicFactory
from toolbox import services as toolbox
from toolbox.models import Goal, ItemType

MEMBERS = 29
WRITERS = 19
POSTS = 524
VIEWS = 1870
FREQUENT = 7  # members who sign in 16 times; the others sign in 3 times
ATTENDANCE = {"nordvik": [3, 4, 5, 6, 7, 9], "elvdal": [3, 5, 6, 8, 9, 4]}
GOERS = {"nordvik": 9, "elvdal": 8}  # 17 distinct members answer "going"
REACTIONS = 12
CIRCLES = 2
WAIT_HOURS = [2, 4, 10]  # three waits for a provider's reply: median 4
# What the suite's per-test fixtures set, for building the cohort once per module.
SETTINGS = {
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cohort"}},
    "FORUM_RATE_LIMITS": {"post": (100_000, 300), "react": (100_000, 300), "action": (100_000, 300)},
    "MODERATION_HOLD_FIRST_POSTS": 0,
}


@dataclass
class Cohort:
    nordvik: object
    elvdal: object
    members: list
    writers: list
    readers: list
    threads: list = field(default_factory=list)
    cafes: list = field(default_factory=list)


def _sign_in(user, times: int) -> None:
    client = Client()
    for _n in range(times):
        client.force_login(user)  # Django's login(): the user_logged_in signal, as allauth sends it


def build_cohort() -> Cohort:
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    elvdal = CommunityFactory(name="Elvdal", slug="elvdal")
    members = [MemberFactory(community=nordvik if n < 15 else elvdal) for n in range(MEMBERS)]
    cohort = Cohort(nordvik, elvdal, members, writers=members[:WRITERS], readers=members[WRITERS:])

    for n, member in enumerate(members):
        _sign_in(member, 16 if n < FREQUENT else 3)

    topic = TopicFactory()
    for n, writer in enumerate(cohort.writers):
        cohort.threads.append(forum.start_thread(author=writer, topic=topic, title=f"Thread {n}", body="How are you?"))
    for n in range(POSTS - WRITERS):
        thread = cohort.threads[n % WRITERS]
        forum.post_reply(author=cohort.writers[(n + 1) % WRITERS], thread=thread, body=f"Reply {n}")
    # Each reader reads 187 posts: whole threads, then part of one.
    for reader in cohort.readers:
        left = VIEWS // len(cohort.readers)
        for thread in cohort.threads:
            thread.refresh_from_db()
            take = min(thread.post_count, left)
            if take:
                forum.record_reading(user=reader, thread=thread, up_to_position=take)
                left -= take
    opening = [thread.posts.get(position=1) for thread in cohort.threads]
    for n in range(REACTIONS):
        forum.add_reaction(user=cohort.readers[n % len(cohort.readers)], post=opening[n], kind="thanks")
    for n in range(CIRCLES):
        forum.create_circle(creator=cohort.writers[n], name=f"Circle {n}")

    _cafes(cohort)
    _messages(cohort)
    _toolbox(cohort)
    return cohort


def _cafes(cohort: Cohort) -> None:
    host = ModeratorFactory(community=cohort.nordvik)
    host.extra_communities.add(cohort.elvdal)
    today = timezone.localdate()
    for community in (cohort.nordvik, cohort.elvdal):
        residents = [m for m in cohort.members if m.community_id == community.pk]
        goers = residents[: GOERS[community.slug]]
        rule = Rule(
            frequency="weekly",
            weekday=(today + timedelta(days=3)).weekday(),
            start_time=time(18, 0),
            first_date=today + timedelta(days=1),
            last_date=today + timedelta(days=7 * 6),
        )
        series = cafes.create_series(
            community=community,
            host=host,
            title=f"Café {community.name}",
            rule=rule,
            duration_minutes=120,
            defaults=cafes.MeetingDefaults(place="The library", address="Main street 1"),
        )
        meetings = list(series.meetings.order_by("starts_at"))
        for index, (meeting, attendance) in enumerate(zip(meetings, ATTENDANCE[community.slug], strict=True)):
            for k in range(min(attendance, len(goers))):
                cafes.answer(meeting=meeting, user=goers[(index + k) % len(goers)], answer=Answer.GOING)
            # The cafés took place in the weeks before today: move them there, then the host records.
            days_back = 7 * (len(meetings) - index) + (meeting.starts_at.date() - today).days
            Meeting.objects.filter(pk=meeting.pk).update(
                starts_at=meeting.starts_at - timedelta(days=days_back),
                ends_at=meeting.ends_at - timedelta(days=days_back),
            )
            meeting.refresh_from_db()
            cafes.record_attendance(meeting=meeting, actor=host, attendance=attendance)
            # Afterwards the first two who answered say they came and the third that they could not.
            for k in range(3):
                goer = goers[(index + k) % len(goers)]
                cafes.say_who_came(meeting=meeting, user=goer, came=k < 2)
            cohort.cafes.append(meeting)


def _messages(cohort: Cohort) -> None:
    member = cohort.members[0]
    provider = ProviderFactory(community=cohort.nordvik)
    CareRelationshipFactory(member=member, provider=provider)
    now = timezone.now()
    for n, hours in enumerate(WAIT_HOURS):
        conversation = messaging.start_conversation(
            member=member, providers=[provider], subject=f"Question {n}", body="Can we talk?"
        )
        messaging.send_message(author=member, conversation=conversation, body="And one more thing.")
        messaging.send_message(author=provider, conversation=conversation, body="Yes, of course.")
        # Spread the three messages in time: the wait starts at the first one.
        first, second, answer = conversation.messages.order_by("pk")
        start = now - timedelta(days=10 + n)
        Message.objects.filter(pk=first.pk).update(created_at=start)
        Message.objects.filter(pk=second.pk).update(created_at=start + timedelta(minutes=30))
        Message.objects.filter(pk=answer.pk).update(created_at=start + timedelta(hours=hours))


def _toolbox(cohort: Cohort) -> None:
    provider = ProviderFactory(community=cohort.elvdal)
    for member in cohort.members[:6]:
        toolbox.save_crisis_plan(member=member, sections={"warning_signs": "Sleeping badly"})
    for member in cohort.members[:8]:
        Goal.objects.create(member=member, text="Walk every day", life_area="health")
    for member in cohort.members[:10]:
        for days in range(2):
            toolbox.record_checkin(
                member=member, day=timezone.localdate() - timedelta(days=days), mood=3, sleep=3, activity=3, note=""
            )
    sharer = cohort.members[20]
    CareRelationshipFactory(member=sharer, provider=provider)
    toolbox.set_sharing(member=sharer, item_type=ItemType.CRISIS_PLAN, providers=[provider])
    toolbox.set_sharing(member=sharer, item_type=ItemType.CHECKINS, providers=[provider])
