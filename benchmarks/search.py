"""How fast is forum search on a large forum? p50/p95 at 100,000 and 1,000,000 posts, and their ratio.

    python benchmarks/search.py --database reconnect_bench [--sizes 100000,1000000] [--repeat 5]

For each size the forum is generated first with benchmarks/generate_forum.py (grown to the size,
or rebuilt when it is larger; nothing is done when it already has that many posts), then a member
searches as in the portal (`forum.search.search_posts`: ranking, the page's posts and snippets,
every query of the page's search) for rare, medium and common words of both languages, each word
several times. Words are drawn from the generator's own vocabulary by frequency rank, so the same
words are searched at both sizes; the share of posts that contain each one is printed.
Goal: p95 under 150 ms at 1M, and p95 at 1M no more than 2x p95 at 100k.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.common import ROOT, load_average, median_and_p95, server_url, setup_django, with_database
from benchmarks.generate_forum import SEED, Writer

# Vocabulary ranks (0 = most frequent) per kind of word; made-up words from rank ~150 on.
RANKS = {"rare": [12_000, 18_000, 24_000, 30_000, 36_000], "medium": [150, 200, 260, 330, 400]}
COMMON = {"en": ["feel", "day", "time", "today", "help"], "nb": ["dag", "føler", "tid", "hjelp", "godt"]}


def words_by_kind() -> dict[tuple[str, str], list[str]]:
    writer = Writer(seed=SEED)
    chosen = {}
    for language in ("en", "nb"):
        vocabulary = writer.words[language]
        for kind, ranks in RANKS.items():
            chosen[(language, kind)] = [vocabulary[rank] for rank in ranks]
        chosen[(language, "common")] = COMMON[language]
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database", default="reconnect_search_bench", help="the benchmark's own database (see generate_forum.py)"
    )
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--repeat", type=int, default=5, help="searches per word")
    parser.add_argument("--explain", action="store_true", help="print the plan of one search per kind")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]

    os.environ["DATABASE_URL"] = with_database(server_url(), args.database)
    setup_django(DEBUG="true")  # never serves requests
    from django.db import connection

    results = {}
    for size in sizes:
        connection.close()
        generator = ROOT / "benchmarks" / "generate_forum.py"
        subprocess.run(
            [sys.executable, str(generator), "--database", args.database, "--posts", str(size)],
            check=True,
            env=os.environ,
        )
        results[size] = measure(args)
    print()
    print("size        p50 ms   p95 ms")
    for size, (p50, p95) in results.items():
        print(f"{size:>9,}   {p50:6.1f}   {p95:6.1f}")
    if len(sizes) == 2:
        small, large = sorted(sizes)
        ratio = results[large][1] / results[small][1]
        print(f"p95 at {large:,} / p95 at {small:,}: {ratio:.2f} (goal: at most 2, and p95 under 150 ms at 1M)")
    print(f"load average at the end: {load_average()}")


def measure(args) -> tuple[float, float]:
    from django.db import connection

    from forum import search
    from forum.models import Post
    from reconnect.accounts.models import User

    user = User.objects.filter(email__endswith="@bench.invalid").order_by("pk").first()
    total = Post.objects.count()
    print(f"\n{total:,} posts")
    chosen = words_by_kind()
    # Warm the caches as a running portal would have them (each word once, untimed).
    for (language, _kind), words in chosen.items():
        for word in words:
            search.search_posts(user, word, language=language)
    all_timings = []
    for (language, kind), words in chosen.items():
        timings = []
        shares = []
        for word in words:
            config, suffix = search.search_index.config_for(language)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT count(*) FROM forum_post WHERE search_{suffix} @@ websearch_to_tsquery(%s::regconfig, %s)"  # noqa: S608
                    " AND status = 'published'",
                    [config, word],
                )
                shares.append(cursor.fetchone()[0] / total)
            for _ in range(args.repeat):
                started = time.perf_counter()
                page = search.search_posts(user, word, language=language)
                timings.append((time.perf_counter() - started) * 1000)
                assert page.posts, f"nothing found for {word!r}"
        if args.explain:
            _explain(user, words[0], language)
        all_timings.extend(timings)
        p50, p95 = median_and_p95(timings)
        share = ", ".join(f"{w} {s:.2%}" for w, s in zip(words, shares, strict=True))
        print(f"  {language} {kind:<7} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms   (in {share} of posts)")
    p50, p95 = median_and_p95(all_timings)
    print(f"  all        p50 {p50:6.1f} ms  p95 {p95:6.1f} ms   ({len(all_timings)} searches)")
    return p50, p95


def _explain(user, word: str, language: str) -> None:
    from django.db import connection

    from forum import search

    config, suffix = search.search_index.config_for(language)
    sql, params = search.ranked_sql(user, word, config=config, suffix=suffix, offset=0)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        print("\n".join("      " + row[0] for row in cursor.fetchall()))


if __name__ == "__main__":
    main()
