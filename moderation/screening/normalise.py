"""Text as the screen reads it: the same words however they are dressed up.

Rules (held by tests/moderation/test_watched_words.py and tests/moderation/test_detector.py):

- Unicode compatibility forms, case folding, accents dropped (but Norwegian æ, ø, å kept: "dø" and
  "do" are different words); invisible characters (zero-width spaces) removed; letters from other
  scripts that look like Latin ones (Cyrillic "а", Greek "ο") read as the Latin letter.
- Look-alike digits and signs inside words read as letters: 0→o, 1→i, 3→e, 4→a, 5→s, 7→t, @→a,
  $→s, !→i, |→l; a `*` inside a word stands for one unknown letter ("s*icide"). Numbers on their
  own are not words ("113").
- Apostrophes inside words go ("don't" is "dont", as people write it anyway).
- Letters spelled out one by one, with spaces or punctuation between them, are read as one word
  ("k i l l", "k.i.l.l", "d-r-e-p").
- Each character is read on its own, through a table filled as new characters appear, so that the
  work grows with the length of the text and nothing else.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Letters of other scripts that people use because they look like Latin ones.
_CONFUSABLES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "ɡ": "g", "ӏ": "l", "һ": "h", "ь": "b",
    # Greek
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "γ": "y", "ω": "w", "μ": "u",
    # Latin look-alikes outside ASCII that survive accent stripping
    "ı": "i", "ł": "l", "đ": "d", "ß": "ss", "ſ": "s",
}  # fmt: skip
# Emoji that stand for the means (rules in both languages know these words; language.py maps them).
_EMOJI_WORDS = {"🪢": " noose ", "🔪": " knife ", "🩸": " blood ", "💊": " pills ", "🪦": " grave ", "⚰": " grave "}
_APOSTROPHES = {"'", "’", "‘", "`", "´", "ʼ"}
_KEEP_MARKS = {"\u030a"}  # the ring of å survives accent stripping (å is its own letter in Norwegian)
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l"}
WILDCARD = "*"


class _CharTable(dict):
    """One character → its normalised form, computed the first time the character is seen."""

    def __missing__(self, ch: str) -> str:
        if ch in _EMOJI_WORDS:
            value = _EMOJI_WORDS[ch]
        elif ch in _APOSTROPHES:
            value = "'"
        elif unicodedata.category(ch) == "Cf":  # zero-width spaces, joiners, direction marks
            value = ""
        else:
            folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", ch).casefold())
            kept = "".join(c for c in folded if c in _KEEP_MARKS or not unicodedata.combining(c))
            value = "".join(_CONFUSABLES.get(c, c) for c in unicodedata.normalize("NFC", kept))
        self[ch] = value
        return value


_TABLE = _CharTable()

# A word: letters and digits, joined through look-alike signs, apostrophes and `*` inside it.
_WORD = re.compile(r"[@$]?[^\W_](?:[^\W_]|['@$!|*](?=[^\W_@$*]))*[*]*|[@$][^\W_][^\W_@$]*")
_SPELLED_GAP = re.compile(r"[ .\-_·,/\\]{1,3}")


@dataclass(frozen=True, slots=True)
class Word:
    """One word of the text: its normalised form and where it stands in the original text."""

    text: str
    start: int
    end: int
    # Put together from letters spelled out one by one ("k i l l").
    spelled: bool = False
    # Written with look-alike signs or `*`: a candidate for repair against the screen's lexicon.
    disguised: bool = False


def fold(text: str) -> tuple[str, list[int]]:
    """The normalised text, and for each of its characters the index of the original one."""
    parts = [_TABLE[ch] for ch in text]
    offsets: list[int] = []
    for index, part in enumerate(parts):
        if part:
            offsets.extend([index] * len(part))
    return "".join(parts), offsets


def _unleet(chunk: str) -> tuple[str, bool]:
    if chunk.isalpha():
        return chunk.replace("'", ""), False
    return "".join(LEET.get(c, c) for c in chunk if c != "'"), True


def words(text: str) -> list[Word]:
    """The words of `text`, normalised, with letters spelled out one by one joined into words."""
    folded, offsets = fold(text)
    found: list[Word] = []
    letters: list[Word] = []
    last_end = -1

    def flush() -> None:
        if len(letters) > 1:
            joined = "".join(w.text for w in letters)
            found.append(Word(joined, letters[0].start, letters[-1].end, spelled=True, disguised=True))
        elif letters:
            found.append(letters[0])
        letters.clear()

    for match in _WORD.finditer(folded):
        chunk = match.group()
        if not any(ch.isalpha() or ch in "@$!|*" for ch in chunk) or chunk.isdigit():
            flush()
            last_end = match.end()
            continue  # a number on its own ("113") is not a word
        text_form, disguised = _unleet(chunk)
        word = Word(text_form, offsets[match.start()], offsets[match.end() - 1] + 1, disguised=disguised)
        single = len(text_form) == 1 and text_form.isalpha()
        if single and letters and _SPELLED_GAP.fullmatch(folded[last_end : match.start()]):
            letters.append(word)
        else:
            flush()
            if single:
                letters.append(word)
            else:
                found.append(word)
        last_end = match.end()
    flush()
    return found


@lru_cache(maxsize=8)
def words_once(text: str) -> tuple[Word, ...]:
    """`words(text)`, remembered for the last few texts: the rules and the learned layer read the
    same text one after the other."""
    return tuple(words(text))


def squeeze(word: str) -> str:
    """Repeated letters count once ("kiiilll" is "kil")."""
    out: list[str] = []
    for ch in word:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def is_stretched(word: str) -> bool:
    """Three or more of the same letter in a row: a word stretched for emphasis ("diiiie")."""
    return re.search(r"(.)\1\1", word) is not None
