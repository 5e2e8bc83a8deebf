"""Look-alike pseudonyms: every pseudonym gets its confusable skeleton, the oldest of a group of
look-alikes keeps it, and the names the new rules would refuse are reported, never renamed."""

from django.db import migrations, models


def store_skeletons(apps, schema_editor):
    from reconnect.accounts.pseudonyms import review_existing

    User = apps.get_model("accounts", "User")
    people = User.objects.filter(pseudonym__isnull=False).exclude(pseudonym="").order_by("date_joined", "pk")
    skeletons, report = review_existing(people.values_list("pk", "pseudonym", "role"))
    for pk, skeleton in skeletons.items():
        if skeleton is not None:
            User.objects.filter(pk=pk).update(pseudonym_skeleton=skeleton)
    if report:
        print("\n  Pseudonyms to review (nothing was renamed; `manage.py pseudonym_clashes` lists them again):")
        for line in report:
            print(f"    {line}")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_care_team_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="pseudonym_skeleton",
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(store_skeletons, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="user",
            name="pseudonym_skeleton",
            field=models.TextField(blank=True, editable=False, null=True, unique=True),
        ),
    ]
