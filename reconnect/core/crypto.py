"""Encryption at rest for health content (messages, crisis plans, medication notes, TOTP secrets).

Keys come from FIELD_ENCRYPTION_KEYS (Fernet keys, newest first). MultiFernet encrypts with the
newest key and decrypts with any of them, so keys rotate by putting a new key first and running
`manage.py rotate_encryption_keys`.
"""

import base64
import hashlib
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

if TYPE_CHECKING:
    from django import forms
    from django.apps.registry import Apps
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.backends.base.schema import BaseDatabaseSchemaEditor

    # One direction of a data migration, as RunPython takes it.
    MigrationStep = Callable[[Apps, BaseDatabaseSchemaEditor], None]


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

    def from_db_value(self, value: str | None, expression: Any, connection: "BaseDatabaseWrapper") -> str | None:
        if value is None or value == "":
            return value
        return decrypt_text(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt_text(value)


class EncryptedCharField(EncryptedTextField):
    """Short encrypted text: a one-line input in forms, with the limit on the plain text."""

    def formfield(self, **kwargs: Any) -> "forms.Field | None":
        from django import forms

        return models.Field.formfield(self, **{"form_class": forms.CharField, "max_length": self.max_length, **kwargs})


def encrypt_column(table: str, column: str) -> tuple["MigrationStep", "MigrationStep"]:
    """A migration step that encrypts the existing plain values of a column turned encrypted."""

    def forwards(apps: "Apps", schema_editor: "BaseDatabaseSchemaEditor") -> None:
        _rewrite(schema_editor, table, column, encrypt_text)

    def backwards(apps: "Apps", schema_editor: "BaseDatabaseSchemaEditor") -> None:
        _rewrite(schema_editor, table, column, decrypt_text)

    return forwards, backwards


def _rewrite(schema_editor: "BaseDatabaseSchemaEditor", table: str, column: str, change: Callable[[str], str]) -> None:
    quote = schema_editor.quote_name
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"SELECT id, {quote(column)} FROM {quote(table)} WHERE {quote(column)} <> ''")  # noqa: S608
        for pk, value in cursor.fetchall():
            cursor.execute(f"UPDATE {quote(table)} SET {quote(column)} = %s WHERE id = %s", [change(value), pk])  # noqa: S608
