"""Stored, generated `tsvector` columns with GIN indexes for forum search (PostgreSQL only).

On a large forum this rewrites `forum_post` once (the vectors are computed for every row) and builds
two GIN indexes: plan a few minutes per million posts.
"""

from django.db import migrations

from forum import search_index


def _run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements():
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("forum", "0002_post_view")]

    operations = [
        migrations.RunPython(_run(search_index.create_statements), _run(search_index.drop_statements)),
    ]
