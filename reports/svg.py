"""Monthly bar charts drawn on the server: no JavaScript, and they print as they show.

Each chart is an SVG with role="img", a <title> and a <desc> that says what the bars show; the
table next to it on the page carries every value. A month whose count is small is drawn as an
outlined bar marked "<N", the same rule as the tables.
"""

from datetime import date
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from reports.presentation import cumulative_bounds, month_cell, month_hidden, month_label, number, total_cell
from reports.selectors import Figure

WIDTH, HEIGHT = 520, 230
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 48, 10, 22, 44
BAR = "#1d5c63"
AXIS = "#4a5560"
GRID = "#d9e2e5"
TEXT = "#1f2a37"


def _nice_top(value: float) -> float:
    """A round number at or above `value` for the top of the scale."""
    if value <= 0:
        return 1
    for top in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000):
        if value <= top:
            return top
    magnitude = 10 ** (len(str(int(value))) - 1)
    return ((int(value) // magnitude) + 1) * magnitude


def _shown(figure: Figure, index: int, threshold: int) -> tuple[float | None, bool]:
    """The value a bar may show, and whether it is hidden behind the small-cell rule."""
    if month_hidden(figure, index, threshold):
        return None, True
    return figure.monthly[index], False


def bar_chart(figure: Figure, months: list[date], threshold: int) -> SafeString:
    chart_id = f"chart-{figure.key}"
    shown = [_shown(figure, i, threshold) for i in range(len(months))]
    cumulative = figure.kind == "cumulative" and figure.steps is not None
    outlined = figure.monthly_basis is None and any(h for _v, h in shown)
    highest = [v for v, _hidden in shown if v is not None] + [threshold if outlined else 0]
    if cumulative:
        highest += [cumulative_bounds(figure, i, threshold)[1] for i, (_v, hidden) in enumerate(shown) if hidden]
    top = _nice_top(max(highest))
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    slot = plot_w / max(len(months), 1)
    bar_w = max(min(slot * 0.7, 48), 2)
    title = figure.label
    if months:
        desc = _(
            "Bars per month from %(first)s to %(last)s. In the whole period: %(total)s. The table above the "
            "charts gives every month."
        ) % {
            "first": month_label(months[0]),
            "last": month_label(months[-1]),
            "total": total_cell(figure, threshold=threshold),
        }
    else:
        desc = _("No months in this period.")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" class="report-chart" font-family="system-ui, sans-serif">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
    ]
    # Counts are whole: no "2.5" line on a scale up to 5.
    ticks = (0, top / 2, top) if figure.unit != "count" or top % 2 == 0 else (0, top)
    for tick in ticks:
        y = PAD_TOP + plot_h * (1 - tick / top)
        label = number(int(tick) if tick == int(tick) else tick)
        parts.append(
            f'<line x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
            f'<text x="{PAD_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" fill="{AXIS}">{label}</text>'
        )
    every = 1 if len(months) <= 12 else (len(months) + 11) // 12
    # Over more than a year the bars are too narrow for a label each; the table has every value.
    labelled = len(months) <= 12
    small = escape(f"<{threshold}")
    few = escape(f"n<{threshold}")
    for index, month in enumerate(months):
        value, hidden = shown[index]
        x = PAD_LEFT + slot * index + (slot - bar_w) / 2
        centre = x + bar_w / 2
        if hidden and figure.monthly_basis is not None:
            # A median's height says nothing about how few values it rests on: no bar, only the mark.
            if labelled:
                parts.append(
                    f'<text class="median-hidden" x="{centre:.1f}" y="{PAD_TOP + plot_h - 4:.1f}" '
                    f'text-anchor="middle" font-size="11" fill="{TEXT}">{few}</text>'
                )
        elif hidden and cumulative:
            # Drawn at the most it can be, outlined, and labelled with the range: the exact height
            # would give the hidden month away.
            height = plot_h * cumulative_bounds(figure, index, threshold)[1] / top
            y = PAD_TOP + plot_h - height
            parts.append(
                f'<rect class="bar bar-range" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{height:.1f}" '
                f'fill="none" stroke="{BAR}" stroke-dasharray="3 2"/>'
            )
            if labelled:
                parts.append(
                    f'<text x="{centre:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="11" fill="{TEXT}">'
                    f"{escape(month_cell(figure, index, threshold))}</text>"
                )
        elif hidden:
            height = plot_h * (threshold - 1) / top
            y = PAD_TOP + plot_h - height
            parts.append(
                f'<rect class="bar bar-hidden" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{height:.1f}" '
                f'fill="none" stroke="{BAR}" stroke-dasharray="3 2"/>'
            )
            if labelled:
                parts.append(
                    f'<text x="{centre:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="11" fill="{TEXT}">'
                    f"{small}</text>"
                )
        elif value:
            height = plot_h * value / top
            y = PAD_TOP + plot_h - height
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{height:.1f}" fill="{BAR}"/>'
            )
            if labelled:
                parts.append(
                    f'<text x="{centre:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="11" fill="{TEXT}">'
                    f"{escape(number(value))}</text>"
                )
        if index % every == 0:
            parts.append(
                f'<text x="{centre:.1f}" y="{HEIGHT - PAD_BOTTOM + 16}" text-anchor="middle" font-size="11" '
                f'fill="{AXIS}">{escape(month.strftime("%m/%y"))}</text>'
            )
    parts.append(
        f'<line x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" y1="{PAD_TOP + plot_h}" y2="{PAD_TOP + plot_h}" stroke="{AXIS}"/>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - the only text from outside (labels) is escaped
