"""A request body cut short (the connection lost half-way through an upload) is refused whole:
the portal's WSGI application (reconnect.wsgi, what gunicorn runs) never hands a view the part
that arrived. tests/core/test_several_processes.py sends such an upload to a real gunicorn."""

import io
import os
import re

import pytest
from django.core import signals
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import close_old_connections
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from messaging.models import Attachment, Message
from reconnect.core.models import PrivateFile
from reconnect.core.wsgi import IncompleteBody, WholeBody
from reconnect.wsgi import application

pytestmark = pytest.mark.django_db

PICTURE = b"\x89PNG\r\n\x1a\n" + os.urandom(300_000)


def _new_message_body(member) -> tuple[bytes, str]:
    """A member's new message with a picture, as their browser sends it, and its cookies."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)
    page = browser.get("/messages/new/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    provider_id = re.search(r'name="providers" value="(\d+)"', page).group(1)
    body = encode_multipart(
        BOUNDARY,
        {
            "csrfmiddlewaretoken": token,
            "providers": provider_id,
            "subject": "My scan",
            "body": "Here is the scan.",
            "attachments": SimpleUploadedFile("scan.png", PICTURE, content_type="image/png"),
        },
    )
    cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in browser.cookies.items())
    return body, cookies


def _post(body: bytes, *, length: int, cookies: str) -> int:
    """POST to the WSGI application itself (what gunicorn calls). As the test client's handler
    does, the database connection is not closed at the start and end of the request: it holds the
    test's transaction."""
    statuses = []
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/messages/new/",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_COOKIE": cookies,
        "CONTENT_TYPE": MULTIPART_CONTENT,
        "CONTENT_LENGTH": str(length),
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
    }
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        answer = application(environ, lambda status, headers, exc_info=None: statuses.append(int(status[:3])))
        b"".join(answer)
        answer.close()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    return statuses[0]


def test_an_upload_cut_off_half_way_sends_no_message_and_stores_no_file(member, provider, caplog):
    body, cookies = _new_message_body(member)
    assert _post(body[: len(body) // 2], length=len(body), cookies=cookies) == 403
    assert not Message.objects.exists() and not Attachment.objects.exists() and not PrivateFile.objects.exists()
    assert "The client's connection ended after" in caplog.text

    # The same message sent whole goes through, with its picture.
    assert _post(body, length=len(body), cookies=cookies) == 302
    assert Attachment.objects.get().size == len(PICTURE)


@pytest.mark.parametrize(
    "read",
    [
        lambda body: body.read(),
        lambda body: [body.read(4) for _ in range(8)],
        lambda body: list(body),
    ],
    ids=["all at once", "in pieces", "by lines"],
)
def test_a_body_shorter_than_its_length_raises_at_its_end(read):
    with pytest.raises(IncompleteBody):
        read(WholeBody(io.BytesIO(b"line one\nline two"), 30))


def test_a_whole_body_reads_as_it_is():
    body = WholeBody(io.BytesIO(b"line one\nline two"), 17)
    assert body.readline() == b"line one\n"
    assert body.read(4) == b"line"
    assert body.read() == b" two"
    assert body.read(10) == b""  # after the end, as a stream does
