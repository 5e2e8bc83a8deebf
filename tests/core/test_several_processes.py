"""Several processes, one portal: two gunicorn web instances (each with its own RECONNECT_VAR_DIR,
as two hosts would have), two Celery workers and one beat on the same PostgreSQL and Redis.

The stack is started once for the module (starting it takes longer than any test here); each
test makes its own people. Its workers are slowed down (tests/cafes/slow_worker.py): a pause
before each chunk of reminders, and between the pieces of a private file they write, so that a
test can stop one in the middle of its work.
"""

import io
import os
import re
import signal
import socket
import time
import uuid
import zipfile
from datetime import timedelta

import pytest
import redis
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection, transaction
from django.utils import timezone

from benchmarks.load.stack import environment, start_beat, start_stack, start_worker, wait_until_ready
from cafes import services
from cafes.models import Reminder, ReminderStatus
from forum.models import Post
from messaging.models import Attachment, Message
from reconnect.celery import app as celery_app
from reconnect.core.files import CHUNK_SIZE, read_private_file
from reconnect.core.models import Notification, PrivateFile, PrivateFileChunk
from reconnect.privacy.models import DataExport
from tests.cafes.factories import CafeSeriesFactory, MeetingFactory
from tests.cafes.test_worker_loss import REDIS_URL, _database_url, _email_keys, _forget_broker_connections, _sent
from tests.cafes.test_worker_loss import _wait_until as _wait_until_in
from tests.core.test_shutdown import _free_port
from tests.factories import TEST_PASSWORD, CareRelationshipFactory, MemberFactory, ProviderFactory
from tests.forum.factories import ThreadFactory, TopicFactory
from tests.messaging.factories import make_attachment, make_conversation

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

MEMBERS = 10  # two reminders each
POSTS_PER_5_MINUTES = 3  # the forum's posting limit in this stack
PIECE_SECONDS = 1.0  # the workers' pause between the pieces of a private file
# A picture of three chunks of the private storage: a data export holding it is written in three
# pieces (random bytes do not compress), so a worker can be stopped with part of it written.
PICTURE = b"\x89PNG\r\n\x1a\n" + os.urandom(2 * CHUNK_SIZE + 50_000)


@pytest.fixture(scope="module")
def stack(django_db_setup, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("stack")
    redis.Redis.from_url(REDIS_URL).flushdb()  # this run's broker queue, cache and beat lock only
    env = environment(
        database_url=_database_url(),
        redis_url=REDIS_URL,
        EMAIL_URL=f"file://{workdir / 'mail'}",
        CAFES_REMINDER_CHUNK_SIZE="1",
        FORUM_POSTS_PER_5_MINUTES=str(POSTS_PER_5_MINUTES),
        SLOW_WORKER_FILE_PIECE_SECONDS=str(PIECE_SECONDS),
    )
    running = start_stack(
        workdir,
        env=env,
        web_ports=[_free_port(), _free_port()],
        web_processes=1,
        worker_module=["-m", "tests.cafes.slow_worker"],
    )
    try:
        yield running
    finally:
        running.stop_all()
        redis.Redis.from_url(REDIS_URL).flushdb()


@pytest.fixture(autouse=True)
def _ready(stack):
    """Each test starts with every running process of the stack ready (a worker started in place
    of a stopped one by an earlier test too)."""
    wait_until_ready(stack)


@pytest.fixture
def broker(settings):
    """What this test process enqueues goes to the stack's broker (its queue and beat's lock are
    left as they are: the stack is using them)."""
    broker_url, eager = celery_app.conf.broker_url, celery_app.conf.task_always_eager
    _forget_broker_connections()
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = REDIS_URL, False
    yield
    _forget_broker_connections()
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = broker_url, eager


def _wait_until(condition, stack, what: str, timeout: float = 120.0) -> None:
    _wait_until_in(condition, stack.workdir, what, timeout=timeout)


def _with_real_password(user):
    """The web instances know only the production hashers, not the suite's fast one."""
    hasher = PBKDF2PasswordHasher()
    type(user).objects.filter(pk=user.pk).update(password=hasher.encode(TEST_PASSWORD, hasher.salt()))
    return user


def _token(page: requests.Response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def _sign_in(session: requests.Session, base: str, email: str, password: str) -> requests.Response:
    # Behind a load balancer every instance sees the public host name (allauth's failed-login
    # counter is per site, and the site is the Host header); here the instances differ by port.
    session.headers["Host"] = "127.0.0.1"
    page = session.get(f"{base}/accounts/login/", timeout=60)
    return session.post(
        f"{base}/accounts/login/",
        data={"login": email, "password": password, "csrfmiddlewaretoken": _token(page)},
        headers={"Referer": f"{base}/accounts/login/"},
        timeout=60,
    )


def _signed_in(base: str, user) -> requests.Session:
    session = requests.Session()
    signed_in = _sign_in(session, base, user.email, TEST_PASSWORD)
    assert signed_in.status_code == 200 and "Successfully signed in" in signed_in.text
    return session


def _post(session: requests.Session, base: str, path: str, *, form_page: str, **kwargs) -> requests.Response:
    """Submit a form as a browser does: the page with the form first (for its CSRF token)."""
    token = _token(session.get(f"{base}{form_page}", timeout=60))
    data = {"csrfmiddlewaretoken": token, **kwargs.pop("data", {})}
    return session.post(f"{base}{path}", data=data, headers={"Referer": f"{base}{form_page}"}, timeout=60, **kwargs)


def _log_sizes(stack) -> dict[str, int]:
    return {name: len(stack.log(name)) for name in stack.processes}


def _logged_since(stack, sizes: dict[str, int], name: str) -> str:
    return stack.log(name)[sizes.get(name, 0) :]


def _member_with_a_picture_sent_to_their_care_team():
    member = _with_real_password(MemberFactory())
    provider = ProviderFactory(community=member.community)
    CareRelationshipFactory(member=member, provider=provider)
    message = make_conversation(member, [provider]).messages.get()
    make_attachment(message, data=PICTURE, name="scan.png")
    return member


def _export_files() -> list[tuple[str, int, int]]:
    return list(PrivateFile.objects.filter(name__startswith="exports/").values_list("name", "size", "chunk_count"))


# --- Sign-in, failed sign-ins, reminders, beat -------------------------------------------------


def test_two_web_instances_two_workers_and_beat_act_as_one_portal(broker, stack):
    first, second = stack.urls
    member = _with_real_password(MemberFactory(pseudonym="Quiet Harbour"))

    # Signed in on one instance, the person goes on on the other (sessions live in the database).
    session = _signed_in(first, member)
    page = session.get(f"{second}/me/", timeout=60, allow_redirects=False)
    assert page.status_code == 200 and "Quiet Harbour" in page.text

    # Failed sign-ins count across instances (the rate limit lives in Redis): 5 per address.
    target = _with_real_password(MemberFactory())
    attacker = requests.Session()
    for attempt in range(5):
        wrong = _sign_in(attacker, stack.urls[attempt % 2], target.email, "not-the-password")
        assert "Too many failed login attempts" not in wrong.text
    for base in stack.urls:  # three were made on one instance, two on the other: both now refuse
        refused = _sign_in(attacker, base, target.email, "another-guess")
        assert "Too many failed login attempts" in refused.text

    # Café reminders, claimed in several batches, sent by two workers: each exactly once, even
    # with a second beat started by mistake (it waits in standby; the claims are in the database).
    sizes = _log_sizes(stack)
    start_beat(stack, "beat2", stack.env)
    try:
        cafe = MeetingFactory(series=CafeSeriesFactory())
        for _ in range(MEMBERS):
            services.answer(meeting=cafe, user=MemberFactory(community=cafe.community), answer="going")
        Reminder.objects.update(due_at=timezone.now() - timedelta(minutes=1))
        total = Reminder.objects.count()
        assert total == 2 * MEMBERS
        assert len(services.claim_due_reminders(batch_size=4)) == 5  # what beat's task does every minute
        _wait_until(lambda: _sent() == total, stack, "every reminder was sent", timeout=180)
        _wait_until(lambda: "in standby" in stack.log("beat2"), stack, "the second beat started")
    finally:
        stack.stop("beat2", timeout=30)

    keys = sorted(Reminder.objects.values_list("idempotency_key", flat=True))
    emailed = [key for key in _email_keys(stack.workdir / "mail") if key is not None]  # not other tests' mail
    assert sorted(emailed) == keys  # each emailed once
    assert Notification.objects.filter(kind="cafes.reminder").count() == total
    assert not Reminder.objects.exclude(status=ReminderStatus.SENT).exists()
    for worker in stack.running("worker"):
        log = _logged_since(stack, sizes, worker)
        assert "cafes.send_reminders" in log and "succeeded" in log, worker
    assert "the active beat" not in stack.log("beat2")
    assert "the active beat" in stack.log("beat1")


# --- Files: attachments and exports ----------------------------------------------------------


def test_an_attachment_sent_through_one_instance_downloads_whole_through_the_other(stack):
    first, second = stack.urls
    member = _with_real_password(MemberFactory())
    provider = ProviderFactory(community=member.community)
    CareRelationshipFactory(member=member, provider=provider)
    session = _signed_in(first, member)

    sent = _post(
        session,
        first,
        "/messages/new/",
        form_page="/messages/new/",
        data={"providers": provider.pk, "subject": "My scan", "body": "Here is the scan we spoke about."},
        files={"attachments": ("scan.png", PICTURE, "image/png")},
    )
    assert sent.status_code == 200 and "Your message has been sent." in sent.text
    attachment = Attachment.objects.get(message__conversation__member=member)
    link = f"/messages/attachments/{attachment.pk}/"
    assert link in sent.text

    download = session.get(f"{second}{link}", timeout=60)
    assert download.status_code == 200
    assert download.content == PICTURE
    assert download.headers["Content-Length"] == str(len(PICTURE))

    # The file loses a chunk while it is being read: the instance cuts the download off, so the
    # browser reports it as failed (fewer bytes than announced) instead of keeping a short file.
    PrivateFileChunk.objects.filter(file__name=attachment.file_name, index=1).delete()
    with (
        pytest.raises(requests.exceptions.ChunkedEncodingError),
        session.get(f"{first}{link}", timeout=60, stream=True) as cut,
    ):
        assert cut.status_code == 200 and cut.headers["Content-Length"] == str(len(PICTURE))
        for _ in cut.iter_content(64 * 1024):
            pass
    assert "failed part-way" in stack.log("web1")

    # An upload whose connection is lost half-way stores nothing: no message, no file.
    files_before = PrivateFile.objects.count()
    _send_half_an_upload(session, first, provider_id=provider.pk)
    assert "The client's connection ended after" in stack.log("web1")
    assert session.get(f"{first}/healthz", timeout=60).status_code == 200  # and the instance goes on
    assert Message.objects.filter(conversation__member=member).count() == 1
    assert Attachment.objects.filter(message__conversation__member=member).count() == 1
    assert PrivateFile.objects.count() == files_before


def _send_half_an_upload(session: requests.Session, base: str, *, provider_id: int) -> None:
    """POST a new message with a picture, and close the connection before half of the body is sent."""
    token = _token(session.get(f"{base}/messages/new/", timeout=60))
    request = requests.Request(
        "POST",
        f"{base}/messages/new/",
        data={"csrfmiddlewaretoken": token, "providers": provider_id, "subject": "Cut", "body": "Cut off."},
        files={"attachments": ("cut.png", PICTURE, "image/png")},
        headers={**session.headers, "Referer": f"{base}/messages/new/"},
        cookies=session.cookies,
    ).prepare()
    head = "POST /messages/new/ HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in request.headers.items())
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=60) as client:
        client.sendall(head.encode("latin-1") + b"\r\n" + request.body[: len(request.body) // 2])
        client.shutdown(socket.SHUT_WR)
        while client.recv(65536):  # whatever the instance answers, until it closes
            pass


def _request_export(session: requests.Session, base: str, member) -> DataExport:
    # Asking for a copy, and downloading it, needs the password again (allauth's reauthentication).
    confirmed = _post(
        session,
        base,
        "/accounts/reauthenticate/",
        form_page="/accounts/reauthenticate/",
        data={"password": TEST_PASSWORD},
        allow_redirects=False,
    )
    assert confirmed.status_code == 302, confirmed.text[:500]
    asked = _post(session, base, "/me/export/", form_page="/me/export/")
    assert asked.status_code == 200 and "We are preparing a copy of your data" in asked.text
    return DataExport.objects.get(user=member)


def _zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def test_an_export_requested_on_one_instance_is_built_by_a_worker_and_downloads_through_the_other(stack):
    first, second = stack.urls
    member = _member_with_a_picture_sent_to_their_care_team()
    session = _signed_in(first, member)
    export = _request_export(session, first, member)

    _wait_until(
        lambda: DataExport.objects.get(pk=export.pk).status == DataExport.Status.READY, stack, "the export is ready"
    )
    export.refresh_from_db()
    download = session.get(f"{second}{export.get_download_url()}", timeout=60)
    assert download.status_code == 200 and download.headers["Content-Type"] == "application/zip"
    assert download.content == read_private_file(export.file_name)  # what the worker stored
    contents = _zip(download.content)
    assert "index.html" in contents and member.pseudonym in contents["index.html"].decode()
    assert [data for name, data in contents.items() if name.endswith("scan.png")] == [PICTURE]
    assert any("privacy.prepare_export" in stack.log(worker) for worker in stack.running("worker"))


# --- Rate limits ------------------------------------------------------------------------------


def _wait_for_a_rate_window_with(seconds: float, stack) -> None:
    """The forum's limits count in fixed five-minute windows: start with enough of one left."""
    window = 300
    _wait_until(lambda: window - time.time() % window > seconds, stack, "a fresh rate-limit window", timeout=window)


def test_the_forums_posting_limit_counts_posts_made_through_every_instance(stack):
    member = _with_real_password(MemberFactory())
    thread = ThreadFactory(topic=TopicFactory(), author=MemberFactory(community=member.community))
    session = _signed_in(stack.urls[0], member)
    reply = f"/forum/threads/{thread.pk}/reply/"
    _wait_for_a_rate_window_with(45, stack)  # five posts take a few seconds, even on a loaded machine
    for number in range(POSTS_PER_5_MINUTES):  # one instance, then the other, ...
        base = stack.urls[number % 2]
        data = {"body": f"Reply {number}", "client_token": uuid.uuid4().hex}
        posted = _post(session, base, reply, form_page=thread.get_absolute_url(), data=data, allow_redirects=False)
        assert posted.status_code == 302, posted.text[:500]
    for base in stack.urls:
        data = {"body": "One too many", "client_token": uuid.uuid4().hex}
        refused = _post(session, base, reply, form_page=thread.get_absolute_url(), data=data)
        assert refused.status_code == 429 and "very quickly" in refused.text
    assert Post.objects.filter(author=member).count() == POSTS_PER_5_MINUTES


# --- Stopping a worker in the middle of an export ----------------------------------------------


def _consistent_view(export: DataExport) -> tuple[str, str, list[tuple[str, int, int]]]:
    """The export's state and the export files, read in one snapshot of the database."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        status, name = DataExport.objects.filter(pk=export.pk).values_list("status", "file_name").get()
        return status, name, _export_files()


def _stop_a_worker_mid_export(stack, *, whole_group: bool) -> tuple[str, str]:
    """Ask for an export of three pieces through one instance; send SIGTERM to the worker that
    builds it once it has written one piece (not committed), and start another in its place, as
    a new host would; then watch, through the other instance, what the member sees until they
    download it. Returns the stopped worker and the export task's id."""
    first, second = stack.urls
    member = _member_with_a_picture_sent_to_their_care_team()
    session = _signed_in(first, member)
    sizes = _log_sizes(stack)
    export = _request_export(session, first, member)

    def builder() -> str | None:
        for worker in stack.running("worker"):
            if "writing piece 1 of a private file" in _logged_since(stack, sizes, worker):
                return worker
        return None

    _wait_until(lambda: builder() is not None, stack, "a worker is writing the export")
    stopped = builder()
    task_id = re.search(r"privacy\.prepare_export\[([^\]]+)\] received", _logged_since(stack, sizes, stopped))[1]
    # The main process only, as `docker stop` does; or all of them, as `systemctl stop` does with
    # its default KillMode=control-group.
    stack.signal(stopped, signal.SIGTERM, whole_group=whole_group)
    start_worker(stack, f"worker{len(stack.processes)}")  # a name not used before

    # Until the export is ready the member is told it is being prepared, then they get all of it;
    # the database never shows a part of it either.
    url = f"{second}{export.get_download_url()}"

    def member_gets_it_whole() -> bool:
        status, name, files = _consistent_view(export)
        assert files == [] or (status == DataExport.Status.READY and [f[0] for f in files] == [name]), files
        answer = session.get(url, timeout=60, allow_redirects=False)
        if answer.status_code == 302:  # "still being prepared"
            assert status != DataExport.Status.READY  # (read just before: it may have become ready since)
            return False
        assert answer.status_code == 200
        assert [data for n, data in _zip(answer.content).items() if n.endswith("scan.png")] == [PICTURE]
        return True

    _wait_until(member_gets_it_whole, stack, "the member downloads the whole export", timeout=180)
    ((name, size, chunks),) = _export_files()
    export.refresh_from_db()
    assert name == export.file_name and size == export.size and chunks == 3
    assert stack.processes[stopped].wait(timeout=120) == 0
    assert "Warm shutdown" in stack.log(stopped)
    return stopped, task_id


def test_a_worker_told_to_stop_while_it_writes_an_export_finishes_it_first(stack):
    stopped, task_id = _stop_a_worker_mid_export(stack, whole_group=False)
    assert f"privacy.prepare_export[{task_id}] succeeded" in stack.log(stopped)


def test_a_worker_whose_processes_all_get_sigterm_mid_export_hands_it_to_another_whole(stack):
    # The pool process building the export dies at once (Celery resets SIGTERM there), its
    # transaction with it; the task is given back to the broker (reject_on_worker_lost) and the
    # next free worker builds the export again from the start.
    stopped, task_id = _stop_a_worker_mid_export(stack, whole_group=True)
    assert "exited with 'signal 15 (SIGTERM)'" in stack.log(stopped)
    assert f"privacy.prepare_export[{task_id}] succeeded" not in stack.log(stopped)
    finished = [w for w in stack.running("worker") if f"privacy.prepare_export[{task_id}] succeeded" in stack.log(w)]
    assert len(finished) == 1
