"""`manage.py backup` / `restore`: back up, lose the database, restore, and find everything again."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection

from messaging.models import Attachment
from reconnect.core.files import read_private_file
from reconnect.core.models import AccessLogEntry, PrivateFile
from reconnect.privacy import services as privacy_services
from reconnect.privacy.models import DataExport
from tests.factories import CareRelationshipFactory, MemberFactory, ProviderFactory
from tests.forum.factories import ThreadFactory, reply
from tests.messaging.factories import make_attachment, make_conversation
from tests.toolbox.factories import CrisisPlanFactory, GoalFactory, MedicationFactory

# pg_dump reads only what is committed, so this test commits (and is flushed afterwards).
pytestmark = pytest.mark.django_db(transaction=True)


def _everything() -> dict[str, list[tuple]]:
    """Every row of every table, as the portal reads it (encrypted fields decrypted)."""
    snapshot = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        names = [f.attname for f in model._meta.concrete_fields]
        rows = model._base_manager.order_by("pk").values_list(*names)
        snapshot[model._meta.label] = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in rows]
    return snapshot


@pytest.fixture
def portal(nordvik):
    """Two members with their providers, forum posts, toolbox content, attachments, an export and
    access-log lines (a provider opened an attachment)."""
    files = {}
    for number in range(2):
        member = MemberFactory(pseudonym=f"Backup member {number}", community=nordvik)
        provider = ProviderFactory(community=nordvik)
        CareRelationshipFactory(member=member, provider=provider)
        GoalFactory(member=member, text=f"Walk every day ({number})")
        CrisisPlanFactory(member=member)
        MedicationFactory(member=member)
        reply(ThreadFactory(author=member), member, body=f"Hello from {number}")
        message = make_conversation(member, [provider]).messages.get()
        attachment = make_attachment(message, data=b"%PDF-1.4\n" + bytes(range(256)) * 2000)  # two chunks
        files[attachment.file_name] = read_private_file(attachment.file_name)
        export = DataExport.objects.create(user=member)
        privacy_services.prepare_export(export_id=export.pk)
        export.refresh_from_db()
        files[export.file_name] = read_private_file(export.file_name)
        AccessLogEntry.objects.create(
            subject=member, actor=provider, actor_role="provider", actor_name="Dr", action="viewed"
        )
    return files


def _wipe() -> None:
    """Lose the database: every table, trigger and function gone."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A new schema lacks the default USAGE for everyone that later tests (other roles) rely on.
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public; GRANT USAGE ON SCHEMA public TO PUBLIC")
        else:
            tables = [t for t in connection.introspection.table_names(cursor) if not t.startswith("sqlite_")]
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in tables:
                cursor.execute(f'DROP TABLE "{table}"')
            cursor.execute("PRAGMA foreign_keys = ON")


def test_a_restored_backup_holds_every_members_data_files_and_access_log(portal, tmp_path):
    path = tmp_path / "portal.backup"
    before = _everything()
    assert len(before["core.PrivateFile"]) == 4 and len(before["core.AccessLogEntry"]) >= 2
    out = StringIO()
    call_command("backup", str(path), stdout=out)
    assert path.is_file() and "FIELD_ENCRYPTION_KEYS" in out.getvalue()

    _wipe()
    with pytest.raises(DatabaseError):
        PrivateFile.objects.count()
    connection.close()

    call_command("restore", str(path), "--no-input", stdout=StringIO())
    assert _everything() == before
    assert {name: read_private_file(name) for name in portal} == portal
    # The triggers came back too: the file still goes with its row.
    attachment = Attachment.objects.first()
    attachment.delete()
    assert not PrivateFile.objects.filter(name=attachment.file_name).exists()


def test_backup_refuses_to_overwrite_and_restore_refuses_what_is_not_a_backup(tmp_path, member):
    existing = tmp_path / "exists.backup"
    existing.write_bytes(b"something precious")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", str(existing), stdout=StringIO())
    assert existing.read_bytes() == b"something precious"
    with pytest.raises(CommandError):
        call_command("restore", str(existing), "--no-input", stdout=StringIO())
    with pytest.raises(CommandError, match="not a file"):
        call_command("restore", str(tmp_path / "missing.backup"), "--no-input", stdout=StringIO())
    assert type(member).objects.filter(pk=member.pk).exists()  # nothing was touched
