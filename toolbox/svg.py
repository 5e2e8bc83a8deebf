"""Pictures drawn on the server: the network map and the check-in chart.

Both are plain SVG with a <title> and a <desc> and role="img", so that a screen reader hears one
summary and the page next to it carries the full text alternative. Colours are presentation
attributes (the CSP forbids style attributes) and every colour pair meets 3:1 against white.
"""

import math
from collections import Counter
from datetime import date, timedelta
from xml.sax.saxutils import escape, quoteattr

from django.utils.formats import date_format, number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from toolbox.models import Closeness, PersonKind

MAP_SIZE = 640
LEGEND_HEIGHT = 96
CENTRE = MAP_SIZE / 2
RING_RADII = {Closeness.CLOSE: 95, Closeness.MIDDLE: 185, Closeness.OUTER: 275}
# How many people each ring shows before the rest become "+N more" (the text list has everyone).
RING_CAPACITY = {Closeness.CLOSE: 6, Closeness.MIDDLE: 10, Closeness.OUTER: 14}
KIND_COLOURS = {
    PersonKind.FAMILY: "#1d5c63",
    PersonKind.FRIENDS: "#8a3b12",
    PersonKind.PEERS: "#5b3f8c",
    PersonKind.WORK: "#2f5d1e",
    PersonKind.SERVICES: "#a4161a",
    PersonKind.OTHER: "#4a5560",
}
KIND_ORDER = list(PersonKind.values)


def _short(name: str, limit: int = 12) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


# People are spread round each ring but leave a gap at the top, where the ring's name is written.
TOP_GAP = 0.45


def _slot_angle(index: int, slots: int) -> float:
    usable = 2 * math.pi - 2 * TOP_GAP
    return -math.pi / 2 + TOP_GAP + usable * (index + 0.5) / max(slots, 1)


def network_map(people, *, owner_label: str) -> SafeString:
    """Rings of closeness around the member; on each ring people sit grouped by kind."""
    by_ring: dict[int, list] = {ring: [] for ring in RING_RADII}
    for person in people:
        by_ring.setdefault(person.closeness, []).append(person)
    counts = {ring: len(by_ring[ring]) for ring in RING_RADII}
    summary = _(
        "%(close)d close, %(middle)d in the middle circle and %(outer)d in the outer circle. "
        "The list below the picture names everyone."
    ) % {"close": counts[Closeness.CLOSE], "middle": counts[Closeness.MIDDLE], "outer": counts[Closeness.OUTER]}
    title = _("Network map of %(name)s") % {"name": owner_label}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MAP_SIZE} {MAP_SIZE + LEGEND_HEIGHT}" role="img" '
        'aria-labelledby="network-map-title network-map-desc" class="network-map" '
        'font-family="system-ui, sans-serif">',
        f'<title id="network-map-title">{escape(title)}</title>',
        f'<desc id="network-map-desc">{escape(summary)}</desc>',
        f'<rect width="{MAP_SIZE}" height="{MAP_SIZE + LEGEND_HEIGHT}" fill="#ffffff"/>',
    ]
    for ring, radius in sorted(RING_RADII.items(), reverse=True):
        parts.append(
            f'<circle class="ring" data-ring="{Closeness(ring).name.lower()}" cx="{CENTRE}" cy="{CENTRE}" r="{radius}" '
            'fill="none" stroke="#8a97a3" stroke-width="1.5" stroke-dasharray="6 4"/>'
        )
        parts.append(
            f'<text x="{CENTRE}" y="{CENTRE - radius + 20}" text-anchor="middle" font-size="17" fill="#4a5560">'
            f"{escape(str(Closeness(ring).label))}</text>"
        )
    parts.append(f'<circle cx="{CENTRE}" cy="{CENTRE}" r="30" fill="#e6f2f2" stroke="#1d5c63" stroke-width="2"/>')
    me = _("Me")
    parts.append(
        f'<text x="{CENTRE}" y="{CENTRE + 5}" text-anchor="middle" font-size="19" font-weight="700" fill="#1f2a37">'
        f"{escape(me)}</text>"
    )
    for ring, radius in RING_RADII.items():
        members = sorted(by_ring[ring], key=lambda p: (KIND_ORDER.index(p.kind), p.name.lower(), p.pk or 0))
        capacity = RING_CAPACITY[ring]
        shown = members if len(members) <= capacity else members[: capacity - 1]
        hidden = len(members) - len(shown)
        slots = len(shown) + (1 if hidden else 0)
        for index, person in enumerate(shown):
            angle = _slot_angle(index, slots)
            x = CENTRE + radius * math.cos(angle)
            y = CENTRE + radius * math.sin(angle)
            colour = KIND_COLOURS.get(person.kind, KIND_COLOURS[PersonKind.OTHER])
            label_y = y + 28 if math.sin(angle) >= 0 else y - 15
            # Keep names near the left and right edges inside the picture.
            label_x = min(max(x, 64), MAP_SIZE - 64)
            parts.append(
                f'<g class="person" data-ring="{Closeness(ring).name.lower()}" data-kind="{person.kind}" '
                f"data-name={quoteattr(person.name)}>"
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="10" fill="{colour}" stroke="#ffffff" stroke-width="2"/>'
                f'<text x="{label_x:.1f}" y="{label_y:.1f}" text-anchor="middle" font-size="19" fill="#1f2a37">'
                f"{escape(_short(person.name))}</text></g>"
            )
        if hidden:
            angle = _slot_angle(slots - 1, slots)
            x = CENTRE + radius * math.cos(angle)
            y = CENTRE + radius * math.sin(angle)
            more = ngettext("+%(n)d more", "+%(n)d more", hidden) % {"n": hidden}
            parts.append(
                f'<g class="more" data-ring="{Closeness(ring).name.lower()}" data-hidden="{hidden}">'
                f'<rect x="{x - 48:.1f}" y="{y - 16:.1f}" width="96" height="30" rx="15" fill="#e6f2f2" stroke="#1d5c63"/>'
                f'<text x="{x:.1f}" y="{y + 6:.1f}" text-anchor="middle" font-size="17" fill="#1f2a37">{escape(more)}</text></g>'
            )
    # A legend of kinds that appear, along the bottom edge.
    present = [k for k in KIND_ORDER if any(p.kind == k for p in people)]
    for index, kind in enumerate(present):
        column, row = index % 2, index // 2
        lx, ly = 16 + column * 320, MAP_SIZE + 24 + row * 28
        parts.append(
            f'<circle cx="{lx + 8}" cy="{ly - 6}" r="8" fill="{KIND_COLOURS[kind]}"/>'
            f'<text x="{lx + 24}" y="{ly}" font-size="18" fill="#1f2a37">{escape(str(PersonKind(kind).label))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of user text above is escaped


SERIES = [
    # field, label, colour, dash pattern (so the lines differ without colour too), marker shape
    ("mood", "Mood", "#1d5c63", "", "circle"),
    ("sleep", "Sleep", "#8a3b12", "8 4", "square"),
    ("activity", "Activity", "#5b3f8c", "2 4", "diamond"),
]


def series_labels() -> dict[str, str]:
    return {"mood": _("Mood"), "sleep": _("Sleep"), "activity": _("Activity")}


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if shape == "diamond":
        return f'<path d="M{x:.1f} {y - 5:.1f}L{x + 5:.1f} {y:.1f}L{x:.1f} {y + 5:.1f}L{x - 5:.1f} {y:.1f}Z" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'


SMALL_WIDTH, SMALL_PLOT_HEIGHT, SMALL_TOP, SMALL_AXIS = 360, 84, 10, 30
SMALL_LEFT, SMALL_RIGHT = 26, 8


def week_average(checkins, field: str, *, end: date) -> float | None:
    """The average of `field` over the seven days up to `end`, or None without a check-in then."""
    values = [getattr(c, field) for c in checkins if end - timedelta(days=6) <= c.day <= end]
    return sum(values) / len(values) if values else None


def _small_chart(by_day, field: str, *, start: date, end: date, with_axis: bool) -> str:
    """One measure on the shared time axis: the same x for a day in every chart of the set."""
    days = (end - start).days + 1
    _field, _label, colour, _dash, shape = next(s for s in SERIES if s[0] == field)
    label = series_labels()[field]
    plot_w = SMALL_WIDTH - SMALL_LEFT - SMALL_RIGHT
    height = SMALL_TOP + SMALL_PLOT_HEIGHT + (SMALL_AXIS if with_axis else 8)

    def x_of(day: date) -> float:
        return SMALL_LEFT + plot_w * ((day - start).days + 0.5) / days

    def y_of(score: float) -> float:
        return SMALL_TOP + SMALL_PLOT_HEIGHT * (5 - score) / 4

    values = [getattr(c, field) for c in by_day.values()]
    average = week_average(by_day.values(), field, end=end)
    period = {"start": date_format(start, "DATE_FORMAT"), "end": date_format(end, "DATE_FORMAT")}
    title = _("%(what)s from %(start)s to %(end)s") % {"what": label, **period}
    if values:
        desc = ngettext(
            "%(count)d check-in; lowest %(low)d, highest %(high)d of 5.",
            "%(count)d check-ins; lowest %(low)d, highest %(high)d of 5.",
            len(values),
        ) % {"count": len(values), "low": min(values), "high": max(values)}
        if average is not None:
            desc += " " + _("The last seven days averaged %(avg)s of 5.") % {"avg": number_format(average, 1)}
        desc += " " + _("The table below lists every day.")
    else:
        desc = _("No check-ins in this period.")
    ident = f"checkin-{field}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SMALL_WIDTH} {height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" class="checkin-chart" data-series="{field}" '
        'font-family="system-ui, sans-serif">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
        f'<rect width="{SMALL_WIDTH}" height="{height}" fill="#ffffff"/>',
        # The last seven days, lightly shaded: the week whose average is drawn.
        f'<rect class="this-week" x="{x_of(max(start, end - timedelta(days=6))) - plot_w / days / 2:.1f}" '
        f'y="{SMALL_TOP}" width="{plot_w * min(7, days) / days:.1f}" height="{SMALL_PLOT_HEIGHT}" fill="#eef5f5"/>',
    ]
    for score in (1, 3, 5):
        y = y_of(score)
        parts.append(
            f'<line x1="{SMALL_LEFT}" x2="{SMALL_WIDTH - SMALL_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d9e2e5"/>'
            f'<text x="{SMALL_LEFT - 6}" y="{y + 5:.1f}" text-anchor="end" font-size="14" fill="#4a5560">{score}</text>'
        )
    label_every = 7 if days <= 35 else 14
    for offset in range(0, days, label_every):
        day = start + timedelta(days=offset)
        x = x_of(day)
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{SMALL_TOP}" y2="{SMALL_TOP + SMALL_PLOT_HEIGHT}" stroke="#eef2f3"/>'
        )
        if with_axis:
            parts.append(
                f'<text x="{x:.1f}" y="{SMALL_TOP + SMALL_PLOT_HEIGHT + 22}" text-anchor="middle" font-size="14" '
                f'fill="#4a5560">{escape(date_format(day, "j.n."))}</text>'
            )
    if average is not None:
        y = y_of(average)
        x1 = x_of(max(start, end - timedelta(days=6))) - plot_w / days / 2
        parts.append(
            f'<line class="week-average" x1="{x1:.1f}" x2="{SMALL_WIDTH - SMALL_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#1f2a37" stroke-width="2" stroke-dasharray="6 3"/>'
        )
    segments: list[list[tuple[float, float]]] = [[]]
    markers = []
    for offset in range(days):
        current = start + timedelta(days=offset)
        checkin = by_day.get(current)
        if checkin is None:
            if segments[-1]:
                segments.append([])
            continue
        point = (x_of(current), y_of(getattr(checkin, field)))
        segments[-1].append(point)
        markers.append(_marker(shape, *point, colour))
    parts.append(f'<g class="series" data-series="{field}">')
    for segment in segments:
        if len(segment) > 1:
            points = " ".join(f"{x:.1f},{y:.1f}" for x, y in segment)
            parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
    parts.extend(markers)
    parts.append("</g></svg>")
    return "".join(parts)


def checkin_chart(checkins, *, start: date, end: date) -> SafeString:
    """Mood, sleep and activity (1–5) as small multiples: one small chart per measure on one shared
    time axis (dates under the last), each with the last seven days' average. Days without a
    check-in leave a gap; the page's table is the full text alternative."""
    by_day = {c.day: c for c in checkins if start <= c.day <= end}
    labels = series_labels()
    figures = []
    for index, (field, *_rest) in enumerate(SERIES):
        average = week_average(by_day.values(), field, end=end)
        if average is None:
            summary = _("No check-in in the last seven days.")
        else:
            summary = _("Last seven days: %(avg)s of 5 on average") % {"avg": number_format(average, 1)}
        chart = _small_chart(by_day, field, start=start, end=end, with_axis=index == len(SERIES) - 1)
        figures.append(
            f'<figure class="checkin-multiple" data-series="{field}"><figcaption>'
            f"<strong>{escape(labels[field])}</strong> <span>{escape(summary)}</span></figcaption>{chart}</figure>"
        )
    return mark_safe('<div class="checkin-multiples">' + "".join(figures) + "</div>")  # noqa: S308 - numbers and dates only


def kind_counts(people) -> Counter:
    return Counter(p.kind for p in people)
