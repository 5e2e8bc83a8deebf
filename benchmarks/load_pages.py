"""Benchmark: requests per second of the portal's busiest pages against a bare Django floor.

Starts gunicorn (2 sync workers, DEBUG off, production settings) for the portal and for the
one-view app in benchmarks/bare_app.py, signs in BENCH_SESSIONS members (50 by default, created
here), and drives both with wrk, whose Lua script gives each request the next member's session
cookie. Prints requests/s per page and the page's share of the floor. A figure, not a test.

Needs wrk (Debian: `apt-get install wrk`), PostgreSQL and Redis. The data lives in its own database
(BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/reconnect_bench), which this script
migrates and fills. Ports: BENCH_PORT (portal) and BENCH_PORT + 1 (floor), default 8131.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/reconnect_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
PORT = int(os.environ.get("BENCH_PORT", "8131"))
SESSIONS = int(os.environ.get("BENCH_SESSIONS", "50"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))

LUA = """
local cookies = {}
for line in io.lines(os.getenv("BENCH_COOKIES")) do cookies[#cookies + 1] = line end
local i = 0
request = function()
  i = i % #cookies + 1
  return wrk.format("GET", nil, {["Cookie"] = "sessionid=" .. cookies[i]})
end
"""


def _env() -> dict[str, str]:
    from cryptography.fernet import Fernet

    return {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "DEBUG": "false",
        "HTTPS": "false",
        "SECRET_KEY": "load-benchmark-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "FIELD_ENCRYPTION_KEYS": os.environ.get("FIELD_ENCRYPTION_KEYS") or Fernet.generate_key().decode(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "RECONNECT_VAR_DIR": str(ROOT / "var" / "bench"),
        "LOG_LEVEL": "WARNING",
    }


def _prepare(env: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """Migrate and fill the benchmark database; return session keys and the pages to drive."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    # A fresh database each run: the members and the thread are made anew.
    db = ["-h", "127.0.0.1", "-U", "postgres", DATABASE_URL.rsplit("/", 1)[1]]
    subprocess.run(["dropdb", "--if-exists", *db], check=True, capture_output=True)
    subprocess.run(["createdb", *db], check=True, capture_output=True)
    subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], env=env, check=True)
    subprocess.run([*manage, "collectstatic", "--no-input", "-v", "0"], env=env, check=True)
    script = f"""
from django.test import Client
from forum import services
from forum.models import Topic
from tests.factories import MemberFactory
members = [MemberFactory() for _ in range({SESSIONS})]
topic, _ = Topic.objects.get_or_create(slug="bench", defaults={{"name": "Bench", "name_nb": "Bench"}})
thread = services.start_thread(author=members[0], topic=topic, circle=None, title="Evenings", body="How do you get through long evenings?")
for n in range(19):
    services.post_reply(author=members[n % len(members)], thread=thread, body="Evenings are the hardest for me too. I go for a walk after dinner.", client_token=f"bench-{{thread.pk}}-{{n}}")
for member in members:
    client = Client()
    client.force_login(member)
    print("COOKIE", client.cookies["sessionid"].value)
print("THREAD", thread.get_absolute_url())
"""
    bench_env = {**env, "MODERATION_HOLD_FIRST_POSTS": "0"}
    out = subprocess.run([*manage, "shell", "-c", script], env=bench_env, check=True, capture_output=True, text=True)
    cookies = re.findall(r"^COOKIE (\S+)$", out.stdout, re.MULTILINE)
    thread = re.search(r"^THREAD (\S+)$", out.stdout, re.MULTILINE).group(1)  # type: ignore[union-attr]
    return cookies, {"thread (20 posts)": thread + "?page=1", "forum index": "/forum/", "home": "/"}


def _serve(app: str, port: int, env: dict[str, str], config: str = "gunicorn.conf.py") -> subprocess.Popen:
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    # The floor gets a config of its own: the portal's names the portal's log formatter, which
    # needs the portal's settings.
    process = subprocess.Popen(
        [gunicorn, app, "-c", config, "-w", "2", "-k", "sync", "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(  # noqa: S310 - our own local server
                f"http://127.0.0.1:{port}/healthz" if "reconnect" in app else f"http://127.0.0.1:{port}/"
            )
            return process
        except OSError:
            time.sleep(0.2)
    return process


def _wrk(url: str, cookies_file: str, script: str) -> float:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "-s", script, url],
        env={**os.environ, "BENCH_COOKIES": cookies_file},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non_2xx:
        print(f"  warning: {non_2xx.group(1)} answers were not 2xx/3xx for {url}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]


def main() -> int:
    if shutil.which("wrk") is None:
        print("load_pages: wrk is not installed (Debian: apt-get install wrk); skipping.")
        return 0
    env = _env()
    cookies, pages = _prepare(env)
    with tempfile.TemporaryDirectory() as folder:
        cookies_file = str(Path(folder) / "cookies.txt")
        Path(cookies_file).write_text("\n".join(cookies) + "\n")
        script = str(Path(folder) / "rotate.lua")
        Path(script).write_text(LUA)
        portal = _serve("reconnect.wsgi:application", PORT, env)
        floor = _serve(
            "benchmarks.bare_app:application",
            PORT + 1,
            {**os.environ, "PYTHONPATH": str(ROOT)},
            config="benchmarks/bare_gunicorn.conf.py",
        )
        try:
            for name, path in pages.items():
                request = urllib.request.Request(
                    f"http://127.0.0.1:{PORT}{path}", headers={"Cookie": f"sessionid={cookies[0]}"}
                )
                with urllib.request.urlopen(request) as answer:  # noqa: S310 - our own local server
                    print(f"{name}: {answer.status}, {len(answer.read())} bytes at {answer.url}")
            floor_rps = _wrk(f"http://127.0.0.1:{PORT + 1}/", cookies_file, script)
            print(
                f"{len(cookies)} signed-in sessions, {CONNECTIONS} connections, {SECONDS} s per page, load {os.getloadavg()[0]:.1f}"
            )
            print(f"{'page':<22} {'req/s':>8} {'share of floor':>15}")
            print(f"{'bare Django floor':<22} {floor_rps:>8.0f} {'100 %':>15}")
            for name, path in pages.items():
                rps = _wrk(f"http://127.0.0.1:{PORT}{path}", cookies_file, script)
                print(f"{name:<22} {rps:>8.0f} {100 * rps / floor_rps:>13.1f} %")
        finally:
            for process in (portal, floor):
                process.terminate()
                process.wait(timeout=20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
