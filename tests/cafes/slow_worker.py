"""A Celery worker whose every reminder chunk takes a while, for the worker-loss and shutdown tests.

    python -m tests.cafes.slow_worker <celery worker arguments>

The pauses are patched in here, before the worker forks its pool, so the portal's code has no
test-only hook. The tests stop or kill this worker while it is in the middle of its work:

- before each chunk of a batch of reminders it waits PAUSE_SECONDS;
- with SLOW_WORKER_FILE_PIECE_SECONDS set, it writes each piece of a private file (a data export)
  after the first that long after the one before, inside the file's transaction, and says so on
  stderr ("slow_worker: writing piece N of a private file"), so that a test can signal it while
  part of a file is written and not yet committed.
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
    from reconnect.core import files

    send_chunk = services._send_reminder_chunk

    def slow_chunk(*args, **kwargs):
        time.sleep(PAUSE_SECONDS)
        return send_chunk(*args, **kwargs)

    services._send_reminder_chunk = slow_chunk

    piece_seconds = float(os.environ.get("SLOW_WORKER_FILE_PIECE_SECONDS") or 0)
    if piece_seconds:
        pieces = files._pieces

        def slow_pieces(content, size):
            for index, piece in enumerate(pieces(content, size)):
                if index:
                    sys.__stderr__.write(f"slow_worker: writing piece {index} of a private file\n")
                    sys.__stderr__.flush()
                    time.sleep(piece_seconds)
                yield piece

        files._pieces = slow_pieces
    app.worker_main(["worker", *sys.argv[1:]])


if __name__ == "__main__":
    main()
