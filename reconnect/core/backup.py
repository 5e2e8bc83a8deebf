"""Backing up and restoring the whole portal: one database holds everything, files included.

PostgreSQL: pg_dump's custom format, restored with pg_restore. The embedded SQLite default: a
consistent copy through SQLite's online backup. The encryption keys (FIELD_ENCRYPTION_KEYS) are
never in a backup: keep them separately, or the restored files and health content cannot be read.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections


def _connection_settings(alias: str) -> dict:
    # The owner role when there is one (MIGRATE_DATABASE_URL): it can read every table and drop and
    # recreate them; the application role may not.
    owner = getattr(settings, "DATABASE_OWNER", None)
    return dict(owner) if owner and alias == "default" else dict(connections[alias].settings_dict)


def _postgres_arguments(params: dict) -> tuple[list[str], dict[str, str]]:
    arguments = []
    if params.get("HOST"):
        arguments += ["--host", str(params["HOST"])]
    if params.get("PORT"):
        arguments += ["--port", str(params["PORT"])]
    if params.get("USER"):
        arguments += ["--username", str(params["USER"])]
    env = {**os.environ}
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = str(params["PASSWORD"])
    return arguments, env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise CommandError(f"{name} is not installed: install the PostgreSQL client tools of the server's version.")
    return path


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise CommandError(f"{Path(command[0]).name} failed: {result.stderr.strip() or result.stdout.strip()}")


def back_up(path: Path, *, alias: str = "default") -> None:
    connection = connections[alias]
    params = _connection_settings(alias)
    if connection.vendor == "postgresql":
        arguments, env = _postgres_arguments(params)
        _run([_tool("pg_dump"), "--format=custom", "--file", str(path), *arguments, str(params["NAME"])], env)
    elif connection.vendor == "sqlite":
        # Through the portal's own connection, so that an in-memory database works too.
        connection.ensure_connection()
        target = sqlite3.connect(str(path))
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        raise CommandError(f"No backup for the {connection.vendor} database.")


def restore(path: Path, *, alias: str = "default") -> None:
    """Replace the database's contents with the backup's. Stop web and workers first."""
    if not path.is_file():
        raise CommandError(f"{path} is not a file.")
    connection = connections[alias]
    params = _connection_settings(alias)
    if connection.vendor == "postgresql":
        connection.close()
        arguments, env = _postgres_arguments(params)
        _run(
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                *arguments,
                "--dbname",
                str(params["NAME"]),
                str(path),
            ],
            env,
        )
    elif connection.vendor == "sqlite":
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise CommandError(f"{path} is not an intact SQLite database.")
            if not source.execute("SELECT 1 FROM sqlite_master WHERE name = 'django_migrations'").fetchone():
                raise CommandError(f"{path} is not a backup of this portal.")
            connection.ensure_connection()
            source.backup(connection.connection)
        except sqlite3.DatabaseError as exc:
            raise CommandError(f"{path} is not a backup of this portal: {exc}") from exc
        finally:
            source.close()
    else:
        raise CommandError(f"No restore for the {connection.vendor} database.")
