"""Start the whole portal for local use: web server, Celery worker and Celery beat, together.

Ctrl-C stops all three. Production runs them as separate processes (see docker-compose.yml).
"""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from reconnect.accounts import demo as accounts_demo


class Command(BaseCommand):
    help = "Run the web server with a Celery worker and beat (for local use)."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000")

    def handle(self, *args, addr: str, **options):
        python = sys.executable
        manage = [python, str(settings.BASE_DIR / "manage.py")]
        celery = [python, "-m", "celery", "-A", "reconnect"]
        (settings.VAR_DIR / "broker" / "queue").mkdir(parents=True, exist_ok=True)
        (settings.VAR_DIR / "broker" / "control").mkdir(parents=True, exist_ok=True)
        commands = {
            "worker": [*celery, "worker", "--loglevel", "INFO", "--concurrency", "2"],
            "beat": [*celery, "beat", "--loglevel", "INFO", "--schedule", settings.CELERY_BEAT_SCHEDULE_FILENAME],
            "web": [*manage, "runserver", addr, "--noreload"],
        }
        # A SIGTERM (from a process manager or `timeout`) stops the portal like Ctrl-C does.
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        # Each part runs in its own session: Ctrl-C in the terminal reaches this command only, which
        # then stops the three parts in order, so that none of them prints its own alarm.
        processes = {
            name: subprocess.Popen(cmd, env=os.environ.copy(), start_new_session=True) for name, cmd in commands.items()
        }
        time.sleep(1)
        self.stdout.write(self.style.SUCCESS(f"\nReConnect is running at http://{addr}/  (Ctrl-C stops it)"))
        self.stdout.write(
            f"Database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, broker: {settings.CELERY_BROKER_URL.split(':')[0]}"
        )
        self.stdout.write(
            f"Demo logins (password {accounts_demo.DEMO_PASSWORD}, TOTP secret {accounts_demo.DEMO_TOTP_SECRET}):"
        )
        for email, role, name in accounts_demo.logins():
            self.stdout.write(f"  {email:<22} {role:<16} {name}")
        try:
            while True:
                for name, process in processes.items():
                    if process.poll() is not None:
                        self.stderr.write(
                            f"The {name} process stopped (exit code {process.returncode}); stopping the portal."
                        )
                        raise KeyboardInterrupt
                time.sleep(1)
        except KeyboardInterrupt:
            self.stdout.write("\nStopping ReConnect (web, worker and beat)...")
        finally:
            for process in processes.values():
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            for process in processes.values():
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        self.stdout.write(self.style.SUCCESS("ReConnect has stopped. Run `make run` to start it again."))
