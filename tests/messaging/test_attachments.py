"""Attachments: checked by content, stored encrypted, streamed only to participants."""

import pytest

from messaging import attachments
from messaging.models import Attachment, Conversation, Message
from reconnect.accounts import services as account_services
from reconnect.core.models import AccessLogEntry
from tests.messaging.factories import JPEG_BYTES, PDF_BYTES, PNG_BYTES, make_attachment, upload

pytestmark = pytest.mark.django_db


def _stored_files(private_storage):
    return private_storage.names()


def _send_new(client, provider, files):
    return client.post(
        "/messages/new/",
        {"providers": [provider.pk], "subject": "My sleep diary", "body": "Here it is.", "attachments": files},
    )


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("diary.pdf", PDF_BYTES, "application/pdf"),
        ("photo.PNG", PNG_BYTES, "image/png"),
        ("photo.jpeg", JPEG_BYTES, "image/jpeg"),
        ("photo.jpg", JPEG_BYTES, "image/jpeg"),
        ("notes.txt", "Søvn: dårlig, 4 timer".encode(), "text/plain"),
    ],
)
def test_allowed_files_are_stored_encrypted_with_their_real_type(
    login, member, provider, private_storage, name, data, kind
):
    response = _send_new(login(member), provider, [upload(name, data, "application/x-whatever")])
    assert response.status_code == 302
    item = Attachment.objects.get()
    assert item.content_type == kind and item.size == len(data) and item.original_name == name
    (stored,) = _stored_files(private_storage)
    raw = private_storage.raw(stored)
    assert data not in raw and data[:4] not in raw
    assert attachments.read(item.file_name) == data


def test_a_too_large_file_is_refused_with_a_clear_message_and_nothing_is_stored(
    login, member, provider, private_storage, settings
):
    big = PDF_BYTES + b"0" * attachments.MAX_ATTACHMENT_BYTES
    response = _send_new(login(member), provider, [upload("scan.pdf", big)])
    page = response.content.decode()
    assert response.status_code == 200 and "is too large" in page and "5.0" in page
    assert "Here it is." in page  # what was typed stays
    assert not Conversation.objects.exists() and not Message.objects.exists()
    assert _stored_files(private_storage) == []


@pytest.mark.parametrize("name", ["setup.exe", "letter.docx", "page.html", "no-ending", "image.svg"])
def test_a_forbidden_type_is_refused(login, member, provider, private_storage, name):
    response = _send_new(login(member), provider, [upload(name, b"MZ\x90\x00binary")])
    assert "cannot be sent" in response.content.decode()
    assert not Message.objects.exists() and _stored_files(private_storage) == []


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.png", PDF_BYTES),  # a PDF pretending to be a picture
        ("report.pdf", b"just some text, not a PDF"),
        ("notes.txt", PNG_BYTES),  # binary bytes named as text
        ("photo.jpg", b"<html><script>alert(1)</script></html>"),
        ("notes.txt", b"\xff\xfe\x00\x00not utf-8"),
    ],
)
def test_content_that_does_not_match_its_name_is_refused(login, member, provider, private_storage, name, data):
    response = _send_new(login(member), provider, [upload(name, data, "image/png")])
    assert "does not match its name" in response.content.decode()
    assert not Message.objects.exists() and _stored_files(private_storage) == []


def test_an_empty_file_is_refused(login, member, provider, private_storage):
    response = _send_new(login(member), provider, [upload("empty.txt", b"")])
    assert response.status_code == 200 and not Message.objects.exists()


def test_more_than_three_files_are_refused(login, member, provider, private_storage):
    files = [upload(f"n{i}.txt", b"hello") for i in range(4)]
    assert "at most 3 files" in _send_new(login(member), provider, files).content.decode()
    assert not Message.objects.exists()


def test_a_reply_with_a_bad_file_stores_nothing(login, member, conversation, private_storage):
    response = login(member).post(
        f"/messages/{conversation.pk}/reply/", {"body": "And this.", "attachments": [upload("x.pdf", b"nope")]}
    )
    assert response.status_code == 200 and "does not match its name" in response.content.decode()
    assert conversation.messages.count() == 1 and _stored_files(private_storage) == []


def test_member_downloads_their_attachment_as_a_download_with_nosniff(login, member, conversation):
    item = make_attachment(conversation.messages.get())
    response = login(member).get(f"/messages/attachments/{item.pk}/")
    assert response.status_code == 200
    assert response.getvalue() == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"].startswith("attachment;")
        and "sleep-diary.pdf" in response["Content-Disposition"]
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not AccessLogEntry.objects.exists()  # one's own data is not logged


def test_provider_download_is_written_to_the_access_log(login, member, provider, conversation):
    item = make_attachment(conversation.messages.get())
    response = login(provider).get(f"/messages/attachments/{item.pk}/")
    assert response.status_code == 200 and response.getvalue() == PDF_BYTES
    entry = AccessLogEntry.objects.get(subject=member)
    assert entry.actor == provider and "sleep-diary" not in entry.object_label


def test_attachments_of_others_are_a_404(login, client, conversation, other_member, other_provider, moderator):
    item = make_attachment(conversation.messages.get())
    assert login(other_member).get(f"/messages/attachments/{item.pk}/").status_code == 404
    client.logout()
    assert login(other_provider).get(f"/messages/attachments/{item.pk}/").status_code == 404
    client.logout()
    assert login(moderator).get(f"/messages/attachments/{item.pk}/").status_code == 403


def test_after_the_care_link_ends_the_provider_cannot_download(login, member, provider, conversation):
    item = make_attachment(conversation.messages.get())
    account_services.end_care_link(link=member.care_links.get(provider=provider), ended_by=member)
    assert login(provider).get(f"/messages/attachments/{item.pk}/").status_code == 404


def test_a_missing_file_is_a_404_not_a_500(login, member, conversation, private_storage):
    item = make_attachment(conversation.messages.get())
    attachments.delete(item.file_name)
    assert login(member).get(f"/messages/attachments/{item.pk}/").status_code == 404
