"""The README's run command on a machine with nothing but Python: SQLite and the file broker."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_embedded_defaults_migrate_and_seed_the_demo_twice(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(DEBUG="true", RECONNECT_VAR_DIR=str(tmp_path / "var"))
    for args in (["migrate", "-v0"], ["createcachetable"], ["seed_demo"], ["seed_demo", "--quiet"]):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    assert (
        "ingrid@example.org"
        in subprocess.run(
            [sys.executable, "manage.py", "seed_demo"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        ).stdout
    )
    assert (tmp_path / "var" / "reconnect.sqlite3").exists()
    # Tasks the demo enqueued wait in the file broker for the worker.
    assert (tmp_path / "var" / "broker" / "queue").is_dir()
