"""The default crisis list, in English and Norwegian. Moderators and admins adjust it later.

Phrases are whole words (see moderation/screening/watched.py): list each form you mean.
"""

from django.db import migrations

from moderation.migrations._defaults import CRISIS


def seed(apps, schema_editor):
    WatchedWord = apps.get_model("moderation", "WatchedWord")
    for language, phrases in CRISIS.items():
        for phrase in phrases:
            WatchedWord.objects.get_or_create(phrase=phrase, language=language, defaults={"action": "crisis"})


def unseed(apps, schema_editor):
    WatchedWord = apps.get_model("moderation", "WatchedWord")
    for language, phrases in CRISIS.items():
        WatchedWord.objects.filter(language=language, phrase__in=phrases, created_by__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("moderation", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
