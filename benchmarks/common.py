"""What the benchmarks share: Django set up for a run, their databases, and timing.

A benchmark runs as a script (`python benchmarks/<name>.py`): it puts the checkout on sys.path,
imports this module, calls `setup_django()` and only then imports the portal's modules.
"""

import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BATCH = 5000  # rows per INSERT when a benchmark fills its database in bulk
UNUSABLE = "!"  # an unusable password hash: nobody signs in with a password in a benchmark


def setup_django(**defaults: str) -> None:
    """Configure Django with the portal's settings; `defaults` are environment variables set
    unless the caller's environment has them (RECONNECT_TESTING, DEBUG, ...)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reconnect.settings")
    for name, value in defaults.items():
        os.environ.setdefault(name, value)
    import django

    django.setup()


def rounds(default: int) -> int:
    """How many times each measurement repeats: BENCH_ROUNDS, else `default`."""
    return int(os.environ.get("BENCH_ROUNDS", str(default)))


def server_url() -> str:
    """The PostgreSQL server of DATABASE_URL (default postgres@127.0.0.1:5432), as a URL."""
    return os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres"


def with_database(url: str, name: str) -> str:
    """`url` naming the database `name` on the same server."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


@contextmanager
def throwaway_database() -> Iterator[None]:
    """A test database (PostgreSQL when DATABASE_URL is set, else SQLite), dropped afterwards.

    Passwords are hashed with MD5, as in the test suite: signing people in is not measured."""
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def analyze() -> None:
    """After a bulk load, as autovacuum would: the PostgreSQL planner needs the tables' sizes."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def timings(call: Callable[[], Any], count: int, *, warm_up: bool = False) -> list[float]:
    """Wall-clock seconds of `count` calls of `call` (after one untimed call with `warm_up`)."""
    if warm_up:
        call()
    seconds = []
    for _n in range(count):
        started = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - started)
    return seconds


def median_ms(call: Callable[[], Any], count: int, *, warm_up: bool = False) -> float:
    """The median of `count` calls, in milliseconds."""
    return statistics.median(timings(call, count, warm_up=warm_up)) * 1000


def measure(call: Callable[[], Any]) -> tuple[float, int, Any]:
    """One call's wall-clock seconds, the number of queries it ran, and what it returned."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = call()
        elapsed = time.perf_counter() - started
    return elapsed, len(queries), result


def median_and_p95(samples: list[float]) -> tuple[float, float]:
    """The median and the 95th percentile (inclusive: never beyond the slowest sample)."""
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return statistics.median(samples), cuts[94]


def load_average() -> str:
    """The machine's load average over 1, 5 and 15 minutes, for printing next to a figure."""
    return " ".join(f"{load:.2f}" for load in os.getloadavg())
