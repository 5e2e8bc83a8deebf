"""One migrated test database per run, copied for each pytest-xdist worker.

Migrating the schema is the most expensive part of setting up a test database (about twelve seconds
of CPU), and under `pytest -n auto` every worker used to do it. Here the first process to need it
builds a *template* database once, with Django's own `create_test_db`
(migrations, post-migrate data, cache table), and every worker gets its own database as a copy of
it: PostgreSQL's `CREATE DATABASE ... TEMPLATE`, a file copy that takes well under a second.

The template lives for one run only: it is built from nothing and dropped at the end, so a stale
schema can never be reused (this is not `--reuse-db`). Its name comes from `RECONNECT_TEST_DB_TEMPLATE`
(set by `make test`, which drops it afterwards) or else from the
xdist run's id (the first worker builds it, the controller drops it).

`python -m tests.dbtemplate build NAME` / `drop NAME` build or drop one by hand; `make test` drops its own.
"""

import hashlib
import os
import re
import sys
from contextlib import contextmanager

TEMPLATE_ENV = "RECONNECT_TEST_DB_TEMPLATE"
COMPLETE = "reconnect test template: complete"


def usable() -> bool:
    """Templates need PostgreSQL, and the plain single-role set-up (with MIGRATE_DATABASE_URL the
    owner role's grants are per database and would not be copied)."""
    from django.conf import settings
    from django.db import connections

    return connections["default"].vendor == "postgresql" and not getattr(settings, "DATABASE_OWNER", None)


def _server_settings() -> dict:
    from django.db import connections

    return dict(connections["default"].settings_dict)


@contextmanager
def _maintenance_connection():
    """An autocommit connection to the server's `postgres` database, outside Django's connections
    (it is used from pytest hooks, where pytest-django blocks database access)."""
    import psycopg

    s = _server_settings()
    connection = psycopg.connect(
        dbname="postgres",
        host=s.get("HOST") or None,
        port=s.get("PORT") or None,
        user=s.get("USER") or None,
        password=s.get("PASSWORD") or None,
        autocommit=True,
    )
    try:
        yield connection
    finally:
        connection.close()


def _statement(text: str, *names: str, comment: str | None = None):
    """A utility statement (no server-side parameters there) with quoted database names."""
    from psycopg import sql

    values = [sql.Identifier(name) for name in names]
    if comment is not None:
        values.append(sql.Literal(comment))
    return sql.SQL(text).format(*values)


def _lock_key(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


@contextmanager
def _locked(connection, name: str):
    """Only one process at a time builds or copies a given template."""
    connection.execute("SELECT pg_advisory_lock(%s)", [_lock_key(name)])
    try:
        yield
    finally:
        connection.execute("SELECT pg_advisory_unlock(%s)", [_lock_key(name)])


def _is_complete(connection, name: str) -> bool | None:
    """None: no such database; False: one left half-built by an interrupted run; True: ready."""
    row = connection.execute(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", [name]
    ).fetchone()
    if row is None:
        return None
    return row[0] == COMPLETE


def _drop(connection, name: str) -> None:
    connection.execute(_statement("DROP DATABASE IF EXISTS {} WITH (FORCE)", name))


def _migrate_into(name: str) -> None:
    """Create database `name` exactly as Django creates a test database, then leave Django's
    settings pointing where they pointed before."""
    from django.conf import settings
    from django.db import connections

    connection = connections["default"]
    old_name = connection.settings_dict["NAME"]
    test_settings = connection.settings_dict.setdefault("TEST", {})
    old_test_name = test_settings.get("NAME")
    test_settings["NAME"] = name
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    finally:
        connection.close()
        test_settings["NAME"] = old_test_name
        connection.settings_dict["NAME"] = old_name
        settings.DATABASES["default"]["NAME"] = old_name


def ensure(name: str) -> None:
    """Build the template `name` unless a complete one exists (another worker built it)."""
    with _maintenance_connection() as connection, _locked(connection, name):
        state = _is_complete(connection, name)
        if state:
            return
        if state is False:
            _drop(connection, name)
        _migrate_into(name)
        connection.execute(_statement("COMMENT ON DATABASE {} IS {}", name, comment=COMPLETE))


def copy(template: str, name: str) -> None:
    """Database `name`, replaced if it exists, as a copy of the template."""
    ensure(template)
    with _maintenance_connection() as connection, _locked(connection, template):
        _drop(connection, name)
        connection.execute(_statement("CREATE DATABASE {} TEMPLATE {}", name, template))
        connection.execute(_statement("COMMENT ON DATABASE {} IS NULL", name))


def drop(name: str) -> None:
    with _maintenance_connection() as connection, _locked(connection, name):
        _drop(connection, name)


def run_template_name(config) -> str | None:
    """The template this pytest process copies from, or None to create its database the usual way."""
    if os.environ.get(TEMPLATE_ENV):
        return os.environ[TEMPLATE_ENV]
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:  # an xdist worker: share one template with the run's other workers
        return _xdist_template_name(workerinput["testrunuid"])
    return None


def _xdist_template_name(testrunuid: str) -> str:
    from django.db import connections

    settings_dict = connections["default"].settings_dict
    test_name = (settings_dict.get("TEST") or {}).get("NAME") or "test_" + settings_dict["NAME"]
    base = re.sub(r"_gw\d+$", "", test_name)  # the name before pytest-django's worker suffix
    return f"{base}_tpl_{testrunuid[:12]}"


def controller_template_name(config) -> str | None:
    """The template an xdist controller's workers built (None without xdist or with the env)."""
    if os.environ.get(TEMPLATE_ENV) or getattr(config, "workerinput", None) is not None:
        return None
    testrunuid = getattr(config.option, "testrunuid", None)
    if not getattr(config.option, "numprocesses", None) or testrunuid is None:
        return None
    return _xdist_template_name(testrunuid)


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in {"build", "drop"}:
        print("usage: python -m tests.dbtemplate build|drop NAME", file=sys.stderr)
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reconnect.settings")
    os.environ["RECONNECT_TESTING"] = "true"
    import django

    django.setup()
    if not usable():
        return 0  # SQLite or two roles: every pytest process creates its database the usual way
    (ensure if argv[1] == "build" else drop)(argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
