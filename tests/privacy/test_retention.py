"""Retention: the access log stays append-only except for lines older than its retention period."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError, transaction
from django.utils import timezone

from messaging.models import Conversation
from reconnect.core.models import AccessLogEntry
from reconnect.privacy import services
from reconnect.privacy.models import DataExport
from tests.factories import AccessLogEntryFactory
from tests.messaging.factories import make_attachment, make_conversation

pytestmark = pytest.mark.usefixtures("private_storage")


def test_an_old_line_may_be_removed_by_retention_but_never_changed(member, provider):
    from reconnect.core.models import AccessLogRetention

    old = AccessLogEntryFactory(subject=member, actor=provider, created_at=timezone.now() - timedelta(days=400))
    AccessLogRetention.objects.update_or_create(
        pk=1, defaults={"kept_days": 365, "remove_before": timezone.now() - timedelta(days=366)}
    )
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AccessLogEntry.objects.filter(pk=old.pk).update(action="viewed_in_admin")
    AccessLogEntry.objects.filter(pk=old.pk).delete()
    assert not AccessLogEntry.objects.filter(pk=old.pk).exists()


def test_the_admin_offers_no_way_to_change_or_delete_access_log_lines(login, admin_user, member, provider):
    entry = AccessLogEntryFactory(subject=member, actor=provider)
    client = login(admin_user)
    assert client.get(f"/admin/core/accesslogentry/{entry.pk}/change/").status_code == 200
    assert client.post(f"/admin/core/accesslogentry/{entry.pk}/change/", {"reason": "x"}).status_code == 403
    assert client.post(f"/admin/core/accesslogentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    response = client.post(
        "/admin/core/accesslogentry/", {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"}
    )
    assert response.status_code in (200, 302)
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()


def test_retention_removes_only_access_log_lines_older_than_the_setting_and_reports_it(member, provider, settings):
    settings.PRIVACY_ACCESS_LOG_KEPT_DAYS = 365
    old = AccessLogEntryFactory(subject=member, actor=provider, created_at=timezone.now() - timedelta(days=400))
    recent = AccessLogEntryFactory(subject=member, actor=provider, created_at=timezone.now() - timedelta(days=300))
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert not AccessLogEntry.objects.filter(pk=old.pk).exists()
    assert AccessLogEntry.objects.filter(pk=recent.pk).exists()
    assert "core.access_log: 1 removed" in out.getvalue()


def test_an_access_log_retention_of_zero_keeps_every_line(member, provider, settings):
    settings.PRIVACY_ACCESS_LOG_KEPT_DAYS = 0
    old = AccessLogEntryFactory(subject=member, actor=provider, created_at=timezone.now() - timedelta(days=4000))
    assert services.apply_retention()["core.access_log"] == 0
    assert AccessLogEntry.objects.filter(pk=old.pk).exists()


def test_kept_messages_of_a_deleted_account_go_when_their_time_is_up(
    member,
    provider,
    other_member,
    other_provider,
    settings,
    private_storage,
    django_capture_on_commit_callbacks,
):
    settings.PRIVACY_MESSAGES_KEPT_DAYS = 30
    conversation = make_conversation(member, [provider])
    make_attachment(conversation.messages.first())
    still_active = make_conversation(other_member, [other_provider])
    services.erase_account(user=member, keep_post_text=False)
    assert services.apply_retention()["messaging.conversations_of_deleted_accounts"] == 0
    type(member).objects.filter(pk=member.pk).update(erased_at=timezone.now() - timedelta(days=31))
    with django_capture_on_commit_callbacks(execute=True):
        removed = services.apply_retention()
    assert removed["messaging.conversations_of_deleted_accounts"] == 1
    assert not Conversation.objects.filter(pk=conversation.pk).exists()
    assert Conversation.objects.filter(pk=still_active.pk).exists()
    assert private_storage.names() == []


def test_expired_export_files_are_removed_and_the_row_stays_for_the_admin(member, private_storage):
    export = DataExport.objects.create(user=member)
    services.prepare_export(export_id=export.pk)
    export.refresh_from_db()
    assert export.file_name
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert services.apply_retention()["privacy.expired_exports"] == 1
    export.refresh_from_db()
    assert export.file_name == "" and not export.is_downloadable
    assert private_storage.names() == []


def test_retention_runs_every_night_from_beat():
    from reconnect.celery import app

    assert app.conf.beat_schedule["privacy-retention"]["task"] == "privacy.apply_retention"
