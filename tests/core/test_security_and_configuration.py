import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from reconnect.core import crypto

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def _production_env(**extra):
    # The browser tests allow sync ORM calls under Playwright's event loop in this process; a
    # production start must not inherit that (or any other test-only) setting.
    test_only = {
        "DEBUG",
        "RECONNECT_TESTING",
        "PYTEST_CURRENT_TEST",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "CELERY_TASK_ALWAYS_EAGER",
    }
    env = {k: v for k, v in os.environ.items() if k not in test_only}
    env.update(
        DEBUG="false",
        SECRET_KEY="a-production-like-secret-key-that-is-long-enough-0123456789-abcdefghijklmnop",
        ALLOWED_HOSTS="reconnect.example",
        FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        HTTPS="true",
        EMAIL_URL="smtp+tls://portal:secret@mail.reconnect.example:587",
        RECONNECT_VAR_DIR=str(ROOT / "var" / "deploy-check"),
    )
    env.update(extra)
    return env


def _manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_deploy_check_passes_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=_production_env())
    assert result.returncode == 0, result.stdout + result.stderr


def test_portal_refuses_to_start_without_secret_key_in_production():
    env = _production_env()
    del env["SECRET_KEY"]
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_portal_refuses_to_start_without_encryption_keys_in_production():
    env = _production_env()
    del env["FIELD_ENCRYPTION_KEYS"]
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS is not set" in result.stderr


def test_portal_refuses_a_malformed_encryption_key():
    result = _manage("check", env=_production_env(FIELD_ENCRYPTION_KEYS="not-a-key"))
    assert result.returncode != 0
    assert "not a valid Fernet key" in result.stderr


def test_bad_boolean_in_configuration_fails_loudly():
    result = _manage("check", env=_production_env(DEBUG="maybe"))
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_weakened_csp_fails_the_deploy_check(settings):
    from reconnect.core.checks import check_content_security_policy

    assert check_content_security_policy(None) == []
    settings.SECURE_CSP = {**settings.SECURE_CSP, "script-src": ["'self'", "'unsafe-inline'"]}
    assert [e.id for e in check_content_security_policy(None)] == ["reconnect.E003"]
    settings.SECURE_CSP = {}
    assert "reconnect.E002" in {e.id for e in check_content_security_policy(None)}


def test_every_page_sends_the_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    # Scripts only from the portal itself (a nonce is added on pages that carry a script).
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_signed_in_pages_are_never_cached(client, login, member):
    login(member)
    assert client.get("/me/").headers["Cache-Control"] == "no-store, private"


def test_encrypted_text_round_trips_and_rotates(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    crypto.get_fernet.cache_clear()
    token = crypto.encrypt_text("my warning signs")
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    crypto.get_fernet.cache_clear()
    assert crypto.decrypt_text(token) == "my warning signs"
    rotated = crypto.rotate_token(token)
    settings.FIELD_ENCRYPTION_KEYS = [new]
    crypto.get_fernet.cache_clear()
    assert crypto.decrypt_text(rotated) == "my warning signs"
    with pytest.raises(ImproperlyConfigured, match="could not be read"):
        crypto.decrypt_text(token)
    crypto.get_fernet.cache_clear()


def test_missing_keys_refuse_to_encrypt_when_not_debugging(settings):
    settings.FIELD_ENCRYPTION_KEYS = []
    settings.DEBUG = False
    settings.TESTING = False
    crypto.get_fernet.cache_clear()
    with pytest.raises(ImproperlyConfigured, match="refuses to store health content unencrypted"):
        crypto.encrypt_text("plain")
    settings.TESTING = True
    crypto.get_fernet.cache_clear()


def test_totp_secrets_are_encrypted_at_rest(member):
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP
    from django.db import connection

    TOTP.activate(member, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    authenticator = Authenticator.objects.get(user=member, type=Authenticator.Type.TOTP)
    with connection.cursor() as cursor:
        cursor.execute("SELECT data::text FROM mfa_authenticator WHERE id = %s", [authenticator.pk])
        raw = cursor.fetchone()[0]
    assert "JBSWY3DP" not in raw
