"""Health content is encrypted at rest, and the portal refuses to start without valid keys."""

import pytest
from cryptography.fernet import Fernet
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from messaging import services
from reconnect.core.crypto import get_fernet
from tests.messaging.factories import make_attachment

pytestmark = pytest.mark.django_db

SECRET_BODY = "I stopped taking my medication last week"
SECRET_SUBJECT = "Medication worries"


def _raw(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def test_raw_database_rows_hold_no_plaintext(member, provider):
    conversation = services.start_conversation(
        member=member, providers=[provider], subject=SECRET_SUBJECT, body=SECRET_BODY
    )
    message = conversation.messages.get()
    item = make_attachment(message, data=b"secret diary text", name="diary-medication.txt")
    (subject,) = _raw("SELECT subject FROM messaging_conversation WHERE id = %s", [conversation.pk])
    (body,) = _raw("SELECT body FROM messaging_message WHERE id = %s", [message.pk])
    (name,) = _raw("SELECT original_name FROM messaging_attachment WHERE id = %s", [item.pk])
    for raw, plain in ((subject, SECRET_SUBJECT), (body, SECRET_BODY), (name, "diary-medication.txt")):
        assert plain not in raw and "medication" not in raw.lower()
        assert raw.startswith("gAAAAA")  # a Fernet token
        assert get_fernet().decrypt(raw.encode()).decode() == plain
    # The ORM gives the plain text back.
    message.refresh_from_db()
    assert message.body == SECRET_BODY


@pytest.fixture
def fresh_fernet():
    get_fernet.cache_clear()
    yield
    get_fernet.cache_clear()


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.TESTING = False
    return settings


def test_missing_keys_with_debug_off_refuse_to_start(production, fresh_fernet):
    production.FIELD_ENCRYPTION_KEYS = []
    with pytest.raises(ImproperlyConfigured, match="FIELD_ENCRYPTION_KEYS is not set"):
        get_fernet()
    # The start-up hook is what makes the portal refuse to start.
    with pytest.raises(ImproperlyConfigured):
        apps.get_app_config("core").ready()


@pytest.mark.parametrize("bad", ["not-a-key", "", "c2hvcnQ="])
def test_an_invalid_key_refuses_to_start(production, fresh_fernet, bad):
    production.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), bad]
    with pytest.raises(ImproperlyConfigured, match="Key number 2"):
        get_fernet()


def test_valid_keys_start(production, fresh_fernet):
    production.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    assert get_fernet().decrypt(get_fernet().encrypt(b"x")) == b"x"
    apps.get_app_config("core").ready()


def test_nothing_is_written_when_the_key_is_missing(member, provider, production, fresh_fernet):
    from messaging.models import Conversation

    production.FIELD_ENCRYPTION_KEYS = []
    with pytest.raises(ImproperlyConfigured):
        services.start_conversation(member=member, providers=[provider], subject="s", body="b")
    assert not Conversation.objects.exists()
