"""The learned layer: a linear classifier over hashed features that finds what the word lists miss.

The rules (rules_en.py, rules_nb.py) say exactly which phrase they matched; they cannot foresee every
way people write. This layer reads the same normalised, de-obfuscated and stemmed words the rules
read, and scores a text against four classes (ok, crisis, hostile, misinformation) with a
multinomial logistic regression over:

- stemmed word unigrams and bigrams (after the spellings of language.py: "im" is "i am", Nynorsk
  "eg" is "jeg"), and
- character 3- to 5-grams of each word as written after normalisation ("k!ll" is already "kill"),
  which carry inflections, compounds and misspellings the stemmer does not know.

Features are hashed into DIM buckets (crc32, the same on every machine). A text longer than WINDOW
words is read sentence by sentence (each sentence, and each pair of neighbouring sentences), and the
highest score counts, so that one crisis sentence in a long post is not drowned by the rest; the
work stays linear in the length of the text.

It is trained by `python manage.py train_screening` (deterministic: a fixed seed, a fixed order),
from corpus/train.tsv and corpus/dev.tsv only; never from the held-out part. The weights, the
thresholds chosen by cross-validation and the SHA-256 of the training files are stored in
MODEL_PATH, loaded once per process. Every flag names the words that pushed the score up most, so a
moderator sees why.
"""

import hashlib
import json
import math
import random
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from moderation.screening import categories as c
from moderation.screening import language as lang
from moderation.screening import normalise

VERSION = 1
DIM = 1 << 18
CLASSES = (c.OK, c.CRISIS, c.HOSTILE, c.MISINFORMATION)
K = len(CLASSES)
WINDOW, STRIDE = 64, 32
NGRAMS = (3, 4, 5)
SEED = 15
MODEL_PATH = Path(__file__).with_name("model.bin")
CORPUS = Path(__file__).with_name("corpus")
TRAINING_FILES = (CORPUS / "train.tsv", CORPUS / "dev.tsv")
# The category a flag of the learned layer has (categories.py names them for people).
CATEGORY = {c.CRISIS: "learned_crisis", c.HOSTILE: "learned_hostile", c.MISINFORMATION: "learned_advice"}


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (DIM - 1)


@lru_cache(maxsize=50000)
def _word_features(form: str, stem: str) -> tuple[int, ...]:
    """The buckets of one word: its stem, and the character n-grams of its written form."""
    found = [_bucket("w|" + stem)]
    padded = f"<{form}>"
    for n in NGRAMS:
        for i in range(len(padded) - n + 1):
            found.append(_bucket("c|" + padded[i : i + n]))
    return tuple(found)


@lru_cache(maxsize=50000)
def _pair_feature(first: str, second: str) -> int:
    return _bucket(f"b|{first}|{second}")


@dataclass(frozen=True)
class Reading:
    """A text as the learned layer reads it: per element (a word, or a part of a spelled-out or
    contracted word), its buckets and the index of the written word it came from."""

    words: list[normalise.Word]
    language: str
    features: list[tuple[int, ...]]
    owner: list[int]
    # the element index where each sentence starts (for windows in long texts)
    sentence_starts: tuple[int, ...] = (0,)


def read(text: str, language: str) -> Reading:
    from moderation.screening.engine import _boundaries, detector

    repair = detector().repair
    words = list(normalise.words_once(text or ""))
    code = lang.detect([w.text for w in words], language)
    spellings = lang.SPELLINGS[code]
    elements: list[str] = []
    owner: list[int] = []
    for index, word in enumerate(words):
        for form in repair(word.text, word.disguised, word.spelled):
            for piece in spellings.get(form, (form,)):
                elements.append(piece)
                owner.append(index)
    stems = lang.stem_words(code, elements) if elements else []
    features = []
    previous = ""
    for form, stem in zip(elements, stems, strict=True):
        own = _word_features(form, stem)
        if previous:
            own = (*own, _pair_feature(previous, stem))
        features.append(own)
        previous = stem
    starts: tuple[int, ...] = (0,)
    if len(elements) > WINDOW:
        sentence_of = _boundaries(text, words)[0]
        starts = tuple(i for i in range(len(elements)) if i == 0 or sentence_of[owner[i]] != sentence_of[owner[i - 1]])
    return Reading(words, code, features, owner, starts)


def _windows(total: int, sentence_starts: Sequence[int] = (0,)) -> list[tuple[int, int]]:
    """The spans of elements scored: the whole text if it is short (as in training); else each
    sentence and each pair of neighbouring sentences (a long sentence in overlapping pieces), so
    that one crisis sentence in a long post is read on its own, not diluted by the rest."""
    if total <= WINDOW:
        return [(0, total)]
    bounds = [*sentence_starts, total]
    spans: set[tuple[int, int]] = set()
    for i in range(len(bounds) - 1):
        for j in (i + 1, i + 2):
            if j >= len(bounds):
                break
            a, b = bounds[i], bounds[j]
            if b - a <= WINDOW:
                spans.add((a, b))
            elif j == i + 1:
                for start in range(a, b - WINDOW + STRIDE, STRIDE):
                    spans.add((min(start, b - WINDOW), min(start, b - WINDOW) + WINDOW))
    return sorted(spans)


def _softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


@dataclass(frozen=True)
class Finding:
    """What the learned layer thinks of a text: the probability of each class (in the window that
    scored highest for that class), and per class the words that pushed it up most."""

    language: str
    probabilities: dict[str, float]
    # class → ((start, end) character spans of the words, most contributing first)
    spans: dict[str, tuple[tuple[int, int], ...]]


class Model:
    """Weights (K per bucket, interleaved), biases, and the thresholds per class and language."""

    def __init__(self, weights: Sequence[float], biases: Sequence[float], meta: dict) -> None:
        self.weights = weights
        self.biases = list(biases)
        self.meta = meta
        self.thresholds: dict[str, dict[str, float]] = meta.get("thresholds", {})
        self._cache: dict[tuple[int, ...], tuple[float, ...]] = {}

    # --- scoring --------------------------------------------------------------------------------

    def _contribution(self, features: tuple[int, ...]) -> tuple[float, ...]:
        found = self._cache.get(features)
        if found is None:
            w = self.weights
            sums = [0.0] * K
            for bucket in features:
                base = bucket * K
                for k in range(K):
                    sums[k] += w[base + k]
            found = tuple(sums)
            if len(self._cache) < 100000:
                self._cache[features] = found
        return found

    def finding(self, reading: Reading) -> Finding:
        n = len(reading.features)
        if not n:
            return Finding(reading.language, dict.fromkeys(CLASSES, 0.0) | {c.OK: 1.0}, {})
        contributions = [self._contribution(f) for f in reading.features]
        counts = list(accumulate_counts(reading.features))
        prefix = [[0.0] * K]
        for row in contributions:
            last = prefix[-1]
            prefix.append([last[k] + row[k] for k in range(K)])
        best: dict[str, tuple[float, tuple[int, int]]] = {}
        for a, b in _windows(n, reading.sentence_starts):
            norm = math.sqrt(max(1, counts[b] - counts[a]))
            scores = [self.biases[k] + (prefix[b][k] - prefix[a][k]) / norm for k in range(K)]
            probabilities = _softmax(scores)
            for k, name in enumerate(CLASSES):
                if name not in best or probabilities[k] > best[name][0]:
                    best[name] = (probabilities[k], (a, b))
        spans: dict[str, tuple[tuple[int, int], ...]] = {}
        for k, name in enumerate(CLASSES):
            if name == c.OK:
                continue
            a, b = best[name][1]
            spans[name] = _evidence(reading, contributions, a, b, k)
        return Finding(reading.language, {name: best[name][0] for name in CLASSES}, spans)

    def flags(self, finding: Finding) -> list[str]:
        """The classes whose probability reaches their threshold for the text's language."""
        out = []
        for name in (c.CRISIS, c.HOSTILE, c.MISINFORMATION):
            limit = self.thresholds.get(name, {}).get(finding.language)
            if limit is not None and finding.probabilities[name] >= limit:
                out.append(name)
        return out

    # --- storing --------------------------------------------------------------------------------

    def dump(self, path: Path) -> None:
        scale = max((abs(x) for x in self.weights), default=1.0) / 32767 or 1.0
        quantised = array("h", (round(x / scale) for x in self.weights))
        meta = {**self.meta, "scale": scale, "biases": self.biases, "dim": DIM, "classes": list(CLASSES)}
        header = json.dumps(meta, sort_keys=True, ensure_ascii=False).encode("utf-8")
        body = zlib.compress(quantised.tobytes(), 9)
        path.write_bytes(header + b"\n" + body)

    @classmethod
    def load(cls, path: Path) -> "Model":
        raw = path.read_bytes()
        header, _, body = raw.partition(b"\n")
        meta = json.loads(header)
        if meta.get("version") != VERSION or meta.get("dim") != DIM or tuple(meta.get("classes", ())) != CLASSES:
            raise ValueError(f"{path} was made for another version of the learned layer; run train_screening.")
        quantised = array("h")
        quantised.frombytes(zlib.decompress(body))
        scale = meta["scale"]
        weights = array("d", (x * scale for x in quantised))
        return cls(weights, meta["biases"], meta)


def accumulate_counts(features: list[tuple[int, ...]]):
    total = 0
    yield 0
    for row in features:
        total += len(row)
        yield total


def _evidence(reading: Reading, contributions, a: int, b: int, k: int) -> tuple[tuple[int, int], ...]:
    """The written words in elements [a, b) that pushed class k up most against ok, as character
    spans; neighbouring words are joined into one phrase."""
    per_word: dict[int, float] = {}
    for i in range(a, b):
        push = contributions[i][k] - contributions[i][0]
        word = reading.owner[i]
        per_word[word] = per_word.get(word, 0.0) + push
    top = sorted((w for w, v in per_word.items() if v > 0), key=lambda w: -per_word[w])[:5]
    if not top:
        return ()
    chosen = sorted(top)
    phrases: list[list[int]] = [[chosen[0]]]
    for word in chosen[1:]:
        if word - phrases[-1][-1] <= 1:
            phrases[-1].append(word)
        else:
            phrases.append([word])
    phrases.sort(key=lambda p: -sum(per_word[w] for w in p))
    words = reading.words
    return tuple((words[p[0]].start, words[p[-1]].end) for p in phrases[:3])


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The committed model, loaded once per process (None if there is none: the rules still work)."""
    if not MODEL_PATH.exists():
        return None
    return Model.load(MODEL_PATH)


def data_hash(paths: Sequence[Path] = TRAINING_FILES) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


# --- training ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    label: str
    language: str
    text: str


def vectorise(samples: Sequence[Sample]) -> list[tuple[list[tuple[int, float]], int]]:
    """Each sample as (sparse features with their values, class index)."""
    out = []
    for sample in samples:
        reading = read(sample.text, sample.language)
        counts: dict[int, int] = {}
        total = 0
        for row in reading.features:
            for bucket in row:
                counts[bucket] = counts.get(bucket, 0) + 1
                total += 1
        norm = math.sqrt(max(1, total))
        out.append(([(bucket, n / norm) for bucket, n in sorted(counts.items())], CLASSES.index(sample.label)))
    return out


def fit(
    vectors: Sequence[tuple[list[tuple[int, float]], int]],
    *,
    epochs: int = 25,
    rate: float = 1.0,
    l2: float = 1e-6,
    seed: int = SEED,
) -> tuple[list[float], list[float]]:
    """Multinomial logistic regression by stochastic gradient descent: a fixed seed shuffles the
    samples the same way on every run, so the same data gives the same weights. Classes are
    weighted so that each counts as much as the others in total. (The four classes are written
    out in the inner loops: this is the slow part, in pure Python.)"""
    assert K == 4
    w = [0.0] * (DIM * K)
    biases = [0.0] * K
    per_class = [0] * K
    for _features, y in vectors:
        per_class[y] += 1
    balance = [len(vectors) / (K * n) if n else 0.0 for n in per_class]
    order = list(range(len(vectors)))
    rng = random.Random(seed)
    exp = math.exp
    for epoch in range(epochs):
        rng.shuffle(order)
        lr = rate / (1 + epoch)
        shrink = 1 - lr * l2
        for index in order:
            features, y = vectors[index]
            s0, s1, s2, s3 = biases
            for bucket, value in features:
                base = bucket * 4
                s0 += w[base] * value
                s1 += w[base + 1] * value
                s2 += w[base + 2] * value
                s3 += w[base + 3] * value
            top = max(s0, s1, s2, s3)
            e0, e1, e2, e3 = exp(s0 - top), exp(s1 - top), exp(s2 - top), exp(s3 - top)
            total = e0 + e1 + e2 + e3
            step = lr * balance[y] / total
            g0, g1, g2, g3 = e0 * step, e1 * step, e2 * step, e3 * step
            correction = lr * balance[y]
            if y == 0:
                g0 -= correction
            elif y == 1:
                g1 -= correction
            elif y == 2:
                g2 -= correction
            else:
                g3 -= correction
            for bucket, value in features:
                base = bucket * 4
                w[base] = w[base] * shrink - g0 * value
                w[base + 1] = w[base + 1] * shrink - g1 * value
                w[base + 2] = w[base + 2] * shrink - g2 * value
                w[base + 3] = w[base + 3] * shrink - g3 * value
            biases[0] -= g0 * 0.1
            biases[1] -= g1 * 0.1
            biases[2] -= g2 * 0.1
            biases[3] -= g3 * 0.1
    return w, biases


def probabilities(weights, biases, features: list[tuple[int, float]]) -> list[float]:
    scores = list(biases)
    for bucket, value in features:
        base = bucket * K
        for k in range(K):
            scores[k] += weights[base + k] * value
    return _softmax(scores)
