"""The rule types the screen's rule tables are written in (rules_en.py, rules_nb.py)."""

from dataclasses import dataclass, field

from moderation.screening import categories as c

# Context checks: what makes words that look like crisis (or hostility, or advice) something else.
NEGATION = "negation"  # "I would never kill myself"
PAST = "past"  # "Five years ago I tried to end my life"; recovery stories
OTHERS = "others"  # about someone else: "my friend wants to die", grief for someone else
TOPIC = "topic"  # news, statistics, campaigns, questions about the crisis plan
FIGURE = "figure"  # "this homework is murder", "jeg ler meg i hjel"
HYPOTHETICAL = "hypothetical"  # "if I ever feel like ending it, I call..."
QUOTE = "quote"  # reported speech: "my mum told me to man up"
SELF_TALK = "self_talk"  # hostile words about oneself: "I'm such an idiot"
OWN_PLAN = "own_plan"  # one's own medicine plan made with a doctor
QUESTION = "question"  # asking, not advising: "should I stop my meds?"
ADVICE_OK = "advice_ok"  # "talk to your doctor before you stop"

DEFAULT_CHECKS = {
    c.CRISIS: frozenset({NEGATION, PAST, OTHERS, FIGURE, HYPOTHETICAL}),
    c.HOSTILE: frozenset({NEGATION, QUOTE, SELF_TALK, FIGURE}),
    c.MISINFORMATION: frozenset({NEGATION, OWN_PLAN, QUESTION, QUOTE, ADVICE_OK, PAST}),
}
# A weak rule names the topic without saying it is the writer's own ("suicide", "overdose"): the
# context of news, statistics and questions decides too.
WEAK_CHECKS = frozenset({TOPIC, QUESTION})

CATEGORY_LABEL = {
    **dict.fromkeys(
        (
            "wish_dead",
            "suicidal_thoughts",
            "method_plan",
            "intent",
            "preparatory",
            "self_harm",
            "burdensomeness",
            "thwarted_belonging",
            "command_hallucination",
            "act_under_way",
        ),
        c.CRISIS,
    ),
    "incitement": c.HOSTILE,
    "invalidation": c.HOSTILE,
    "insult": c.HOSTILE,
    "exclusion": c.HOSTILE,
    "stop_medication": c.MISINFORMATION,
    "dose_change": c.MISINFORMATION,
    "combine": c.MISINFORMATION,
    "replace": c.MISINFORMATION,
}
# Telling someone to harm themselves is hostile, and as serious as a crisis.
CRISIS_LEVEL_CATEGORIES = frozenset({"incitement"})


@dataclass(frozen=True)
class Rule:
    category: str
    name: str
    pattern: str
    weak: bool = False
    # Checks that do not apply to this rule (for example negation for "I can't go on").
    without: frozenset[str] = field(default_factory=frozenset)
    imminent: bool = False

    @property
    def label(self) -> str:
        return CATEGORY_LABEL[self.category]

    def checks(self) -> frozenset[str]:
        checks = DEFAULT_CHECKS[self.label] | (WEAK_CHECKS if self.weak else frozenset())
        if self.category == "act_under_way":
            # An act under way is told in the past tense ("I took them all"): that is no recovery story.
            checks -= {PAST}
        return checks - self.without


def rule(category: str, name: str, pattern: str, *, weak: bool = False, without=(), imminent: bool = False) -> Rule:
    if category not in CATEGORY_LABEL:
        raise ValueError(f"unknown category {category!r} in rule {name!r}")
    return Rule(category, name, pattern, weak=weak, without=frozenset(without), imminent=imminent)


@dataclass(frozen=True)
class Context:
    """A context pattern. `scope` says where it counts: "clause" (anywhere in the same clause as the
    hit), "before" (just before the hit, in its clause), "span" (overlapping the hit), "sentence"."""

    check: str
    name: str
    pattern: str
    scope: str = "clause"


def context(check: str, name: str, pattern: str, scope: str = "clause") -> Context:
    return Context(check, name, pattern, scope)
