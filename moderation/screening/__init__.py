"""Screening: one function, `screen(text, language)`, that says whether a text holds crisis
language, hostility or harmful health advice, how serious it is, and why (the words and the rule).

It supports the peer moderators and never replaces them: it misses things and it raises false
alarms (the README gives the measured figures). It imports no feature app; the forum, messaging,
cafés and the toolbox reach it through the hooks in reconnect/core/hooks.py, registered by the
moderation app.
"""

from moderation.screening.categories import CRISIS, HOSTILE, IMMINENT, LABELS, MISINFORMATION, OK
from moderation.screening.engine import Evidence, Verdict, screen

__all__ = ["CRISIS", "HOSTILE", "IMMINENT", "LABELS", "MISINFORMATION", "OK", "Evidence", "Verdict", "screen"]
