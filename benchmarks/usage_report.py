"""Benchmark: the usage report for a year of a thousand members.

Creates a throw-away test database (PostgreSQL when DATABASE_URL is set, else SQLite), fills it
in bulk with a year of use by 1,000 members in four communities (sign-ins, threads, posts, dated
post views, reactions, circles, messages with providers' replies, toolbox use, cafés with answers
and attendance), then times the report (the queries and the figures) and the whole admin page
(with its charts) several times. Prints the median and the slowest time and the number of
queries. A figure, not a test: run it with `make bench`.
"""

import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import BATCH, UNUSABLE, analyze, rounds, setup_django, throwaway_database

setup_django(RECONNECT_TESTING="true")

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

MEMBERS = int(os.environ.get("BENCH_MEMBERS", "1000"))
ROUNDS = rounds(7)


def _fill(rng: random.Random):
    from allauth.mfa.totp.internal.auth import TOTP

    from cafes.models import Answer, CafeSeries, Meeting, Rsvp
    from forum.models import Circle, Post, PostView, Reaction, Thread, Topic
    from messaging.models import Conversation, Message, Participant
    from reconnect.accounts.models import Community, Role, User
    from reports.models import LoginEvent
    from toolbox.models import CheckIn, CrisisPlan, Goal, Share

    now = timezone.now()
    year_ago = now - timedelta(days=365)

    def moment() -> timezone.datetime:
        return year_ago + timedelta(seconds=rng.randrange(365 * 24 * 3600))

    communities = [Community.objects.create(name=f"Community {n}", slug=f"community-{n}") for n in range(4)]
    members = User.objects.bulk_create(
        User(
            email=f"member{n}@example.net",
            pseudonym=f"Member {n}",
            role=Role.MEMBER,
            community=communities[n % 4],
            date_joined=moment(),
            password=UNUSABLE,
        )
        for n in range(MEMBERS)
    )
    providers = User.objects.bulk_create(
        User(email=f"provider{n}@example.net", role=Role.PROVIDER, community=communities[n % 4], password=UNUSABLE)
        for n in range(20)
    )
    host = User.objects.create(email="host@example.net", pseudonym="Host", role=Role.MODERATOR, password=UNUSABLE)
    admin = User.objects.create(
        email="admin@example.net",
        role=Role.ADMIN,
        is_staff=True,
        password=UNUSABLE,
        onboarded_at=now,
        terms_version="2026-11",
    )
    # The admin must have two-factor sign-in set up, or the portal sends them to set it up.
    TOTP.activate(admin, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")

    LoginEvent.objects.bulk_create(
        (LoginEvent(user=m, at=moment()) for m in members for _n in range(rng.randrange(1, 40))), batch_size=BATCH
    )
    topic = Topic.objects.create(name="Everyday life", slug="everyday-life")
    writers = members[: MEMBERS // 2]
    threads = Thread.objects.bulk_create(
        Thread(topic=topic, title=f"Thread {n}", author=rng.choice(writers), created_at=moment()) for n in range(2000)
    )
    posts = []
    for thread in threads:
        for position in range(1, rng.randrange(2, 20)):
            posts.append(
                Post(
                    thread=thread,
                    author=thread.author if position == 1 else rng.choice(writers),
                    position=position,
                    body="A post.",
                    body_html="<p>A post.</p>",
                    created_at=thread.created_at + timedelta(hours=position),
                )
            )
    posts = Post.objects.bulk_create(posts, batch_size=BATCH)
    PostView.objects.bulk_create(
        (PostView(post=rng.choice(posts), viewer=rng.choice(members), viewed_at=moment()) for _n in range(100_000)),
        batch_size=BATCH,
    )
    Reaction.objects.bulk_create(
        (
            Reaction(post=rng.choice(posts), user=rng.choice(members), kind="thanks", created_at=moment())
            for _n in range(10_000)
        ),
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    Circle.objects.bulk_create(
        Circle(name=f"Circle {n}", created_by=rng.choice(members), created_at=moment()) for n in range(100)
    )
    conversations = Conversation.objects.bulk_create(
        Conversation(member=m, subject="Hello", created_at=moment())
        for m in rng.sample(members, min(300, len(members)))
    )
    Participant.objects.bulk_create(
        Participant(conversation=c, provider=providers[n % 20]) for n, c in enumerate(conversations)
    )
    messages = []
    for n, conversation in enumerate(conversations):
        at = conversation.created_at
        for k in range(10):
            author = conversation.member if k % 3 != 2 else providers[n % 20]
            messages.append(Message(conversation=conversation, author=author, body="Hello", created_at=at))
            at += timedelta(hours=rng.randrange(1, 48))
    Message.objects.bulk_create(messages, batch_size=BATCH)
    CrisisPlan.objects.bulk_create(CrisisPlan(member=m) for m in rng.sample(members, min(300, len(members))))
    Goal.objects.bulk_create(
        Goal(member=rng.choice(members), text="Walk", life_area="health", created_at=moment()) for _n in range(600)
    )
    CheckIn.objects.bulk_create(
        (
            CheckIn(member=m, day=(now - timedelta(days=d)).date(), mood=3, sleep=3, activity=3)
            for m in members[:200]
            for d in range(0, 365, 4)
        ),
        batch_size=BATCH,
    )
    Share.objects.bulk_create(
        Share(member=m, provider=providers[n % 20], item_type="checkins", created_at=moment())
        for n, m in enumerate(members[:200])
    )
    meetings = []
    for community in communities:
        series = CafeSeries.objects.create(
            community=community,
            title="Café",
            host=host,
            weekday=1,
            nth=1,
            start_time=timezone.datetime(2026, 1, 1, 18).time(),
            first_date=year_ago.date(),
            last_date=now.date(),
            place="Library",
            address="Main street 1",
        )
        for month in range(12):
            starts = year_ago + timedelta(days=30 * month + 5)
            meetings.append(
                Meeting(
                    series=series,
                    community=community,
                    host=host,
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=2),
                    place="Library",
                    address="Main street 1",
                    attendance=rng.randrange(3, 12),
                )
            )
    meetings = Meeting.objects.bulk_create(meetings)
    residents = {c.pk: [m for m in members if m.community_id == c.pk] for c in communities}
    Rsvp.objects.bulk_create(
        # Afterwards most say whether they came.
        Rsvp(meeting=meeting, user=user, answer=Answer.GOING, attended=rng.choice([True, True, False, None]))
        for meeting in meetings
        for user in rng.sample(residents[meeting.community_id], 10)
    )
    return admin, communities[0]


def _time(label: str, call) -> None:
    times, queries = [], 0
    for _n in range(ROUNDS):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            result = call()
            times.append((time.perf_counter() - started) * 1000)
        queries = len(captured)
        assert getattr(result, "status_code", 200) == 200, result
    if os.environ.get("BENCH_SLOWEST"):
        for q in sorted(captured.captured_queries, key=lambda q: -float(q["time"]))[:2]:
            print(f"  {q['time']} s  {q['sql'][:300]}")
            if os.environ.get("BENCH_EXPLAIN") and q["sql"].startswith("SELECT"):
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN ANALYZE " + q["sql"])
                    print("\n".join("    " + row[0] for row in cursor.fetchall()))
    print(f"{label:<52} {statistics.median(times):>9.0f} {max(times):>8.0f} {queries:>8}")


def main() -> int:
    with throwaway_database():
        from reports.selectors import Period, build_report

        started = time.perf_counter()
        admin, community = _fill(random.Random(9))
        analyze()
        print(f"filled a year of {MEMBERS} members in {time.perf_counter() - started:.0f} s ({connection.vendor})")
        today = timezone.localdate()
        year = Period(today - timedelta(days=364), today)
        client = Client()
        client.force_login(admin)
        query = f"?start={year.start}&end={year.end}&logins_over=15"
        print(f"{'what':<52} {'median ms':>9} {'max ms':>8} {'queries':>8}")
        _time("report, a year, all communities (figures only)", lambda: build_report(period=year))
        _time("report, a year, one community (figures only)", lambda: build_report(period=year, community=community))
        _time(
            "admin page with charts, a year, all communities",
            lambda: client.get("/admin/reports/usagereport/" + query),
        )
        _time("CSV, a year, all communities", lambda: client.get("/admin/reports/usagereport/csv/" + query))
    return 0


if __name__ == "__main__":
    sys.exit(main())
