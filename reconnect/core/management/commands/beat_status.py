from django.core.management.base import BaseCommand, CommandError

from reconnect.core.beat import beat_state


class Command(BaseCommand):
    help = "Exit 0 if Celery beat's heartbeat is recent, 1 if it is late or was never written (a healthcheck)."

    def handle(self, *args, **options) -> None:
        state, age = beat_state()
        if state != "ok":
            raise CommandError(f"beat is {state}" + (f" (last heartbeat {age} s ago)" if age is not None else ""))
        self.stdout.write(f"beat ok (last heartbeat {age} s ago)")
