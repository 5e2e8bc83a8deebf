"""Invitation tokens are stored as their SHA-256 hash. Every existing token is hashed before the
clear column goes, so the links already sent keep working; nothing else changes."""

import hashlib

from django.db import migrations, models

import reconnect.accounts.models


def hash_existing_tokens(apps, schema_editor):
    Invitation = apps.get_model("accounts", "Invitation")
    for pk, token in Invitation.objects.values_list("pk", "token").iterator():
        Invitation.objects.filter(pk=pk).update(token_hash=hashlib.sha256(token.encode()).hexdigest())


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_pseudonym_skeleton"),
    ]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="token_hash",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        # Going back cannot recover the tokens: links sent before would stop working.
        migrations.RunPython(hash_existing_tokens, migrations.RunPython.noop, elidable=False),
        migrations.RemoveField(model_name="invitation", name="token"),
        migrations.AlterField(
            model_name="invitation",
            name="token_hash",
            field=models.CharField(
                default=reconnect.accounts.models._unknown_token_hash, editable=False, max_length=64, unique=True
            ),
        ),
        migrations.AddField(
            model_name="invitation",
            name="kind",
            field=models.CharField(
                choices=[("signup", "Create an account"), ("care_team", "Join a care team")],
                default="signup",
                max_length=20,
                verbose_name="kind",
            ),
        ),
    ]
