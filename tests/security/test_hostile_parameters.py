"""Every URL pattern of the project, called as every role of the matrix with hostile values in each
of its parameters, answers with a refusal — never a server error.

Each parameter of each pattern (the matrix's URL enumeration) is replaced, one at a time, by each
hostile value; the other parameters keep a harmless value. The method is the matrix row's (a
POST-only URL is posted to), so that the view itself runs and not only its 405.

Accepted: 400, 403, 404, 405, 410, or the redirect a gate gives before any parameter is used (the
sign-in page, the admin's sign-in, re-authentication). The Django admin answers an object it cannot
find with a redirect inside the admin and a message ("… with ID … doesn't exist"): accepted there.
"""

import re

import pytest

from tests.security.matrix import ROLES
from tests.security.routes.admin import admin_routes
from tests.security.test_url_matrix import ROUTES, project_urls

HOSTILE = {
    "NUL byte": "%00",
    "NUL inside": "abc%00def.ics",
    "control characters": "%01%1B%7F",
    "10,000 characters": "a" * 10_000,
    "invalid UTF-8": "%C3%28%FF%FE",
    "lone surrogate": "%ED%A0%80",
    "path traversal": "..%2F..%2F..%2Fetc%2Fpasswd",
    "dot segments": "..",
    "beyond 64 bits": "18446744073709551616",
    "negative beyond 64 bits": "-9223372036854775809",
}
REFUSALS = {400, 403, 404, 405, 410}
GATES = ("/accounts/login/", "/admin/login/", "/accounts/reauthenticate/")

_PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
_HARMLESS = {"int": "1", "slug": "a", "str": "a", "path": "a", "uuid": "00000000-0000-0000-0000-000000000001"}


def _fill(route: str, target: int, value: str) -> str:
    """The route with its `target`-th parameter set to `value` and the others harmless."""
    count = -1

    def replace(match):
        nonlocal count
        count += 1
        return value if count == target else _HARMLESS.get(match["converter"] or "str", "a")

    return "/" + _PARAMETER.sub(replace, route)


def _patterns() -> list[tuple[str, str]]:
    """(route, name) for every pattern with a parameter, written with <converter:name>."""
    result = []
    for route, name in project_urls():
        if _PARAMETER.search(route):
            result.append((route, name or route))
        elif "(?P<" in route:
            # The admin's regex patterns: the app index and its catch-all.
            plain = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<str:\1>", route).replace("^", "").replace("$", "")
            result.append((plain, name or route))
    return result


def _method(name: str) -> str:
    route = ROUTES.get(name) or admin_routes().get(name)
    return route.method if route is not None else "get"


def _accepted(response, path: str) -> bool:
    if response.status_code in REFUSALS:
        return True
    if response.status_code == 302:
        location = response.headers.get("Location", "")
        return location.startswith(GATES) or (path.startswith("/admin/") and location.startswith("/admin/"))
    return False


def test_every_parameterised_pattern_is_covered():
    patterns = _patterns()
    names = {name for _route, name in patterns}
    for expected in ("cafes:feed", "accounts:invitation", "forum:profile", "messaging:conversation"):
        assert expected in names
    assert len(patterns) > 100, "the admin's patterns are part of the project too"


@pytest.mark.parametrize("role", ROLES)
def test_hostile_url_parameters_are_refused_and_never_a_server_error(role, client, world):
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    client.raise_request_exception = False
    failures = []
    calls = 0
    for route, name in _patterns():
        method = _method(name)
        for target in range(len(_PARAMETER.findall(route))):
            for label, value in HOSTILE.items():
                path = _fill(route, target, value)
                response = getattr(client, method)(path)
                calls += 1
                if not _accepted(response, path):
                    failures.append(
                        f"{method.upper()} {name} with {label} as {role}: {response.status_code} "
                        f"{response.headers.get('Location', '')}"
                    )
    assert calls > 1000
    assert not failures, f"{len(failures)} answers that are not a refusal:\n" + "\n".join(failures)


def test_a_nul_byte_in_the_query_string_is_a_bad_request_with_a_page_in_the_persons_language(client, member):
    client.force_login(member)
    response = client.get("/forum/search/?q=heron%00", headers={"accept-language": "nb"})
    assert response.status_code == 400
    assert "Vi kunne ikke lese den adressen" in response.content.decode()


def test_ordinary_letters_and_line_breaks_in_addresses_are_not_refused(client, member):
    client.force_login(member)
    assert client.get("/forum/people/Bj%C3%B8rk%20%C3%86/").status_code == 404
    assert client.get("/forum/search/?q=fjord%0Ab%C3%A5t").status_code == 200


@pytest.mark.parametrize("path", ["/admin/reports/usagereport/csv/", "/admin/reports/usagereport/print/"])
def test_a_nul_byte_in_a_report_choice_is_refused_before_the_report_runs(client, admin_user, path):
    # The report's own form would name the bad choice, but a NUL byte never reaches a view.
    client.force_login(admin_user)
    response = client.get(f"{path}?start=2026-01-01&end=2026-01-31&community=%00", headers={"accept-language": "nb"})
    assert response.status_code == 400
    assert "Vi kunne ikke lese den adressen" in response.content.decode()
