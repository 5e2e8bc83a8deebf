"""Watched-word matching, in English and Norwegian.

Rules (decided here, and held by tests/moderation/test_matching.py):

- Case-insensitive, on whole words: a phrase matches a run of whole words of the text. "kill"
  does not match "skill" or "skilled"; "drep" does not match "drepende" ("drepende kjedelig",
  deadly boring, is not crisis language). There is no stemming: list the forms you mean.
- Normalisation, applied the same way to the text and to the phrase, so that tricks do not slip
  past:
  * Unicode compatibility forms, case folding, accents dropped (but Norwegian æ, ø, å kept: "dø"
    and "do" are different words); invisible characters (zero-width spaces) removed.
  * Look-alike digits and signs inside words read as letters: 0→o, 1→i, 3→e, 4→a, 5→s, 7→t, @→a,
    $→s ("k1ll" is "kill"). Numbers on their own are ignored.
  * Repeated letters count once ("kiiill" is "kill"; "kill" and "kil" are the same word to the
    matcher, a small price for catching stretched words).
  * Letters spelled out one by one, with spaces or punctuation between them, are read as one word
    ("k i l l", "k.i.l.l", "d-r-e-p m-e-g"). Where a spelled-out run meets nothing to say where its
    words end, a phrase matches anywhere inside the run ("i k i l l m y s e l f"). The price: a
    spelled-out "k i l n" reads as "kil", which holds "kill" with its repeated letter counted once.
- Every active phrase is checked whatever the writer's language: people write in both.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
# Letters, digits and the two look-alike signs make up a chunk; everything else separates.
_CHUNK = re.compile(r"[^\W_]+|[@$]+")
_KEEP_MARKS = {"\u030a"}  # the ring of å survives accent stripping (å is its own letter in Norwegian)


@dataclass(frozen=True)
class Token:
    text: str
    # True when the token was put together from letters spelled out one by one.
    spelled: bool = False


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(
        ch
        for ch in text
        if ch in _KEEP_MARKS or not (unicodedata.combining(ch) or unicodedata.category(ch) in ("Cf", "Mn"))
    )
    return unicodedata.normalize("NFC", text)


def _squeeze(word: str) -> str:
    """Repeated letters count once."""
    out = []
    for ch in word:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _raw_words(text: str) -> list[str]:
    words = []
    # Join look-alike signs to the letters around them before splitting ("k@ll" is one chunk).
    for chunk in re.findall(r"[^\W_]+(?:[@$]+[^\W_]*)*|[@$]+[^\W_]+(?:[@$]+[^\W_]*)*", _fold(text)):
        if not any(ch.isalpha() for ch in chunk):
            continue  # a number on its own ("113") is not a word
        words.append(chunk.translate(_LEET))
    return words


def tokens(text: str) -> list[Token]:
    """The normalised words of `text`, with spelled-out letters joined into words."""
    result: list[Token] = []
    letters: list[str] = []

    def flush() -> None:
        if len(letters) > 1:
            result.append(Token(_squeeze("".join(letters)), spelled=True))
        elif letters:
            result.append(Token(_squeeze(letters[0])))
        letters.clear()

    for word in _raw_words(text):
        if len(word) == 1:
            letters.append(word)
            continue
        flush()
        result.append(Token(_squeeze(word)))
    flush()
    return result


def phrase_key(phrase: str) -> tuple[str, ...]:
    """A phrase as the matcher sees it: its normalised words (spelled-out letters joined)."""
    return tuple(token.text for token in tokens(phrase))


def _contains(text_tokens: list[Token], key: tuple[str, ...]) -> bool:
    if not key:
        return False
    size = len(key)
    words = [t.text for t in text_tokens]
    for start in range(len(words) - size + 1):
        if tuple(words[start : start + size]) == key:
            return True
    joined = "".join(key)
    # A spelled-out run has no word boundaries inside it: the phrase may sit anywhere in it.
    return any(token.spelled and joined in token.text for token in text_tokens)


def find_matches(text: str, phrases: Iterable[str]) -> list[str]:
    """The phrases (as given) that occur in `text`, in the order given, without duplicates."""
    text_tokens = tokens(text)
    found: list[str] = []
    for phrase in phrases:
        if phrase not in found and _contains(text_tokens, phrase_key(phrase)):
            found.append(phrase)
    return found


def matches(text: str, phrase: str) -> bool:
    return bool(find_matches(text, [phrase]))
