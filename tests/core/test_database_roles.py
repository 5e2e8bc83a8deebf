"""The portal connects as a least-privilege application role; the owner role migrates.

These tests create a real login role on the test database's server (named after the test
database, so parallel runs do not collide), let the portal's own commands grant it its rights,
and then connect as that role to prove what it can and cannot do to the access log.
"""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from django.db import DatabaseError, connection
from django.utils import timezone
from psycopg import errors

from reconnect.core.models import AccessLogEntry
from tests.factories import AccessLogEntryFactory, MemberFactory, ProviderFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "app-role-test-password"


def _url(user: str, password: str = "") -> str:
    db = connection.settings_dict
    auth = user + (f":{password}" if password else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _owner_url() -> str:
    return _url(connection.settings_dict["USER"], connection.settings_dict.get("PASSWORD") or "")


def _manage(*args: str, app_role: str, owner: bool = True, extra_env: dict | None = None) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": _url(app_role, PASSWORD),
        "RECONNECT_TESTING": "true",
        "DEBUG": "true",
        **(extra_env or {}),
    }
    env.pop("MIGRATE_DATABASE_URL", None)
    if owner:
        env["MIGRATE_DATABASE_URL"] = _owner_url()
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def role_name():
    name = f"{connection.settings_dict['NAME']}_app"
    _drop_role(name)
    yield name
    _drop_role(name)


def _drop_role(name: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name])
        if cursor.fetchone():
            quoted = connection.ops.quote_name(name)
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s AND pid <> pg_backend_pid()",
                [name],
            )
            cursor.execute(f"DROP OWNED BY {quoted}")
            cursor.execute(f"DROP ROLE {quoted}")


@pytest.fixture
def app_role(role_name):
    """The application role, created and granted by `manage.py create_app_role` run as the owner."""
    out = _manage("create_app_role", app_role=role_name)
    assert f"Created the role '{role_name}'" in out
    return role_name


def _as(role: str) -> psycopg.Connection:
    db = connection.settings_dict
    return psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        dbname=db["NAME"],
        user=role,
        password=PASSWORD,
        autocommit=True,
    )


def _refused(conn: psycopg.Connection, sql: str, params=None) -> Exception:
    with pytest.raises((errors.InsufficientPrivilege, errors.RaiseException)) as caught, conn.cursor() as cursor:
        cursor.execute(sql, params)
    return caught.value


def test_the_app_role_has_no_superuser_ddl_or_replication_rights(app_role):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = %s",
            [app_role],
        )
        assert cursor.fetchone() == (False, False, False, False, False)
    with _as(app_role) as conn:
        _refused(conn, "CREATE TABLE core_intruder (id int)")
        _refused(conn, "ALTER TABLE accounts_user ADD COLUMN intruder int")
        _refused(conn, "DROP TABLE forum_post")
        _refused(conn, "INSERT INTO django_migrations (app, name, applied) VALUES ('core', 'fake', now())")


def test_the_app_role_cannot_change_empty_or_unprotect_the_access_log(app_role):
    member, provider = MemberFactory(), ProviderFactory()
    entry = AccessLogEntryFactory(subject=member, actor=provider, created_at=timezone.now() - timedelta(days=4000))
    with _as(app_role) as conn:
        _refused(conn, "UPDATE core_accesslogentry SET action = 'nothing' WHERE id = %s", [entry.pk])
        _refused(conn, "DELETE FROM core_accesslogentry WHERE id = %s", [entry.pk])
        _refused(conn, "TRUNCATE core_accesslogentry")
        _refused(conn, "SET session_replication_role = replica")
        _refused(conn, "DROP TRIGGER core_access_log_no_update ON core_accesslogentry")
        _refused(conn, "DROP TRIGGER core_access_log_no_truncate ON core_accesslogentry")
        _refused(conn, "ALTER TABLE core_accesslogentry DISABLE TRIGGER ALL")
        # Moving the retention cut-off to today, to then remove everything: refused every way.
        _refused(conn, "UPDATE core_accesslogretention SET remove_before = now(), kept_days = 1")
        _refused(conn, "DELETE FROM core_accesslogretention")
        _refused(conn, "INSERT INTO core_accesslogretention (id, kept_days, remove_before) VALUES (2, 1, now())")
        _refused(
            conn,
            "CREATE OR REPLACE FUNCTION core_access_log_apply_retention() RETURNS integer AS 'SELECT 0' LANGUAGE sql",
        )
    assert AccessLogEntry.objects.filter(pk=entry.pk, action=entry.action).exists()


def test_the_database_refuses_a_cut_off_closer_than_the_kept_days_even_for_the_owner():
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_accesslogretention (id, kept_days, remove_before) VALUES (1, 365, NULL) "
            "ON CONFLICT (id) DO UPDATE SET kept_days = 365, remove_before = NULL"
        )
        with pytest.raises(DatabaseError, match="at least 365 days"):
            cursor.execute("UPDATE core_accesslogretention SET remove_before = now() - interval '364 days'")
        with pytest.raises(DatabaseError, match="at least 0 days"):
            cursor.execute(
                "UPDATE core_accesslogretention SET kept_days = 0, remove_before = now() - interval '9 years'"
            )
        cursor.execute("UPDATE core_accesslogretention SET remove_before = now() - interval '366 days'")
        cursor.execute("SELECT remove_before < now() - interval '365 days' FROM core_accesslogretention")
        assert cursor.fetchone() == (True,)


def test_a_role_given_truncate_by_mistake_is_still_refused_by_the_trigger(app_role):
    with connection.cursor() as cursor:
        cursor.execute(f"GRANT TRUNCATE ON core_accesslogentry TO {connection.ops.quote_name(app_role)}")
    AccessLogEntryFactory(subject=MemberFactory(), actor=ProviderFactory())
    with _as(app_role) as conn:
        error = _refused(conn, "TRUNCATE core_accesslogentry")
    assert "append-only" in str(error)
    assert AccessLogEntry.objects.count() == 1


def test_the_portals_own_writes_and_retention_work_as_the_app_role(app_role):
    member, provider = MemberFactory(), ProviderFactory()
    old = AccessLogEntryFactory(subject=member, actor=provider, created_at=timezone.now() - timedelta(days=400))
    recent = AccessLogEntryFactory(subject=member, actor=provider, created_at=timezone.now() - timedelta(days=10))
    # The owner tells the database the retention period...
    _manage("apply_retention", app_role=app_role, extra_env={"ACCESS_LOG_KEPT_DAYS": "365"})
    old = AccessLogEntryFactory(subject=member, actor=provider, created_at=timezone.now() - timedelta(days=400))
    # ...and the app role's nightly run (no owner credentials) removes only what is older.
    out = _manage("apply_retention", app_role=app_role, owner=False, extra_env={"ACCESS_LOG_KEPT_DAYS": "365"})
    assert "core.access_log: 1 removed" in out
    assert not AccessLogEntry.objects.filter(pk=old.pk).exists()
    assert AccessLogEntry.objects.filter(pk=recent.pk).exists()
    # Everything the demo portal writes (accounts, forum, toolbox, cafés, messages, access log).
    _manage("seed_demo", "--quiet", app_role=app_role, owner=False)
    from reconnect.accounts.models import User

    assert User.objects.filter(email="ingrid@example.org").exists()
    with _as(app_role) as conn, conn.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_accesslogentry (subject_id, actor_id, actor_role, actor_name, action, object_type, "
            "object_id, object_label, reason, created_at) VALUES (%s, %s, 'provider', 'Dr', 'viewed', '', '', '', '', now())",
            [member.pk, provider.pk],
        )
        cursor.execute("UPDATE accounts_user SET real_name = 'Changed' WHERE id = %s", [member.pk])
        cursor.execute("DELETE FROM django_session")
    assert AccessLogEntry.objects.filter(subject=member).count() == 2


def test_migrate_runs_as_the_owner_and_grants_the_app_role(role_name):
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {connection.ops.quote_name(role_name)} LOGIN PASSWORD '{PASSWORD}'")
    with _as(role_name) as conn:  # a bare role may read nothing yet
        _refused(conn, "SELECT count(*) FROM accounts_user")
    out = _manage("migrate", "--no-input", app_role=role_name)
    assert f"Granted the application role '{role_name}' its rights." in out
    with _as(role_name) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM accounts_user")
        _refused(conn, "TRUNCATE core_accesslogentry")
