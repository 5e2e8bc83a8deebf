"""Every link on every page leads somewhere for the person who sees it.

For each demo role, start at home on the demo portal (seed_demo) and follow every same-origin link
of every page reached (GET only: forms are not links), and fail on a 403, 404 or 500. A link that
sends a role to a page it may not open is a broken promise, even when the refusal is right.
"""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.core.management import call_command

from reconnect.accounts.models import User

pytestmark = pytest.mark.django_db

DEMO_ROLES = {
    "member": "ingrid@example.org",
    "moderator": "lillian@example.org",
    "provider": "berg@example.org",
    "admin": "admin@example.org",
}
# Pages enough to reach every kind of page a role has, without walking every thread of the demo.
MAX_PAGES = 260
# Django's admin is its own site (its change forms are tested in each app's test_admin.py); the
# crawl checks that its index opens and that the portal's own pages never link into a refusal.
NOT_FOLLOWED = (re.compile(r"^/admin/.+"), re.compile(r"^/static/"), re.compile(r"\.(ics|zip|pdf)$"))
# Query strings that only change the order or period of the same page: one visit is enough.
SAME_PAGE_PARAMETERS = {"weeks", "cursor", "page", "sort"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def _links_of(base: str, html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    found = []
    for href in parser.hrefs:
        url = urldefrag(urljoin(base, href)).url
        parts = urlsplit(url)
        if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if any(rule.search(parts.path) for rule in NOT_FOLLOWED):
            continue
        found.append(path)
    return found


def _kind_of(path: str) -> str:
    """Pages of one kind (every thread, every café) stand for each other after a few visits."""
    parts = urlsplit(path)
    shape = re.sub(r"/\d+(?=/|$)", "/<n>", parts.path)
    keys = sorted(k.split("=")[0] for k in parts.query.split("&") if k and k.split("=")[0] not in SAME_PAGE_PARAMETERS)
    return shape + ("?" + "&".join(keys) if keys else "")


def crawl(client, start: str = "/") -> tuple[dict[str, int], dict[str, str]]:
    """Status of every page reached, and for each page the page that linked to it first."""
    seen: dict[str, int] = {}
    linked_from: dict[str, str] = {start: "(start)"}
    per_kind: dict[str, int] = {}
    queue = deque([start])
    while queue and len(seen) < MAX_PAGES:
        path = queue.popleft()
        if path in seen:
            continue
        response = client.get(path)
        seen[path] = response.status_code
        if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
            continue
        for link in _links_of(path, response.content.decode()):
            kind = _kind_of(link)
            if link in linked_from or per_kind.get(kind, 0) >= 3:
                continue
            per_kind[kind] = per_kind.get(kind, 0) + 1
            linked_from[link] = path
            queue.append(link)
    return seen, linked_from


@pytest.fixture
def demo_portal(settings):
    settings.DEBUG = True  # seed_demo refuses to run otherwise
    call_command("seed_demo", quiet=True)
    settings.DEBUG = False


@pytest.mark.parametrize("role", list(DEMO_ROLES))
def test_every_link_on_every_page_opens_for_each_demo_role(client, demo_portal, role):
    client.force_login(User.objects.get(email=DEMO_ROLES[role]))
    seen, linked_from = crawl(client)
    broken = {path: status for path, status in seen.items() if status in (403, 404) or status >= 500}
    assert len(seen) > 20, f"the crawl reached only {sorted(seen)}"
    assert not broken, "\n".join(
        f"{status} {path} (linked from {linked_from[path]})" for path, status in broken.items()
    )


def test_crawl_finds_a_link_that_leads_to_a_refusal(client, member, moderator):
    """The crawler itself: a page linking a member to the moderation queue is reported."""
    client.force_login(member)
    seen, _linked_from = crawl(client, "/moderation/")
    assert seen == {"/moderation/": 403}
