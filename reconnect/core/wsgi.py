"""The WSGI side of a request body: all of it, or an error.

gunicorn hands the application a body that simply ends early when the client's connection is
lost half-way through an upload (its reader stops at the end of what arrived), and Django's
multipart parser drops a file part that was cut off and keeps the fields before it. A message
whose attachment was cut off would then be sent without it, as if the person had attached
nothing. Reading fewer bytes than Content-Length announced raises an OSError here instead, which
Django turns into UnreadablePostError: the CSRF check refuses the request (403) before any view
sees a field, and nothing is stored.
"""

import logging
from collections.abc import Callable, Iterable

logger = logging.getLogger(__name__)


class IncompleteBody(OSError):
    pass


class WholeBody:
    """`wsgi.input` that raises IncompleteBody at the end of the data when fewer than `length`
    bytes arrived."""

    def __init__(self, stream, length: int):
        self._stream = stream
        self._length = length
        self._left = length

    def read(self, size: int | None = -1) -> bytes:
        everything = size is None or size < 0
        data = self._stream.read() if everything else self._stream.read(size)
        self._left -= len(data)
        if self._left > 0 and (everything or (size and not data)):
            self._incomplete()
        return data

    def readline(self, size: int | None = -1) -> bytes:
        data = self._stream.readline() if size is None or size < 0 else self._stream.readline(size)
        self._left -= len(data)
        if self._left > 0 and not data and size != 0:
            self._incomplete()
        return data

    def _incomplete(self):
        received = self._length - self._left
        logger.warning(
            "The client's connection ended after %s of the %s bytes of the request body", received, self._length
        )
        raise IncompleteBody(f"The request body ended after {received} of {self._length} bytes")

    def __iter__(self):
        return iter(self.readline, b"")


def whole_bodies_only(application: Callable) -> Callable:
    """Wrap a WSGI application so that a request body cut short raises instead of ending early."""

    def wrapped(environ: dict, start_response: Callable) -> Iterable[bytes]:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > 0 and "wsgi.input" in environ:
            environ["wsgi.input"] = WholeBody(environ["wsgi.input"], length)
        return application(environ, start_response)

    return wrapped
