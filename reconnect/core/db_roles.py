"""Two PostgreSQL roles: the owner (migrations) and a least-privilege application role.

The web and worker processes connect as the application role (`DATABASE_URL`): it reads and
writes the portal's rows, may only append to the access log, and has no TRUNCATE, no DDL, no
superuser or replication rights. Migrations run as the owner role (`MIGRATE_DATABASE_URL`), and so
does the one way the access log's retention cut-off moves: `core_access_log_apply_retention()`, a
SECURITY DEFINER function that can only set the cut-off to ACCESS_LOG_KEPT_DAYS before now.

On SQLite (the embedded default) there are no roles; everything here is a no-op there.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

# Rights the application role must not have on these tables (it keeps SELECT everywhere).
RESTRICTED = {
    # Append-only: lines are added, never changed; old ones go only through the retention function.
    "core_accesslogentry": "UPDATE, DELETE, TRUNCATE",
    # The cut-off moves only through the retention function, which runs as the owner.
    "core_accesslogretention": "INSERT, UPDATE, DELETE, TRUNCATE",
    # Which migrations ran is the owner's business.
    "django_migrations": "INSERT, UPDATE, DELETE, TRUNCATE",
}
RETENTION_FUNCTION = "core_access_log_apply_retention()"


def owner_settings() -> dict | None:
    """The owner role's connection settings (MIGRATE_DATABASE_URL), or None when there is one role."""
    return settings.DATABASE_OWNER


@contextmanager
def as_owner(alias: str = "default") -> Iterator[BaseDatabaseWrapper]:
    """Run the block on a connection made with the owner role's credentials (if they are set)."""
    connection = connections[alias]
    owner = owner_settings()
    if not owner:
        yield connection
        return
    saved = dict(connection.settings_dict)
    connection.close()
    # Same database (the test runner points NAME at its own copy), the owner's credentials and host.
    connection.settings_dict.update({key: owner[key] for key in ("USER", "PASSWORD", "HOST", "PORT")})
    try:
        yield connection
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


def quote(connection: BaseDatabaseWrapper, name: str) -> str:
    return connection.ops.quote_name(name)


def role_exists(connection: BaseDatabaseWrapper, role: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        return cursor.fetchone() is not None


def create_app_role(connection: BaseDatabaseWrapper, *, role: str, password: str) -> bool:
    """Create the application role if it is missing (login, nothing more); returns whether it was new."""
    if role_exists(connection, role):
        return False
    with connection.cursor() as cursor:
        # A role name and password cannot be query parameters in CREATE ROLE.
        literal = password.replace("'", "''")
        cursor.execute(
            f"CREATE ROLE {quote(connection, role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
            f"NOBYPASSRLS NOINHERIT PASSWORD '{literal}'"
        )
    return True


def grant_app_role(connection: BaseDatabaseWrapper, *, role: str) -> None:
    """Give the application role exactly the rights the portal needs on every table that exists now.

    Run after every migration (the `migrate` command does it), so that new tables are covered.
    """
    if connection.vendor != "postgresql":
        return
    name = quote(connection, role)
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database(), current_schema()")
        database, schema = cursor.fetchone()
        cursor.execute("SELECT rolsuper OR rolreplication OR rolbypassrls FROM pg_roles WHERE rolname = %s", [role])
        row = cursor.fetchone()
        if row is None:
            raise ValueError(f"There is no database role {role!r}; create it first (manage.py create_app_role).")
        if row[0]:
            raise ValueError(f"The role {role!r} is a superuser or may bypass replication or row security.")
        statements = [
            f"GRANT CONNECT, TEMPORARY ON DATABASE {quote(connection, database)} TO {name}",
            f"GRANT USAGE ON SCHEMA {quote(connection, schema)} TO {name}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {quote(connection, schema)} TO {name}",
            f"REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA {quote(connection, schema)} FROM {name}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {quote(connection, schema)} TO {name}",
            *(f"REVOKE {rights} ON {table} FROM {name}" for table, rights in RESTRICTED.items()),
            f"REVOKE ALL ON FUNCTION {RETENTION_FUNCTION} FROM PUBLIC",
            f"GRANT EXECUTE ON FUNCTION {RETENTION_FUNCTION} TO {name}",
        ]
        for statement in statements:
            cursor.execute(statement)


def sync_access_log_kept_days(connection: BaseDatabaseWrapper, *, days: int) -> bool:
    """Store ACCESS_LOG_KEPT_DAYS in the database, where the retention function reads it.

    Only a role that may change the retention row (the owner) can; returns whether it did. The
    application role leaves it to the owner (`migrate` and `apply_retention` run as the owner do it).
    """
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT has_table_privilege('core_accesslogretention', 'UPDATE')")
        if not cursor.fetchone()[0]:
            return False
        cursor.execute(
            "INSERT INTO core_accesslogretention (id, kept_days, remove_before) VALUES (1, %s, NULL) "
            "ON CONFLICT (id) DO UPDATE SET kept_days = EXCLUDED.kept_days, remove_before = CASE "
            "WHEN EXCLUDED.kept_days <= 0 THEN NULL "
            "ELSE LEAST(core_accesslogretention.remove_before, now() - make_interval(days => EXCLUDED.kept_days)) END",
            [days],
        )
    return True


def apply_access_log_retention(connection: BaseDatabaseWrapper) -> int:
    """Move the cut-off to ACCESS_LOG_KEPT_DAYS before now and remove older lines; returns how many."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {RETENTION_FUNCTION}")
        return int(cursor.fetchone()[0])
