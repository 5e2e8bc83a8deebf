"""A BRIN index on post ids for search's windows of recent posts (PostgreSQL only; built in seconds)."""

from django.db import migrations

from forum.search_index import ID_RANGE_INDEX


def _create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {ID_RANGE_INDEX} ON forum_post USING brin (id)")


def _drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {ID_RANGE_INDEX}")


class Migration(migrations.Migration):
    dependencies = [("forum", "0003_search_index")]

    operations = [migrations.RunPython(_create, _drop)]
