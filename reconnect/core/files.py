"""Private files (message attachments, data exports) kept encrypted in the database.

Every web and worker process on any host sees the same files, a database backup holds them, and
there is no folder to mount or share. A file is a PrivateFile row and its contents are
PrivateFileChunk rows of at most CHUNK_SIZE plain bytes, each chunk encrypted on its own with the
field-encryption keys (reconnect.core.crypto), so that a download streams chunk by chunk and never
holds a whole file in memory.

- Writing is one transaction (a savepoint inside the caller's): a failure part-way leaves no
  half-file, and a file written in a transaction that rolls back is gone with it.
- A row that owns a file names it in a PrivateFileNameField. Database triggers on the owner's
  table (`owner_triggers`, in the owner app's migration) remove the file when the row is deleted
  or stops naming it, in the same transaction: an erasure or a retention run that rolls back keeps
  the file, one that commits removes it, whatever path deleted the row (a service, a cascade, the
  admin).
- Each chunk's plain text starts with its file's id and its place, so that a chunk copied into
  another file or place is refused on reading. The column holds the Fernet token's bytes (not its
  base64 text), a quarter smaller.
"""

import base64
import itertools
import logging
import struct
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from cryptography.fernet import InvalidToken
from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage, storages
from django.db import migrations, models, transaction
from django.http import StreamingHttpResponse
from django.utils.deconstruct import deconstructible
from django.utils.http import content_disposition_header

from reconnect.core.crypto import get_fernet

if TYPE_CHECKING:
    from django.apps.registry import Apps
    from django.db.backends.base.schema import BaseDatabaseSchemaEditor

    from reconnect.core.models import PrivateFile

logger = logging.getLogger(__name__)

CHUNK_SIZE = 256 * 1024
_HEADER = struct.Struct(">QI")  # file id, chunk index


class PrivateFileNameField(models.CharField):
    """The name of a private file owned by this row ("" when there is none).

    Marks the column for `manage.py move_private_files`; give its table `owner_triggers` in a
    migration so that the file goes with the row.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)


def file_name_fields() -> list[tuple[type[models.Model], str]]:
    """Every (model, column) of the installed apps that names private files."""
    from django.apps import apps

    return [
        (model, field.attname)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, PrivateFileNameField)
    ]


class CorruptPrivateFile(Exception):
    """A chunk is missing, out of place or cannot be decrypted with any key."""


@deconstructible(path="reconnect.core.files.DatabaseStorage")
class DatabaseStorage(Storage):
    """A Django storage backend keeping encrypted contents in PrivateFile/PrivateFileChunk rows."""

    def __init__(self, chunk_size: int = CHUNK_SIZE):
        self.chunk_size = chunk_size

    # --- writing ---------------------------------------------------------------------------

    def _save(self, name: str, content: File) -> str:
        from reconnect.core.models import PrivateFile, PrivateFileChunk

        fernet = get_fernet()
        with transaction.atomic():
            stored = PrivateFile.objects.create(name=name)
            size = count = 0
            for count, piece in enumerate(_pieces(content, self.chunk_size), start=1):
                token = fernet.encrypt(_HEADER.pack(stored.pk, count - 1) + piece)
                PrivateFileChunk.objects.create(file=stored, index=count - 1, data=_packed(token))
                size += len(piece)
            stored.size, stored.chunk_count = size, count
            stored.save(update_fields=["size", "chunk_count"])
        return name

    # --- reading ---------------------------------------------------------------------------

    def _row(self, name: str) -> "PrivateFile":
        from reconnect.core.models import PrivateFile

        row = PrivateFile.objects.filter(name=name).only("pk", "size", "chunk_count").first()
        if row is None:
            raise FileNotFoundError(f"No private file named {name!r}")
        return row

    def chunks(self, name: str) -> Iterator[bytes]:
        """The plain contents, one chunk (one query) at a time.

        FileNotFoundError is raised here, before anything is yielded; a chunk that cannot be read
        later raises CorruptPrivateFile, a database fault its DatabaseError.
        """
        return self.sized_chunks(name)[1]

    def sized_chunks(self, name: str) -> tuple[int, Iterator[bytes]]:
        """The plain size, and the contents as `chunks()` gives them."""
        row = self._row(name)
        return row.size, _chunks_of(row.pk, row.chunk_count)

    def _open(self, name: str, mode: str = "rb") -> File:
        if "w" in mode or "a" in mode or "+" in mode:
            raise ValueError("Private files are written with save(), not opened for writing.")
        row = self._row(name)
        return File(ContentFile(b"".join(_chunks_of(row.pk, row.chunk_count))), name=name)

    def exists(self, name: str) -> bool:
        from reconnect.core.models import PrivateFile

        return PrivateFile.objects.filter(name=name).exists()

    def size(self, name: str) -> int:
        return self._row(name).size

    def delete(self, name: str) -> None:
        from reconnect.core.models import PrivateFile

        PrivateFile.objects.filter(name=name).delete()

    def listdir(self, path: str) -> tuple[list[str], list[str]]:
        from reconnect.core.models import PrivateFile

        prefix = f"{path.rstrip('/')}/" if path else ""
        names = PrivateFile.objects.filter(name__startswith=prefix).values_list("name", flat=True)
        directories: set[str] = set()
        files: list[str] = []
        for name in names:
            rest = name[len(prefix) :]
            if "/" in rest:
                directories.add(rest.split("/", 1)[0])
            else:
                files.append(rest)
        return sorted(directories), sorted(files)

    def url(self, name: str | None) -> str:
        raise NotImplementedError("Private files are never served by URL; a view streams them after a check.")


def _pieces(content: File, size: int) -> Iterator[bytes]:
    """The content in pieces of exactly `size` bytes (the last one shorter)."""
    if hasattr(content, "seek") and callable(content.seek):
        content.seek(0)
    buffer = b""
    for part in content.chunks(size) if hasattr(content, "chunks") else iter(lambda: content.read(size), b""):
        buffer += part
        while len(buffer) >= size:
            yield buffer[:size]
            buffer = buffer[size:]
    if buffer:
        yield buffer


def _chunks_of(file_id: int, count: int) -> Iterator[bytes]:
    from reconnect.core.models import PrivateFileChunk

    fernet = get_fernet()
    for index in range(count):
        data = PrivateFileChunk.objects.filter(file_id=file_id, index=index).values_list("data", flat=True).first()
        if data is None:
            raise CorruptPrivateFile(f"Private file {file_id} has lost its chunk {index}")
        try:
            plain = fernet.decrypt(_unpacked(data))
        except InvalidToken as exc:
            raise CorruptPrivateFile(f"Chunk {index} of private file {file_id} cannot be decrypted") from exc
        if plain[: _HEADER.size] != _HEADER.pack(file_id, index):
            raise CorruptPrivateFile(f"Chunk {index} of private file {file_id} belongs elsewhere")
        yield plain[_HEADER.size :]


def _packed(token: bytes) -> bytes:
    # A Fernet token is base64 text; the column keeps its bytes, a quarter smaller (and so are backups).
    return base64.urlsafe_b64decode(token)


def _unpacked(data: bytes | memoryview) -> bytes:
    return base64.urlsafe_b64encode(bytes(data))


# --- What the apps use ----------------------------------------------------------------------------


def private_storage() -> DatabaseStorage:
    storage = storages["private"]
    if not isinstance(storage, DatabaseStorage):
        raise TypeError('STORAGES["private"] must be reconnect.core.files.DatabaseStorage')
    return storage


def store_private_file(folder: str, data: bytes) -> str:
    """Encrypt and save the bytes under `folder`; returns the file's name.

    Call it inside the transaction that writes the row naming the file: the two commit together.
    """
    return private_storage().save(f"{folder}/{uuid.uuid4().hex}.bin", ContentFile(data))


def read_private_file(name: str) -> bytes:
    """The whole plain contents (for building an export; downloads stream instead)."""
    return b"".join(private_storage().chunks(name))


def delete_private_file(name: str) -> None:
    private_storage().delete(name)


def private_file_response(name: str, *, filename: str, content_type: str) -> StreamingHttpResponse:
    """A download of one private file, streamed chunk by chunk.

    The first chunk is read before the response starts, so that a missing file
    (FileNotFoundError) or a database fault reaches the view, which can answer with a page. A
    fault later on aborts the response: with its Content-Length the browser then reports the
    download as failed instead of keeping a shortened file.
    """
    size, chunks = private_storage().sized_chunks(name)
    first = next(chunks, b"")
    response = StreamingHttpResponse(_logged(itertools.chain([first], chunks), name), content_type=content_type)
    response["Content-Length"] = str(size)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _logged(chunks: Iterator[bytes], name: str) -> Iterator[bytes]:
    try:
        yield from chunks
    except Exception:
        logger.exception("Streaming the private file %s failed part-way; the download is cut off", name)
        raise


# --- Key rotation ---------------------------------------------------------------------------------


def rotate_private_files(batch: int = 20) -> int:
    """Re-encrypt every chunk under the newest key, in place (the names stay); returns the files.

    Each batch of chunks is its own short transaction, so a large portal is not locked for long,
    and running it again is safe.
    """
    from reconnect.core.models import PrivateFile, PrivateFileChunk

    fernet = get_fernet()
    last_pk = 0
    while True:
        with transaction.atomic():
            rows = list(
                PrivateFileChunk.objects.select_for_update().filter(pk__gt=last_pk).order_by("pk")[:batch].only("data")
            )
            for row in rows:
                row.data = _packed(fernet.rotate(_unpacked(row.data)))
            PrivateFileChunk.objects.bulk_update(rows, ["data"])
        if not rows:
            return PrivateFile.objects.count()
        last_pk = rows[-1].pk


# --- Database triggers: the file goes with the row that owns it ------------------------------------

_POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION core_private_file_released() RETURNS trigger AS $$
DECLARE
    old_name text := to_jsonb(OLD) ->> TG_ARGV[0];
BEGIN
    IF TG_OP = 'UPDATE' AND old_name IS NOT DISTINCT FROM (to_jsonb(NEW) ->> TG_ARGV[0]) THEN
        RETURN NULL;
    END IF;
    IF old_name <> '' THEN
        DELETE FROM core_privatefile WHERE name = old_name;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
"""


def create_trigger_function(apps: "Apps", schema_editor: "BaseDatabaseSchemaEditor") -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_POSTGRES_FUNCTION)


def drop_trigger_function(apps: "Apps", schema_editor: "BaseDatabaseSchemaEditor") -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS core_private_file_released()")


def owner_triggers(table: str, column: str) -> migrations.RunPython:
    """A migration step: deleting a row of `table`, or changing its `column`, removes the file."""
    name = f"{table}_{column}_released"

    def forwards(apps: "Apps", schema_editor: "BaseDatabaseSchemaEditor") -> None:
        quote = schema_editor.quote_name
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f"CREATE TRIGGER {quote(name)} AFTER DELETE OR UPDATE OF {quote(column)} ON {quote(table)} "
                f"FOR EACH ROW EXECUTE FUNCTION core_private_file_released('{column}')"
            )
        else:
            old = f"OLD.{quote(column)}"
            remove = f"BEGIN DELETE FROM core_privatefile WHERE name = {old}; END"  # noqa: S608 - names from migrations
            schema_editor.execute(
                f"CREATE TRIGGER {quote(name + '_d')} AFTER DELETE ON {quote(table)} WHEN {old} <> '' {remove}"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {quote(name + '_u')} AFTER UPDATE OF {quote(column)} ON {quote(table)} "
                f"WHEN {old} <> '' AND {old} IS NOT NEW.{quote(column)} {remove}"
            )

    def backwards(apps: "Apps", schema_editor: "BaseDatabaseSchemaEditor") -> None:
        quote = schema_editor.quote_name
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {quote(name)} ON {quote(table)}")
        else:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {quote(name + '_d')}")
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {quote(name + '_u')}")

    return migrations.RunPython(forwards, backwards)
