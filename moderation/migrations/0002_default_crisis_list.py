"""The default crisis list, in English and Norwegian. Moderators and admins adjust it later.

Phrases are whole words (see moderation/matching.py): list each form you mean.
"""

from django.db import migrations

CRISIS = {
    "en": [
        "kill myself",
        "killing myself",
        "end my life",
        "ending my life",
        "take my own life",
        "want to die",
        "wanna die",
        "suicide",
        "suicidal",
        "better off dead",
        "no reason to live",
        "end it all",
        "hurt myself",
        "harm myself",
        "overdose",
    ],
    "nb": [
        "drepe meg",
        "drep meg",
        "ta livet mitt",
        "ta livet av meg",
        "ta mitt eget liv",
        "vil dø",
        "ønsker å dø",
        "lyst til å dø",
        "selvmord",
        "selvmordstanker",
        "orker ikke å leve",
        "orker ikke leve",
        "bedre om jeg var død",
        "gjøre slutt på alt",
        "skade meg selv",
        "overdose",
    ],
}


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
