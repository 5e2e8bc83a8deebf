"""A small pattern language for rules, compiled to regular expressions over a stream of words.

A text is read, per language, as a stream `stem/form stem/form ... ` (each word's Snowball stem and
its normalised form), so that one pattern word covers its inflections ("kill" matches "killing",
"killed"; "drepe" matches "dreper", "drept").

    kill               the word, in any inflection (compared by stem)
    =suicidal          exactly this form (when the stem would say too little: "suicide"/"suicidal")
    selvmord*          any word that starts like this ("selvmordstanker", "selvmordsplan")
    (a|b c|d)          one of: alternatives may be several words
    x?   (a b)?        optional
    ...  ...5          a gap of up to 3 (or 5) other words
    {name}             a named fragment of the rule set's language ({self}: "myself|me|my life")

Each compiled pattern knows words that any match must contain (its anchors), so that a rule is
tried only on the parts of a text where one of them occurs. That keeps screening linear in the
length of the text however many rules there are.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

# Anchors that say little (too common to choose when a pattern has a rarer required word).
_COMMON_WORDS = (
    # English (words and their Snowball stems)
    "i me my you your a an the to and or of in on it is am are was were be been not do does did no yes go "
    "have has had get got this that these those just all for with at after befor before will would about so "
    "then now here there want need like know think take make new stop what when how who one out up down back "
    "off over them they he she we us our their its can could should might must may than too veri very realli "
    "really still even never alway always by from into as if but around live end come right today day time "
    "thing things some someth something anyon anyone everyon everyone peopl people feel onli only "
    # Norwegian (words and their Snowball stems)
    "jeg meg min mitt mi du deg din det er og å på en et ikke ikk har hadd hadde for til med om av fra som "
    "så men eller at da når hvis bare bar ing ingen aldri gjør tar ta få bli blir vær være klar var skal vil "
    "kan må nå her der den de dem han hun seg sin mer mye all alle noe noen hva hvor hvordan også ett dag "
    "tid gang litt helt"
)
_COMMON = frozenset(_COMMON_WORDS.split())


class PatternError(ValueError):
    pass


@dataclass(frozen=True)
class Anchors:
    """A match contains one of `stems` (compared by stem) or a form starting with one of `prefixes`."""

    stems: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()

    def size(self) -> tuple[int, int]:
        common = len(self.stems & _COMMON) + len(self.forms & _COMMON)
        return (common, len(self.stems) + len(self.prefixes) + len(self.forms))

    def __or__(self, other: "Anchors") -> "Anchors":
        return Anchors(self.stems | other.stems, self.prefixes | other.prefixes, self.forms | other.forms)


@dataclass(frozen=True)
class Compiled:
    source: str
    regex: re.Pattern[str]
    anchors: Anchors
    words: frozenset[str]  # every literal word form of the pattern (for the screen's lexicon)
    # Every group of words of which a match must contain one (a cheap test before the regex runs).
    requirements: tuple[Anchors, ...] = ()

    def may_match(self, stems: set[str], forms: set[str]) -> bool:
        for need in self.requirements:
            if need.prefixes:
                continue
            if not (need.stems & stems or need.forms & forms):
                return False
        return True


class _Parser:
    def __init__(self, source: str, stem: Callable[[str], str], fragments: Mapping[str, str], depth: int = 0):
        self.source = source
        self.tokens = re.findall(r"\.\.\.\d*|[()|?]|\{[a-z_]+\}|[^\s()|?{}]+", source)
        self.pos = 0
        self.stem = stem
        self.fragments = fragments
        self.depth = depth
        self.words: set[str] = set()
        self.required: list[Anchors] = []

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    # Each parse method returns (regex, anchors or None when the part may match nothing).
    def alternation(self) -> tuple[str, Anchors | None]:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.take()
            branches.append(self.sequence())
        regex = branches[0][0] if len(branches) == 1 else "(?:" + "|".join(b[0] for b in branches) + ")"
        anchors: Anchors | None = Anchors()
        for _regex, found in branches:
            anchors = None if anchors is None or found is None else anchors | found
        return regex, anchors

    def sequence(self) -> tuple[str, Anchors | None]:
        parts: list[str] = []
        best: Anchors | None = None
        required: list[Anchors] = []
        while self.peek() not in (None, "|", ")"):
            regex, anchors = self.item()
            parts.append(regex)
            if anchors is not None:
                required.append(anchors)
            if anchors is not None and (best is None or anchors.size() < best.size()):
                best = anchors
        if not parts:
            raise PatternError(f"empty alternative in {self.source!r}")
        # The sequence that finishes last is the outermost one.
        self.required = required
        return "".join(parts), best

    def item(self) -> tuple[str, Anchors | None]:
        regex, anchors = self.atom()
        if self.peek() == "?":
            self.take()
            return f"(?:{regex})?", None
        return regex, anchors

    def atom(self) -> tuple[str, Anchors | None]:
        token = self.take()
        if token == "(":  # noqa: S105 - a pattern token, not a password
            regex, anchors = self.alternation()
            if self.peek() != ")":
                raise PatternError(f"missing ) in {self.source!r}")
            self.take()
            return f"(?:{regex})", anchors
        if token.startswith("..."):
            size = int(token[3:] or 3)
            return f"(?:\\S+ ){{0,{size}}}", None
        if token.startswith("{"):
            name = token[1:-1]
            if name not in self.fragments or self.depth > 5:
                raise PatternError(f"unknown fragment {token} in {self.source!r}")
            inner = _Parser(self.fragments[name], self.stem, self.fragments, self.depth + 1)
            regex, anchors = inner.alternation()
            if inner.peek() is not None:
                raise PatternError(f"stray {inner.peek()!r} in fragment {token}")
            self.words |= inner.words
            return f"(?:{regex})", anchors
        if token in ("|", ")", "?"):
            raise PatternError(f"unexpected {token!r} in {self.source!r}")
        if token.startswith("="):
            form = token[1:]
            self.words.add(form)
            return f"[^ /]*/{re.escape(form)} ", Anchors(forms=frozenset({form}))
        if token.endswith("*"):
            prefix = token[:-1]
            self.words.add(prefix)
            return f"[^ /]*/{re.escape(prefix)}\\S* ", Anchors(prefixes=frozenset({prefix}))
        self.words.add(token)
        stem = self.stem(token)
        return f"{re.escape(stem)}/\\S* ", Anchors(stems=frozenset({stem}))


def compile_pattern(source: str, *, stem: Callable[[str], str], fragments: Mapping[str, str]) -> Compiled:
    parser = _Parser(source, stem, fragments)
    regex, anchors = parser.alternation()
    # The top level's required groups hold for every match only when it has a single branch.
    requirements = tuple(parser.required) if "|" not in _top_level(source) else ()
    if parser.peek() is not None:
        raise PatternError(f"stray {parser.peek()!r} in {source!r}")
    if anchors is None:
        raise PatternError(f"{source!r} has no word that every match must contain")
    # A match starts at the beginning of a word of the stream.
    return Compiled(source, re.compile(r"(?<![^ ])" + regex), anchors, frozenset(parser.words), requirements)


def _top_level(source: str) -> str:
    """The pattern with every parenthesised or braced part taken out."""
    depth, kept = 0, []
    for ch in source:
        if ch in "({":
            depth += 1
        elif ch in ")}":
            depth -= 1
        elif depth == 0:
            kept.append(ch)
    return "".join(kept)
