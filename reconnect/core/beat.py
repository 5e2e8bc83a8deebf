"""Celery beat that runs once, however many are started, and tells /healthz that it is alive.

A second beat started by mistake is locked out: only the holder of a lock in the shared cache
(Redis in production) sends scheduled tasks; the other waits in standby and takes over within
LOCK_SECONDS when the holder stops or dies. (Were both to send anyway, nothing would happen twice:
the work itself is claimed in the database.) The holder writes a heartbeat on every tick, which
`/healthz` and `manage.py beat_status` read.
"""

import logging
import os
import socket
import time
import uuid

from celery.beat import PersistentScheduler
from django.core.cache import cache

logger = logging.getLogger("reconnect.beat")

LOCK_KEY = "beat:lock"
HEARTBEAT_KEY = "beat:heartbeat"
LOCK_SECONDS = 30
# Beat wakes at least this often, to renew its lock and heartbeat (or, in standby, to try for it).
TICK_SECONDS = 10.0
# /healthz calls beat late when its heartbeat is older than this.
HEARTBEAT_MAX_AGE = 3 * TICK_SECONDS + 30


def last_heartbeat() -> dict | None:
    value = cache.get(HEARTBEAT_KEY)
    return value if isinstance(value, dict) else None


def beat_state(now: float | None = None) -> tuple[str, float | None]:
    """("ok" | "late" | "never", seconds since the last heartbeat)."""
    beat = last_heartbeat()
    if beat is None:
        return "never", None
    age = max(0.0, (now or time.time()) - float(beat.get("at", 0)))
    return ("ok" if age <= HEARTBEAT_MAX_AGE else "late"), round(age, 1)


class LockedScheduler(PersistentScheduler):
    def __init__(self, *args, **kwargs):
        self.instance = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.holding: bool | None = None  # unknown until the first tick
        super().__init__(*args, **kwargs)

    def _take_or_renew_lock(self) -> bool:
        if cache.add(LOCK_KEY, self.instance, LOCK_SECONDS):
            return True
        # Not atomic with the add above, but a race here only ends with two holders for one tick,
        # which the database claims make harmless.
        if cache.get(LOCK_KEY) == self.instance:
            cache.touch(LOCK_KEY, LOCK_SECONDS)
            return True
        return False

    def tick(self, *args, **kwargs) -> float:
        try:
            holding = self._take_or_renew_lock()
        except Exception:  # the cache is down: send nothing rather than risk two senders for long
            logger.exception("beat cannot reach the cache for its lock; sending nothing until it can")
            return TICK_SECONDS
        if holding != self.holding:
            logger.info("beat %s is %s", self.instance, "the active beat" if holding else "in standby")
            self.holding = holding
        if not holding:
            return TICK_SECONDS
        cache.set(HEARTBEAT_KEY, {"at": time.time(), "instance": self.instance}, None)
        return min(super().tick(*args, **kwargs), TICK_SECONDS)

    def close(self) -> None:
        try:
            if self.holding is True and cache.get(LOCK_KEY) == self.instance:
                cache.delete(LOCK_KEY)  # the standby beat takes over at its next tick
        finally:
            super().close()
