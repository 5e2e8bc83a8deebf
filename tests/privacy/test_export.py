"""Export: a ZIP of everything a person holds, prepared in the background, only for them."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from reconnect.core.models import AccessLogEntry
from reconnect.privacy import registry, services
from reconnect.privacy.models import DataExport
from tests.privacy.builders import use_everything

pytestmark = pytest.mark.usefixtures("private_storage", "forum_settings")


def _unzip(content: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(content))


@pytest.fixture
def prepare(django_capture_on_commit_callbacks):
    def _prepare(client, reauthenticate):
        reauthenticate()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/me/export/")
        assert response.status_code == 302
        return DataExport.objects.get()

    return _prepare


def test_export_holds_a_readable_summary_and_json_per_app_with_everything_the_member_owns(
    prepare, login, reauthenticate, member, other_member, provider, moderator
):
    made = use_everything(member, other=other_member, provider=provider, moderator=moderator)
    client = login(member)
    export = prepare(client, reauthenticate)
    assert export.status == DataExport.Status.READY  # Celery runs eagerly in tests

    response = client.get(export.get_download_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment;" in response["Content-Disposition"]
    archive = _unzip(response.getvalue())
    names = set(archive.namelist())
    assert {"index.html", "account.json", "forum.json", "toolbox.json", "cafes.json", "messages.json"} <= names
    forum = json.loads(archive.read("forum.json"))
    assert {p["body"] for p in forum["posts"]} >= {"Evenings are the hardest part for me."}
    assert forum["reactions"][0]["kind"] == "thanks"
    assert {c["circle__name"] for c in forum["circles"]} == {"Just me", "Night owls"}
    assert forum["reveals"][0]["first_name"] == "Ingrid"
    toolbox = json.loads(archive.read("toolbox.json"))
    assert toolbox["goals"][0]["text"] == "Walk to the harbour every day"  # decrypted for its owner
    assert len(toolbox["crisis_plan"]) == len(toolbox["medications"]) == len(toolbox["check_ins"]) == 1
    assert toolbox["shares"][0]["provider__real_name"] == "Dr. Kari Berg"
    cafes = json.loads(archive.read("cafes.json"))
    assert cafes["answers"][0]["answer"] == "going"
    messages = json.loads(archive.read("messages.json"))
    assert messages["conversations"][0]["subject"] == made["conversation"].subject
    attachment = made["attachment"]
    assert archive.read(f"messages/attachments/{attachment.pk}-sleep-diary.pdf").startswith(b"%PDF")
    account = json.loads(archive.read("account.json"))
    assert account["profile"][0]["email"] == "member@example.net"
    activity = json.loads(archive.read("account_activity.json"))
    assert {row["action"] for row in activity["access_log"]} >= {"export_requested"}
    summary = archive.read("index.html").decode()
    assert "Walk to the harbour every day" in summary
    assert "<html lang=" in summary


def test_the_summary_is_in_the_members_language(prepare, login, reauthenticate, member):
    member.preferred_language = "nb"
    member.save(update_fields=["preferred_language"])
    client = login(member)
    export = prepare(client, reauthenticate)
    archive = _unzip(services.read_export(export))
    assert "Mine data fra ReConnect" in archive.read("index.html").decode()


def test_every_model_that_refers_to_a_person_is_exported_or_left_out_with_a_reason(db):
    """Walks every model with a foreign key to the user, and every model owned through one of them."""
    user_model = get_user_model()
    exported = {item.model for section in registry.sections() for item in section.items}
    left_out = registry.left_out()
    for label, reason in left_out.items():
        assert len(reason) > 20, f"{label}: say why it is not exported"

    def refers_to(model, targets) -> bool:
        return any(
            field.is_relation and field.concrete and field.related_model in targets
            for field in model._meta.get_fields()
        )

    # Owned objects: rows that point at the user, then rows that point at those (steps of a goal,
    # attachments of a message...), until nothing new is found.
    reached: set = set()
    frontier = {user_model}
    while frontier:
        found = {
            model
            for model in apps.get_models()
            if model not in reached and model is not user_model and refers_to(model, frontier)
        }
        reached |= found
        frontier = found
    missing = sorted(
        model._meta.label_lower
        for model in reached
        if model not in exported and model._meta.label_lower not in left_out
    )
    assert not missing, f"Export these or add leave_out(label, reason) in the app's privacy.py: {missing}"
    # A reason for a model that no longer exists is stale.
    assert set(left_out) <= {model._meta.label_lower for model in apps.get_models()}


def test_someone_elses_export_link_is_a_404(prepare, login, reauthenticate, client, member, other_member):
    export = prepare(login(member), reauthenticate)
    client.logout()
    login(other_member)
    reauthenticate()
    assert client.get(export.get_download_url()).status_code == 404


def test_an_expired_export_says_so_and_offers_a_new_one(prepare, login, reauthenticate, member):
    client = login(member)
    export = prepare(client, reauthenticate)
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(export.get_download_url(), follow=True)
    assert response.redirect_chain[-1][0] == "/me/export/"
    assert "no longer available" in response.content.decode()
    assert "Prepare a copy of my data" in response.content.decode()


def test_an_export_whose_file_is_gone_says_so_instead_of_failing(prepare, login, reauthenticate, member):
    # The file can go between the page and the click: the nightly retention, a key rotation.
    from reconnect.core.files import delete_private_file

    client = login(member)
    export = prepare(client, reauthenticate)
    delete_private_file(export.file_name)
    response = client.get(export.get_download_url(), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/me/export/"
    assert "no longer available" in response.content.decode()
    assert not AccessLogEntry.objects.filter(subject=member, action="export_downloaded").exists()


def test_an_export_being_prepared_asks_to_come_back(login, reauthenticate, member):
    client = login(member)
    reauthenticate()
    export = DataExport.objects.create(user=member)
    response = client.get(export.get_download_url(), follow=True)
    assert "still being prepared" in response.content.decode()


def test_asking_for_an_export_needs_the_password_again(login, member):
    client = login(member)
    response = client.post("/me/export/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert not DataExport.objects.exists()


def test_asking_twice_while_one_is_being_prepared_makes_one_export(member):
    first = DataExport.objects.create(user=member)
    assert services.request_export(user=member) == first
    assert DataExport.objects.count() == 1


def test_an_export_stuck_in_preparation_does_not_stop_the_member_asking_again(
    member, django_capture_on_commit_callbacks
):
    # Its task was lost (the broker emptied, or the database was away for every retry): it would
    # stay "being prepared" for ever, and every new request would return it.
    stuck = DataExport.objects.create(user=member, requested_at=timezone.now() - timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        fresh = services.request_export(user=member)
    assert fresh != stuck
    stuck.refresh_from_db()
    fresh.refresh_from_db()
    assert stuck.status == DataExport.Status.FAILED
    assert fresh.status == DataExport.Status.READY


def test_an_export_whose_database_retries_run_out_is_marked_failed(member, monkeypatch):
    from celery.exceptions import Retry
    from django.db import OperationalError

    from reconnect.privacy import tasks

    def database_away(**kwargs):
        raise OperationalError("could not connect")

    export = DataExport.objects.create(user=member)
    monkeypatch.setattr(services, "prepare_export", database_away)
    with pytest.raises(Retry):
        tasks.prepare_export.apply(args=[export.pk], retries=0, throw=True)
    export.refresh_from_db()
    assert export.status == DataExport.Status.PENDING  # a retry is still to come
    tasks.prepare_export.apply(args=[export.pk], retries=tasks.prepare_export.max_retries, throw=True)
    export.refresh_from_db()
    assert export.status == DataExport.Status.FAILED


def test_export_requests_and_downloads_are_in_the_persons_access_log(prepare, login, reauthenticate, member):
    client = login(member)
    export = prepare(client, reauthenticate)
    client.get(export.get_download_url())
    actions = list(AccessLogEntry.objects.filter(subject=member).values_list("action", "actor_role", "actor_name"))
    assert ("export_requested", "self", "") in actions
    assert ("export_downloaded", "self", "") in actions
    page = client.get("/me/access-log/").content.decode()
    assert "asked for a copy of all the data" in page


def test_an_export_that_fails_is_marked_and_the_member_can_ask_again(
    prepare, login, reauthenticate, member, monkeypatch
):
    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "build_export_zip", broken)
    client = login(member)
    export = prepare(client, reauthenticate)
    export.refresh_from_db()
    assert export.status == DataExport.Status.FAILED
    assert "Could not be prepared" in client.get("/me/export/").content.decode()


def test_an_export_finishing_after_the_account_was_deleted_leaves_nothing(member, private_storage):
    export = DataExport.objects.create(user=member)
    services.erase_account(user=member, keep_post_text=False)
    services.prepare_export(export_id=export.pk)
    assert not DataExport.objects.exists()
    assert private_storage.names() == []


def test_a_deletion_that_wins_the_race_removes_the_file_the_export_wrote(
    member,
    private_storage,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    export = DataExport.objects.create(user=member)
    real_build = services.build_export_zip

    def build_then_delete(*, user):
        content = real_build(user=user)
        services.erase_account(user=member, keep_post_text=False)  # the member deletes meanwhile
        return content

    monkeypatch.setattr(services, "build_export_zip", build_then_delete)
    with django_capture_on_commit_callbacks(execute=True):
        services.prepare_export(export_id=export.pk)
    assert not DataExport.objects.exists()
    assert private_storage.names() == []


def test_key_rotation_re_encrypts_prepared_exports(member, settings):
    from cryptography.fernet import Fernet
    from django.core.management import call_command

    from reconnect.core.crypto import get_fernet

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    get_fernet.cache_clear()
    try:
        export = DataExport.objects.create(user=member)
        services.prepare_export(export_id=export.pk)
        settings.FIELD_ENCRYPTION_KEYS = [new, old]
        get_fernet.cache_clear()
        call_command("rotate_encryption_keys", stdout=io.StringIO())
        settings.FIELD_ENCRYPTION_KEYS = [new]
        get_fernet.cache_clear()
        export.refresh_from_db()
        assert "index.html" in _unzip(services.read_export(export)).namelist()
    finally:
        get_fernet.cache_clear()


def test_a_failure_after_the_file_was_written_removes_the_file(member, private_storage, monkeypatch):
    from reconnect.privacy import tasks

    def broken_notify(**kwargs):
        raise RuntimeError("the notification could not be saved")

    monkeypatch.setattr(services, "notify", broken_notify)
    export = DataExport.objects.create(user=member)
    tasks.prepare_export(export.pk)
    export.refresh_from_db()
    assert export.status == DataExport.Status.FAILED and export.file_name == ""
    assert private_storage.names() == []
