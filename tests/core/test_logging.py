"""Logs are one JSON object per line and never hold an email address, a pseudonym or a query."""

import io
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from reconnect.core.logs import JsonFormatter, redact

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def log_lines():
    """Everything the portal logs during the test, formatted as it is in production."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    root.setLevel(old_level)


def test_a_request_is_one_json_line_with_who_what_and_how_long_but_no_email_pseudonym_or_query(
    login, member, log_lines
):
    client = login(member)
    response = client.get("/forum/search/?q=my+medication+dose", HTTP_X_REQUEST_ID="req-0123456789")
    assert response.status_code == 200
    assert response["X-Request-ID"] == "req-0123456789"
    assert member.pseudonym.encode() in client.get("/me/").content  # the page shows it; the log must not
    lines = log_lines()
    search = next(line for line in lines if line["logger"] == "reconnect.request" and line["path"] == "/forum/search/")
    assert search["request_id"] == "req-0123456789"
    assert search["user_id"] == member.pk
    assert search["role"] == "member"
    assert search["status"] == 200
    assert search["method"] == "GET"
    assert isinstance(search["duration_ms"], float) and search["duration_ms"] >= 0
    text = json.dumps(lines, ensure_ascii=False)
    for secret in (member.email, member.pseudonym, member.real_name, "medication"):
        assert secret not in text


def test_every_log_line_of_a_request_carries_its_request_id_and_emails_are_redacted(client, member, log_lines):
    response = client.post("/accounts/login/", {"login": member.email, "password": "wrong-password"})
    assert response.status_code == 200
    logging.getLogger("reconnect.test").warning("mail from %s bounced", member.email)
    lines = log_lines()
    request_line = next(line for line in lines if line["logger"] == "reconnect.request")
    assert request_line["role"] == "anonymous" and request_line["user_id"] is None
    assert len(request_line["request_id"]) == 32  # made up: the client sent none
    assert lines[-1]["message"] == "mail from [email] bounced"
    assert member.email not in json.dumps(lines)


def test_an_unsuitable_request_id_from_outside_is_replaced(client, log_lines):
    response = client.get("/healthz", HTTP_X_REQUEST_ID='bad" id\n{"injected": 1}')
    assert response["X-Request-ID"] != 'bad" id\n{"injected": 1}'
    assert len(response["X-Request-ID"]) == 32


def test_an_exception_is_one_line_too():
    try:
        raise ValueError("lost contact with ingrid@example.org")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", None, sys.exc_info())
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert "ValueError" in entry["exception"] and "[email]" in entry["exception"]
    assert redact("write to a.b-c@d.example.no now") == "write to [email] now"


def test_redacting_a_long_line_takes_time_in_proportion_to_its_length():
    # A hostile path of thousands of address characters is logged on every request that names it.
    # In linear time 80,000 characters take milliseconds; trying every start inside a run took
    # seconds (0.8 s for 10,000), so the bound leaves a wide margin for a busy machine.
    import time

    def cost(n: int) -> float:
        line = "Not Found: /forum/" + "a" * n + "/ and x@" + "b" * n + " and ola@example.org"
        start = time.perf_counter()
        for _ in range(5):
            assert redact(line).endswith("and [email]")
        return time.perf_counter() - start

    cost(1_000)  # warm up
    assert cost(40_000) < 0.5, "a 40,000-character line took longer than a linear scan would"


def test_the_configured_processes_write_json_to_stderr():
    """What a management command (as web, worker and beat are configured) writes is JSON lines."""
    script = "import logging; logging.getLogger('reconnect.x').warning('hello %s', 'world')"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "RECONNECT_TESTING": "true", "DEBUG": "true", "HOME": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    entries = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    assert {"level": "WARNING", "logger": "reconnect.x", "message": "hello world"}.items() <= entries[-1].items()
