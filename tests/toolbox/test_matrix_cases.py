"""The URL x role matrix for the cases that are not URL names of their own: a provider in the care
team who was not chosen for an item, an ended care link, POSTs that ask for re-authentication and
malformed ids. GET on POST-only views is in tests/security/test_url_matrix.py, generated from the URL map."""

import pytest

from tests.security.matrix import ROLES
from tests.security.routes.toolbox import EXTRA_ROUTES
from tests.security.test_url_matrix import _check


@pytest.fixture
def world(module_world):
    return module_world


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(EXTRA_ROUTES))
def test_toolbox_case_answers_each_role_as_expected(name, role, client, world, without_rendering):
    _check(client, world, EXTRA_ROUTES[name], role)
