"""Move private files written by earlier versions from the folder into the database.

Earlier versions kept each attachment and data export as one encrypted file under
PRIVATE_STORAGE_ROOT. For every file a row still names (any PrivateFileNameField), this reads and
decrypts it and saves it into the database under the same name, so the row needs no change. Each
file is its own transaction, and its copy on disk is removed only once that has committed.

Run it again at any time: a file already in the database is skipped (its name is unique, so it
is never there twice) and a copy left on disk by an interrupted run is removed then. Files no row
names are left on disk and counted, for the operator to look at.
"""

from cryptography.fernet import InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.management.base import BaseCommand, CommandParser
from django.db import IntegrityError, transaction

from reconnect.core.crypto import get_fernet
from reconnect.core.files import DatabaseStorage, file_name_fields, private_storage
from reconnect.core.models import PrivateFile


class Command(BaseCommand):
    help = "Move the encrypted attachments and exports of PRIVATE_STORAGE_ROOT into the database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--folder", default=str(settings.PRIVATE_STORAGE_ROOT), help="where the files are (PRIVATE_STORAGE_ROOT)"
        )

    def handle(self, *args: object, folder: str, **options: object) -> None:
        disk = FileSystemStorage(location=folder)
        storage = private_storage()
        fernet = get_fernet()
        counts = {"moved": 0, "already in the database": 0, "missing": 0, "unreadable": 0}
        named: set[str] = set()
        for model, column in file_name_fields():
            names = model._base_manager.exclude(**{column: ""}).order_by("pk").values_list(column, flat=True)
            for name in names.iterator():
                named.add(name)
                outcome, problem = self._move(disk, storage, fernet, model._meta.label, name)
                counts[outcome] += 1
                if problem:
                    self.stderr.write(problem)
                elif disk.exists(name):
                    disk.delete(name)
        left = self._files_left(disk, named)
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count}")
        self.stdout.write(f"not named by any row, left on disk: {left}")
        self.stdout.write(self.style.SUCCESS("Done. Running this again is safe."))

    def _move(
        self, disk: FileSystemStorage, storage: DatabaseStorage, fernet: MultiFernet, label: str, name: str
    ) -> tuple[str, str]:
        """Copy one file into the database; return its outcome (a key of the counts) and, where the
        file stays where it is, why. The caller removes the copy on disk once it is in the database."""
        try:
            path = disk.path(name)
        except SuspiciousFileOperation:
            return "unreadable", f"{label} names {name!r}, which is outside the folder: skipped"
        if PrivateFile.objects.filter(name=name).exists():
            return "already in the database", ""
        if not disk.exists(name):
            return "missing", f"{label} names {name}, which is neither on disk nor in the database"
        with open(path, "rb") as handle:
            token = handle.read()
        try:
            data = fernet.decrypt(token)
        except InvalidToken:
            return "unreadable", f"{name} cannot be decrypted with FIELD_ENCRYPTION_KEYS: left on disk"
        try:
            with transaction.atomic():
                # Saved under its own name (the row keeps naming it), never a new one.
                storage._save(name, ContentFile(data))
        except IntegrityError:
            return "already in the database", ""  # another run moved it meanwhile
        return "moved", ""

    def _files_left(self, disk: FileSystemStorage, named: set[str]) -> int:
        """Files on disk that no row names (they stay there; nothing would ever remove them)."""
        left = 0
        pending = [""]
        while pending:
            folder = pending.pop()
            try:
                directories, files = disk.listdir(folder)
            except FileNotFoundError:
                continue
            pending.extend(f"{folder}/{d}".lstrip("/") for d in directories)
            left += sum(1 for f in files if f"{folder}/{f}".lstrip("/") not in named)
        return left
