"""Shared fixtures: one named fixture per role, and a `world` with every role of the URL matrix."""

from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.utils import translation

from reconnect.celery import app as celery_app
from tests.factories import (
    AdminFactory,
    CareRelationshipFactory,
    CommunityFactory,
    MemberFactory,
    ModeratorFactory,
    ProviderFactory,
)
from tests.oidc.fixtures import oidc_provider, oidc_server  # noqa: F401 - the eID tests' OpenID provider


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


@pytest.fixture
def nordvik(db):
    return CommunityFactory(name="Nordvik", slug="nordvik")


@pytest.fixture
def elvdal(db):
    return CommunityFactory(name="Elvdal", slug="elvdal")


@pytest.fixture
def member(nordvik):
    return MemberFactory(
        email="member@example.net", pseudonym="Lighthouse", real_name="Ingrid Nilsen", community=nordvik
    )


@pytest.fixture
def other_member(elvdal):
    return MemberFactory(
        email="other@example.net", pseudonym="Northern Star", real_name="Sofie Hansen", community=elvdal
    )


@pytest.fixture
def moderator(nordvik, elvdal):
    user = ModeratorFactory(
        email="moderator@example.net", pseudonym="Lillian", real_name="Lillian Dahl", community=nordvik
    )
    user.extra_communities.add(elvdal)
    return user


@pytest.fixture
def provider(member):
    user = ProviderFactory(email="provider@example.net", real_name="Dr. Kari Berg", community=member.community)
    CareRelationshipFactory(member=member, provider=user)
    return user


@pytest.fixture
def other_provider(other_member):
    user = ProviderFactory(
        email="other-provider@example.net", real_name="Nurse Per Holm", community=other_member.community
    )
    CareRelationshipFactory(member=other_member, provider=user)
    return user


@pytest.fixture
def admin_user(db):
    return AdminFactory(email="admin@example.net", real_name="Portal Admin", community=None)


@dataclass
class World:
    """Every role of the URL x role matrix, plus a place for objects routes create."""

    users: dict
    objects: dict = field(default_factory=dict)

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
