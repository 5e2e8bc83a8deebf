"""Admins see who wrote to whom, when and how much, never what."""

import pytest

from messaging import attachments, services
from tests.messaging.factories import PDF_BYTES, upload

pytestmark = pytest.mark.django_db


def test_admin_pages_show_metadata_but_never_subjects_bodies_or_file_names(login, admin_user, member, provider):
    conversation = services.start_conversation(
        member=member,
        providers=[provider],
        subject="Hidden subject",
        body="Hidden body text",
        uploads=[attachments.check_upload(upload("hidden-name.pdf", PDF_BYTES))],
    )
    message = conversation.messages.get()
    item = message.attachments.get()
    client = login(admin_user)
    pages = [
        "/admin/messaging/conversation/",
        f"/admin/messaging/conversation/{conversation.pk}/change/",
        "/admin/messaging/message/",
        f"/admin/messaging/message/{message.pk}/change/",
        "/admin/messaging/attachment/",
        f"/admin/messaging/attachment/{item.pk}/change/",
    ]
    for path in pages:
        response = client.get(path)
        page = response.content.decode()
        assert response.status_code == 200, path
        assert "Hidden" not in page and "hidden-name" not in page, path
    assert str(len(PDF_BYTES)) in client.get("/admin/messaging/attachment/").content.decode()


def test_admins_cannot_add_change_or_delete_messages(login, admin_user, member, conversation):
    client = login(admin_user)
    message = conversation.messages.get()
    assert client.get("/admin/messaging/message/add/").status_code == 403
    assert client.get(f"/admin/messaging/message/{message.pk}/delete/").status_code == 403
    assert client.post(f"/admin/messaging/message/{message.pk}/change/", {"body": "changed"}).status_code == 403
