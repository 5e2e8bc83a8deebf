from django.conf import settings
from django.core.management.commands.migrate import Command as MigrateCommand
from django.db import connections

from reconnect.core import db_roles


class Command(MigrateCommand):
    help = (
        "Django's migrate, run as the owner role (MIGRATE_DATABASE_URL) when one is set; afterwards the "
        "application role (DATABASE_URL) gets its rights on every table and the database learns "
        "ACCESS_LOG_KEPT_DAYS."
    )

    def handle(self, *args, **options):
        alias = options["database"]
        app_role = connections[alias].settings_dict.get("USER") or ""
        with db_roles.as_owner(alias) as connection:
            super().handle(*args, **options)
            if connection.vendor != "postgresql" or options["plan"] or options.get("check_unapplied"):
                return
            if not _has_retention_table(connection):  # migrated back to before it existed
                return
            db_roles.sync_access_log_kept_days(connection, days=settings.PRIVACY_ACCESS_LOG_KEPT_DAYS)
            if db_roles.owner_settings() and app_role and app_role != connection.settings_dict["USER"]:
                if not db_roles.role_exists(connection, app_role):
                    self.stdout.write(f"The application role {app_role!r} does not exist yet: run create_app_role.")
                    return
                db_roles.grant_app_role(connection, role=app_role)
                if options["verbosity"] >= 1:
                    self.stdout.write(f"Granted the application role {app_role!r} its rights.")


def _has_retention_table(connection) -> bool:
    with connection.cursor() as cursor:
        return "core_accesslogretention" in connection.introspection.table_names(cursor)
