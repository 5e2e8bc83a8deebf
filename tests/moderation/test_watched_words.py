"""Watched-word matching in English and Norwegian: what must match, and what must not."""

import pytest

from moderation.screening.watched import find_matches, matches, phrase_key


@pytest.mark.parametrize(
    "text",
    [
        "kill",
        "KILL",
        "I could kill for a coffee",
        "k i l l",
        "k.i.l.l",
        "k-i-l-l",
        "k_i_l_l",
        "kiiill",
        "kiiiiilllll",
        "k1ll",
        "K!ll".replace("!", "1"),
        "ki\u200bll",
        "“kill”",
    ],
)
def test_english_word_matches_through_tricks(text):
    assert matches(text, "kill")


@pytest.mark.parametrize("text", ["skill", "skilled", "killer", "overkill", "Kilimanjaro", "kiln"])
def test_english_word_does_not_match_inside_other_words(text):
    assert not matches(text, "kill")


@pytest.mark.parametrize(
    "text",
    [
        "Some days I want to kill myself",
        "I want to K I L L   M Y S E L F",
        "i want to k.i.l.l myself",
        "kill. myself.",
        "kiiill myseeelf",
        "i k i l l m y s e l f",
    ],
)
def test_english_phrase_matches(text):
    assert matches(text, "kill myself")


@pytest.mark.parametrize("text", ["killing myself", "kill time by myself", "myself kill", "skill myself"])
def test_english_phrase_needs_its_words_in_order(text):
    assert not matches(text, "kill myself")


@pytest.mark.parametrize(
    "text",
    [
        "drep meg",
        "Drep meg nå",
        "d r e p  m e g",
        "d.r.e.p m.e.g",
        "dreeep meg",
        "DREP MEG!!!",
    ],
)
def test_norwegian_phrase_matches_through_tricks(text):
    assert matches(text, "drep meg")


@pytest.mark.parametrize("text", ["drepende kjedelig", "drepe meg", "drepmegfort", "meg drep"])
def test_norwegian_phrase_does_not_match_other_words(text):
    # "drepende kjedelig" (deadly boring) is everyday speech, not crisis language: whole words only.
    assert not matches(text, "drep meg")


def test_norwegian_letters_are_kept_apart_from_plain_ones():
    assert matches("jeg vil dø", "vil dø")
    assert matches("Jeg VIL DØØØ", "vil dø")
    assert not matches("jeg vil do", "vil dø")
    assert matches("Tanker om selvmord", "selvmord")
    assert not matches("selvmordsforebygging", "selvmord")
    assert matches("skade meg selv", "skade meg selv")
    assert not matches("skadet meg selv på sykkelen", "skade meg selv")


def test_numbers_on_their_own_are_not_letters():
    assert not matches("call 113", "iie")
    assert phrase_key("113") == ()


def test_find_matches_keeps_the_given_order_and_no_duplicates():
    text = "I want to die. I want to die. Suicide."
    assert find_matches(text, ["suicide", "want to die", "suicide", "overdose"]) == ["suicide", "want to die"]


def test_an_empty_phrase_matches_nothing():
    assert not matches("anything at all", "...")
