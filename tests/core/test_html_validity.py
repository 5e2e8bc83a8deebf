"""Every page a person reaches by following links is valid HTML, by the Nu Html Checker (vnu).

The demo portal is loaded, each demo account follows the links of the pages it can open (a few
pages per URL shape, so a thread with posts, a conversation with messages and a form with its errors
all get checked), and vnu reads every page in one run. vnu is a Java program from the npm package
`vnu-jar` in tools/ (`npm ci --prefix tools`; `.ci/run` installs it and Java).
"""

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

VNU = Path(__file__).resolve().parents[2] / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

DEMO_ACCOUNTS = [
    "ingrid@example.org",
    "sofie@example.org",
    "lillian@example.org",
    "berg@example.org",
    "admin@example.org",
]

# Links that end the session, start a download or leave the pages a person reads.
SKIP = re.compile(r"^/(static/|media/|accounts/logout|accounts/oidc/|i18n/|healthz|.*\.(ics|zip|csv|json|js)$)")
PAGES_PER_SHAPE = 2
PAGES_PER_ACCOUNT = 120


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith("/") and not href.startswith("//"):
                self.hrefs.append(href.split("#")[0])


def _shape(path: str) -> str:
    return re.sub(r"\d+", "N", path.split("?")[0])


def _pages_reached_by(client) -> dict[str, str]:
    """Path -> HTML of every page reached from the home page by following links."""
    pages: dict[str, str] = {}
    seen_shapes: dict[str, int] = {}
    queue = ["/"]
    while queue and len(pages) < PAGES_PER_ACCOUNT:
        path = queue.pop(0)
        if path in pages or SKIP.match(path):
            continue
        shape = _shape(path)
        if seen_shapes.get(shape, 0) >= PAGES_PER_SHAPE:
            continue
        seen_shapes[shape] = seen_shapes.get(shape, 0) + 1
        response = client.get(path)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        pages[path] = html
        parser = _Links()
        parser.feed(html)
        queue.extend(href for href in parser.hrefs if href and href not in pages)
    return pages


def _vnu_errors(files: list[Path]) -> list[str]:
    java = shutil.which("java")
    assert java, "The HTML check needs Java (apt-get install default-jre-headless)."
    assert VNU.exists(), f"The HTML check needs vnu: run `npm ci --prefix tools` ({VNU} is missing)."
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('message')} [{m.get('extract', '').strip()[:120]}]"
        for m in report["messages"]
        if m.get("type") == "error"
    ]


@pytest.mark.slow
def test_every_page_the_demo_accounts_reach_is_valid_html(db, client, settings, tmp_path):
    settings.DEBUG = True
    call_command("seed_demo", "--quiet")
    settings.DEBUG = False
    user_model = get_user_model()
    files: list[Path] = []
    names: dict[str, str] = {}
    for email in DEMO_ACCOUNTS:
        client.force_login(user_model.objects.get(email=email))
        for path, html in _pages_reached_by(client).items():
            file = tmp_path / f"page{len(files):04d}.html"
            file.write_text(html, encoding="utf-8")
            files.append(file)
            names[file.name] = f"{email} {path}"
        client.logout()
    # Pages a person sees before signing in.
    for path in ["/accounts/login/", "/accounts/password/reset/", "/help/"]:
        response = client.get(path)
        if response.status_code == 200:
            file = tmp_path / f"page{len(files):04d}.html"
            file.write_text(response.content.decode(), encoding="utf-8")
            files.append(file)
            names[file.name] = f"anonymous {path}"
    assert len(files) > 60, f"the crawl reached only {len(files)} pages"

    errors = _vnu_errors(files)
    readable = sorted({f"{names[e.split(':', 1)[0]]}: {e.split(':', 1)[1]}" for e in errors})
    assert not readable, f"{len(readable)} HTML errors:\n" + "\n".join(readable)
