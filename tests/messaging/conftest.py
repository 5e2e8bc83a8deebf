import pytest

from reconnect.core.models import PrivateFile, PrivateFileChunk
from tests.messaging.factories import make_conversation


class StoredFiles:
    """What the private storage (encrypted files in the database) holds, for tests to look at."""

    def names(self) -> list[str]:
        return sorted(PrivateFile.objects.values_list("name", flat=True))

    def raw(self, name: str) -> bytes:
        """The stored bytes of one file, as a database dump would show them."""
        chunks = PrivateFileChunk.objects.filter(file__name=name).order_by("index").values_list("data", flat=True)
        return b"".join(bytes(chunk) for chunk in chunks)


@pytest.fixture
def private_storage(db):
    return StoredFiles()


@pytest.fixture
def conversation(member, provider):
    """A conversation of `member` with their provider, with one message from the member."""
    return make_conversation(member, [provider])


@pytest.fixture
def other_conversation(other_member, other_provider):
    return make_conversation(other_member, [other_provider], subject="Someone else's worries")
