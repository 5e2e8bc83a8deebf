from django.core.management.base import BaseCommand

from reconnect.privacy import services


class Command(BaseCommand):
    help = (
        "Apply the retention rules (PRIVACY_* settings): remove kept messages of deleted accounts, "
        "old access-log lines and expired data exports, and report what was removed."
    )

    def handle(self, *args, **options) -> None:
        removed = services.apply_retention()
        for key, count in sorted(removed.items()):
            self.stdout.write(f"{key}: {count} removed")
        self.stdout.write(self.style.SUCCESS(f"Retention applied: {sum(removed.values())} removed in all."))
