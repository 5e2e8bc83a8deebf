"""Look-alike and reserved pseudonyms: names are compared by their UTS #39 confusable skeleton
(after NFKC), names that mix scripts are refused, and members cannot pass for the portal or its
moderators. Existing names are reported by a migration, never renamed."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from reconnect.accounts import pseudonyms
from reconnect.accounts.forms import clean_pseudonym_for
from reconnect.accounts.models import User
from tests.factories import MemberFactory, ModeratorFactory

pytestmark = pytest.mark.django_db

PROFILE = {"real_name": "Kari Nordmann", "language": "en"}


@pytest.mark.parametrize(
    "lookalike",
    [
        "Lіghthouse",  # Cyrillic і
        "Ｌｉｇｈｔｈｏｕｓｅ",  # full width
        "LIGHTH0USE",  # a zero for the O
        "lighthouse",
        "Lighthоuse",  # Cyrillic о
        "\u2113ighthouse",  # SCRIPT SMALL L, which NFKC makes an l
        "𝐋𝐢𝐠𝐡𝐭𝐡𝐨𝐮𝐬𝐞",  # mathematical bold
        "Iighthouse",  # a capital I for the l
        "1ighthouse",  # a one for the l
        "LIGHTHOUSE",
        "lIghthouse",  # a capital I for the i
    ],
)
def test_look_alikes_share_the_skeleton_of_lighthouse(lookalike):
    assert pseudonyms.skeleton(pseudonyms.normalise(lookalike)) == pseudonyms.skeleton("Lighthouse")


@pytest.mark.parametrize("other", ["Lighthouses", "Light house", "Lighthousé", "Birch", "Northern Star"])
def test_different_names_have_different_skeletons(other):
    assert pseudonyms.skeleton(other) != pseudonyms.skeleton("Lighthouse")


def test_the_confusables_table_maps_each_character_to_its_prototype():
    table = pseudonyms._prototypes()
    assert table["і"] == "i" and table["о"] == "o" and table["0"] == "O" and table["1"] == "l"
    assert table["m"] == "rn"  # a sequence: "rn" reads as "m"
    assert "l" not in table and "o" not in table  # prototypes map to themselves
    assert len(table) > 6000
    # The skeleton is a fixed point: applying it again changes nothing.
    for name in ("Lіghthouse", "Ｎｏｒｔｈｅｒｎ Star", "Mørk Skog", "Маяк"):
        assert pseudonyms.skeleton(pseudonyms.skeleton(name)) == pseudonyms.skeleton(name)


@pytest.mark.parametrize("name", ["Lіghthouse", "Nоrthern Star", "Βirch", "Аdmin"])
def test_names_that_mix_scripts_are_refused(name):
    with pytest.raises(ValidationError) as info:
        pseudonyms.validate_format(name)
    assert info.value.code == "mixed_script"


@pytest.mark.parametrize("name", ["Маяк", "Λύχνος", "Mørk Skog", "Kåre 77", "灯台の光", "O'Neill-Fan"])
def test_names_in_one_script_are_accepted(name):
    pseudonyms.validate_format(name)


@pytest.mark.parametrize(
    "name",
    [
        "Admin",
        "admin2",
        "TheAdmin",
        "Moderator Lillian",
        "Likepersonsmoderator",
        "ReConnect",
        "Re-Connect",
        "ReConnectHelper",
        "Staff Member",
        "Support",
        "Ansatt",
        "Brukerstøtte",
        "Støtte og håp",
        "Administrasjonen",
        "Mоderator",  # Cyrillic о: a look-alike of a reserved word
        "Lillian",  # a moderator's pseudonym
        "Lillian Rose",
    ],
)
def test_members_cannot_pass_for_the_portal_or_its_moderators(name, moderator):
    member = MemberFactory(email="q@example.net", real_name="Kari Nordmann")
    with pytest.raises(ValidationError) as info:
        clean_pseudonym_for(member, pseudonyms.normalise(name))
    assert info.value.code in ("reserved", "lookalike", "taken")


@pytest.mark.parametrize("name", ["Badminton Fan", "Supportive Soul", "Dahl Fan", "Quiet Fjord", "Modig"])
def test_ordinary_names_that_merely_contain_a_short_reserved_word_are_accepted(name, moderator):
    member = MemberFactory(email="q@example.net", real_name="Kari Nordmann")
    assert clean_pseudonym_for(member, name) == name


def test_a_moderator_may_use_their_first_name_and_a_reserved_word(moderator):
    assert clean_pseudonym_for(ModeratorFactory(real_name="Ola Moe"), "Ola the Moderator") == "Ola the Moderator"


def test_a_look_alike_of_a_taken_name_is_refused_on_onboarding_with_the_input_kept(client, login, member):
    login(MemberFactory(onboarded_at=None, pseudonym=None, email="q@example.net", real_name="Kari Nordmann"))
    response = client.post(
        "/onboarding/",
        {
            "pseudonym": "Lіghthouse",
            "accept_not_emergency": "on",
            "accept_confidentiality": "on",
            "accept_anonymity": "on",
            "accept_provider_access": "on",
            "language": "en",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Use the letters of one alphabet only" in page and 'value="Lіghthouse"' in page
    assert User.objects.get(email="q@example.net").pseudonym is None


@pytest.mark.parametrize(
    ("name", "english", "norwegian"),
    [
        ("LIGHTH0USE", "looks too much like one that is taken", "ligner for mye på et som er tatt"),
        ("Ｌｉｇｈｔｈｏｕｓｅ", "This pseudonym is taken", "Dette pseudonymet er tatt"),
        ("Moderator Anna", "speak for ReConnect or its moderators", "snakker på vegne av ReConnect"),
        ("Nоrthern Star", "one alphabet only", "ett alfabet"),
    ],
)
def test_profile_explains_each_refusal_in_the_persons_language(client, login, member, name, english, norwegian):
    other = MemberFactory(email="q@example.net", real_name="Kari Nordmann", pseudonym="Quiet Fjord")
    login(other)
    response = client.post("/me/", {**PROFILE, "pseudonym": name})
    assert english in response.content.decode()
    response = client.post("/me/", {**PROFILE, "pseudonym": name}, headers={"accept-language": "nb"})
    assert norwegian in response.content.decode()
    other.refresh_from_db()
    assert other.pseudonym == "Quiet Fjord"


def test_a_new_pseudonym_is_stored_with_its_skeleton(client, login):
    user = MemberFactory(email="q@example.net", real_name="Kari Nordmann", pseudonym="Quiet Fjord")
    login(user)
    assert client.post("/me/", {**PROFILE, "pseudonym": "Ｓｔｉｌｌｅ Havn"}).status_code == 302
    user.refresh_from_db()
    assert user.pseudonym == "Stille Havn"  # stored after NFKC
    assert user.pseudonym_skeleton == pseudonyms.skeleton("Stille Havn")


def test_the_look_alike_check_is_one_query(member):
    other = ModeratorFactory(email="q@example.net", real_name="Kari Nordmann")  # no reserved-name lookup
    with CaptureQueriesContext(connection) as queries:
        clean_pseudonym_for(other, "Quiet Fjord")
    assert len(queries) == 1
    assert "pseudonym_skeleton" in queries[0]["sql"]


def test_the_database_refuses_two_names_with_one_skeleton(member):
    other = MemberFactory(email="q@example.net")
    other.set_pseudonym("LIGHTH0USE")
    with pytest.raises(IntegrityError), transaction.atomic():
        other.save(update_fields=["pseudonym", "pseudonym_skeleton"])


def test_review_of_existing_names_keeps_the_oldest_and_reports_the_rest_without_renaming():
    people = [
        (1, "Lighthouse", "member"),
        (2, "Lillian", "moderator"),
        (3, "Lіghthouse", "member"),
        (4, "Admin Anna", "member"),
        (5, "Lillian Rose", "member"),
        (6, "Birch", "member"),
    ]
    skeletons, report = pseudonyms.review_existing(people)
    assert skeletons[1] == pseudonyms.skeleton("Lighthouse") and skeletons[3] is None
    assert skeletons[6] == pseudonyms.skeleton("Birch")
    assert "user 3 'Lіghthouse' looks like user 1 'Lighthouse'" in report
    assert "user 3 'Lіghthouse' mixes scripts (CYRILLIC, LATIN)" in report
    assert "user 4 'Admin Anna' passes for the portal or a moderator" in report
    assert "user 5 'Lillian Rose' passes for the portal or a moderator" in report
    assert not [line for line in report if "Birch" in line or "user 2 " in line]


def test_the_command_lists_names_to_review(capsys, member):
    User.objects.filter(pk=MemberFactory(email="q@example.net").pk).update(
        pseudonym="Lіghthouse", pseudonym_skeleton=None
    )
    call_command("pseudonym_clashes")
    out = capsys.readouterr().out
    assert "'Lіghthouse' looks like" in out and "pseudonyms to review" in out


def test_the_migration_stores_skeletons_and_reports_clashes_without_renaming(capsys, migrate):
    old_user = migrate(("accounts", "0003_care_team_name")).get_model("accounts", "User")
    for n, name in enumerate(["Lighthouse", "Lіghthouse", "Ｌｉｇｈｔｈｏｕｓｅ", "Birch"]):
        old_user.objects.create(email=f"p{n}@example.net", pseudonym=name, role="member", password="!")
    migrate(("accounts", "0004_pseudonym_skeleton"))
    out = capsys.readouterr().out
    rows = dict(User.objects.order_by("pk").values_list("pseudonym", "pseudonym_skeleton"))
    assert set(rows) == {"Lighthouse", "Lіghthouse", "Ｌｉｇｈｔｈｏｕｓｅ", "Birch"}  # nobody renamed
    assert rows["Lighthouse"] == pseudonyms.skeleton("Lighthouse") and rows["Birch"] == pseudonyms.skeleton("Birch")
    assert rows["Lіghthouse"] is None and rows["Ｌｉｇｈｔｈｏｕｓｅ"] is None
    assert "'Lіghthouse' looks like" in out and "'Ｌｉｇｈｔｈｏｕｓｅ' looks like" in out


def test_the_migration_that_joins_i_and_l_reports_names_that_now_look_alike(capsys, migrate):
    old_user = migrate(("accounts", "0005_invitation_token_hash")).get_model("accounts", "User")
    # Skeletons as the earlier rule stored them: "Iighthouse" did not look like "Lighthouse".
    old_user.objects.create(
        email="p0@example.net", pseudonym="Lighthouse", pseudonym_skeleton="lighthouse", role="member", password="!"
    )
    old_user.objects.create(
        email="p1@example.net", pseudonym="Iighthouse", pseudonym_skeleton="iighthouse", role="member", password="!"
    )
    migrate(("accounts", "0006_skeleton_joins_i_and_l"))
    rows = dict(User.objects.order_by("pk").values_list("pseudonym", "pseudonym_skeleton"))
    assert rows == {"Lighthouse": pseudonyms.skeleton("Lighthouse"), "Iighthouse": None}  # nobody renamed
    assert "'Iighthouse' looks like" in capsys.readouterr().out
