"""`manage.py move_private_files`: files of earlier versions move from the folder into the database."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from messaging.models import Attachment
from reconnect.core.crypto import get_fernet
from reconnect.core.files import DatabaseStorage, read_private_file
from reconnect.core.models import PrivateFile
from reconnect.privacy.models import DataExport
from tests.messaging.factories import PDF_BYTES, make_conversation

pytestmark = pytest.mark.django_db


class Interrupted(BaseException):
    """Like Ctrl-C or a killed process: not an Exception, so nothing on the way catches it."""


@pytest.fixture
def folder(tmp_path, settings):
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"
    return tmp_path / "private"


@pytest.fixture
def old_files(folder, member, provider):
    """Three attachments and one export as earlier versions wrote them: one Fernet token per file."""
    message = make_conversation(member, [provider]).messages.get()
    contents = {}
    for number in range(3):
        name = f"messaging/old{number}.bin"
        contents[name] = PDF_BYTES + f"page {number}".encode()
        Attachment.objects.create(
            message=message, file_name=name, original_name=f"{number}.pdf", content_type="application/pdf", size=1
        )
    export_name = "exports/old-export.bin"
    contents[export_name] = b"PK a zip"
    DataExport.objects.create(user=member, status=DataExport.Status.READY, file_name=export_name)
    for name, data in contents.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(get_fernet().encrypt(data))
    (folder / "messaging" / "nobody-names-me.bin").write_bytes(b"stray")
    return contents


def _run() -> str:
    out = StringIO()
    call_command("move_private_files", stdout=out, stderr=StringIO())
    return out.getvalue()


def _on_disk(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.bin"))


def test_every_named_file_moves_into_the_database_and_off_the_disk(folder, old_files):
    out = _run()
    assert "moved: 4" in out and "already in the database: 0" in out and "missing: 0" in out
    assert "not named by any row, left on disk: 1" in out
    assert {name: read_private_file(name) for name in old_files} == old_files
    assert _on_disk(folder) == ["messaging/nobody-names-me.bin"]


def test_running_again_moves_nothing_twice(folder, old_files):
    _run()
    out = _run()
    assert "moved: 0" in out and "already in the database: 4" in out
    assert PrivateFile.objects.count() == 4


def test_an_interrupted_move_resumes_without_duplicates(folder, old_files, monkeypatch):
    real_save = DatabaseStorage._save
    saved = []

    def save_then_stop(self, name, content):
        if len(saved) == 2:
            raise Interrupted
        saved.append(name)
        return real_save(self, name, content)

    monkeypatch.setattr(DatabaseStorage, "_save", save_then_stop)
    with pytest.raises(Interrupted):
        _run()
    assert PrivateFile.objects.count() == 2
    assert len(_on_disk(folder)) == 3  # two still to move, and the stray one

    monkeypatch.undo()
    out = _run()
    assert "moved: 2" in out and "already in the database: 2" in out
    assert PrivateFile.objects.count() == 4
    assert {name: read_private_file(name) for name in old_files} == old_files
    assert _on_disk(folder) == ["messaging/nobody-names-me.bin"]


def test_a_run_stopped_after_saving_but_before_removing_the_disk_copy_removes_it_next_time(
    folder, old_files, monkeypatch
):
    from django.core.files.storage import FileSystemStorage

    def stop(self, name):
        raise Interrupted

    monkeypatch.setattr(FileSystemStorage, "delete", stop)
    with pytest.raises(Interrupted):
        _run()
    assert PrivateFile.objects.count() == 1 and len(_on_disk(folder)) == 5

    monkeypatch.undo()
    out = _run()
    assert "moved: 3" in out and "already in the database: 1" in out
    assert PrivateFile.objects.count() == 4 and _on_disk(folder) == ["messaging/nobody-names-me.bin"]


def test_missing_and_unreadable_files_are_reported_and_left_alone(folder, old_files):
    (folder / "messaging" / "old0.bin").unlink()
    (folder / "messaging" / "old1.bin").write_bytes(b"not a token")
    err = StringIO()
    out = StringIO()
    call_command("move_private_files", stdout=out, stderr=err)
    assert "moved: 2" in out.getvalue() and "missing: 1" in out.getvalue() and "unreadable: 1" in out.getvalue()
    assert "messaging/old0.bin" in err.getvalue() and "messaging/old1.bin" in err.getvalue()
    assert (folder / "messaging" / "old1.bin").exists()


def test_a_moved_attachment_downloads_through_the_page(folder, old_files, login, member):
    _run()
    item = Attachment.objects.get(file_name="messaging/old2.bin")
    response = login(member).get(f"/messages/attachments/{item.pk}/")
    assert response.status_code == 200 and response.getvalue() == old_files["messaging/old2.bin"]
