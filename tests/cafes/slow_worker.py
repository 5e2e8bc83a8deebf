"""A Celery worker whose every reminder chunk takes a while, for the worker-loss test.

    python -m tests.cafes.slow_worker <celery worker arguments>

The pause is patched in here, before the worker forks its pool, so the portal's code has no
test-only hook. The test kills this worker while it is in the middle of a batch.
"""

import os
import sys
import time

PAUSE_SECONDS = 0.4


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reconnect.settings")
    import django

    django.setup()
    from cafes import services
    from reconnect.celery import app

    send_chunk = services._send_reminder_chunk

    def slow_chunk(*args, **kwargs):
        time.sleep(PAUSE_SECONDS)
        return send_chunk(*args, **kwargs)

    services._send_reminder_chunk = slow_chunk
    app.worker_main(["worker", *sys.argv[1:]])


if __name__ == "__main__":
    main()
