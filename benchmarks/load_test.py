"""Load test: simulated people of every role against two web instances, two workers and beat.

    python benchmarks/load_test.py [--people 200] [--minutes 3]

Uses its own database (LOAD_DATABASE_URL, default reconnect_load on the local PostgreSQL; created,
migrated and filled with the demo portal plus one account per simulated person) and Redis
(REDIS_URL). Starts the stack of benchmarks/load/stack.py on --ports, runs locust headless with
benchmarks/load/locustfile.py, and prints requests per second, p50/p95/p99 per page and errors.
People are signed in beforehand (a session each, as after signing in), so the figures are those of
using the portal, not of password hashing.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import load_average  # noqa: E402
from benchmarks.load.stack import environment, start_stack, wait_until_ready  # noqa: E402

SHARES = {"member": 17, "provider": 2, "moderator": 1}  # the locust users' weights


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def prepare(people: int) -> dict[str, list[str]]:
    """Migrate, load the demo portal, make one account per simulated person and sign each in."""
    import django

    django.setup()
    from allauth.mfa.totp.internal.auth import TOTP
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.test import override_settings

    from reconnect.accounts.models import CareRelationship, Community, User
    from tests.factories import MemberFactory, ModeratorFactory, ProviderFactory

    call_command("migrate", verbosity=0)
    call_command("seed_demo", force=True, quiet=True)
    total = sum(SHARES.values())
    wanted = {role: max(1, people * share // total) for role, share in SHARES.items()}
    communities = list(Community.objects.filter(slug__in=["nordvik", "elvdal"]))
    made: dict[str, list[User]] = {}
    factories = {"member": MemberFactory, "provider": ProviderFactory, "moderator": ModeratorFactory}
    # Nobody signs in with these accounts' passwords: a fast hasher keeps the set-up short.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        for role, count in wanted.items():
            made[role] = []
            for number in range(count):
                email = f"load-{role}-{number}@example.org"
                user = User.objects.filter(email=email).first()
                if user is None:
                    extra = {"pseudonym": f"Load {role} {number}"} if role != "provider" else {}
                    user = factories[role](email=email, community=communities[number % 2], mfa=False, **extra)
                    if user.needs_mfa:
                        TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
                made[role].append(user)
    providers = made["provider"]
    for number, member in enumerate(made["member"]):
        CareRelationship.objects.get_or_create(member=member, provider=providers[number % len(providers)])
    sessions: dict[str, list[str]] = {}
    for role, users in made.items():
        sessions[role] = []
        for user in users:
            store = SessionStore()
            store[SESSION_KEY] = str(user.pk)
            store[BACKEND_SESSION_KEY] = "allauth.account.auth_backends.AuthenticationBackend"
            store[HASH_SESSION_KEY] = user.get_session_auth_hash()
            store.create()
            sessions[role].append(store.session_key)
    return sessions


def cpu_seconds(stack, database_url: str) -> dict[str, float]:
    """CPU time used by the web instances, the workers and beat, and the load database's backends."""
    import psutil

    def tree(pid: int) -> float:
        process = psutil.Process(pid)
        total = 0.0
        for member in [process, *process.children(recursive=True)]:
            times = member.cpu_times()
            total += times.user + times.system
        return total

    used = {"web": 0.0, "workers and beat": 0.0, "postgres": 0.0}
    for name, process in stack.processes.items():
        used["web" if name.startswith("web") else "workers and beat"] += tree(process.pid)
    database = urlparse(database_url).path.lstrip("/")
    for process in psutil.process_iter(["name", "cmdline"]):
        cmdline = " ".join(process.info["cmdline"] or [])
        if process.info["name"] == "postgres" and f" {database} " in f"{cmdline} ":
            times = process.cpu_times()
            used["postgres"] += times.user + times.system
    return used


def report(stats_csv: Path, people: int, minutes: float) -> int:
    rows = list(csv.DictReader(stats_csv.open()))
    load = load_average()
    print(f"\n{people} simulated people for {minutes:g} min against 2 web instances (load average {load})\n")
    header = f"{'page':<42} {'requests':>8} {'errors':>6} {'req/s':>6} {'p50':>6} {'p95':>6} {'p99':>6}"
    print(header + "\n" + "-" * len(header))
    errors = 0
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "ALL"
        if name == "ALL":
            print("-" * len(header))
        method = "" if name == "ALL" else row["Type"] + " "
        print(
            f"{(method + name)[:42]:<42} {row['Request Count']:>8} {row['Failure Count']:>6} "
            f"{float(row['Requests/s']):>6.1f} {row['50%']:>6} {row['95%']:>6} {row['99%']:>6}"
        )
        if name == "ALL":
            errors = int(row["Failure Count"])
    print("(times in milliseconds)")
    return errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--minutes", type=float, default=3)
    parser.add_argument("--spawn-rate", type=float, default=10, help="people started per second")
    parser.add_argument("--ports", default="8180,8181", help="the two web instances' ports")
    parser.add_argument("--web-processes", type=int, default=2, help="gunicorn workers per instance")
    args = parser.parse_args()

    database_url = os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/reconnect_load")
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    ensure_database(database_url)
    env = environment(database_url=database_url, redis_url=redis_url, EMAIL_URL="console://", LOG_LEVEL="WARNING")
    os.environ.update({k: env[k] for k in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "RECONNECT_TESTING")})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reconnect.settings")
    sessions = prepare(args.people)

    workdir = Path(tempfile.mkdtemp(prefix="reconnect-load-"))
    accounts = workdir / "accounts.json"
    accounts.write_text(json.dumps(sessions))
    ports = [int(port) for port in args.ports.split(",")]
    stack = start_stack(workdir, env=env, web_ports=ports, web_processes=args.web_processes)
    try:
        wait_until_ready(stack)
        at_start = cpu_seconds(stack, database_url)  # starting Django is not serving requests
        hosts = ",".join(stack.urls)
        started = time.monotonic()
        subprocess.run(
            [
                sys.executable, "-m", "locust", "-f", str(ROOT / "benchmarks/load/locustfile.py"), "--headless",
                "-u", str(args.people), "-r", str(args.spawn_rate), "-t", f"{int(args.minutes * 60)}s",
                "--csv", str(workdir / "load"), "--only-summary", "--host", stack.urls[0], "--loglevel", "WARNING",
            ],
            cwd=ROOT,
            env={**os.environ, "LOAD_HOSTS": hosts, "LOAD_ACCOUNTS": str(accounts)},
            check=False,
        )  # fmt: skip
        print(f"locust ran {time.monotonic() - started:.0f} s; logs and CSV in {workdir}")
        cpu = {part: seconds - at_start[part] for part, seconds in cpu_seconds(stack, database_url).items()}
    finally:
        stack.stop_all()
    errors = report(workdir / "load_stats.csv", args.people, args.minutes)
    requests_made = sum(int(row["Request Count"]) for row in csv.DictReader((workdir / "load_stats.csv").open())
                        if row["Name"] != "Aggregated")  # fmt: skip
    print(
        "CPU used (seconds, whatever the machine's load): "
        + ", ".join(f"{part} {seconds:.0f}" for part, seconds in cpu.items())
        + f"; per request: web {1000 * cpu['web'] / max(1, requests_made):.0f} ms, "
        f"PostgreSQL {1000 * cpu['postgres'] / max(1, requests_made):.0f} ms"
    )
    failures = workdir / "load_failures.csv"
    if errors and failures.exists():
        print("\nerrors:")
        for row in csv.DictReader(failures.open()):
            print(f"  {row['Occurrences']:>5} x {row['Method']} {row['Name']}: {row['Error'][:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
