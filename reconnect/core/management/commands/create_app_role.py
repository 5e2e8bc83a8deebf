from django.core.management.base import BaseCommand, CommandError

from reconnect.core import db_roles


class Command(BaseCommand):
    help = (
        "Create the least-privilege application role of DATABASE_URL (login only: no superuser, DDL, "
        "replication or role rights) and grant it what the portal needs. Runs as the owner role of "
        "MIGRATE_DATABASE_URL, which needs the CREATEROLE right; idempotent."
    )

    def handle(self, *args, **options):
        if not db_roles.owner_settings():
            raise CommandError("Set MIGRATE_DATABASE_URL (the owner role) and DATABASE_URL (the application role).")
        from django.db import connections

        app = dict(connections["default"].settings_dict)
        if not app.get("USER") or not app.get("PASSWORD"):
            raise CommandError("DATABASE_URL must name the application role and its password.")
        with db_roles.as_owner() as connection:
            if connection.vendor != "postgresql":
                raise CommandError("Database roles exist only on PostgreSQL.")
            if app["USER"] == connection.settings_dict["USER"]:
                raise CommandError("DATABASE_URL and MIGRATE_DATABASE_URL name the same role; give the app its own.")
            created = db_roles.create_app_role(connection, role=app["USER"], password=app["PASSWORD"])
            try:
                db_roles.grant_app_role(connection, role=app["USER"])
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        self.stdout.write(f"{'Created' if created else 'Kept'} the role {app['USER']!r} and granted its rights.")
