"""`manage.py restore PATH`: replace everything in the database with a backup made by `backup`.

Stop the web and worker processes first, restore, then start them with the same
FIELD_ENCRYPTION_KEYS the backup was written under (or a list that still holds those keys).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from reconnect.core.backup import restore


class Command(BaseCommand):
    help = "Replace the database's contents with a backup made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--database", default="default")
        parser.add_argument("--no-input", "--noinput", action="store_false", dest="interactive")

    def handle(self, *args, path: Path, database: str, interactive: bool, **options):
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        name = connections[database].settings_dict["NAME"]
        if interactive:
            answer = input(f"This replaces everything in the database {name} with {path}. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was restored.")
        restore(path, alias=database)
        self.stdout.write(self.style.SUCCESS(f"Restored {name} from {path}."))
