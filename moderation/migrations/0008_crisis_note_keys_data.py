"""Fill the crisis notes' new foreign keys from the raw ids (its own migration, so that PostgreSQL
has no pending foreign-key checks when 0009 alters the table).

A note whose message no longer exists points at nothing a provider can see: it is deleted, as the
message's deletion would delete it now. Every other note is kept.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    Flag = apps.get_model("moderation", "MessageCrisisFlag")
    Message = apps.get_model("messaging", "Message")
    conversations = dict(
        Message.objects.filter(pk__in=Flag.objects.values("old_message_id")).values_list("pk", "conversation_id")
    )
    Flag.objects.exclude(old_message_id__in=list(conversations)).delete()
    for flag in Flag.objects.all():
        flag.message_id = flag.old_message_id
        flag.conversation_id = conversations[flag.old_message_id]
        flag.save(update_fields=["message", "conversation"])


def backwards(apps, schema_editor):
    Flag = apps.get_model("moderation", "MessageCrisisFlag")
    for flag in Flag.objects.all():
        flag.old_message_id = flag.message_id
        flag.old_conversation_id = flag.conversation_id
        flag.save(update_fields=["old_message_id", "old_conversation_id"])


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0007_moderator_check_in_and_crisis_note_keys"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
