"""Benchmark: "my data", a copy of it and deleting the account, for a member of two busy years.

Creates a throw-away test database (PostgreSQL when DATABASE_URL is set, else SQLite) and a
temporary folder for private files, fills it in bulk with one heavy member among others (1,500
forum posts of theirs in 150 threads with others' replies, 20,000 post views, 1,000 reactions,
40 conversations of 25 messages with 30 attached files of 200 KB, two years of daily check-ins,
goals, notifications and access-log lines), then times the "/me/data/" page, building the export
ZIP (and its size), and the deletion of the account in its one transaction. Prints times and
query counts. A figure, not a test: run it with `make bench`.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import BATCH, UNUSABLE, analyze, measure, rounds, setup_django, throwaway_database

PRIVATE_FOLDER = tempfile.TemporaryDirectory(prefix="reconnect-bench-")
os.environ["PRIVATE_STORAGE_ROOT"] = PRIVATE_FOLDER.name
setup_django(RECONNECT_TESTING="true")

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

ROUNDS = rounds(5)


def _fill(rng: random.Random):
    from forum.models import Post, PostView, Reaction, Thread, Topic
    from messaging import attachments
    from messaging.models import Attachment, Conversation, Message, Participant
    from reconnect.accounts.models import Community, Role, User
    from reconnect.core.models import AccessLogEntry, Notification
    from toolbox.models import CheckIn, Goal

    now = timezone.now()
    start = now - timedelta(days=730)

    def moment():
        return start + timedelta(seconds=rng.randrange(730 * 24 * 3600))

    community = Community.objects.create(name="Nordvik", slug="nordvik")
    heavy = User.objects.create(
        email="heavy@example.net",
        pseudonym="Lighthouse",
        real_name="Heavy User",
        role=Role.MEMBER,
        community=community,
        date_joined=start,
        onboarded_at=start,
        terms_version="2026-11",
        password=UNUSABLE,
    )
    others = User.objects.bulk_create(
        User(
            email=f"member{n}@example.net",
            pseudonym=f"Member {n}",
            role=Role.MEMBER,
            community=community,
            password=UNUSABLE,
        )
        for n in range(200)
    )
    provider = User.objects.create(email="provider@example.net", role=Role.PROVIDER, password=UNUSABLE)
    topic = Topic.objects.create(name="Everyday life", slug="everyday-life")
    threads = Thread.objects.bulk_create(
        Thread(
            topic=topic, title=f"Thread {n}", author=heavy if n % 3 == 0 else rng.choice(others), created_at=moment()
        )
        for n in range(150)
    )
    posts = []
    for thread in threads:
        for position in range(1, 21):
            author = heavy if position % 2 == 1 else rng.choice(others)
            posts.append(
                Post(
                    thread=thread,
                    author=author,
                    position=position,
                    body="Evenings are the hardest part for me. " * 4,
                    body_html="<p>Evenings are the hardest part for me.</p>",
                    created_at=thread.created_at + timedelta(hours=position),
                )
            )
    posts = Post.objects.bulk_create(posts, batch_size=BATCH)
    Thread.objects.update(post_count=20)
    PostView.objects.bulk_create(
        (PostView(post=rng.choice(posts), viewer=heavy, viewed_at=moment()) for _n in range(20_000)),
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    Reaction.objects.bulk_create(
        (Reaction(post=post, user=heavy, kind="thanks", created_at=moment()) for post in rng.sample(posts, 1000)),
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    conversations = Conversation.objects.bulk_create(
        Conversation(member=heavy, subject=f"Question {n}", created_at=moment()) for n in range(40)
    )
    Participant.objects.bulk_create(Participant(conversation=c, provider=provider) for c in conversations)
    messages = Message.objects.bulk_create(
        Message(
            conversation=conversation,
            author=heavy if k % 2 == 0 else provider,
            body="I slept badly again and would like to talk about the medication. " * 3,
            created_at=conversation.created_at + timedelta(hours=k),
        )
        for conversation in conversations
        for k in range(25)
    )
    blob = rng.randbytes(200 * 1024)
    Attachment.objects.bulk_create(
        Attachment(
            message=message,
            file_name=attachments.store(blob),
            original_name=f"diary-{n}.bin",
            content_type="application/octet-stream",
            size=len(blob),
        )
        for n, message in enumerate(rng.sample([m for m in messages if m.author_id == heavy.pk], 30))
    )
    CheckIn.objects.bulk_create(
        CheckIn(member=heavy, day=(now - timedelta(days=d)).date(), mood=3, sleep=3, activity=3, note="A quiet day.")
        for d in range(730)
    )
    Goal.objects.bulk_create(
        Goal(member=heavy, text=f"Walk to the harbour {n}", life_area="health", created_at=moment()) for n in range(50)
    )
    Notification.objects.bulk_create(
        (Notification(user=heavy, kind="forum.reply", url="/forum/", created_at=moment()) for _n in range(2000)),
        batch_size=BATCH,
    )
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            subject=heavy,
            actor=provider,
            actor_role="provider",
            actor_name="Dr. Berg",
            action="viewed",
            created_at=moment(),
        )
        for _n in range(500)
    )
    return heavy


def _row(label: str, seconds: list[float], queries: int, extra: str = "") -> None:
    print(f"{label:<46} {statistics.median(seconds) * 1000:>9.0f} {max(seconds) * 1000:>8.0f} {queries:>8} {extra}")


def main() -> int:
    with PRIVATE_FOLDER, throwaway_database():
        from forum.models import Thread
        from reconnect.privacy import services

        started = time.perf_counter()
        heavy = _fill(random.Random(8))
        analyze()
        print(f"filled two busy years of one member in {time.perf_counter() - started:.0f} s ({connection.vendor})")
        client = Client()
        client.force_login(heavy)
        print(f"{'what':<46} {'median ms':>9} {'max ms':>8} {'queries':>8}")

        runs = [measure(lambda: client.get("/me/data/")) for _n in range(ROUNDS)]
        assert all(r[2].status_code == 200 for r in runs)
        _row("/me/data/ (every count)", [r[0] for r in runs], runs[-1][1])

        runs = [measure(lambda: services.build_export_zip(user=heavy)) for _n in range(ROUNDS)]
        size = len(runs[-1][2]) / 1024 / 1024
        _row("export ZIP, built", [r[0] for r in runs], runs[-1][1], f"({size:.1f} MB)")

        posts_before = dict(Thread.objects.values_list("pk", "post_count"))
        elapsed, queries, _request = measure(lambda: services.erase_account(user=heavy, keep_post_text=True))
        _row("account deletion, one transaction", [elapsed], queries)
        assert dict(Thread.objects.values_list("pk", "post_count")) == posts_before
    return 0


if __name__ == "__main__":
    sys.exit(main())
