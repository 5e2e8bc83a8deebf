"""Staff sign in with a code from their authenticator app: the code of the window just before or
after the current one still works (a code typed as it changes), older ones do not, none twice."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from tests.factories import TEST_TOTP_SECRET, ModeratorFactory

pytestmark = pytest.mark.django_db


def _code(steps_from_now: int) -> str:
    window = int(time.time() // mfa_settings.TOTP_PERIOD)
    return format_hotp_value(hotp_value(TEST_TOTP_SECRET, window + steps_from_now))


def _totp() -> TOTP:
    moderator = ModeratorFactory()
    return TOTP(Authenticator.objects.get(user=moderator, type=Authenticator.Type.TOTP))


@pytest.mark.parametrize("steps", [-1, 0, 1])
def test_the_code_of_the_neighbouring_window_is_accepted_once(steps):
    totp = _totp()
    code = _code(steps)
    assert totp.validate_code(code)
    assert not totp.validate_code(code)


@pytest.mark.parametrize("steps", [-3, 3])
def test_codes_further_away_are_refused(steps):
    codes_near = {_code(step) for step in (-1, 0, 1)}
    code = _code(steps)
    if code in codes_near:  # six digits can repeat; such a code would rightly be accepted
        code = next(c for c in ("123456", "654321", "111111") if c not in codes_near)
    assert not _totp().validate_code(code)
