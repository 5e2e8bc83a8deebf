"""Moderators' watched words: whole words, in order, after the screen's normalisation.

- Case-insensitive, on whole words: a phrase matches a run of whole words of the text. "kill"
  does not match "skill" or "skilled"; "drep" does not match "drepende" ("drepende kjedelig",
  deadly boring, is not crisis language). There is no stemming: list the forms you mean (the
  built-in detector, engine.py, covers inflections).
- The normalisation of normalise.py applies to text and phrase alike; repeated letters count once
  ("kiiill" is "kill"; "kill" and "kil" are the same word to the matcher, a small price for
  catching stretched words). Where letters spelled out one by one meet nothing to say where
  their words end, a phrase matches anywhere inside the run ("i k i l l m y s e l f").
- Every active phrase is checked whatever the writer's language: people write in both.
- Phrases are looked up by their first word, so the work grows with the text, not the list.
"""

from collections import defaultdict
from collections.abc import Iterable

from moderation.screening.normalise import Word, squeeze, words


def _key(items: list[Word]) -> tuple[str, ...]:
    return tuple(squeeze(w.text.replace("*", "")) for w in items)


def phrase_key(phrase: str) -> tuple[str, ...]:
    """A phrase as the matcher sees it: its normalised words (spelled-out letters joined)."""
    return tuple(part for part in _key(words(phrase)) if part)


def find_in_words(text_words: list[Word], phrases: Iterable[str]) -> list[str]:
    """The phrases (as given) found in already normalised words, in the order given, once each."""
    keys = {phrase: phrase_key(phrase) for phrase in phrases}
    by_first: dict[str, list[str]] = defaultdict(list)
    for phrase, key in keys.items():
        if key:
            by_first[key[0]].append(phrase)
    tokens = _key(text_words)
    hit: set[str] = set()
    for index, token in enumerate(tokens):
        for phrase in by_first.get(token, ()):
            key = keys[phrase]
            if tokens[index : index + len(key)] == key:
                hit.add(phrase)
    spelled = [token for token, word in zip(tokens, text_words, strict=True) if word.spelled]
    if spelled:
        for phrase, key in keys.items():
            joined = "".join(key)
            if key and any(joined in token for token in spelled):
                hit.add(phrase)
    found: list[str] = []
    for phrase in keys:
        if phrase in hit and phrase not in found:
            found.append(phrase)
    return found


def find_matches(text: str, phrases: Iterable[str]) -> list[str]:
    """The phrases (as given) that occur in `text`, in the order given, without duplicates."""
    return find_in_words(words(text), list(dict.fromkeys(phrases)))


def matches(text: str, phrase: str) -> bool:
    return bool(find_matches(text, [phrase]))
