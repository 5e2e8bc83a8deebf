"""Sending is one transaction: message, attachments, notifications and access log, or nothing."""

import pytest

from messaging import services
from messaging.models import Attachment, Conversation, Message
from reconnect.core import hooks
from reconnect.core.models import AccessLogEntry, Notification
from tests.messaging.factories import PDF_BYTES, upload


class Boom(Exception):
    pass


def _explode(*args, **kwargs):
    raise Boom


pytestmark = pytest.mark.django_db


def _files(private_storage):
    return private_storage.names()


def test_a_failure_in_notification_creation_leaves_no_conversation_message_or_file(
    member, provider, monkeypatch, private_storage
):
    monkeypatch.setattr("reconnect.core.services.Notification.objects.create", _explode)
    from messaging.attachments import check_upload

    checked = check_upload(upload("a.pdf", PDF_BYTES))
    with pytest.raises(Boom):
        services.start_conversation(member=member, providers=[provider], subject="s", body="b", uploads=[checked])
    assert not Conversation.objects.exists() and not Message.objects.exists() and not Attachment.objects.exists()
    assert _files(private_storage) == []


def test_a_failing_notification_on_a_reply_leaves_no_message(member, provider, conversation, monkeypatch):
    monkeypatch.setattr("messaging.services.notify", _explode)
    with pytest.raises(Boom):
        services.send_message(author=provider, conversation=conversation, body="Reply")
    assert conversation.messages.count() == 1
    assert not AccessLogEntry.objects.exists() and not Notification.objects.exists()


def test_a_failing_access_log_on_a_provider_reply_leaves_no_message_or_notification(
    provider, conversation, monkeypatch
):
    monkeypatch.setattr("messaging.services.log_access", _explode)
    with pytest.raises(Boom):
        services.send_message(author=provider, conversation=conversation, body="Reply")
    assert conversation.messages.count() == 1 and not Notification.objects.exists()


def test_a_successful_provider_reply_writes_all_three(member, provider, conversation):
    services.send_message(author=provider, conversation=conversation, body="Reply")
    assert conversation.messages.count() == 2
    assert Notification.objects.filter(user=member).count() == 1
    assert AccessLogEntry.objects.filter(subject=member, action="replied").count() == 1


def test_the_crisis_check_hook_sees_every_message(member, provider, monkeypatch):
    seen = []

    def spy(*, author, text):
        seen.append((author, text))
        return hooks.Screening()

    monkeypatch.setattr(services, "screen_text", spy)
    services.start_conversation(member=member, providers=[provider], subject="s", body="I feel hopeless")
    assert seen == [(member, "I feel hopeless")]
