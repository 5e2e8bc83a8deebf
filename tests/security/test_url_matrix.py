"""Every URL pattern of the project, called as every role, gets the expected answer.

A URL pattern without an entry in tests/security/routes/ fails `test_every_url_has_an_entry`.
Admin URLs follow one rule (see routes/admin.py) computed from the admin's own registry. Every view
that refuses GET (`require_POST` and friends) gets a generated row: GET answers 405 for every role.

The rows only look at the status code and the redirect target, so the people are built once per
module (`module_world`) and templates are not rendered (pretix does the same in its permission
matrix). The leak scan (tests/privacy/test_leak_scan.py) renders every page the matrix reaches.
"""

import importlib
import pkgutil
import uuid

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.security import routes as routes_package
from tests.security.matrix import NOT_ALLOWED, ROLES, Redirect, Route, everyone
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
    if user is not None and role in world.sessions:
        # Signed in once for the module (module_world); the row's own changes roll back.
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    elif user is not None:
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


@pytest.fixture
def world(module_world):
    return module_world


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(ROUTES))
def test_url_answers_each_role_as_expected(name, role, client, world, without_rendering):
    _check(client, world, ROUTES[name], role)


ADMIN_ROUTES = admin_routes()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(ADMIN_ROUTES))
def test_admin_url_answers_each_role_as_expected(name, role, client, world, without_rendering):
    _check(client, world, ADMIN_ROUTES[name], role)


def allowed_methods(view) -> list[str] | None:
    """The methods a view's `require_http_methods` (or `require_POST`...) admits, None without one.

    The decorator keeps its list in the closure of the wrapper it returns; `functools.wraps` links
    each wrapper to the function it wraps through `__wrapped__`, so the whole chain is searched.
    """
    seen = set()
    while view is not None and id(view) not in seen:
        seen.add(id(view))
        code = getattr(view, "__code__", None)
        if code is not None and "request_method_list" in code.co_freevars:
            cell = view.__closure__[code.co_freevars.index("request_method_list")]
            return list(cell.cell_contents)
        view = getattr(view, "__wrapped__", None)
    return None


_SAMPLE_ARGUMENTS = {"int": 1, "str": "x", "slug": "x", "path": "x", "uuid": uuid.UUID(int=1)}


def _sample_path(name: str, pattern: URLPattern) -> str:
    """A path of the URL name with harmless sample values: a 405 comes before any lookup."""
    converters = pattern.pattern.converters
    kwargs = {}
    for key, converter in converters.items():
        kind = type(converter).__name__.removesuffix("Converter").lower()
        kwargs[key] = _SAMPLE_ARGUMENTS.get(kind, "x")
    return reverse(name, kwargs=kwargs)


def _walk_patterns(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk_patterns(pattern.url_patterns, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern


def get_refused_routes() -> dict[str, Route]:
    """One row per named URL whose view refuses GET: GET answers 405 for every role, signed in or not,
    because the method check wraps the view outside every other check."""
    rows = {}
    for name, pattern in _walk_patterns(get_resolver().url_patterns):
        methods = allowed_methods(pattern.callback)
        if methods is not None and "GET" not in methods:
            rows[name] = Route(_sample_path(name, pattern), everyone(NOT_ALLOWED))
    return rows


GET_REFUSED_ROUTES = get_refused_routes()


def test_post_only_views_are_found_in_the_url_map():
    # The generator must see through the decorators: these are POST-only views of four apps.
    for name in (
        "moderation:duty",
        "forum:react",
        "cafes:meeting_cancel",
        "toolbox:goal_delete",
        "toolbox:step_toggle",
    ):
        assert name in GET_REFUSED_ROUTES, f"{name} is POST-only but the generator missed it"
    assert "toolbox:medication_delete" in GET_REFUSED_ROUTES
    # A view that shows a form on GET is not among them.
    assert "toolbox:goal_edit" not in GET_REFUSED_ROUTES


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(GET_REFUSED_ROUTES))
def test_get_on_a_post_only_url_answers_405_for_each_role(name, role, client, world, without_rendering):
    _check(client, world, GET_REFUSED_ROUTES[name], role)
