"""Every URL pattern of the project, called as every role, gets the expected answer.

A URL pattern without an entry in tests/security/routes/ fails `test_every_url_has_an_entry`.
Admin URLs follow one rule (see routes/admin.py) computed from the admin's own registry.
"""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.security import routes as routes_package
from tests.security.matrix import ROLES, Redirect, Route
from tests.security.routes.admin import admin_routes


def _load_routes() -> dict[str, Route]:
    merged: dict[str, Route] = {}
    for module_info in pkgutil.iter_modules(routes_package.__path__):
        module = importlib.import_module(f"{routes_package.__name__}.{module_info.name}")
        for name, route in getattr(module, "ROUTES", {}).items():
            assert name not in merged, f"{name} has two entries in the URL matrix"
            merged[name] = route
    return merged


ROUTES = _load_routes()


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            name = pattern.name
            if name and namespace:
                name = f"{namespace}:{name}"
            yield prefix + str(pattern.pattern), name


def project_urls() -> list[tuple[str, str | None]]:
    return list(_walk(get_resolver().url_patterns))


def test_every_url_has_an_entry():
    admin = admin_routes()
    missing = []
    for route, name in project_urls():
        if route.startswith("admin/"):
            if (name or route) not in admin:
                missing.append(f"{route} ({name})")
        elif name is None or name not in ROUTES:
            missing.append(f"{route} ({name})")
    assert not missing, "URLs without a row in the URL x role matrix:\n" + "\n".join(missing)


def test_matrix_names_only_urls_that_exist():
    names = {name for _route, name in project_urls()}
    stale = sorted(set(ROUTES) - names)
    assert not stale, f"Matrix rows for URLs that no longer exist: {stale}"


def _check(client, world, route: Route, role: str):
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    path = route.path(world) if callable(route.path) else route.path
    data = route.data(world) if callable(route.data) else route.data
    response = getattr(client, route.method)(path, data)
    expected = route.expect[role]
    if isinstance(expected, Redirect):
        location = response.headers.get("Location", "")
        assert response.status_code == expected.status and location.startswith(expected.to), (
            f"{route.method.upper()} {path} as {role}: expected {expected}, got {response.status_code} {location}"
        )
    else:
        assert response.status_code == expected, (
            f"{route.method.upper()} {path} as {role}: expected {expected}, got {response.status_code} "
            f"{response.headers.get('Location', '')}"
        )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(ROUTES))
def test_url_answers_each_role_as_expected(name, role, client, world):
    _check(client, world, ROUTES[name], role)


ADMIN_ROUTES = admin_routes()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(ADMIN_ROUTES))
def test_admin_url_answers_each_role_as_expected(name, role, client, world):
    _check(client, world, ADMIN_ROUTES[name], role)
