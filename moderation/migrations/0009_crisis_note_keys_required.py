"""The crisis notes' foreign keys are required; the raw ids they replace are dropped."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0008_crisis_note_keys_data"),
    ]

    operations = [
        migrations.RemoveField(model_name="messagecrisisflag", name="old_message_id"),
        migrations.RemoveField(model_name="messagecrisisflag", name="old_conversation_id"),
        migrations.AlterField(
            model_name="messagecrisisflag",
            name="message",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE, related_name="crisis_flag", to="messaging.message"
            ),
        ),
        migrations.AlterField(
            model_name="messagecrisisflag",
            name="conversation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="messaging.conversation"
            ),
        ),
    ]
