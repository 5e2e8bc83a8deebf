"""Data for the built-in screen.

- Queue priorities make room for "imminent" above "crisis": every open item moves down by one.
- The default crisis phrases seeded in 0002 are switched off (not deleted): the built-in screen
  finds the same words with their inflections and tells "I want to die" from "suicide prevention
  week", which a bare word list cannot. Moderators can switch any of them on again.
- Saved replies for health advice that point to talking with one's own care team.
"""

from django.db import migrations
from django.db.models import F

from moderation.migrations import _defaults

HEALTH_ADVICE_REPLIES = [
    (
        "Health advice: talk with your own care team",
        "Thank you for sharing what has helped you. Medicines work differently for each of us, and stopping, "
        "changing the dose of or combining medicines can be risky. Please talk with your own doctor or care "
        "team before changing anything: they know your situation and can plan a change with you safely. "
        "You can send them a message under Messages.",
    ),
    (
        "Helseråd: snakk med ditt eget behandlingsteam",
        "Takk for at du deler det som har hjulpet deg. Medisiner virker ulikt for hver av oss, og å slutte, "
        "endre dosen eller blande medisiner kan være risikabelt. Snakk med din egen lege eller ditt "
        "behandlingsteam før du endrer noe: de kjenner situasjonen din og kan legge en trygg plan sammen med "
        "deg. Du kan sende dem en melding under Meldinger.",
    ),
]


def forward(apps, schema_editor):
    QueueItem = apps.get_model("moderation", "QueueItem")
    WatchedWord = apps.get_model("moderation", "WatchedWord")
    SavedReply = apps.get_model("moderation", "SavedReply")
    QueueItem.objects.filter(priority__gte=1).update(priority=F("priority") + 1)
    QueueItem.objects.filter(kind="crisis").update(priority=1, severity="crisis")
    for language, phrases in _defaults.CRISIS.items():
        WatchedWord.objects.filter(
            language=language, phrase__in=phrases, created_by__isnull=True, action="crisis"
        ).update(is_active=False)
    for title, body in HEALTH_ADVICE_REPLIES:
        SavedReply.objects.get_or_create(title=title, defaults={"body": body})


def backward(apps, schema_editor):
    QueueItem = apps.get_model("moderation", "QueueItem")
    WatchedWord = apps.get_model("moderation", "WatchedWord")
    SavedReply = apps.get_model("moderation", "SavedReply")
    QueueItem.objects.filter(priority__gte=1).update(priority=F("priority") - 1)
    for language, phrases in _defaults.CRISIS.items():
        WatchedWord.objects.filter(language=language, phrase__in=phrases, created_by__isnull=True).update(
            is_active=True
        )
    SavedReply.objects.filter(title__in=[title for title, _body in HEALTH_ADVICE_REPLIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("moderation", "0005_screening_categories_escalation")]

    operations = [migrations.RunPython(forward, backward)]
