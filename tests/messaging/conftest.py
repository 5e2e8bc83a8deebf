import pytest

from tests.messaging.factories import make_conversation


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    """Attachments go to a folder of this test only."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": None},
        },
    }
    return tmp_path / "private"


@pytest.fixture
def conversation(member, provider):
    """A conversation of `member` with their provider, with one message from the member."""
    return make_conversation(member, [provider])


@pytest.fixture
def other_conversation(other_member, other_provider):
    return make_conversation(other_member, [other_provider], subject="Someone else's worries")
