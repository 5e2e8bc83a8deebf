"""Encryption at rest, proven on a real dump: canary strings written through the services into
messages, attachments, crisis plans, medication notes, goals, check-ins and every other encrypted
field are nowhere in `pg_dump --data-only` of the database, nor in the attachment files on disk;
while a canary in a forum post (not encrypted, by design) is there, which proves the dump is real.

The rows must be committed for pg_dump (another process) to see them: a transactional test, whose
database pytest-django empties afterwards.
"""

import os
import shutil
import subprocess

import pytest
from django.apps import apps
from django.db import connection

from cafes import services as cafe_services
from forum.models import Post
from messaging import attachments
from messaging import services as messaging_services
from moderation import services as moderation_services
from moderation.models import ModeratorCheckIn
from reconnect.core.crypto import EncryptedTextField
from tests.cafes.factories import CafeSeriesFactory, MeetingFactory
from tests.factories import TEST_TOTP_SECRET, ModeratorFactory
from tests.forum.factories import ThreadFactory, TopicFactory
from tests.toolbox.factories import ExerciseFactory
from toolbox import services as toolbox_services
from toolbox.models import Activity, Goal, Medication, NetworkPerson, Step

CANARY = "Canary7f3a"
PLAIN_CANARY = "Plaincanary9d1e"
CRISIS_PLAN_SECTIONS = (
    "warning_signs",
    "coping_alone",
    "distractions",
    "helpers",
    "professionals",
    "safer_surroundings",
    "reasons",
)


def _canary(where: str) -> str:
    return f"{CANARY}-{where}"


def _write_canaries(member, provider) -> list[str]:
    """Write a canary into every encrypted field, through the services where they exist."""
    upload = attachments.check_upload(
        _upload(f"{_canary('attachment-name')}.txt", f"{_canary('attachment-content')} slept 3 hours".encode())
    )
    conversation = messaging_services.start_conversation(
        member=member,
        providers=[provider],
        subject=_canary("subject"),
        # Crisis language too: the crisis note must carry no text of the message.
        body=f"{_canary('body')} some nights I want to end my life",
        uploads=[upload],
    )
    messaging_services.send_message(author=provider, conversation=conversation, body=_canary("provider-reply"))
    toolbox_services.save_crisis_plan(
        member=member, sections={name: _canary(f"crisisplan-{name}") for name in CRISIS_PLAN_SECTIONS}
    )
    goal = Goal.objects.create(member=member, text=_canary("goal"), life_area="health")
    Step.objects.create(goal=goal, text=_canary("step"))
    Activity.objects.create(goal=goal, title=_canary("activity"), planned_on="2026-12-01")
    Medication.objects.create(
        member=member,
        name=_canary("medication-name"),
        dose=1,
        notes=_canary("medication-notes"),
        purpose=_canary("medication-purpose"),
        prescriber=_canary("medication-prescriber"),
    )
    moderator = ModeratorFactory(community=member.community)
    thread = ThreadFactory(author=moderator, topic=TopicFactory(slug="feelings"), title="Nights")
    moderation_services.report_post(
        reporter=member, post=thread.posts.get(position=1), reason="other", details=_canary("report-details")
    )
    ModeratorCheckIn.objects.create(member=member, moderator=moderator, body=_canary("moderator-check-in"))
    cafe = MeetingFactory(series=CafeSeriesFactory(community=member.community, host=moderator))
    cafe_services.answer(
        meeting=cafe, user=member, answer="going", first_visit=True, first_visit_note=_canary("first-visit-note")
    )
    NetworkPerson.objects.create(member=member, name=_canary("network-name"), note=_canary("network-note"))
    toolbox_services.record_checkin(
        member=member, day="2026-01-05", mood=2, sleep=2, activity=1, note=_canary("checkin-note")
    )
    toolbox_services.set_exercise_note(member=member, exercise=ExerciseFactory(), note=_canary("exercise-note"))
    ThreadFactory(
        author=member,
        topic=TopicFactory(slug="everyday-life"),
        title="Evenings",
        body=f"{PLAIN_CANARY} evenings are long",
    )
    return [
        *(_canary(w) for w in ("attachment-name", "attachment-content", "subject", "body", "provider-reply")),
        *(_canary(f"crisisplan-{name}") for name in CRISIS_PLAN_SECTIONS),
        *(_canary(w) for w in ("goal", "step", "activity", "medication-notes", "network-note", "checkin-note")),
        *(_canary(w) for w in ("medication-purpose", "medication-prescriber", "report-details")),
        *(_canary(w) for w in ("medication-name", "network-name")),
        *(_canary(w) for w in ("moderator-check-in", "first-visit-note")),
        _canary("exercise-note"),
    ]


def _upload(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="text/plain")


def _encrypted_fields():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField):
                yield model, field


def pg_dump() -> str:
    """The data of the test database, as pg_dump writes it: what a stolen backup holds."""
    tool = shutil.which("pg_dump")
    assert tool, "pg_dump is needed for this test (Debian: postgresql-client)"
    db = connection.settings_dict
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    command = [tool, "--data-only", "--no-owner", "--dbname", db["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command += [option, str(db[key])]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.django_db(transaction=True)
def test_raw_dump_holds_no_canary_of_encrypted_content(member, provider, private_storage):
    # `make test` runs on PostgreSQL; elsewhere this fails rather than pass without proving anything.
    assert connection.vendor == "postgresql", "a raw dump needs PostgreSQL (DATABASE_URL)"
    canaries = _write_canaries(member, provider)

    # Every encrypted field of every model got a canary: a new encrypted field without one fails.
    missing = [
        f"{model._meta.label}.{field.name}"
        for model, field in _encrypted_fields()
        if not any(CANARY in (getattr(row, field.attname) or "") for row in model._default_manager.all())
    ]
    assert not missing, f"encrypted fields without a canary in this test: {missing}"

    dump = pg_dump()
    assert PLAIN_CANARY in dump, "the dump does not show a forum post: it is not the test database"
    assert Post.objects.filter(body__contains=PLAIN_CANARY).exists()
    found = [c for c in canaries if c in dump]
    assert not found, "plain text of encrypted content in the database dump: " + ", ".join(found)
    assert CANARY not in dump
    # The TOTP secret of the provider (two-factor sign-in) is encrypted by the MFA adapter.
    assert TEST_TOTP_SECRET not in dump

    files = private_storage.names()
    assert files, "no attachment file was written"
    for name in files:
        assert CANARY.encode() not in private_storage.raw(name), f"{name} holds plain text"
        assert CANARY not in name, f"{name}: the file name shows the attachment's name"
