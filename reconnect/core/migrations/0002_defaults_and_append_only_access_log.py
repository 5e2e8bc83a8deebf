from django.db import migrations

DEFAULT_CONTACTS = [
    # (language, name, phone, description, order)
    ("en", "Medical emergency", "113", "If a life is in danger", 0),
    ("en", "Mental health helpline", "116 123", "Someone to talk to, day and night", 1),
    ("en", "Emergency room (legevakt)", "116 117", "Urgent help that cannot wait for your GP", 2),
    ("nb", "Medisinsk nødtelefon", "113", "Når liv står i fare", 0),
    ("nb", "Mental Helses hjelpetelefon", "116 123", "Noen å snakke med, døgnet rundt", 1),
    ("nb", "Legevakt", "116 117", "Hjelp som ikke kan vente til fastlegen", 2),
]

PAGES = [
    ("about", "en", "About ReConnect",
     "ReConnect brings together peer support online, monthly cafés in your community, secure messages with your care "
     "team and a personal recovery toolbox.\n\nThe forum and the cafés are moderated by a peer: a service user "
     "consultant with lived experience and training in peer support.\n\nReConnect is not for emergencies. If you "
     "need help now, call 113 or the mental health helpline 116 123."),
    ("about", "nb", "Om ReConnect",
     "ReConnect samler likepersonsstøtte på nett, månedlige kafeer der du bor, sikre meldinger med behandlerne dine "
     "og en personlig verktøykasse for bedring.\n\nForumet og kafeene ledes av en likeperson: en "
     "erfaringskonsulent med egen erfaring og opplæring i likepersonsarbeid.\n\nReConnect er ikke for "
     "nødsituasjoner. Trenger du hjelp nå, ring 113 eller Mental Helses hjelpetelefon 116 123."),
    ("privacy", "en", "Privacy",
     "In the forum and at cafés you are known only by your pseudonym. Your email address and real name are never "
     "shown there.\n\nYour toolbox is private. You choose, item by item, which of your providers may see it, and "
     "you can see every time they opened something.\n\nYour care team never sees the forum or the cafés."),
    ("privacy", "nb", "Personvern",
     "I forumet og på kafeene er du bare kjent under pseudonymet ditt. E-postadressen og det virkelige navnet ditt "
     "vises aldri der.\n\nVerktøykassen din er privat. Du velger selv, del for del, hvilke behandlere som får se "
     "den, og du ser hver gang de har åpnet noe.\n\nBehandlerne dine ser aldri forumet eller kafeene."),
]

APPEND_ONLY_POSTGRES = """
CREATE OR REPLACE FUNCTION core_access_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The access log is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER core_access_log_no_update BEFORE UPDATE OR DELETE ON core_accesslogentry
    FOR EACH ROW EXECUTE FUNCTION core_access_log_append_only();
"""
DROP_POSTGRES = """
DROP TRIGGER IF EXISTS core_access_log_no_update ON core_accesslogentry;
DROP FUNCTION IF EXISTS core_access_log_append_only();
"""
APPEND_ONLY_SQLITE = [
    "CREATE TRIGGER core_access_log_no_update BEFORE UPDATE ON core_accesslogentry "
    "BEGIN SELECT RAISE(ABORT, 'The access log is append-only'); END;",
    "CREATE TRIGGER core_access_log_no_delete BEFORE DELETE ON core_accesslogentry "
    "BEGIN SELECT RAISE(ABORT, 'The access log is append-only'); END;",
]


def add_defaults(apps, schema_editor):
    CrisisContact = apps.get_model("core", "CrisisContact")
    ContentPage = apps.get_model("core", "ContentPage")
    for language, name, phone, description, order in DEFAULT_CONTACTS:
        CrisisContact.objects.get_or_create(
            community=None, language=language, phone=phone, defaults={"name": name, "description": description, "order": order}
        )
    for slug, language, title, body in PAGES:
        ContentPage.objects.get_or_create(slug=slug, language=language, defaults={"title": title, "body": body})


def add_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(APPEND_ONLY_POSTGRES)
    elif vendor == "sqlite":
        for statement in APPEND_ONLY_SQLITE:
            schema_editor.execute(statement)


def drop_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(DROP_POSTGRES)
    elif vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS core_access_log_no_update")
        schema_editor.execute("DROP TRIGGER IF EXISTS core_access_log_no_delete")


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial"), ("accounts", "0001_initial")]

    operations = [
        migrations.RunPython(add_defaults, migrations.RunPython.noop),
        migrations.RunPython(add_trigger, drop_trigger),
    ]
