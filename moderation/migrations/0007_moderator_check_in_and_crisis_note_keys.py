"""Two seams in the data model.

- The moderator's private message to a member is `ModeratorCheckIn` (the member's daily check-in is
  `toolbox.CheckIn`); renaming the model renames its table and keeps every row.
- A message's crisis note points at its message and conversation with foreign keys. This step moves
  the raw ids aside and adds the keys (empty); 0008 fills them, 0009 drops the raw ids.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0001_initial"),
        ("moderation", "0006_screening_data"),
    ]

    operations = [
        migrations.RenameModel(old_name="CheckIn", new_name="ModeratorCheckIn"),
        migrations.RenameField(model_name="messagecrisisflag", old_name="message_id", new_name="old_message_id"),
        migrations.RenameField(
            model_name="messagecrisisflag", old_name="conversation_id", new_name="old_conversation_id"
        ),
        # Nullable while they are replaced, so that every step can also be undone with rows present,
        # and without their index and uniqueness, whose names the new keys' take.
        migrations.AlterField(
            model_name="messagecrisisflag",
            name="old_message_id",
            field=models.PositiveBigIntegerField(null=True),
        ),
        migrations.AlterField(
            model_name="messagecrisisflag",
            name="old_conversation_id",
            field=models.PositiveBigIntegerField(null=True),
        ),
        migrations.AddField(
            model_name="messagecrisisflag",
            name="message",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="crisis_flag",
                to="messaging.message",
            ),
        ),
        migrations.AddField(
            model_name="messagecrisisflag",
            name="conversation",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="messaging.conversation",
            ),
        ),
    ]
