"""Re-encrypt all health content under the newest key in FIELD_ENCRYPTION_KEYS.

Rotation: put a new key first in FIELD_ENCRYPTION_KEYS (keep the old ones after it), restart, run
this command, then remove the old keys. It covers every EncryptedTextField of every installed
model, every private file in the database (message attachments, data exports; reconnect.core.files)
and the two-factor secrets of allauth's MFA (which the portal's MFA adapter encrypts with the same
keys). Safe to run again; rows are re-encrypted in short transactions so that a large portal is
not locked for long.
"""

from cryptography.fernet import InvalidToken
from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from reconnect.core.crypto import EncryptedTextField, get_fernet, rotate_token
from reconnect.core.files import rotate_private_files

BATCH = 500


def encrypted_fields(model) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField) and not f.generated]


def rotate_model(model, field_names: list[str]) -> int:
    """Read each row (decrypting with any key) and write it back (encrypting with the newest)."""
    manager = model._base_manager
    count = 0
    last_pk = None
    while True:
        rows = manager.order_by("pk").only("pk", *field_names)
        if last_pk is not None:
            rows = rows.filter(pk__gt=last_pk)
        batch = list(rows[:BATCH])
        if not batch:
            return count
        with transaction.atomic():
            manager.bulk_update(batch, field_names)
        count += len(batch)
        last_pk = batch[-1].pk


def rotate_mfa_secrets() -> int:
    from allauth.mfa.models import Authenticator

    count = 0
    for authenticator in Authenticator.objects.order_by("pk").iterator():
        data = dict(authenticator.data or {})
        changed = False
        # TOTP keeps its secret, recovery codes their seed: both went through the MFA adapter.
        for key in ("secret", "seed"):
            if isinstance(data.get(key), str) and data[key]:
                try:
                    data[key] = rotate_token(data[key])
                except InvalidToken as exc:
                    raise CommandError(
                        f"The two-factor {key} of user {authenticator.user_id} cannot be read with any key in "
                        "FIELD_ENCRYPTION_KEYS. Put the key it was written with back in the list and run again."
                    ) from exc
                changed = True
        if changed:
            authenticator.data = data
            authenticator.save(update_fields=["data"])
            count += 1
    return count


class Command(BaseCommand):
    help = "Re-encrypt every encrypted field, private file and two-factor secret under the newest key."

    def handle(self, *args, **options):
        get_fernet.cache_clear()
        get_fernet()  # fails loudly on a missing or malformed key before anything is touched
        for model in apps.get_models():
            if model._meta.proxy or not model._meta.managed:
                continue
            names = encrypted_fields(model)
            if names:
                count = rotate_model(model, names)
                self.stdout.write(f"{model._meta.label}: {count} rows ({', '.join(names)})")
        self.stdout.write(f"two-factor secrets: {rotate_mfa_secrets()}")
        self.stdout.write(f"private files (attachments, exports): {rotate_private_files()}")
        self.stdout.write(self.style.SUCCESS("Everything is encrypted under the newest key."))
