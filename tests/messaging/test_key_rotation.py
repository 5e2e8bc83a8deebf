"""`rotate_encryption_keys` re-encrypts every encrypted field, attachment file and 2FA secret."""

import base64
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from cryptography.fernet import Fernet, InvalidToken
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from messaging import attachments, services
from reconnect.core.crypto import decrypt_text, get_fernet
from reconnect.core.management.commands.rotate_encryption_keys import encrypted_fields
from reconnect.core.models import PrivateFileChunk
from tests.factories import TEST_TOTP_SECRET
from tests.messaging.factories import PDF_BYTES, upload

pytestmark = pytest.mark.django_db

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


@pytest.fixture
def keys(settings):
    def use(*keys):
        settings.FIELD_ENCRYPTION_KEYS = list(keys)
        get_fernet.cache_clear()

    yield use
    get_fernet.cache_clear()


def _raw(table, column, pk):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608 - fixed names
        return cursor.fetchone()[0]


def test_rotation_moves_everything_to_the_newest_key(keys, member, provider, private_storage):
    keys(OLD_KEY)
    Authenticator.objects.filter(user=provider).delete()
    totp = TOTP.activate(provider, TEST_TOTP_SECRET).instance
    codes = RecoveryCodes.activate(provider).instance
    unused_before = RecoveryCodes(codes).get_unused_codes()
    conversation = services.start_conversation(
        member=member,
        providers=[provider],
        subject="Rotation subject",
        body="Rotation body",
        uploads=[attachments.check_upload(upload("scan.pdf", PDF_BYTES))],
    )
    message = conversation.messages.get()
    item = message.attachments.get()
    old_file = item.file_name

    keys(NEW_KEY, OLD_KEY)
    out = StringIO()
    call_command("rotate_encryption_keys", stdout=out)
    assert "messaging.Message: 1 rows" in out.getvalue()

    # With the old key gone, everything still reads.
    keys(NEW_KEY)
    new_only = Fernet(NEW_KEY.encode())
    assert new_only.decrypt(_raw("messaging_message", "body", message.pk).encode()) == b"Rotation body"
    assert new_only.decrypt(_raw("messaging_conversation", "subject", conversation.pk).encode()) == b"Rotation subject"
    message.refresh_from_db()
    assert message.body == "Rotation body"
    item.refresh_from_db()
    # The file keeps its name; every chunk of it is re-encrypted in place.
    assert item.file_name == old_file and attachments.read(item.file_name) == PDF_BYTES
    assert item.original_name == "scan.pdf"
    assert "private files (attachments, exports): 1" in out.getvalue()
    for chunk in PrivateFileChunk.objects.filter(file__name=old_file):
        token = base64.urlsafe_b64encode(bytes(chunk.data))  # the column keeps the token's bytes
        new_only.decrypt(token)
        with pytest.raises(InvalidToken):
            Fernet(OLD_KEY.encode()).decrypt(token)
    totp.refresh_from_db()
    codes.refresh_from_db()
    assert decrypt_text(totp.data["secret"]) == TEST_TOTP_SECRET
    assert RecoveryCodes(codes).get_unused_codes() == unused_before
    with pytest.raises(InvalidToken):
        Fernet(OLD_KEY.encode()).decrypt(_raw("messaging_message", "body", message.pk).encode())


def test_rotation_is_safe_to_run_twice(keys, member, provider):
    keys(OLD_KEY)
    Authenticator.objects.filter(user=provider).delete()
    conversation = services.start_conversation(member=member, providers=[provider], subject="s", body="twice")
    keys(NEW_KEY, OLD_KEY)
    call_command("rotate_encryption_keys", stdout=StringIO())
    call_command("rotate_encryption_keys", stdout=StringIO())
    keys(NEW_KEY)
    assert conversation.messages.get().body == "twice"


def test_rotation_covers_every_encrypted_field_of_every_installed_app():
    out = StringIO()
    call_command("rotate_encryption_keys", stdout=out)
    for model in apps.get_models():
        if encrypted_fields(model) and not model._meta.proxy:
            assert f"{model._meta.label}:" in out.getvalue()
    assert {"messaging.Conversation", "messaging.Message", "messaging.Attachment"} <= {
        m._meta.label for m in apps.get_models() if encrypted_fields(m)
    }


def test_a_secret_written_with_a_removed_key_stops_the_command_with_a_clear_error(keys, provider):
    from django.core.management.base import CommandError

    keys(NEW_KEY)  # the provider's two-factor secret was written with the test key, now gone
    with pytest.raises(CommandError, match="cannot be read with any key"):
        call_command("rotate_encryption_keys", stdout=StringIO())
