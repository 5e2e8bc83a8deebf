"""Look-alike pseudonyms: the skeleton now joins i and l ("Iighthouse" looks like "lighthouse").
Every stored skeleton is computed again; the oldest of a group of look-alikes keeps it, and names
that now look like an older one are reported, never renamed."""

from django.db import migrations


def store_skeletons(apps, schema_editor):
    from reconnect.accounts.pseudonyms import review_existing

    User = apps.get_model("accounts", "User")
    people = User.objects.filter(pseudonym__isnull=False).exclude(pseudonym="").order_by("date_joined", "pk")
    skeletons, report = review_existing(people.values_list("pk", "pseudonym", "role"))
    # Cleared first, so that the unique skeleton holds while the new ones are written.
    User.objects.update(pseudonym_skeleton=None)
    for pk, skeleton in skeletons.items():
        if skeleton is not None:
            User.objects.filter(pk=pk).update(pseudonym_skeleton=skeleton)
    if report:
        print("\n  Pseudonyms to review (nothing was renamed; `manage.py pseudonym_clashes` lists them again):")
        for line in report:
            print(f"    {line}")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_invitation_token_hash"),
    ]

    operations = [
        migrations.RunPython(store_skeletons, migrations.RunPython.noop, elidable=False),
    ]
