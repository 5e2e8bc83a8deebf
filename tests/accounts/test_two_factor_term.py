"""Norwegian pages name two-factor sign-in with one term, allauth's own texts included."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Two-factor sign-in",
        "Two-factor sign-in methods",
        "Your role needs two-factor sign-in. Please set it up to continue.",
        "Two-Factor Authentication",  # allauth's heading
        "You cannot deactivate two-factor authentication.",  # allauth's message
    ],
)
def test_norwegian_uses_one_term_for_two_factor_sign_in(text):
    with translation.override("nb"):
        norwegian = gettext(text)
    assert "tofaktorinnlogging" in norwegian.lower(), norwegian
    assert "autentisering" not in norwegian and "to faktorer" not in norwegian and "to trinn" not in norwegian
