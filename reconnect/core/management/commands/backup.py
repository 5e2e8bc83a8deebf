"""`manage.py backup PATH`: everything the portal holds, in one file.

The backup holds every table: accounts, forum, messages, toolbox, cafés, the access log and the
private files (attachments and data exports, still encrypted). It does not hold the encryption
keys (FIELD_ENCRYPTION_KEYS) nor SECRET_KEY: back those up separately; without the keys the
restored health content and files cannot be read. See the README's production section.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reconnect.core.backup import back_up


class Command(BaseCommand):
    help = "Back up the whole database (files included) into PATH (pg_dump custom format, or a SQLite copy)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--database", default="default")
        parser.add_argument("--force", action="store_true", help="overwrite PATH if it exists")

    def handle(self, *args, path: Path, database: str, force: bool, **options):
        if path.exists() and not force:
            raise CommandError(f"{path} exists already; choose another name or pass --force.")
        if not path.parent.is_dir():
            raise CommandError(f"The folder {path.parent} does not exist.")
        partial = path.with_name(path.name + ".partial")
        try:
            back_up(partial, alias=database)
            partial.replace(path)  # a backup that stopped half-way never has the final name
        finally:
            partial.unlink(missing_ok=True)
        size = path.stat().st_size
        self.stdout.write(self.style.SUCCESS(f"Backed up into {path} ({size} bytes)."))
        self.stdout.write("The encryption keys are not in it: keep FIELD_ENCRYPTION_KEYS in a separate safe place.")
