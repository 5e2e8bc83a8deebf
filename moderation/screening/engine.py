"""The detector: reads a text as streams of stemmed words, tries the rules whose anchor words occur,
and keeps the hits that their context does not explain away.

Work per text: one pass to normalise and split it into words, one stemming call per language, and
per sentence (cut into windows of at most WINDOW words) only the rules anchored in that window. A
rule's pattern has bounded gaps, so every step is proportional to the length of the text.
"""

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from moderation.screening import categories as c
from moderation.screening import language as lang
from moderation.screening import learned, normalise, rules_en, rules_nb
from moderation.screening.patterns import Compiled, compile_pattern
from moderation.screening.rules import (
    CRISIS_LEVEL_CATEGORIES,
    NEGATION,
    OTHERS,
    QUESTION,
    QUOTE,
    SELF_TALK,
    Context,
    Rule,
)

WINDOW, STRIDE = 60, 40
# A question put to someone ("maybe you should drop them?") still advises.
_YOU = frozenset({"you", "your", "du", "deg", "din", "dine", "ditt", "dere"})
# Norwegian posts borrow English ("kms", "I want to kill myself"); English posts do not borrow
# Norwegian, and Norwegian stems of English words ("stopped" → "stopp") would only mislead.
CROSS_OVER = {"nb": ("en",), "en": ()}
_SENTENCE_GAP = re.compile(r"[.!?…]+(?!\d)|\n|[\U0001F300-\U0001FAFF]")
_CLAUSE_GAP = re.compile(r"[,;:()\"“”«»–—]| - ")
_TABLES = {"en": rules_en, "nb": rules_nb}
FIRST_PERSON = {"en": {"i", "me", "my", "myself", "mine"}, "nb": {"jeg", "meg", "min", "mitt", "mi", "mine"}}
_CLAUSE_WORDS = {"en": {"but", "though", "although", "however", "because"}, "nb": {"men", "selv om", "fordi"}}


@dataclass(frozen=True)
class Evidence:
    """Why the screen said what it said: the words as written, and the rule they matched."""

    label: str
    category: str
    severity: str
    rule: str
    words: str
    start: int
    end: int

    def describe(self) -> str:
        return f"“{self.words}” ({self.rule})"


@dataclass(frozen=True)
class Verdict:
    label: str = c.OK
    severity: str = c.NONE
    category: str = ""
    evidence: tuple[Evidence, ...] = ()
    # Moderators' watched words found in the text, by action (hold, flag, crisis).
    watched: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def is_crisis(self) -> bool:
        return self.severity in (c.IMMINENT, c.SEVERE)

    @property
    def flagged(self) -> bool:
        return self.label != c.OK


@dataclass(frozen=True)
class _CompiledRule:
    rule: Rule
    pattern: Compiled
    language: str
    negated_in_pattern: bool


@dataclass(frozen=True)
class _CompiledContext:
    context: Context
    pattern: Compiled


class _Language:
    """One language's compiled rules, contexts and anchor index."""

    def __init__(self, code: str):
        table = _TABLES[code]
        self.code = code

        def stem(word: str) -> str:
            return lang.stem(code, word)

        self.negators = {stem(w) for w in table.NEGATORS} | set(table.NEGATORS)
        self.keeps = {stem(w) for w in table.NEGATION_KEEPS} | set(table.NEGATION_KEEPS)
        self.rules: list[_CompiledRule] = []
        for item in table.RULES:
            compiled = compile_pattern(item.pattern, stem=stem, fragments=table.FRAGMENTS)
            negated = any(stem(w) in self.negators or w in self.negators for w in compiled.words)
            self.rules.append(_CompiledRule(item, compiled, code, negated))
        self.contexts = [
            _CompiledContext(item, compile_pattern(item.pattern, stem=stem, fragments=table.FRAGMENTS))
            for item in table.CONTEXTS
        ]
        self.time = compile_pattern("({time} | {when})", stem=stem, fragments=table.FRAGMENTS)
        self.by_stem: dict[str, list[int]] = defaultdict(list)
        self.by_form: dict[str, list[int]] = defaultdict(list)
        self.by_prefix: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for index, item in enumerate(self.rules):
            anchors = item.pattern.anchors
            for s in anchors.stems:
                self.by_stem[s].append(index)
            for f in anchors.forms:
                self.by_form[f].append(index)
            for p in anchors.prefixes:
                self.by_prefix[p[:3]].append((p, index))
        self.first_person = {stem(w) for w in FIRST_PERSON[code]}
        # Rules not tried in the other language's text (only plainly said rules cross over).
        self.weak = frozenset(i for i, item in enumerate(self.rules) if item.rule.weak)
        self._candidates: dict[tuple[str, str], tuple[int, ...]] = {}
        self.clause_words = {stem(w) for w in _CLAUSE_WORDS[code]}

    def candidates(self, stems: list[str], forms: list[str]) -> list[int]:
        """The rules anchored on these words, in rule order."""
        found: set[int] = set()
        cache = self._candidates
        for pair in zip(stems, forms, strict=True):
            rules = cache.get(pair)
            if rules is None:
                rules = self._anchored(*pair)
                if len(cache) < 50000:
                    cache[pair] = rules
            if rules:
                found.update(rules)
        return sorted(found)

    def _anchored(self, stem: str, form: str) -> tuple[int, ...]:
        found = set(self.by_stem.get(stem, ())) | set(self.by_form.get(form, ()))
        for key in {form[:1], form[:2], form[:3]}:
            for prefix, index in self.by_prefix.get(key, ()):
                if form.startswith(prefix):
                    found.add(index)
        return tuple(found)


class _Spans:
    """Where each context pattern matches in a window, found the first time a check asks."""

    def __init__(self, contexts, stream: str, positions, stems: set[str], forms: set[str]) -> None:
        self.contexts, self.stream, self.positions = contexts, stream, positions
        self.stems, self.forms = stems, forms
        self.found: dict[int, list[tuple[int, int]]] = {}

    def __getitem__(self, index: int) -> list[tuple[int, int]]:
        if index not in self.found:
            pattern = self.contexts[index].pattern
            spans = []
            if pattern.may_match(self.stems, self.forms):
                for m in pattern.regex.finditer(self.stream):
                    if m.end() > m.start():
                        spans.append((self.positions[m.start()], self.positions[m.end() - 1] + 1))
            self.found[index] = spans
        return self.found[index]


class _Positions:
    """Element index of a character offset in a window's stream (`positions[offset]`)."""

    def __init__(self, element_at) -> None:
        self.element_at = element_at

    def __getitem__(self, offset: int) -> int:
        return self.element_at(offset)


@dataclass
class _Hit:
    rule: _CompiledRule
    start: int  # word indices, end exclusive
    end: int
    imminent: bool


class Detector:
    def __init__(self) -> None:
        self.languages = {code: _Language(code) for code in lang.LANGUAGES}
        lexicon: set[str] = set()
        for language in self.languages.values():
            for item in language.rules:
                lexicon |= item.pattern.words
            for ctx in language.contexts:
                lexicon |= ctx.pattern.words
        for table in lang.SPELLINGS.values():
            lexicon |= set(table)
        self.lexicon = frozenset(w for w in lexicon if w.isalpha())
        self.squeezed = {normalise.squeeze(w): w for w in sorted(self.lexicon)}
        by_length: dict[int, list[str]] = defaultdict(list)
        for word in sorted(self.lexicon):
            by_length[len(word)].append(word)
        self.by_length = by_length
        # Long words people misspell: one letter missing, added, changed or two swapped.
        self.fuzzy: dict[str, str] = {}
        for word in sorted(self.lexicon, key=len):
            if len(word) >= 7:
                for variant in _deletions(word):
                    self.fuzzy.setdefault(variant, word)
        self.fuzzy_heads = {w[:2] for w in self.lexicon if len(w) >= 7}

    # --- reading words ------------------------------------------------------------------------

    @lru_cache(maxsize=20000)  # noqa: B019 - one detector for the process; the cache is its memory
    def repair(self, text: str, disguised: bool, spelled: bool) -> tuple[str, ...]:
        """A word as the rules know it: disguised, stretched, spelled-out and misspelled forms mended."""
        if text in self.lexicon:
            return (text,)
        if spelled:
            parts = self._segment(text)
            if parts:
                return parts
        if normalise.WILDCARD in text:
            pattern = re.compile(re.escape(text).replace(r"\*", "[a-zæøå]"))
            for word in self.by_length.get(len(text), ()):
                if pattern.fullmatch(word):
                    return (word,)
            # A known beginning ("s*lvm*rdsbrevet" starts like "selvmordsbrev").
            for length in range(len(text) - 1, 3, -1):
                if "*" in text[length:]:
                    break
                head = re.compile(re.escape(text[:length]).replace(r"\*", "[a-zæøå]"))
                for word in self.by_length.get(length, ()):
                    if head.fullmatch(word):
                        return (word + text[length:],)
            return (text.replace("*", ""),)
        if disguised and "i" in text:
            # "1" and "!" stand for "i", and sometimes for "l" ("ki11").
            for variant in (text.replace("i", "l"),):
                if variant in self.lexicon:
                    return (variant,)
        if normalise.is_stretched(text) or disguised:
            squeezed = normalise.squeeze(text)
            if squeezed in self.squeezed:
                return (self.squeezed[squeezed],)
            if normalise.is_stretched(text):
                return (re.sub(r"(.)\1{2,}", r"\1", text),)
        if len(text) >= 6 and text[:2] in self.fuzzy_heads and text.isalpha():
            if text in self.fuzzy:
                return (self.fuzzy[text],)
            for variant in _deletions(text):
                if variant in self.fuzzy and abs(len(self.fuzzy[variant]) - len(text)) <= 1:
                    return (self.fuzzy[variant],)
        return (text,)

    def _segment(self, run: str) -> tuple[str, ...] | None:
        """Split letters spelled out one by one ("ikillmyself") into known words, fewest words first."""
        n = len(run)
        if n > 60:
            return None
        best: list[tuple[str, ...] | None] = [None] * (n + 1)
        best[0] = ()
        for end in range(1, n + 1):
            for begin in range(max(0, end - 20), end):
                piece = run[begin:end]
                previous = best[begin]
                if previous is None:
                    continue
                if piece in self.lexicon or piece in ("i", "a", "å", "u"):
                    candidate = (*previous, piece)
                    current = best[end]
                    if current is None or len(candidate) < len(current):
                        best[end] = candidate
        return best[n]

    # --- screening ------------------------------------------------------------------------------

    def screen(self, text: str, language: str = "en", watched: Iterable[tuple[str, str]] = ()) -> Verdict:
        text = text or ""
        evidence = list(self.rule_evidence(text, language))
        trained = learned.model()
        if trained is not None and text.strip():
            finding = trained.finding(learned.read(text, language))
            evidence = combine(evidence, finding, trained.thresholds, text)
        watched_found = _watched(list(normalise.words_once(text)), watched) if watched else {}
        if not evidence:
            return Verdict(watched=watched_found)
        top = evidence[0]
        return Verdict(
            label=top.label,
            severity=top.severity,
            category=top.category,
            evidence=tuple(evidence),
            watched=watched_found,
        )

    def rule_evidence(self, text: str, language: str = "en") -> tuple[Evidence, ...]:
        """What the rules alone find in `text`, most serious first."""
        words = list(normalise.words_once(text or ""))
        found: list[tuple[_Hit, list[normalise.Word]]] = []
        if words:
            sentences, clauses, questions = _boundaries(text, words)
            forms = [self.repair(w.text, w.disguised, w.spelled) for w in words]
            language = lang.detect([w.text for w in words], language)
            order = [language, *CROSS_OVER.get(language, ())]
            for code in order:
                if code not in self.languages:
                    continue
                primary = code == language
                language_hits = self._screen_language(
                    self.languages[code], words, forms, sentences, clauses, primary, questions
                )
                for hit in language_hits:
                    found.append((hit, words))
        return tuple(_evidence(text, found))

    def _screen_language(self, language: _Language, words, forms, sentences, clauses, primary, questions) -> list[_Hit]:
        spellings = lang.SPELLINGS[language.code]
        element_forms: list[str] = []
        element_word: list[int] = []
        for index, written in enumerate(forms):
            for form in written:
                for piece in spellings.get(form, (form,)):
                    element_forms.append(piece)
                    element_word.append(index)
        element_stems = lang.stem_words(language.code, element_forms)
        hits: list[_Hit] = []
        start = 0
        total = len(element_forms)
        while start < total:
            sentence = sentences[element_word[start]]
            end = start
            while end < total and sentences[element_word[end]] == sentence:
                end += 1
            for w_start in range(start, end, STRIDE):
                w_end = min(end, w_start + WINDOW)
                hits.extend(
                    self._screen_window(
                        language,
                        element_stems,
                        element_forms,
                        element_word,
                        clauses,
                        w_start,
                        w_end,
                        primary,
                        question=sentence in questions,
                    )
                )
                if w_end == end:
                    break
            start = end
        return hits

    def _screen_window(
        self, language, stems, forms, owner, clauses, start, end, primary=True, question=False
    ) -> list[_Hit]:
        window_stems, window_forms = stems[start:end], forms[start:end]
        candidates = language.candidates(window_stems, window_forms)
        if not primary:
            candidates = [i for i in candidates if i not in language.weak]
        if not candidates:
            return []
        stem_set, form_set = set(window_stems), set(window_forms)
        rules = [language.rules[i] for i in candidates if language.rules[i].pattern.may_match(stem_set, form_set)]
        if not rules:
            return []
        pieces = [f"{s}/{f} " for s, f in zip(window_stems, window_forms, strict=True)]
        starts = list(accumulate((len(p) for p in pieces), initial=0))
        stream = "".join(pieces)

        def element_at(offset: int) -> int:
            return bisect_right(starts, offset) - 1

        positions = _Positions(element_at)
        adjusted: list[tuple[int, int]] = []
        context_spans: _Spans | None = None
        hits: list[_Hit] = []
        for item in rules:
            for match in item.pattern.regex.finditer(stream):
                if match.end() == match.start():
                    continue
                a, b = positions[match.start()], positions[match.end() - 1] + 1
                if context_spans is None:
                    # Clause of each word; clause words ("but", "men") start a new clause too.
                    shift = 0
                    for i, s in enumerate(window_stems):
                        shift += 1 if (i and s in language.clause_words) else 0
                        adjusted.append((clauses[owner[start + i]], shift))
                    context_spans = _Spans(language.contexts, stream, positions, stem_set, form_set)
                if question and QUESTION in item.rule.checks() and not (form_set & _YOU):
                    continue  # asked, not said: "is it safe to drink on sertraline?"
                if self._explained(language, item, a, b, window_stems, adjusted, context_spans):
                    continue
                imminent = item.rule.imminent and not item.rule.weak
                if item.rule.category in ("method_plan", "intent", "preparatory", "act_under_way"):
                    imminent = imminent or item.rule.category == "act_under_way"
                    imminent = imminent or bool(language.time.regex.search(stream))
                hits.append(_Hit(item, owner[start + a], owner[start + b - 1] + 1, imminent))
                break
        return hits

    def _explained(self, language, item: _CompiledRule, a, b, stems, clause_of, spans) -> bool:
        """Whether the hit at elements [a, b) is explained by its context (negation, past, ...)."""
        checks = item.rule.checks()
        if NEGATION in checks and not item.negated_in_pattern:
            for i in range(max(0, a - 3), b):
                if stems[i] in language.negators and clause_of[i] == clause_of[a]:
                    following = stems[i + 1] if i + 1 < len(stems) else ""
                    if following not in language.keeps:
                        return True
        has_first_person = any(stems[i] in language.first_person for i in range(a, b))
        for i, ctx in enumerate(language.contexts):
            check = ctx.context.check
            if check not in checks or not spans[i]:
                continue
            if check == OTHERS and has_first_person:
                continue  # "my plan is ... the day he died" is the writer's own
            for s, e in spans[i]:
                if _applies(ctx.context.scope, s, e, a, b, clause_of, check):
                    return True
        return False


def _applies(scope: str, s: int, e: int, a: int, b: int, clause_of, check: str) -> bool:
    if scope == "span":
        return s < b and e > a
    if scope == "sentence":
        return True
    if scope == "clause":
        return any(clause_of[i] in (clause_of[a], clause_of[b - 1]) for i in range(s, e))
    if scope == "before":
        limit = 8 if check in (QUOTE,) else 6
        if check == SELF_TALK:
            return s <= a and a - s <= limit and clause_of[s] == clause_of[a]
        return s <= a and a - s <= limit and clause_of[s] == clause_of[a]
    return False


def _deletions(word: str) -> set[str]:
    variants = {word}
    for i in range(len(word)):
        variants.add(word[:i] + word[i + 1 :])
    return variants


def _boundaries(text: str, words: list[normalise.Word]) -> tuple[list[int], list[int], set[int]]:
    """Sentence and clause number of each word, from the punctuation between words, and the
    sentences that end with a question mark."""
    sentences, clauses = [], []
    questions: set[int] = set()
    sentence = clause = 0
    previous_end = None
    for word in words:
        if previous_end is not None:
            gap = text[previous_end : word.start]
            if _SENTENCE_GAP.search(gap):
                if "?" in gap:
                    questions.add(sentence)
                sentence += 1
                clause += 1
            elif _CLAUSE_GAP.search(gap):
                clause += 1
        sentences.append(sentence)
        clauses.append(clause)
        previous_end = word.end
    if previous_end is not None and "?" in text[previous_end : previous_end + 3]:
        questions.add(sentence)
    return sentences, clauses, questions


def _watched(words: list[normalise.Word], watched: Iterable[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    from moderation.screening.watched import find_in_words

    result: dict[str, list[str]] = {}
    pairs = list(watched)
    if not pairs:
        return {}
    found = set(find_in_words(words, [phrase for phrase, _action in pairs]))
    for phrase, action in pairs:
        if phrase in found and phrase not in result.setdefault(action, []):
            result[action].append(phrase)
    return {action: tuple(phrases) for action, phrases in result.items() if phrases}


_LEARNED = frozenset(learned.CATEGORY.values())
_ORDER = {c.CRISIS: 0, c.MISINFORMATION: 1, c.HOSTILE: 2}


def _sort(evidence: list[Evidence]) -> list[Evidence]:
    # At the same severity, a rule's match (a named phrase) leads over the learned layer's guess.
    return sorted(
        evidence,
        key=lambda e: (c.SEVERITY_RANK[e.severity], e.category in _LEARNED, _ORDER[e.label], e.start),
    )


def _evidence(text: str, found) -> list[Evidence]:
    evidence: list[Evidence] = []
    seen: set[tuple[str, int, int]] = set()
    # Crisis rules first, so that a span found by several rules keeps its most serious reading.
    for hit, words in found:
        rule = hit.rule.rule
        start, end = words[hit.start].start, words[hit.end - 1].end
        if rule.label == c.CRISIS or rule.category in CRISIS_LEVEL_CATEGORIES:
            severity = c.IMMINENT if hit.imminent and rule.label == c.CRISIS else c.SEVERE
        else:
            severity = c.FLAG
        key = (rule.label, start, end)
        if key in seen:
            continue
        seen.add(key)
        evidence.append(
            Evidence(
                label=rule.label,
                category=rule.category,
                severity=severity,
                rule=f"{hit.rule.language}:{rule.name}",
                words=" ".join(text[start:end].split())[:120],
                start=start,
                end=end,
            )
        )
    return _sort(evidence)


def combine(rules: Sequence[Evidence], finding: learned.Finding, thresholds, text: str) -> list[Evidence]:
    """The rules' evidence, plus a flag of the learned layer for each label whose probability
    reaches its threshold and that the rules did not find. The rules keep their evidence and
    severity (a missed crisis costs more than a false alarm, so the learned layer never takes a
    rules' flag away). It adds crisis only where the rules found nothing at crisis level (so that
    "kys" stays a hostile reply at crisis level). Its evidence is the words that pushed the score
    up most, and the probability."""
    evidence = list(rules)
    labels = {e.label for e in evidence}
    crisis_level = any(e.severity in (c.IMMINENT, c.SEVERE) for e in evidence)
    for label in (c.CRISIS, c.MISINFORMATION, c.HOSTILE):
        limit = thresholds.get(label, {}).get(finding.language)
        probability = finding.probabilities.get(label, 0.0)
        if limit is None or probability < limit or label in labels or (label == c.CRISIS and crisis_level):
            continue
        spans = sorted(finding.spans.get(label, ()))
        if not spans:
            continue
        words = " … ".join(" ".join(text[a:b].split()) for a, b in spans)[:120]
        evidence.append(
            Evidence(
                label=label,
                category=learned.CATEGORY[label],
                severity=c.SEVERE if label == c.CRISIS else c.FLAG,
                rule=f"{finding.language}:learned p={probability:.2f}",
                words=words,
                start=spans[0][0],
                end=spans[-1][1],
            )
        )
    return _sort(evidence)


@lru_cache(maxsize=1)
def detector() -> Detector:
    return Detector()


def screen(text: str, language: str = "en", *, watched: Iterable[tuple[str, str]] = ()) -> Verdict:
    """Screen `text` written in `language` ("en" or "nb"; both languages' rules are tried, as
    people write in both). `watched` is the moderators' list as (phrase, action) pairs."""
    return detector().screen(text, language, watched)
