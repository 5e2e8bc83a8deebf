"""Checking, storing and reading message attachments.

A file is accepted only when its content is one of the allowed kinds (judged by its first bytes,
not by the name the browser sends) and its name ends as that kind's files do. The bytes are
encrypted with the field-encryption keys and kept in the database (reconnect.core.files).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from reconnect.core.files import delete_private_file, private_storage, read_private_file, store_private_file

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
MAX_ATTACHMENTS = 3
STORAGE_FOLDER = "messaging"

# content type -> the name endings a file of that type may have
ALLOWED_TYPES: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "image/png": (".png",),
    "image/jpeg": (".jpg", ".jpeg"),
    "text/plain": (".txt",),
}


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    data: bytes


def sniff(data: bytes) -> str | None:
    """The content type the bytes really are, or None when they are none of the allowed kinds."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if b"\x00" not in data:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return "text/plain"
    return None


def check_upload(upload) -> CheckedFile:
    """Read an uploaded file and accept it, or raise a ValidationError that says what to do."""
    name = (upload.name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1][:150]
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s). Files can be at most %(limit)s.")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(MAX_ATTACHMENT_BYTES)},
            code="too_large",
        )
    ending = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed_endings = {end for ends in ALLOWED_TYPES.values() for end in ends}
    if ending not in allowed_endings:
        raise ValidationError(
            _("“%(name)s” cannot be sent. You can attach PDF documents, PNG or JPEG pictures and plain text files.")
            % {"name": name},
            code="forbidden_type",
        )
    data = b"".join(upload.chunks())
    if not data:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    actual = sniff(data[:2048] if not name.lower().endswith(".txt") else data)
    if actual is None or ending not in ALLOWED_TYPES[actual]:
        raise ValidationError(
            _(
                "The content of “%(name)s” does not match its name. Please check that it really is the "
                "file you meant, or save it again as PDF, PNG, JPEG or plain text."
            )
            % {"name": name},
            code="content_mismatch",
        )
    return CheckedFile(name=name, content_type=actual, data=data)


def store(data: bytes) -> str:
    """Encrypt and save the bytes; returns the file's name. Call it in the transaction of its row."""
    return store_private_file(STORAGE_FOLDER, data)


read = read_private_file
delete = delete_private_file
__all__ = ["check_upload", "delete", "private_storage", "read", "store"]
