"""What the screen can say about a text: labels, severities and categories, with names for people.

Crisis categories follow the Columbia Suicide Severity Rating Scale (wish to be dead, thoughts,
method, intent, plan, preparatory acts) and the interpersonal theory of suicide (perceived
burdensomeness, thwarted belonging); self-harm, command hallucinations and an act under way are
added because members write about them and moderators must act on them.
"""

from django.utils.translation import gettext_lazy as _

CRISIS, HOSTILE, MISINFORMATION, OK = "crisis", "hostile", "misinformation", "ok"
LABELS = (CRISIS, HOSTILE, MISINFORMATION, OK)
LABEL_NAMES = {
    CRISIS: _("Crisis language"),
    HOSTILE: _("Hostile"),
    MISINFORMATION: _("Health advice"),
    OK: _("Nothing found"),
}

# Severity, highest first. Hostile posts and health advice are flags for a moderator.
IMMINENT, SEVERE, FLAG, NONE = "imminent", "crisis", "flag", ""
SEVERITY_RANK = {IMMINENT: 0, SEVERE: 1, FLAG: 2, NONE: 3}
SEVERITY_NAMES = {IMMINENT: _("Imminent"), SEVERE: _("Crisis"), FLAG: _("Flag"), NONE: ""}

CATEGORY_NAMES = {
    # crisis
    "wish_dead": _("Wish to be dead"),
    "suicidal_thoughts": _("Thoughts of suicide"),
    "method_plan": _("Method or plan"),
    "intent": _("Intent or decision"),
    "preparatory": _("Preparing (goodbyes, means)"),
    "self_harm": _("Self-harm"),
    "burdensomeness": _("Feeling a burden"),
    "thwarted_belonging": _("Nobody would care"),
    "command_hallucination": _("Voices telling to harm"),
    "act_under_way": _("An act under way"),
    "incitement": _("Telling someone to harm themselves"),
    # hostile
    "invalidation": _("Invalidation or mockery"),
    "insult": _("Insult"),
    "exclusion": _("Telling someone to leave"),
    # health advice
    "stop_medication": _("Advice to stop medication"),
    "dose_change": _("Advice to change a dose"),
    "combine": _("Advice to combine medication"),
    "replace": _("Advice to replace medication"),
    # the learned layer (moderation/screening/learned.py): flags the word lists did not raise
    "learned_crisis": _("Crisis language (learned model)"),
    "learned_hostile": _("Hostile (learned model)"),
    "learned_advice": _("Health advice (learned model)"),
    # moderators' own list
    "watched_word": _("Watched word"),
}
