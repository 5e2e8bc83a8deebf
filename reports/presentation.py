"""How the report's numbers are shown: the small-cell rule, the tables, the CSV and the text.

One place decides what a cell says, so that the page, the printable page, the CSV and the
management command always agree.
"""

import csv
import io
import unicodedata
from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from reports.selectors import CafeRow, Figure, UsageReport, scope_name, small_cell_threshold


def fewer_than(threshold: int) -> str:
    return _("fewer than %(n)d") % {"n": threshold}


def _number(value: float | int, *, localized: bool) -> str:
    # Grouped on the page (1,870 / 1 870 in Norwegian); plain in the CSV, where a spreadsheet reads it.
    if isinstance(value, float):
        return number_format(value, 1, force_grouping=True) if localized else f"{value:.1f}"
    return number_format(value, force_grouping=True) if localized else str(value)


def number(value: float | int) -> str:
    """A number as the page shows it, in the active language."""
    return _number(value, localized=True)


def scope_note() -> str:
    return _(
        "Members are counted in the community they belong to now, for the whole period. What members "
        "who have deleted their account did is counted only under all communities."
    )


def protection_note() -> str:
    return _(
        "Totals, running totals and the summary row of the cafés are shown as a range (such as 12–15) "
        "wherever an exact figure would let a hidden cell be worked out by subtraction. Where the months "
        'and the communities together would still give one away, that column of the communities says "%(text)s".'
    ) % {"text": not_shown()}


def is_small(value: float | int | None, threshold: int) -> bool:
    """A count of one to threshold-1 people or things: shown only as "fewer than N" in breakdowns."""
    return value is not None and 0 < value < threshold


def fewer_waits(threshold: int) -> str:
    return ngettext("fewer than %(n)d wait", "fewer than %(n)d waits", threshold) % {"n": threshold}


def _median_cell(value: float | int | None, basis: int, threshold: int, *, localized: bool) -> str:
    # A median of a handful of waits would show one person's reply times.
    if basis == 0 or value is None:
        return "–"
    if basis < threshold:
        return fewer_waits(threshold)
    return _number(value, localized=localized)


def _span(low: int, high: int, threshold: int, *, localized: bool) -> str:
    """A count known to lie between `low` and `high`, as the page and the CSV show it."""
    if low == high:
        return _number(low, localized=localized)
    if high < threshold:
        return fewer_than(threshold)
    return pgettext("range of counts", "%(low)s–%(high)s") % {
        "low": _number(low, localized=localized),
        "high": _number(high, localized=localized),
    }


def month_hidden(figure: Figure, index: int, threshold: int) -> bool:
    """Whether the month's cell hides its value behind the small-cell rule."""
    if figure.monthly_basis is not None:
        return 0 < figure.monthly_basis[index] < threshold
    if figure.kind == "cumulative":
        return any(is_small(step, threshold) for step in (figure.steps or [])[: index + 1])
    return figure.suppress and is_small(figure.monthly[index], threshold)


def public_bounds(values: list, hidden: list[bool], kind: str, threshold: int) -> tuple[int, int]:
    """The least and most a total can be, knowing only the cells shown beside it.

    A total shown as this range tells nobody more than the cells already do, so no hidden cell can
    be worked out from it by subtraction.
    """
    shown = [int(v) for v, h in zip(values, hidden, strict=True) if not h and v is not None]
    few = sum(hidden)
    high = sum(shown) + few * (threshold - 1)
    if kind == "sum":
        low = sum(shown) + few
    elif kind == "people":
        low = max([*shown, 1 if few else 0])
    else:
        low = 0
    return low, high


def cumulative_bounds(figure: Figure, index: int, threshold: int) -> tuple[int, int]:
    """The least and most a cumulative figure can be at month `index`, knowing only the months shown
    up to it (equal while none of them is hidden)."""
    steps = (figure.steps or [])[: index + 1]
    low, high = public_bounds(steps, [is_small(step, threshold) for step in steps], "sum", threshold)
    return figure.start + low, figure.start + high


def total_cell(figure: Figure, *, threshold: int | None = None, localized: bool = True) -> str:
    """The period total: exact, unless it would give away a hidden month (then a range)."""
    threshold = threshold or small_cell_threshold()
    if figure.total_basis is not None:
        return _median_cell(figure.total, figure.total_basis, threshold, localized=localized)
    if figure.total is None:
        return "–"
    if figure.kind in ("running", "cumulative") and figure.monthly:
        # The total is the last month's value, and is shown the same way.
        return month_cell(figure, len(figure.monthly) - 1, threshold, localized=localized)
    hidden = [month_hidden(figure, i, threshold) for i in range(len(figure.monthly))]
    if not figure.suppress or figure.unit != "count" or not any(hidden):
        return _number(figure.total, localized=localized)
    return _span(*public_bounds(figure.monthly, hidden, figure.kind, threshold), threshold, localized=localized)


def month_cell(figure: Figure, index: int, threshold: int, *, localized: bool = True) -> str:
    value = figure.monthly[index]
    if figure.monthly_basis is not None:
        return _median_cell(value, figure.monthly_basis[index], threshold, localized=localized)
    if figure.kind == "cumulative" and figure.steps is not None:
        # Exact while every month so far is shown; else the range the shown months allow.
        return _span(*cumulative_bounds(figure, index, threshold), threshold, localized=localized)
    if figure.suppress and is_small(value, threshold):
        return fewer_than(threshold)
    return "–" if value is None else _number(value, localized=localized)


def breakdown_cell(value: float | int | None, threshold: int, *, localized: bool = True) -> str:
    if value is None:
        return "–"
    if is_small(value, threshold):
        return fewer_than(threshold)
    return _number(value, localized=localized)


def month_label(month: date) -> str:
    # Translated as a whole: "Oct 2026" in English, "oktober 2026" in Norwegian (not "Okt 2026").
    return date_format(month, pgettext("format of a month heading (Django date format)", "M Y"))


def day_label(day: date) -> str:
    # "1 September 2026"; "1. september 2026" in Norwegian.
    return date_format(day, pgettext("format of a day (Django date format)", "j F Y"))


@dataclass
class CafeColumn:
    attr: str
    label: str
    # Cafés are public events: how many a community held identifies nobody.
    suppress: bool = True
    # How the summary row's cell relates to the communities' cells: "sum", "people" (distinct
    # members: at least the largest community's) or "extreme" (fewest, median, most).
    kind: str = "sum"
    # The monthly figure whose period total the summary cell equals.
    figure: str = ""


def cafe_columns() -> list[CafeColumn]:
    return [
        CafeColumn("held", _("Cafés held"), suppress=False),
        CafeColumn("with_attendance", _("with attendance recorded"), suppress=False),
        CafeColumn("participants_min", _("participants per café: fewest"), kind="extreme"),
        CafeColumn("participants_median", _("median"), kind="extreme"),
        CafeColumn("participants_max", _("most"), kind="extreme"),
        CafeColumn("attendance", _("participants in all"), figure="cafe_participants"),
        CafeColumn("going", _('answers "going"'), figure="cafe_going"),
        CafeColumn("going_where_recorded", _('answers "going" where attendance was recorded')),
        CafeColumn("distinct_going", _('members who answered "going"'), kind="people", figure="cafe_distinct"),
        CafeColumn("said_came", _('answers "I was there"')),
        CafeColumn("distinct_said_came", _("members who said they came"), kind="people", figure="cafe_said_came"),
    ]


def cafe_cells(row: CafeRow, threshold: int | None, *, localized: bool = True) -> list[str]:
    """The cells of one community's café row; `threshold` None shows every value exactly."""
    cells = []
    for column in cafe_columns():
        value = getattr(row, column.attr)
        if threshold is None or not column.suppress:
            cells.append("–" if value is None else _number(value, localized=localized))
        else:
            cells.append(breakdown_cell(value, threshold, localized=localized))
    return cells


def _pinned(values: list, hidden: list[bool], kind: str, low: int, high: int, threshold: int) -> bool:
    """Whether a total known to lie in [low, high] fixes one of the hidden cells that add up to it."""
    few = sum(hidden)
    if not few:
        return False
    shown = sum(int(v) for v, h in zip(values, hidden, strict=True) if not h and v is not None)
    least = max(1, low - shown - (few - 1) * (threshold - 1))
    most = min(threshold - 1, high - shown - (few - 1)) if kind == "sum" else min(threshold - 1, high)
    return least >= most


def cafe_table(report: UsageReport, *, localized: bool = True) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The café table: the summary row and each community's row.

    The months (in the charts) and the communities both add up to the summary. A summary cell is
    exact only where neither gives a hidden cell away, else the range the cells shown allow; and
    where the months and the communities together would pin a hidden cell, the communities' cells
    of that column are not shown at all. Fewest, median and most follow the small-cell rule.
    """
    threshold = report.threshold
    rows = [(row.community, cafe_cells(row, threshold, localized=localized)) for row in report.cafe_rows]
    summary = []
    for index, column in enumerate(cafe_columns()):
        value = getattr(report.cafe_summary, column.attr)
        if value is None or not column.suppress:
            summary.append("–" if value is None else _number(value, localized=localized))
            continue
        if column.kind == "extreme":
            summary.append(breakdown_cell(value, threshold, localized=localized))
            continue
        sources = []  # (cells, hidden, kind) of each breakdown shown
        if report.cafe_rows:
            values = [getattr(row, column.attr) for row in report.cafe_rows]
            sources.append((values, [is_small(v, threshold) for v in values], column.kind))
        if column.figure:
            figure = report.figure(column.figure)
            hidden = [month_hidden(figure, i, threshold) for i in range(len(figure.monthly))]
            sources.append((figure.monthly, hidden, figure.kind))
        if not sources:
            summary.append(_number(value, localized=localized))
            continue
        # A breakdown with nothing hidden lets the exact total be shown.
        bounds = [
            public_bounds(values, hidden, kind, threshold) if any(hidden) else (value, value)
            for values, hidden, kind in sources
        ]
        low, high = max(b[0] for b in bounds), min(b[1] for b in bounds)
        if len(sources) == 2 and any(
            _pinned(values, hidden, kind, low, high, threshold) for values, hidden, kind in sources
        ):
            for _name, cells in rows:
                cells[index] = not_shown()
            low, high = bounds[1]  # the months alone, which give nothing away
        summary.append(_span(low, high, threshold, localized=localized))
    return summary, rows


def not_shown() -> str:
    return pgettext("usage report cell", "not shown")


def scope_label(report: UsageReport) -> str:
    return scope_name(report.community)


def rows(report: UsageReport, *, localized: bool = True) -> list[list[str]]:
    """The whole report as rows of text: the CSV, and the management command's output."""
    threshold = report.threshold
    out = [
        [_("ReConnect usage report")],
        [_("Period"), report.period.start.isoformat(), report.period.end.isoformat()],
        [pgettext("usage report", "Community"), scope_label(report)],
        [
            _('Counts from 1 to %(n)d in monthly and per-community cells are shown as "%(text)s".')
            % {"n": threshold - 1, "text": fewer_than(threshold)}
        ],
        [protection_note()],
        [scope_note()],
        [],
        [_("Section"), _("Figure"), _("Period total"), *[m.strftime("%Y-%m") for m in report.months]],
    ]
    for section in report.sections:
        for figure in section.figures:
            out.append(
                [
                    section.title,
                    figure.label,
                    total_cell(figure, threshold=threshold, localized=localized),
                    *[month_cell(figure, i, threshold, localized=localized) for i in range(len(report.months))],
                ]
            )
    out += [[], [_("Cafés per community"), *[c.label for c in cafe_columns()]]]
    summary, community_rows = cafe_table(report, localized=localized)
    out.append([report.cafe_summary.community, *summary])
    for name, cells in community_rows:
        out.append([name, *cells])
    out += [[], [_("Definitions")]]
    for section in report.sections:
        for figure in section.figures:
            out.append([figure.label, figure.definition])
    return out


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection), also
# after leading spaces, line breaks, control or invisible format characters, which it skips.
FORMULA_STARTS = ("=", "+", "-", "@")


def _skipped_by_spreadsheets(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf")


def _inert(cell: str) -> str:
    """The cell as text a spreadsheet shows and never evaluates; numbers are never negative here."""
    first_seen = next((char for char in cell if not _skipped_by_spreadsheets(char)), "")
    if first_seen in FORMULA_STARTS or cell.startswith(("\t", "\r")):
        return "'" + cell
    return cell


def as_csv(report: UsageReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows([_inert(cell) for cell in row] for row in rows(report, localized=False))
    return buffer.getvalue()


def as_text(report: UsageReport) -> str:
    """Aligned columns for a terminal; long definitions are left to the CSV and the page."""
    table = rows(report, localized=False)
    cut = table.index([_("Definitions")])
    lines = []
    for row in table[:cut]:
        lines.append("  ".join(cell.ljust(10) if i > 1 else cell.ljust(46) for i, cell in enumerate(row)).rstrip())
    return "\n".join(lines) + "\n"
