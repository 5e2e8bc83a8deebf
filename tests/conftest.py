"""Shared fixtures: one named fixture per role, and a `world` with every role of the URL matrix."""

from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.utils import translation

from reconnect.celery import app as celery_app
from tests import dbtemplate
from tests.factories import (
    AdminFactory,
    CareRelationshipFactory,
    CommunityFactory,
    MemberFactory,
    ModeratorFactory,
    ProviderFactory,
)
from tests.oidc.fixtures import oidc_provider, oidc_server  # noqa: F401 - the eID tests' OpenID provider


def pytest_collection_modifyitems(config, items):
    # Under pytest-xdist (`make test` runs `-n auto --dist loadgroup`) the tests that start real
    # processes on the shared Redis broker (the `slow` ones) all run on one worker, one after the
    # other, so that two of them never share the broker's queue. Each worker has its own database.
    for item in items:
        if item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.xdist_group("real-processes"))


def pytest_configure(config):
    # The xdist controller picks the run's id itself (rather than leaving it to xdist) so that it
    # knows the name of the template database its workers copy, and drops it at the end.
    if getattr(config.option, "numprocesses", None) and getattr(config.option, "testrunuid", None) is None:
        import uuid

        config.option.testrunuid = uuid.uuid4().hex


def pytest_sessionfinish(session):
    name = dbtemplate.controller_template_name(session.config)
    if name is not None and dbtemplate.usable():
        dbtemplate.drop(name)


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's database set-up, except that a worker of a parallel run (or any run of `make
    test`) copies the run's migrated template database instead of migrating its own: see
    tests/dbtemplate.py. The database the tests see is the same."""
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup

    verbosity = request.config.option.verbose
    keepdb = django_db_keepdb and not django_db_createdb
    template = dbtemplate.run_template_name(request.config)
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    if not django_db_use_migrations:
        _disable_migrations()
    with django_db_blocker.unblock():
        copy = template is not None and aliases == {"default"} and dbtemplate.usable()
        if copy and django_db_use_migrations and not django_db_keepdb:
            old_config = _copy_of_template(template, serialized="default" in serialized_aliases)
        else:  # --reuse-db, --no-migrations, SQLite, a single process: pytest-django's own way
            old_config = setup_databases(
                verbosity=verbosity,
                interactive=False,
                aliases=aliases,
                serialized_aliases=serialized_aliases,
                keepdb=keepdb,
            )
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(old_config, verbosity=verbosity)


def _copy_of_template(template, *, serialized):
    """What `setup_databases` does for the default database, with a copy in place of `migrate`."""
    from django.conf import settings
    from django.db import connections

    connection = connections["default"]
    old_name = connection.settings_dict["NAME"]
    test_name = connection.creation._get_test_db_name()
    dbtemplate.copy(template, test_name)
    connection.close()
    settings.DATABASES["default"]["NAME"] = test_name
    connection.settings_dict["NAME"] = test_name
    if serialized:
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    return [(connection, old_name, True)]


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    # A fast hasher keeps the suite quick; a private in-memory cache keeps allauth's rate-limit
    # counters from leaking between tests; Celery runs tasks in-process unless a test starts a
    # real worker.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
    cache.clear()
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    # A request in Norwegian leaves Norwegian active in this thread; every test starts in English.
    translation.activate("en")
    yield
    translation.deactivate()
    cache.clear()


# The people of the URL x role matrix. Each maker is used by its function-scoped fixture below and
# by `module_world`, which builds all of them once per test module.


def make_member(community):
    return MemberFactory(
        email="member@example.net", pseudonym="Lighthouse", real_name="Ingrid Nilsen", community=community
    )


def make_other_member(community):
    return MemberFactory(
        email="other@example.net", pseudonym="Northern Star", real_name="Sofie Hansen", community=community
    )


def make_moderator(community, extra_community):
    user = ModeratorFactory(
        email="moderator@example.net", pseudonym="Lillian", real_name="Lillian Dahl", community=community
    )
    user.extra_communities.add(extra_community)
    return user


def make_provider(member):
    user = ProviderFactory(email="provider@example.net", real_name="Dr. Kari Berg", community=member.community)
    CareRelationshipFactory(member=member, provider=user)
    return user


def make_other_provider(other_member):
    user = ProviderFactory(
        email="other-provider@example.net", real_name="Nurse Per Holm", community=other_member.community
    )
    CareRelationshipFactory(member=other_member, provider=user)
    return user


def make_admin():
    return AdminFactory(email="admin@example.net", real_name="Portal Admin", community=None)


@pytest.fixture
def nordvik(db):
    return CommunityFactory(name="Nordvik", slug="nordvik")


@pytest.fixture
def elvdal(db):
    return CommunityFactory(name="Elvdal", slug="elvdal")


@pytest.fixture
def member(nordvik):
    return make_member(nordvik)


@pytest.fixture
def other_member(elvdal):
    return make_other_member(elvdal)


@pytest.fixture
def moderator(nordvik, elvdal):
    return make_moderator(nordvik, elvdal)


@pytest.fixture
def provider(member):
    return make_provider(member)


@pytest.fixture
def other_provider(other_member):
    return make_other_provider(other_member)


@pytest.fixture
def admin_user(db):
    return make_admin()


@dataclass
class World:
    """Every role of the URL x role matrix, plus a place for objects routes create."""

    users: dict
    objects: dict = field(default_factory=dict)
    # role -> session key of a session signed in as that role (module_world only); a test that
    # sets it as its cookie is signed in without a new login.
    sessions: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.users[name]
        except KeyError:
            raise AttributeError(name) from None


@pytest.fixture
def world(member, other_member, moderator, provider, other_provider, admin_user):
    return World(
        users={
            "anonymous": None,
            "member": member,
            "other_member": other_member,
            "moderator": moderator,
            "provider": provider,
            "other_provider": other_provider,
            "admin": admin_user,
        }
    )


@pytest.fixture(scope="module")
def module_world_users(django_db_setup, django_db_blocker):
    """The matrix's people, built once for a whole test module instead of once per test.

    They are written inside a transaction that stays open for the module and is rolled back at its
    end; each test's own transaction (the `db` fixture) nests inside it as a savepoint, so what a
    test changes is undone before the next one while the people stay. This is what Django's
    `TestCase.setUpTestData` does per class. A module that uses it must not also create the same
    people through the function-scoped fixtures above, and must not use `transactional_db`.
    """
    from django.conf import settings
    from django.db import transaction
    from django.test import Client
    from django.test.utils import override_settings

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with override_settings(
                PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
                CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}},
            ):
                nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
                elvdal = CommunityFactory(name="Elvdal", slug="elvdal")
                member = make_member(nordvik)
                other_member = make_other_member(elvdal)
                users = {
                    "anonymous": None,
                    "member": member,
                    "other_member": other_member,
                    "moderator": make_moderator(nordvik, elvdal),
                    "provider": make_provider(member),
                    "other_provider": make_other_provider(other_member),
                    "admin": make_admin(),
                }
                # One real sign-in per person (force_login, with its signals), kept for the module.
                sessions = {}
                for role, user in users.items():
                    if user is not None:
                        signed_in = Client()
                        signed_in.force_login(user)
                        sessions[role] = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
            yield users, sessions
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def module_world(module_world_users, db):
    """A `world` whose people come from `module_world_users`: fresh copies per test, so that what one
    test sets on a person's Python object does not reach the next, and an empty `objects`.

    A shallow copy is enough (a model instance's copy has its own fields, state and cache of related
    objects) and costs far less than a deep one."""
    import copy

    users, sessions = module_world_users
    return World(users={role: copy.copy(user) for role, user in users.items()}, sessions=sessions)


@pytest.fixture
def without_rendering(monkeypatch):
    """Templates render to an empty page, for tests that look only at the status and the redirect
    (the URL x role matrix): rendering is most of a page's cost. Pages are rendered elsewhere."""
    from django.template.backends.django import Template

    monkeypatch.setattr(Template, "render", lambda self, context=None, request=None: "")


@pytest.fixture
def login(client):
    """Sign a user in on the test client and return it."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def reauthenticate(client):
    """Confirm the password on allauth's re-authentication page, as a person would before a
    sensitive action."""

    def _reauthenticate():
        from tests.factories import TEST_PASSWORD

        response = client.post("/accounts/reauthenticate/", {"password": TEST_PASSWORD})
        assert response.status_code == 302, response.content[:500]
        return client

    return _reauthenticate


@pytest.fixture
def assert_constant_queries(client):
    """Prove a page's query count does not grow with data: count it, add data, count again.

    `grow` adds the data; `maximum` is the page's budget. Returns the count.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def _check(path, grow, *, maximum):
        client.get(path)  # warm caches that legitimately fill once (session, content types)
        with CaptureQueriesContext(connection) as before:
            first = client.get(path)
        assert first.status_code == 200, first.status_code
        grow()
        client.get(path)  # the new data drops cached parts of the frame (unread count): fill them again
        with CaptureQueriesContext(connection) as after:
            second = client.get(path)
        assert second.status_code == 200, second.status_code
        queries = "\n".join(q["sql"][:200] for q in after.captured_queries)
        assert len(after) == len(before), (
            f"{path}: {len(before)} queries before, {len(after)} after adding data:\n{queries}"
        )
        assert len(after) <= maximum, f"{path}: {len(after)} queries, budget {maximum}:\n{queries}"
        return len(after)

    return _check
