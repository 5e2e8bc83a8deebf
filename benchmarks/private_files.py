"""Benchmark: private files in the database against the floor of a file on the local disk.

Creates a throw-away test database (PostgreSQL when DATABASE_URL is set, else SQLite) and, for
files of 200 kB, 1 MB and 5 MB (the attachment limit), times saving a file into the database
storage (encrypted 256 kB chunks, one transaction) and streaming it out again, against the floor
of a plain file: one Fernet token of the whole file written to and read from a local temporary
file. Prints medians and the ratio to the floor. A figure, not a test: `make bench`.
"""

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import median_ms, rounds, setup_django, throwaway_database

setup_django(RECONNECT_TESTING="true")

from django.db import connection  # noqa: E402

ROUNDS = rounds(7)
SIZES = [200 * 1024, 1024 * 1024, 5 * 1024 * 1024]


def main() -> int:
    with throwaway_database(), tempfile.TemporaryDirectory(prefix="reconnect-bench-") as folder:
        from reconnect.core.crypto import get_fernet
        from reconnect.core.files import private_file_response, store_private_file

        fernet = get_fernet()
        print(f"private files, {connection.vendor}, median of {ROUNDS} rounds")
        print(f"{'size':>8} {'save ms':>8} {'disk ms':>8} {'ratio':>6} {'stream ms':>10} {'disk ms':>8} {'ratio':>6}")
        for size in SIZES:
            data = os.urandom(size)
            names = []
            save = median_ms(lambda: names.append(store_private_file("bench", data)), ROUNDS)  # noqa: B023
            path = Path(folder) / "floor.bin"
            save_floor = median_ms(lambda: path.write_bytes(fernet.encrypt(data)), ROUNDS)  # noqa: B023

            def stream(name=names[0]):
                response = private_file_response(name, filename="f.bin", content_type="application/octet-stream")
                assert sum(len(piece) for piece in response.streaming_content) == size  # noqa: B023

            read = median_ms(stream, ROUNDS)
            read_floor = median_ms(lambda: fernet.decrypt(path.read_bytes()), ROUNDS)  # noqa: B023
            print(
                f"{size // 1024:>6}kB {save:>8.1f} {save_floor:>8.1f} {save / save_floor:>6.1f}"
                f" {read:>10.1f} {read_floor:>8.1f} {read / read_floor:>6.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
