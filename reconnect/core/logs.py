"""Logs as one JSON object per line, so that any log store can read them.

Every record carries the request id of the request (or the Celery task) it was written in; each
request ends with one line from `RequestLogMiddleware` (request id, user id, role, method, path,
status, duration). Never logged: query strings and bodies (a search or a post is health content),
email addresses (replaced wherever they appear in a message) and pseudonyms (only user ids).
"""

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse
from django.utils.functional import empty

request_id_var: ContextVar[str] = ContextVar("request_id", default="")
logger = logging.getLogger("reconnect.request")

# An address starts where a run of address characters starts (the lookbehind): trying every
# position inside a long run instead made a 10,000-character path cost 0.8 s to log.
_EMAIL = re.compile(r"(?<![^\s@<>()\"',;:])[^\s@<>()\"',;:]+@[^\s@<>()\"',;:]+\.[A-Za-z]{2,}")
# A request id from the proxy is kept if it looks like one; anything else is replaced.
_GOOD_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
# Paths that would drown the log at INFO: health checks and static files.
_QUIET = ("/healthz", "/static/")


def redact(text: str) -> str:
    return _EMAIL.sub("[email]", text)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, and the record's fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        request_id = getattr(record, "request_id", "") or request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        task_id = _celery_task_id()
        if task_id:
            entry["task_id"] = task_id
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            entry.update(fields)
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


def _celery_task_id() -> str:
    try:
        from celery import current_task
    except ImportError:  # pragma: no cover - celery is a dependency
        return ""
    request = getattr(current_task, "request", None) if current_task else None
    return str(getattr(request, "id", "") or "")


class RequestLogMiddleware:
    """Give each request an id (kept from a trusted proxy's X-Request-ID) and log it when it ends."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _GOOD_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            response["X-Request-ID"] = request_id
            return response
        finally:
            user_id, role = _who(request)
            level = logging.DEBUG if request.path.startswith(_QUIET) and status < 400 else logging.INFO
            logger.log(
                level,
                "%s %s %s",
                request.method,
                request.path,
                status,
                extra={
                    "fields": {
                        "method": request.method,
                        "path": request.path,
                        "status": status,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                        "user_id": user_id,
                        "role": role,
                    }
                },
            )
            request_id_var.reset(token)


def _who(request: HttpRequest) -> tuple[int | None, str]:
    """The signed-in person's id and role, without a query if the request never looked them up."""
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return None, "unknown"
    if not user.is_authenticated:
        return None, "anonymous"
    return user.pk, str(getattr(user, "role", "") or "unknown")
