"""Leak scan: every page the URL x role matrix reaches, rendered as each role, shows no other
person's email, real name, community or unrevealed details.

One world per role (not per route): the sentinels of conftest.py are seeded, then every GET route
of tests/security/routes that answers 200 for the role is fetched as that role and its whole
response is searched. What may appear where (DESIGN.md, "Pseudonymity in peer spaces"):

- a person's own identity and details, on any page of theirs;
- a member's identity (email, real name, community) and what they share with their care team, to
  the providers of that member's active care team: providers work under real names with the
  people they treat, and have no access to peer spaces;
- a member's report details, café note for the host and moderator check-ins, to the peer
  moderators (who act on them) — never their identity: moderators are peers;
- anything, to the portal admin on /admin/ pages (they operate the portal);
- a provider's email address, to the members of their care team;
- a first name revealed in the forum, to the one viewer it was revealed to.
Never, whoever the member is to them: a pseudonym, to a provider. Providers know their members by
their real name (or the name a member set for their care team), and never learn who they are in
the forum.
Everything else is a leak: the failure names the page, the role and the value.
"""

import re
from urllib.parse import quote

import pytest

from reconnect.accounts.models import CareRelationship, Role
from tests.security.matrix import OK, ROLES
from tests.security.routes.admin import admin_routes
from tests.security.test_url_matrix import ROUTES as MATRIX_ROUTES

PEER_ROLES = {Role.MEMBER, Role.MODERATOR}


def _communities(user) -> set[str]:
    if user is None or user.role == Role.ADMIN:
        return set()
    return {user.community.name, *user.extra_communities.values_list("name", flat=True)} - {None}


def _people(world, sentinels):
    """Every person whose identity the scan protects: the world's peers and the sentinels."""
    result = []
    for role in ("member", "other_member", "moderator"):
        user = world.users[role]
        result.append((user, [user.email, user.real_name], [], [], []))
    for s in sentinels:
        result.append((s.user, s.identity, s.shared_with_care_team, s.private, s.for_moderators))
    return result


def _care_team(provider) -> set[int]:
    return set(CareRelationship.objects.active().filter(provider=provider).values_list("member_id", flat=True))


def forbidden_values(world, sentinels, role: str, path: str) -> dict[str, str]:
    """value -> whose it is, for everything `role` must not see on `path`."""
    viewer = world.users[role]
    if role == "admin" and path.startswith("/admin/"):
        return {}
    team = _care_team(viewer) if viewer is not None and viewer.role == Role.PROVIDER else set()
    # The admin runs the communities (café series for any of them), and a viewer's own community
    # names are no secret: only a community the viewer has no part in can point at a person.
    own_communities = _communities(viewer)
    forbidden: dict[str, list[str]] = {}

    def forbid(values, what):
        for value in values:
            forbidden.setdefault(value, []).append(what)

    for person, identity, shared, private, for_moderators in _people(world, sentinels):
        if viewer is not None and person.pk == viewer.pk:
            continue
        whose = f"{person.pseudonym}'s"
        if viewer is not None and viewer.role == Role.PROVIDER:
            forbid([person.pseudonym], f"{person.real_name}'s pseudonym, to a provider")
        if person.pk not in team:
            forbid(identity, f"{whose} identity")
            forbid(shared, f"{whose} care-team detail")
            if role != "admin":
                forbid(_communities(person) - own_communities, f"{whose} community")
        forbid(private, f"{whose} private detail")
        # The moderation queue is the peer moderators' and the admin's.
        if viewer is None or viewer.role not in (Role.MODERATOR, Role.ADMIN):
            forbid(for_moderators, f"{whose} detail for moderators")
    # Providers work under their real names, but their email address is for their own members.
    for name in ("provider", "other_provider"):
        provider = world.users[name]
        if viewer is None or (viewer.pk != provider.pk and viewer.pk not in _care_team(provider)):
            forbid([provider.email], f"provider {provider.real_name}'s email")
    for s in sentinels:
        for first_name, shown_to in s.revealed.items():
            if viewer is None or viewer.pk != shown_to.pk:
                forbid([first_name], f"{s.user.pseudonym}'s first name, revealed to {shown_to.pseudonym} only")
    return {value: " or ".join(whats) for value, whats in forbidden.items()}


def _extra_pages(world, viewer):
    """Pages about the sentinels, beyond the matrix's own rows: their profiles and threads for
    peers, their provider pages for providers (404 for a provider outside the care team)."""
    if viewer is None:
        return []
    if viewer.role in PEER_ROLES:
        return [
            world.objects["sentinel_thread"].get_absolute_url(),
            "/forum/people/Silent%20Heron/",
            "/forum/people/Amber%20Fox/",
            f"/forum/people/{quote(world.other_member.pseudonym)}/",
            "/forum/search/?q=heron",
            "/forum/search/?q=fox",
        ]
    if viewer.role == Role.PROVIDER:
        zebulon = world.objects["sentinels"][0].user
        base = f"/provider/members/{zebulon.pk}/"
        return [
            base,
            world.objects["sentinel_conversation"].get_provider_url(),
            base + "toolbox/",
            base + "toolbox/crisis-plan/",
            base + "toolbox/medications/",
            base + "toolbox/check-ins/",
            base + "toolbox/network/",
        ]
    return []


def _body(response) -> str:
    data = b"".join(response.streaming_content) if response.streaming else response.content
    return data.decode("utf-8", errors="replace")


def _scan(client, forbidden, role, path, leaks, seen):
    response = client.get(path)
    if response.status_code != OK:
        return response.status_code
    page = _body(response)
    seen.append(page)
    for value, whose in forbidden(path).items():
        # Whole values only: "provider@example.net" is not in "other-provider@example.net".
        found = re.search(rf"(?<![\w.+-]){re.escape(value)}(?!\w)", page)
        if found:
            at = found.start()
            context = " ".join(page[max(0, at - 80) : at + len(value) + 40].split())
            leaks.append(f"{path} as {role}: {whose} {value!r} … {context}")
    return OK


def _get_routes():
    routes = {name: r for name, r in MATRIX_ROUTES.items() if r.method == "get"}
    routes.update({name: r for name, r in admin_routes().items() if r.method == "get"})
    return routes


@pytest.mark.parametrize("role", ROLES)
def test_no_page_shows_another_persons_identity_or_details(role, client, world, sentinels):
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    rules = {admin: forbidden_values(world, sentinels, role, "/admin/" if admin else "/") for admin in (True, False)}

    def forbidden(path):
        return rules[path.startswith("/admin/")]

    leaks: list[str] = []
    seen: list[str] = []
    unexpected = []
    scanned = 0
    for name, route in sorted(_get_routes().items()):
        if route.expect[role] != OK:
            continue
        path = route.path(world) if callable(route.path) else route.path
        status = _scan(client, forbidden, role, path, leaks, seen)
        scanned += 1
        if status != OK:
            unexpected.append(f"{name} {path}: {status}")
    for path in _extra_pages(world, user):
        _scan(client, forbidden, role, path, leaks, seen)
    assert scanned, f"no page answers 200 for {role}"
    assert not leaks, f"{len(leaks)} leaks as {role}:\n" + "\n".join(leaks)
    # Every page the matrix promises must really have been scanned (the shared world may not break one).
    assert not unexpected, f"pages that did not answer 200 for {role} in the leak-scan world:\n" + "\n".join(unexpected)
    # The scan sees what it should: the sentinels' pseudonyms reach peers, a reveal reaches its viewer,
    # and a provider sees their own member's real name.
    everything = "\n".join(seen)
    if user is not None and user.role in PEER_ROLES:
        assert "Silent Heron" in everything and "Amber Fox" in everything
    if role == "member":
        assert "Xanthe" in everything
    if role == "other_member":
        assert "Philippa" in everything
    if role == "moderator":
        assert "Zq-report-detail" in everything and "Zq-firstvisit" in everything
    if role == "provider":
        assert "Zebulon Quartermaine" in everything and "Zq-body" in everything
