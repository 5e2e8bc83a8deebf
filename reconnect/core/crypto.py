"""Encryption at rest for health content (messages, crisis plans, medication notes, TOTP secrets).

Keys come from FIELD_ENCRYPTION_KEYS (Fernet keys, newest first). MultiFernet encrypts with the
newest key and decrypts with any of them, so keys rotate by putting a new key first and running
`manage.py rotate_encryption_keys`.
"""

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


def _development_key() -> bytes:
    # Debug and test runs need no configuration; the key is derived from SECRET_KEY so that data
    # written in one debug run can be read in the next.
    digest = hashlib.sha256(f"reconnect-field-encryption:{settings.SECRET_KEY}".encode()).digest()
    return base64.urlsafe_b64encode(digest)


@cache
def get_fernet() -> MultiFernet:
    keys = list(settings.FIELD_ENCRYPTION_KEYS)
    if not keys:
        if settings.DEBUG or settings.TESTING:
            keys = [_development_key().decode()]
        else:
            raise ImproperlyConfigured(
                "FIELD_ENCRYPTION_KEYS is not set. The portal refuses to store health content unencrypted. "
                "Create a key with `python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'`."
            )
    fernets = []
    for position, key in enumerate(keys, start=1):
        try:
            fernets.append(Fernet(key.encode()))
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"Key number {position} in FIELD_ENCRYPTION_KEYS is not a valid Fernet key "
                "(32 url-safe base64-encoded bytes)."
            ) from exc
    return MultiFernet(fernets)


def encrypt_text(text: str) -> str:
    return get_fernet().encrypt(text.encode()).decode()


def decrypt_text(token: str) -> str:
    try:
        return get_fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "Encrypted data could not be read with any key in FIELD_ENCRYPTION_KEYS. "
            "Was a key removed before `rotate_encryption_keys` had run?"
        ) from exc


def rotate_token(token: str) -> str:
    return get_fernet().rotate(token.encode()).decode()


class EncryptedTextField(models.TextField):
    """A text column whose value is stored as a Fernet token; Python code sees plain text."""

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt_text(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt_text(value)
