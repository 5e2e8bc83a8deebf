"""Benchmark: how fast the main pages answer, per role, on the demo portal.

Creates a throw-away test database (PostgreSQL when DATABASE_URL is set, else SQLite), loads the
demo portal, signs in each demo person with Django's test client and requests their pages many
times. Prints the median and 95th percentile time per page and the number of queries. A figure,
not a test: run it with `make bench`.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import median_and_p95, rounds, setup_django, throwaway_database, timings

setup_django(RECONNECT_TESTING="true")

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PAGES = {
    "ingrid@example.org": [
        "/",
        "/me/",
        "/me/care-team/",
        "/me/data/",
        "/me/export/",
        "/notifications/",
        "/forum/",
        "/toolbox/",
        "/messages/",
        "/cafes/",
    ],
    "lillian@example.org": ["/", "/moderation/", "/forum/", "/cafes/"],
    "berg@example.org": ["/", "/provider/"],
    "admin@example.org": ["/", "/admin/", "/admin/reports/usagereport/"],
}
ROUNDS = rounds(30)


def main() -> int:
    with throwaway_database():
        settings.DEBUG = True
        call_command("seed_demo", "--quiet")
        settings.DEBUG = False
        from reconnect.accounts.models import User

        print(f"{'page':<40} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for email, paths in PAGES.items():
            client = Client()
            client.force_login(User.objects.get(email=email))
            for path in paths:
                first = client.get(path)
                if first.status_code != 200:
                    print(f"{email.split('@')[0] + ' ' + path:<40} {'(' + str(first.status_code) + ')':>10}")
                    continue
                median, p95 = median_and_p95(timings(lambda: client.get(path), ROUNDS))  # noqa: B023 (called at once)
                with CaptureQueriesContext(connection) as queries:
                    client.get(path)
                label = f"{email.split('@')[0]} {path}"
                print(f"{label:<40} {median * 1000:>10.1f} {p95 * 1000:>8.1f} {len(queries):>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
