"""The screen's learned layer (moderation/screening/learned.py): trained deterministically, stored
with the hash of its training data, loaded once, and explained by the words that weighed most."""

import pytest
from django.core.management import call_command

from moderation.screening import categories as c
from moderation.screening import learned, screen, training
from moderation.screening.engine import detector

SMALL = [
    learned.Sample(c.CRISIS, "en", "I want to die tonight"),
    learned.Sample(c.CRISIS, "nb", "jeg vil ikke leve lenger"),
    learned.Sample(c.OK, "en", "lovely walk by the river today"),
    learned.Sample(c.OK, "nb", "fin tur langs elva i dag"),
    learned.Sample(c.HOSTILE, "en", "shut up you loser"),
    learned.Sample(c.MISINFORMATION, "en", "just stop taking your meds"),
]


def test_training_is_deterministic(tmp_path):
    vectors = learned.vectorise(SMALL)
    first = learned.Model(*learned.fit(vectors, epochs=3), {"version": learned.VERSION})
    second = learned.Model(*learned.fit(vectors, epochs=3), {"version": learned.VERSION})
    first.dump(tmp_path / "a.bin")
    second.dump(tmp_path / "b.bin")
    assert (tmp_path / "a.bin").read_bytes() == (tmp_path / "b.bin").read_bytes()
    # and it learned something: each training line's own class is the likeliest
    for vector, y in vectors:
        probabilities = learned.probabilities(first.weights, first.biases, vector)
        assert probabilities.index(max(probabilities)) == y


def test_a_dumped_model_loads_with_the_same_scores(tmp_path):
    vectors = learned.vectorise(SMALL)
    model = learned.Model(*learned.fit(vectors, epochs=3), {"version": learned.VERSION, "thresholds": {}})
    model.dump(tmp_path / "m.bin")
    loaded = learned.Model.load(tmp_path / "m.bin")
    reading = learned.read("I want to die tonight", "en")
    before, after = model.finding(reading).probabilities, loaded.finding(reading).probabilities
    for name in learned.CLASSES:
        assert after[name] == pytest.approx(before[name], abs=0.01)


def test_a_model_of_another_version_is_refused(tmp_path):
    model = learned.Model([0.0] * (learned.DIM * learned.K), [0.0] * learned.K, {"version": 0})
    model.dump(tmp_path / "old.bin")
    with pytest.raises(ValueError, match="train_screening"):
        learned.Model.load(tmp_path / "old.bin")


def test_the_committed_model_matches_the_training_data_and_is_small():
    model = learned.model()
    assert model is not None, "run `python manage.py train_screening`"
    assert model.meta["version"] == learned.VERSION
    # Edit corpus/train.tsv or dev.tsv without retraining, and this fails.
    assert model.meta["data_sha256"] == learned.data_hash()
    assert model.meta["files"] == ["train.tsv", "dev.tsv"]
    assert learned.MODEL_PATH.stat().st_size < 2 * 1024 * 1024
    assert learned.model() is model  # loaded once per process


def test_the_training_files_hold_no_held_out_part():
    assert all(path.name in ("train.tsv", "dev.tsv") for path in learned.TRAINING_FILES)


def test_folds_deal_out_every_label_and_language_evenly():
    items = [
        learned.Sample(label, language, f"{label} {language} {i}")
        for label in c.LABELS
        for language in ("en", "nb")
        for i in range(10)
    ]
    fold_of = training.folds(items)
    for fold in range(training.FOLDS):
        chosen = [s for s, f in zip(items, fold_of, strict=True) if f == fold]
        assert len(chosen) == len(items) // training.FOLDS
        assert {(s.label, s.language) for s in chosen} == {(label, lang) for label in c.LABELS for lang in ("en", "nb")}


def test_the_cross_validated_figures_are_stored_and_the_learned_layer_adds_to_the_rules():
    """Pinned, with a little room: what the learned layer adds in the cross-validation over the
    rules alone (figures in the README), and that its own false alarms stay near the budget."""
    cv = learned.model().meta["cross_validation"]
    for language in ("en", "nb"):
        rules, both = cv["rules_only"][language], cv["rules_and_model"][language]
        assert both[f"{c.CRISIS}_recall"] >= rules[f"{c.CRISIS}_recall"] + 0.05, language
        assert both[f"{c.HOSTILE}_recall"] >= 0.8, language
        assert both[f"{c.MISINFORMATION}_recall"] >= 0.8, language
        for label in (c.CRISIS, c.HOSTILE, c.MISINFORMATION):
            added = both[f"{label}_false_alarms"] - rules[f"{label}_false_alarms"]
            assert added <= training.FALSE_ALARM_BUDGET[label] + 0.01, (language, label)


def test_the_training_command_reports_cross_validated_figures(tmp_path, monkeypatch):
    from io import StringIO

    small = tmp_path / "small.tsv"
    lines = ["label\tlang\ttext"]
    for sample in SMALL * 5:
        lines.append(f"{sample.label}\t{sample.language}\t{sample.text} {len(lines)}")
    small.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(learned, "TRAINING_FILES", (small,))
    monkeypatch.setattr(training, "learned", learned)
    out = StringIO()
    target = tmp_path / "model.bin"
    from moderation.management.commands import train_screening

    monkeypatch.setattr(train_screening, "train", lambda log, **o: training.train((small,), log=log, epochs=2))
    call_command("train_screening", "--output", str(target), stdout=out)
    report = out.getvalue()
    assert "Cross-validated (5 folds)" in report
    assert "rules + learned" in report and "rules only" in report and "Thresholds:" in report
    loaded = learned.Model.load(target)
    assert loaded.meta["data_sha256"] == learned.data_hash((small,))


# Sentences written for these tests (not in any corpus file): the rules do not find them, the
# learned layer does, and says which words weighed most.
LEARNED = [
    (c.CRISIS, "en", "the pills are lined up on my desk, i'm going tonight", "pills"),
    (c.CRISIS, "nb", "alle hadde klart seg bedre uten meg, jeg drar i natt", "klart"),
    # leetspeak all through: "vil ikke være her lenger", "har tenkt på å ta livet", "… uten meg"
    (c.CRISIS, "nb", "v1l 1kk3 v3r3 h3r l3ng3r", "h3r"),
    (c.CRISIS, "nb", "h4r t3nkt p4 4 t4 l!v3t", "l!v3t"),
    (c.CRISIS, "nb", "alle hadde hatt d b3dr3 ut3n m3g", "m3g"),
    (c.MISINFORMATION, "en", "mix your sleeping tablets with a few glasses of wine, you'll sleep great", "wine"),
    # the rules read it as hostile (an insult) and lead; the learned layer adds the advice
    (c.MISINFORMATION, "nb", "medisinene dine er gift, kast dem og prøv faste", "gift"),
]


@pytest.mark.parametrize(("label", "language", "text", "word"), LEARNED)
def test_the_learned_layer_finds_what_the_rules_miss_and_names_the_words(label, language, text, word):
    rules = detector().rule_evidence(text, language)
    assert not any(e.label == label for e in rules)
    verdict = screen(text, language)
    # At the same severity a rule's match leads: the learned flag is added, not put first.
    assert verdict.label == (rules[0].label if rules else label)
    learned_evidence = [e for e in verdict.evidence if e.category == learned.CATEGORY[label]]
    assert learned_evidence, verdict
    evidence = learned_evidence[0]
    assert word in evidence.words.lower()
    assert evidence.rule.startswith(f"{language}:learned p=")
    assert text[evidence.start : evidence.end].lower().find(word) >= 0


def test_a_crisis_sentence_inside_a_long_ordinary_post_still_counts():
    text = LEARNED[0][2]
    filler = "We went to the shop and bought bread, milk and apples for the week. " * 60
    verdict = screen(filler + text + ". " + filler, "en")
    assert verdict.label == c.CRISIS


def test_without_a_model_the_rules_still_screen(monkeypatch):
    monkeypatch.setattr(learned, "model", lambda: None)
    verdict = screen("I want to kill myself", "en")
    assert verdict.label == c.CRISIS
    assert all(not e.category.startswith("learned") for e in verdict.evidence)


def test_learned_categories_have_names_for_people():
    for category in learned.CATEGORY.values():
        assert category in c.CATEGORY_NAMES
