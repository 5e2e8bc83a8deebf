"""The one place the identity number is handled: turned into a keyed hash and forgotten."""

import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def pid_hash_key() -> bytes:
    key = settings.EID_PID_HASH_KEY
    if not key:
        if settings.DEBUG or settings.TESTING:
            # Debug and test runs need no configuration (as with field encryption); production
            # refuses to start the eID without a key of its own (see reconnect.accounts.checks).
            return hashlib.sha256(f"reconnect-eid-pid:{settings.SECRET_KEY}".encode()).digest()
        raise ImproperlyConfigured("EID_PID_HASH_KEY is not set; the eID cannot be used without it.")
    return key.encode()


def pid_digest(pid: str) -> str:
    """HMAC-SHA256 of the identity number: the same person always gives the same value, and the
    value cannot be turned back into the number without the key."""
    return hmac.new(pid_hash_key(), pid.strip().encode(), hashlib.sha256).hexdigest()
