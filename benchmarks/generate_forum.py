"""Fill a separate PostgreSQL database with a large forum for the search benchmark.

    python benchmarks/generate_forum.py --database reconnect_bench --posts 100000 --reset
    python benchmarks/generate_forum.py --database reconnect_bench --posts 1000000   # grows it

The text is forum-like: threads of about twenty posts, each post 15 to 120 words drawn from a
long-tailed (Zipf) vocabulary in English or Norwegian (a thread keeps one language), so a few
words are in most posts and most words are in very few, as in real text. A little Markdown
(emphasis, quotes, lists) is mixed in. The database is migrated first; threads and posts are
written with PostgreSQL COPY, and the search indexes are dropped during the load and built once
afterwards. `--posts` is the total wanted: an existing forum is grown to it (or rebuilt when it
is larger), `--reset` empties it first. The server is the one of DATABASE_URL (default postgres@127.0.0.1:5432).
"""

import argparse
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.common import server_url, setup_django, with_database

POSTS_PER_THREAD = 20
VOCABULARY_SIZE = 40_000  # per language, common words first
ZIPF_EXPONENT = 1.05
SEED = 16


def _words(text: str) -> list[str]:
    return text.split()


# The most frequent words of a support forum, in order (stop words included: real text has them).
# A few words that are not stop words come early, so that some words are in most posts.
ENGLISH = _words("""i the feel and to a day of it my is that in me you today for have but this with was
not be on so just about what do are like all they can when if at or one time out from how get
really know because think had would been going there some help again we sleep go up now
more much things your good make people also still work better week night hard back got very
thanks anxiety family friends talk feeling walk morning tired medication doctor appointment
worry hope try little bad well something someone life first see long new small morning best
nurse therapy group cafe coffee rain winter summer evening garden music book write read calm
breathing panic voices mood energy kind support listen understand share alone together lonely
afraid safe quiet tea dog cat bus shop cook dinner breakfast routine plan goal step""")
NORWEGIAN = _words("""jeg dag og det føler er i på som ikke å tid har en til med for du men så meg var
vi om av de kan et hva når få også bare være noe godt helt litt hjelp går mer
sove natt morgen uke jobb venner familie snakke angst trøtt lege time medisin håper prøve
bedre dårlig livet første se lenge ny liten beste sykepleier terapi gruppe kafé kaffe regn
vinter sommer kveld hage musikk bok skrive lese rolig pust panikk stemmer humør energi snill
støtte lytte forstå dele alene sammen ensom redd trygg stille te hund katt buss butikk lage
middag frokost rutine plan mål steg tur turer gå skog fjell sjø båt hjem""")

SYLLABLES = {
    "en": _words(
        "ba be bi bo bu ca co cu da de di do fa fe fi fo ga ge go ha he hi ho la le li lo lu ma me mi mo mu "
        "na ne no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi wa we wi ya yo"
    ),
    "nb": _words(
        "ba be bi bo bu da de di do fa fe fi fo ga ge gi go ha he hi ho ja je jo ka ke ki ko la le li lo "
        "ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo å ø æ"
    ),
}
ENDINGS = {"en": ["", "n", "s", "r", "t", "ng", "ly"], "nb": ["", "n", "r", "t", "en", "er", "et"]}
TITLE_STARTS = {
    "en": ["How do you", "Anyone else", "A good day", "Tips for", "Struggling with", "Thinking about"],
    "nb": ["Hvordan", "Noen andre", "En god dag", "Tips om", "Sliter med", "Tenker på"],
}


def vocabulary(language: str, rng: random.Random) -> list[str]:
    """Real common words first, then made-up words (pronounceable, so stemmers treat them as words)."""
    words = list(dict.fromkeys(ENGLISH if language == "en" else NORWEGIAN))
    seen = set(words)
    syllables, endings = SYLLABLES[language], ENDINGS[language]
    while len(words) < VOCABULARY_SIZE:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) + rng.choice(endings)
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def cumulative_zipf(size: int) -> list[float]:
    total, cumulative = 0.0, []
    for rank in range(1, size + 1):
        total += 1 / rank**ZIPF_EXPONENT
        cumulative.append(total)
    return cumulative


class Writer:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        vocabulary_rng = random.Random(SEED)  # the same words in every run and at every size
        self.words = {language: vocabulary(language, vocabulary_rng) for language in ("en", "nb")}
        self.cumulative = cumulative_zipf(VOCABULARY_SIZE)

    def text(self, language: str, count: int) -> str:
        words = self.rng.choices(self.words[language], cum_weights=self.cumulative, k=count)
        sentences, start = [], 0
        while start < len(words):
            length = self.rng.randint(6, 16)
            sentence = words[start : start + length]
            start += length
            if self.rng.random() < 0.08:
                sentence[-1] = f"*{sentence[-1]}*"
            sentences.append(" ".join(sentence).capitalize() + self.rng.choice(".!?.."))
        body = " ".join(sentences)
        roll = self.rng.random()
        if roll < 0.05:
            body = "> " + body
        elif roll < 0.08:
            body = "- " + body.replace(". ", ".\n- ", 2)
        return body

    def title(self, language: str) -> str:
        start = self.rng.choice(TITLE_STARTS[language])
        return f"{start} {' '.join(self.rng.choices(self.words[language][60:3000], k=3))}"


def _escape_copy(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _html(body: str) -> str:
    # A stand-in for the rendered Markdown: enough for pages and snippets, not the benchmark's subject.
    escaped = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<p>{escaped}</p>"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, help="name of the database to fill (created if missing)")
    parser.add_argument("--posts", type=int, required=True, help="total number of posts wanted")
    parser.add_argument("--reset", action="store_true", help="remove the forum's threads and posts first")
    args = parser.parse_args()

    if args.database in {"postgres", "template0", "template1"}:
        parser.error("name a database of its own: the forum's tables are filled (and with --reset emptied)")
    _create_database(server_url(), args.database)
    os.environ["DATABASE_URL"] = with_database(server_url(), args.database)
    setup_django(DEBUG="true")  # never serves requests
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    generate(total=args.posts, reset=args.reset)
    print(f"done in {time.perf_counter() - started:.0f} s")


def _create_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(with_database(server, "postgres"), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def generate(*, total: int, reset: bool) -> None:
    from django.contrib.auth.hashers import make_password
    from django.db import connection

    from forum import search_index
    from forum.models import Post, Thread, Topic
    from reconnect.accounts.models import Community, Role, User

    if reset or Post.objects.count() > total:
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE forum_post, forum_thread RESTART IDENTITY CASCADE")
    community, _ = Community.objects.get_or_create(slug="bench", defaults={"name": "Benchmark"})
    if not User.objects.filter(email__endswith="@bench.invalid").exists():
        password = make_password(None)
        User.objects.bulk_create(
            User(
                email=f"member{i}@bench.invalid",
                pseudonym=f"Bench {i}",
                role=Role.MEMBER,
                community=community,
                password=password,
                onboarded_at=datetime.now(UTC),
            )
            for i in range(2000)
        )
    author_ids = list(User.objects.filter(email__endswith="@bench.invalid").values_list("pk", flat=True))
    topic_ids = []
    for i, (name, name_nb) in enumerate([("Everyday life", "Hverdagen"), ("Sleep", "Søvn"), ("Cafés", "Kafeer")]):
        topic, _ = Topic.objects.get_or_create(slug=f"bench-{i}", defaults={"name": name, "name_nb": name_nb})
        topic_ids.append(topic.pk)

    have = Post.objects.count()
    wanted = total - have
    print(f"posts: {have} now, {total} wanted")
    if wanted <= 0:
        return
    writer = Writer(seed=SEED + have)
    rng = writer.rng
    first_thread = (Thread.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    thread_count = (wanted + POSTS_PER_THREAD - 1) // POSTS_PER_THREAD
    # Spread over five years, older threads first, so ids and dates grow together as in real life.
    begin = datetime(2021, 1, 1, tzinfo=UTC) + timedelta(minutes=have)
    step = timedelta(minutes=2)

    tables = [(t, p, s) for t, _source, p, _where in search_index.SOURCES for _c, _cfg, s in search_index.LANGUAGES]
    with connection.cursor() as cursor:
        for table, prefix, suffix in tables:
            cursor.execute(f"DROP INDEX IF EXISTS {search_index.index_name(table, prefix, suffix)}")

    load_started = time.perf_counter()
    raw = connection.connection  # psycopg 3
    with connection.cursor(), raw.cursor() as cursor:
        with cursor.copy(
            "COPY forum_thread (id, topic_id, title, author_id, created_at, last_activity_at, post_count,"
            " view_count, is_locked, is_pinned) FROM STDIN"
        ) as copy:
            threads = []
            remaining = wanted
            for n in range(thread_count):
                pk = first_thread + n
                size = min(POSTS_PER_THREAD, remaining)
                remaining -= size
                language = "nb" if rng.random() < 0.4 else "en"
                created = begin + step * (n * POSTS_PER_THREAD)
                last = created + step * (size - 1)
                threads.append((pk, size, language, created))
                row = [pk, rng.choice(topic_ids), writer.title(language), rng.choice(author_ids), created, last, size]
                copy.write_row([*row, 0, False, False])
        print(f"threads: {thread_count} in {time.perf_counter() - load_started:.0f} s")
        with cursor.copy(
            "COPY forum_post (thread_id, author_id, position, body, body_html, content_note, status,"
            " created_at, view_count, client_token) FROM STDIN"
        ) as copy:
            for done, (pk, size, language, created) in enumerate(threads):
                for position in range(1, size + 1):
                    body = writer.text(language, rng.randint(15, 120))
                    roll = rng.random()
                    status = "hidden" if roll < 0.005 else "held" if roll < 0.01 else "published"
                    copy.write_row(
                        [pk, rng.choice(author_ids), position, body, _html(body), "", status, created, 0, ""]
                    )
                    created += step
                if done % 5000 == 0 and done:
                    print(f"  posts: {done * POSTS_PER_THREAD} in {time.perf_counter() - load_started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('forum_thread', 'id'), (SELECT max(id) FROM forum_thread))"
        )
    print(f"loaded {wanted} posts in {time.perf_counter() - load_started:.0f} s")

    index_started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '512MB'")
        for table, prefix, suffix in tables:
            cursor.execute(search_index.index_statement(table, prefix, suffix))
        cursor.execute("VACUUM ANALYZE forum_post")
        cursor.execute("VACUUM ANALYZE forum_thread")
    print(f"search indexes built in {time.perf_counter() - index_started:.0f} s")


if __name__ == "__main__":
    main()
