import pytest
from django.core.exceptions import ValidationError

from reconnect.accounts import pseudonyms
from tests.factories import MemberFactory, ModeratorFactory, ProviderFactory

pytestmark = pytest.mark.django_db

ACCEPT_ALL = {
    "accept_not_emergency": "on",
    "accept_confidentiality": "on",
    "accept_anonymity": "on",
    "accept_provider_access": "on",
    "language": "en",
}


@pytest.mark.parametrize(
    "pseudonym",
    ["ingrid", "Ingrid Nilsen", "Nilsen77", "IngridN", "i.nilsen fan", "The Ingrid"],
)
def test_member_pseudonym_that_contains_their_name_or_email_name_is_refused(pseudonym):
    with pytest.raises(ValidationError) as info:
        pseudonyms.validate_not_identifying(pseudonym, email="i.nilsen@example.org", real_name="Ingrid Nilsen")
    assert info.value.code == "identifying"


@pytest.mark.parametrize("pseudonym", ["Lighthouse", "Quiet Fjord", "Birch"])
def test_pseudonym_unrelated_to_the_person_is_accepted(pseudonym):
    pseudonyms.validate_not_identifying(pseudonym, email="i.nilsen@example.org", real_name="Ingrid Nilsen")


@pytest.mark.parametrize("value", ["ab", "x" * 31, "<script>", "a  ", "-dash"])
def test_pseudonym_format_rules(value):
    with pytest.raises(ValidationError):
        pseudonyms.validate_format(value)


def test_nothing_but_onboarding_is_reachable_before_it_is_done(client, login):
    login(MemberFactory(onboarded_at=None, pseudonym=None))
    for path in ["/", "/me/", "/notifications/"]:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == "/onboarding/", path
    assert client.get("/onboarding/").status_code == 200
    assert client.get("/healthz").status_code in (200, 503)


def test_onboarding_saves_the_pseudonym_and_the_accepted_terms(client, login):
    user = login(MemberFactory(onboarded_at=None, pseudonym=None, email="q@example.net", real_name="Kari Nordmann"))
    user = MemberFactory._meta.model.objects.get(email="q@example.net")
    response = client.post("/onboarding/", {**ACCEPT_ALL, "pseudonym": "Quiet Fjord", "language": "nb"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.pseudonym == "Quiet Fjord" and user.is_onboarded and user.terms_version
    assert user.preferred_language == "nb"
    assert client.get("/").status_code == 200


def test_onboarding_refuses_a_taken_pseudonym_case_insensitively_and_keeps_the_input(client, login):
    MemberFactory(pseudonym="Lighthouse")
    login(MemberFactory(onboarded_at=None, pseudonym=None))
    response = client.post("/onboarding/", {**ACCEPT_ALL, "pseudonym": "lighthouse"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "This pseudonym is taken" in body
    assert 'value="lighthouse"' in body


def test_onboarding_requires_every_term_to_be_accepted(client, login):
    user = MemberFactory(onboarded_at=None, pseudonym=None)
    login(user)
    response = client.post("/onboarding/", {"pseudonym": "Quiet Fjord", "language": "en"})
    assert response.status_code == 200
    user.refresh_from_db()
    assert not user.is_onboarded


def test_moderator_may_appear_under_their_first_name(client, login):
    user = ModeratorFactory(onboarded_at=None, pseudonym=None, real_name="Lillian Dahl", email="lillian@example.net")
    login(user)
    response = client.post(
        "/onboarding/",
        {"pseudonym": "Lillian", "accept_not_emergency": "on", "accept_confidentiality": "on", "language": "en"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.pseudonym == "Lillian"


def test_provider_onboards_without_a_pseudonym_then_must_set_up_two_factor(client, login):
    user = ProviderFactory(onboarded_at=None, mfa=False)
    login(user)
    response = client.post(
        "/onboarding/", {"accept_not_emergency": "on", "accept_confidentiality": "on", "language": "en"}
    )
    assert response.status_code == 302
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/accounts/2fa/totp/activate/"
    assert client.get("/provider/invite/")["Location"] == "/accounts/2fa/totp/activate/"


def test_profile_change_to_an_identifying_pseudonym_is_refused(client, login):
    user = login(MemberFactory(email="kari@example.net", real_name="Kari Nordmann", pseudonym="Willow"))
    user = MemberFactory._meta.model.objects.get(email="kari@example.net")
    response = client.post("/me/", {"pseudonym": "Kari of the north", "real_name": "Kari Nordmann", "language": "en"})
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.pseudonym == "Willow"
