"""How the report's numbers are shown: the small-cell rule, the tables, the CSV and the text.

One place decides what a cell says, so that the page, the printable page, the CSV and the
management command always agree.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from reports.selectors import CafeRow, Figure, UsageReport, small_cell_threshold


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


def is_small(value: float | int | None, threshold: int) -> bool:
    """A count of one to threshold-1 people or things: shown only as "fewer than N" in breakdowns."""
    return value is not None and 0 < value < threshold


def fewer_waits(threshold: int) -> str:
    return _("fewer than %(n)d waits") % {"n": threshold}


def _median_cell(value: float | int | None, basis: int, threshold: int, *, localized: bool) -> str:
    # A median of a handful of waits would show one person's reply times.
    if basis == 0 or value is None:
        return "–"
    if basis < threshold:
        return fewer_waits(threshold)
    return _number(value, localized=localized)


def total_cell(figure: Figure, *, threshold: int | None = None, localized: bool = True) -> str:
    """A period total is the headline figure and is shown as it is."""
    if figure.total_basis is not None:
        return _median_cell(figure.total, figure.total_basis, threshold or small_cell_threshold(), localized=localized)
    return "–" if figure.total is None else _number(figure.total, localized=localized)


def month_cell(figure: Figure, index: int, threshold: int, *, localized: bool = True) -> str:
    value = figure.monthly[index]
    if figure.monthly_basis is not None:
        return _median_cell(value, figure.monthly_basis[index], threshold, localized=localized)
    elif figure.suppress and is_small(value, threshold):
        return fewer_than(threshold)
    return "–" if value is None else _number(value, localized=localized)


def breakdown_cell(value: float | int | None, threshold: int, *, localized: bool = True) -> str:
    if value is None:
        return "–"
    if is_small(value, threshold):
        return fewer_than(threshold)
    return _number(value, localized=localized)


def month_label(month: date) -> str:
    return date_format(month, "M Y")


@dataclass
class CafeColumn:
    attr: str
    label: str
    # Cafés are public events: how many a community held identifies nobody.
    suppress: bool = True


def cafe_columns() -> list[CafeColumn]:
    return [
        CafeColumn("held", _("Cafés held"), suppress=False),
        CafeColumn("with_attendance", _("with attendance recorded"), suppress=False),
        CafeColumn("participants_min", _("participants per café: fewest")),
        CafeColumn("participants_median", _("median")),
        CafeColumn("participants_max", _("most")),
        CafeColumn("attendance", _("participants in all")),
        CafeColumn("going", _('answers "going"')),
        CafeColumn("going_where_recorded", _('answers "going" where attendance was recorded')),
        CafeColumn("distinct_going", _('members who answered "going"')),
        CafeColumn("said_came", _('answers "I was there"')),
        CafeColumn("distinct_said_came", _("members who said they came")),
    ]


def cafe_cells(row: CafeRow, threshold: int | None, *, localized: bool = True) -> list[str]:
    """The cells of one café row; `threshold` None for the headline row (the whole scope)."""
    cells = []
    for column in cafe_columns():
        value = getattr(row, column.attr)
        if threshold is None or not column.suppress:
            cells.append("–" if value is None else _number(value, localized=localized))
        else:
            cells.append(breakdown_cell(value, threshold, localized=localized))
    return cells


def scope_label(report: UsageReport) -> str:
    return report.community.name if report.community else _("All communities")


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
    out.append([report.cafe_summary.community, *cafe_cells(report.cafe_summary, None, localized=localized)])
    for row in report.cafe_rows:
        out.append([row.community, *cafe_cells(row, threshold, localized=localized)])
    out += [[], [_("Definitions")]]
    for section in report.sections:
        for figure in section.figures:
            out.append([figure.label, figure.definition])
    return out


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _inert(cell: str) -> str:
    """The cell as text a spreadsheet shows and never evaluates; numbers are never negative here."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


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
