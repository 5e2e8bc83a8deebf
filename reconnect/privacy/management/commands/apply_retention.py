from django.conf import settings
from django.core.management.base import BaseCommand

from reconnect.core import db_roles
from reconnect.privacy import services


class Command(BaseCommand):
    help = (
        "Apply the retention rules (PRIVACY_* settings): remove kept messages of deleted accounts, "
        "old access-log lines and expired data exports, and report what was removed."
    )

    def handle(self, *args, **options) -> None:
        # The owner role (MIGRATE_DATABASE_URL) tells the database ACCESS_LOG_KEPT_DAYS; the access
        # log's cut-off then moves only through the owner's function, whichever role runs the rest.
        with db_roles.as_owner() as connection:
            db_roles.sync_access_log_kept_days(connection, days=settings.PRIVACY_ACCESS_LOG_KEPT_DAYS)
        removed = services.apply_retention()
        for key, count in sorted(removed.items()):
            self.stdout.write(f"{key}: {count} removed")
        self.stdout.write(self.style.SUCCESS(f"Retention applied: {sum(removed.values())} removed in all."))
