"""Private files in the database: encrypted chunks, streamed, gone with the row that owns them."""

import os
import time
import tracemalloc

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, transaction

from messaging.models import Attachment, Message
from reconnect.core import files
from reconnect.core.files import (
    CorruptPrivateFile,
    private_file_response,
    private_storage,
    read_private_file,
    store_private_file,
)
from reconnect.core.models import PrivateFile, PrivateFileChunk
from reconnect.privacy import services as privacy_services
from reconnect.privacy.models import DataExport
from tests.messaging.factories import PDF_BYTES, make_attachment, make_conversation, upload

pytestmark = pytest.mark.django_db

CHUNK = 1000
DATA = bytes(range(256)) * 18  # 4608 bytes: four full chunks of 1000 and a short one


@pytest.fixture
def small_chunks(settings):
    """Chunks of 1000 bytes, so that a few kilobytes make a file of several chunks."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "reconnect.core.files.DatabaseStorage", "OPTIONS": {"chunk_size": CHUNK}},
    }


@pytest.fixture
def disk_full():
    """The database refuses the second chunk of any file, as a full disk would (a real DB error)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION pg_temp.refuse_chunk() RETURNS trigger AS $$ BEGIN "
                "IF NEW.index >= 1 THEN RAISE EXCEPTION 'could not extend file: No space left on device' "
                "USING ERRCODE = 'disk_full'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                "CREATE TRIGGER refuse_chunk BEFORE INSERT ON core_privatefilechunk "
                "FOR EACH ROW EXECUTE FUNCTION pg_temp.refuse_chunk()"
            )
        else:
            cursor.execute(
                'CREATE TEMP TRIGGER refuse_chunk BEFORE INSERT ON core_privatefilechunk WHEN NEW."index" >= 1 '
                "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
            )
    # The test's transaction is rolled back at its end, and the trigger with it.


def test_a_file_is_stored_in_encrypted_chunks_and_reads_back_whole(small_chunks):
    name = store_private_file("tests", DATA)
    stored = PrivateFile.objects.get(name=name)
    assert stored.size == len(DATA) and stored.chunk_count == 5
    chunks = PrivateFileChunk.objects.filter(file=stored).order_by("index")
    assert [c.index for c in chunks] == [0, 1, 2, 3, 4]
    raw = b"".join(bytes(c.data) for c in chunks)
    assert DATA[:64] not in raw and DATA[1000:1064] not in raw
    assert read_private_file(name) == DATA
    assert [len(piece) for piece in private_storage().chunks(name)] == [1000, 1000, 1000, 1000, 608]
    assert private_storage().size(name) == len(DATA) and private_storage().exists(name)


def test_an_empty_file_and_one_of_exactly_one_chunk_round_trip(small_chunks):
    for data in (b"", b"x" * CHUNK):
        name = private_storage().save("tests/edge.bin", ContentFile(data))
        assert read_private_file(name) == data


def test_the_storage_never_gives_a_url():
    with pytest.raises(NotImplementedError):
        private_storage().url("messaging/any.bin")


def test_a_download_streams_chunk_by_chunk_with_its_length(small_chunks):
    name = store_private_file("tests", DATA)
    response = private_file_response(name, filename="diary.pdf", content_type="application/pdf")
    assert response.streaming and response["Content-Length"] == str(len(DATA))
    assert response["Content-Disposition"] == 'attachment; filename="diary.pdf"'
    pieces = list(response.streaming_content)
    assert len(pieces) == 5 and b"".join(pieces) == DATA


def test_a_chunk_moved_to_another_place_is_refused(small_chunks):
    name = store_private_file("tests", DATA)
    first, second = PrivateFileChunk.objects.filter(file__name=name).order_by("index")[:2]
    PrivateFileChunk.objects.filter(pk=first.pk).update(data=second.data)
    with pytest.raises(CorruptPrivateFile):
        read_private_file(name)


def test_a_chunk_of_another_file_is_refused(small_chunks):
    mine, other = store_private_file("tests", DATA), store_private_file("tests", DATA)
    foreign = PrivateFileChunk.objects.get(file__name=other, index=0).data
    PrivateFileChunk.objects.filter(file__name=mine, index=0).update(data=foreign)
    with pytest.raises(CorruptPrivateFile):
        read_private_file(mine)


def test_a_file_written_in_a_transaction_that_rolls_back_is_gone():
    with pytest.raises(RuntimeError), transaction.atomic():
        store_private_file("tests", DATA)
        raise RuntimeError
    assert not PrivateFile.objects.exists() and not PrivateFileChunk.objects.exists()


# --- Deleting the owner: in the same transaction, whichever path deletes it ------------------------


@pytest.fixture
def attachment(member, provider):
    return make_attachment(make_conversation(member, [provider]).messages.get())


def test_a_rolled_back_deletion_of_the_owner_keeps_the_file(attachment):
    with pytest.raises(RuntimeError), transaction.atomic():
        Attachment.objects.filter(pk=attachment.pk).delete()
        assert not PrivateFile.objects.filter(name=attachment.file_name).exists()
        raise RuntimeError
    assert read_private_file(attachment.file_name) == PDF_BYTES


def test_a_committed_deletion_of_the_owner_removes_the_file_and_its_chunks(attachment):
    with transaction.atomic():
        attachment.message.conversation.delete()  # the attachment goes by Django's cascade
    assert not PrivateFile.objects.exists() and not PrivateFileChunk.objects.exists()


def test_a_rolled_back_erasure_keeps_attachments_and_exports_and_a_committed_one_removes_them(
    member, provider, attachment, monkeypatch, settings
):
    settings.PRIVACY_MESSAGES_KEPT_DAYS = 0  # the messages go with the account
    export = DataExport.objects.create(user=member)
    privacy_services.prepare_export(export_id=export.pk)
    assert PrivateFile.objects.count() == 2

    def fail(user):
        raise RuntimeError("the sessions could not be ended")

    monkeypatch.setattr(privacy_services, "_end_all_sessions", fail)
    with pytest.raises(RuntimeError):
        privacy_services.erase_account(user=member, keep_post_text=False)
    assert PrivateFile.objects.count() == 2 and read_private_file(attachment.file_name) == PDF_BYTES

    monkeypatch.undo()
    privacy_services.erase_account(user=member, keep_post_text=False)
    assert not PrivateFile.objects.exists() and not PrivateFileChunk.objects.exists()


def test_emptying_the_owners_file_name_removes_the_file_and_another_owner_keeps_its_own(member, attachment):
    export = DataExport.objects.create(user=member)
    privacy_services.prepare_export(export_id=export.pk)
    export.refresh_from_db()
    DataExport.objects.filter(pk=export.pk).update(file_name="")
    assert list(PrivateFile.objects.values_list("name", flat=True)) == [attachment.file_name]


# --- Faults ---------------------------------------------------------------------------------------


def test_a_database_error_mid_write_leaves_no_half_file(small_chunks, disk_full):
    with pytest.raises(DatabaseError):
        store_private_file("tests", DATA)
    assert not PrivateFile.objects.exists() and not PrivateFileChunk.objects.exists()


def _send_a_diary(client, provider):
    """A member writes to their provider with a small text file attached."""
    return client.post(
        "/messages/new/",
        {
            "providers": [provider.pk],
            "subject": "My sleep diary",
            "body": "Here it is, all week.",
            "attachments": [upload("diary.txt", b"night " * 400, "text/plain")],
        },
    )


def test_a_full_database_while_sending_says_so_keeps_the_text_and_stores_nothing(
    small_chunks, disk_full, login, member, provider
):
    response = _send_a_diary(login(member), provider)
    page = response.content.decode()
    assert response.status_code == 200
    assert "the attached files could not be saved just now" in page
    assert "Here it is, all week." in page and "My sleep diary" in page
    assert not Attachment.objects.exists() and not PrivateFile.objects.exists()
    assert not Message.objects.exists()


def _lose_the_connection() -> None:
    """The database server ends this process's connection (a restart, a failover, a network cut)."""
    pid = connection.connection.info.backend_pid
    db = connection.settings_dict
    with psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname=db["NAME"],
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
        deadline = time.monotonic() + 30
        while other.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone():
            assert time.monotonic() < deadline, "the connection was not ended"
            time.sleep(0.05)


@pytest.mark.django_db(transaction=True)  # the loss ends the transaction: what was written must not stay
def test_a_connection_lost_mid_write_leaves_no_half_file_and_tells_the_member(
    small_chunks, login, member, provider, monkeypatch
):
    pieces = files._pieces

    def lost_after_the_first_piece(content, size):
        for index, piece in enumerate(pieces(content, size)):
            if index == 1:
                _lose_the_connection()
            yield piece

    monkeypatch.setattr(files, "_pieces", lost_after_the_first_piece)
    response = _send_a_diary(login(member), provider)
    page = response.content.decode()
    assert response.status_code == 200
    assert "the attached files could not be saved just now" in page and "Here it is, all week." in page
    assert not PrivateFile.objects.exists() and not PrivateFileChunk.objects.exists()
    assert not Message.objects.exists() and not Attachment.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_connection_lost_mid_download_cuts_it_off_instead_of_ending_it_short(small_chunks):
    name = store_private_file("tests", DATA)
    response = private_file_response(name, filename="diary.pdf", content_type="application/pdf")
    stream = iter(response.streaming_content)
    received = next(stream)
    _lose_the_connection()
    with pytest.raises(DatabaseError):
        for piece in stream:
            received += piece
    assert len(received) < int(response["Content-Length"])
    connection.close()  # the next query opens a new connection
    assert read_private_file(name) == DATA  # the file itself is whole


def test_a_file_that_goes_mid_stream_cuts_the_download_off_instead_of_ending_it_short(small_chunks):
    name = store_private_file("tests", DATA)
    response = private_file_response(name, filename="diary.pdf", content_type="application/pdf")
    stream = iter(response.streaming_content)
    received = next(stream)
    PrivateFileChunk.objects.filter(file__name=name, index__gte=2).delete()
    with pytest.raises(CorruptPrivateFile):
        for piece in stream:
            received += piece
    # The server aborts the response; with the announced length the browser knows it is incomplete.
    assert len(received) < int(response["Content-Length"])


def test_a_database_error_when_a_download_starts_gives_a_clear_message(login, member, attachment, monkeypatch):
    def unreachable(*args, **kwargs):
        raise DatabaseError("server closed the connection unexpectedly")

    monkeypatch.setattr("reconnect.core.files._chunks_of", unreachable)
    response = login(member).get(f"/messages/attachments/{attachment.pk}/", follow=True)
    assert response.status_code == 200
    assert "This file cannot be opened right now" in response.content.decode()


def test_a_download_whose_owner_row_is_gone_is_a_404(login, member, attachment):
    client = login(member)
    Attachment.objects.filter(pk=attachment.pk).delete()
    assert client.get(f"/messages/attachments/{attachment.pk}/").status_code == 404


def test_an_export_download_whose_row_is_gone_is_a_404(login, reauthenticate, member):
    export = DataExport.objects.create(user=member)
    privacy_services.prepare_export(export_id=export.pk)
    client = login(member)
    reauthenticate()
    DataExport.objects.filter(pk=export.pk).delete()
    assert client.get(f"/me/export/{export.pk}/download/").status_code == 404
    assert not PrivateFile.objects.exists()


def test_a_database_error_while_an_export_is_written_leaves_no_file_and_the_export_waiting_for_a_retry(
    small_chunks, disk_full, member
):
    export = DataExport.objects.create(user=member)
    with pytest.raises(DatabaseError):
        privacy_services.prepare_export(export_id=export.pk)
    export.refresh_from_db()
    assert export.status == DataExport.Status.PENDING and export.file_name == ""
    assert not PrivateFile.objects.exists() and not PrivateFileChunk.objects.exists()


def _peak_memory_of_a_download(size: int) -> int:
    name = store_private_file("tests", os.urandom(size))
    tracemalloc.start()
    try:
        response = private_file_response(name, filename="big.pdf", content_type="application/pdf")
        received = sum(len(piece) for piece in response.streaming_content)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert received == size
    return peak


def test_a_download_holds_a_chunk_at_a_time_in_memory_not_the_whole_file():
    small, large = _peak_memory_of_a_download(1024 * 1024), _peak_memory_of_a_download(8 * 1024 * 1024)
    # A few copies of one chunk (its token, the plain text) at a time, whatever the file's size.
    assert large < 4 * 1024 * 1024, f"peak {large} bytes for 8 MB"
    assert large - small < 512 * 1024, f"peak grows with the file: {small} -> {large}"


def test_a_download_reads_the_file_row_once_and_then_one_query_per_chunk(small_chunks, django_assert_num_queries):
    name = store_private_file("tests", DATA)
    with django_assert_num_queries(2):  # the file's row, and its first chunk before the response starts
        response = private_file_response(name, filename="diary.pdf", content_type="application/pdf")
    stream = iter(response.streaming_content)
    next(stream)
    with django_assert_num_queries(4):
        rest = list(stream)
    assert len(rest) == 4
