"""The usage report in the admin: the page, the CSV and the printable page. Only the portal admin."""

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from reconnect.core.permissions import admin_site_required
from reports import presentation, svg
from reports.forms import ReportForm
from reports.selectors import UsageReport, build_report


def _report(request: HttpRequest) -> tuple[ReportForm, UsageReport | None]:
    form = ReportForm.from_query(request.GET)
    if not form.is_valid():
        return form, None
    report = build_report(
        period=form.period(), community=form.cleaned_data["community"], logins_over=form.cleaned_data["logins_over"]
    )
    return form, report


def _page_context(request: HttpRequest, form: ReportForm, report: UsageReport | None) -> dict:
    context: dict = {"form": form, "report": report, "query": request.GET.urlencode()}
    if report is None:
        context["problems"] = form.problems()
        return context
    threshold = report.threshold
    context["sections"] = [
        {
            "section": section,
            "figures": [
                {
                    "figure": figure,
                    "chart": svg.bar_chart(figure, report.months, threshold),
                    "total": presentation.total_cell(figure, threshold=threshold),
                    "cells": [presentation.month_cell(figure, i, threshold) for i in range(len(report.months))],
                }
                for figure in section.figures
            ],
        }
        for section in report.sections
    ]
    context["months"] = [presentation.month_label(m) for m in report.months]
    context["first_day"] = presentation.day_label(report.period.start)
    context["last_day"] = presentation.day_label(report.period.end)
    context["scope"] = presentation.scope_label(report)
    context["cafe_columns"] = presentation.cafe_columns()
    context["cafe_summary"], context["cafe_rows"] = presentation.cafe_table(report)
    context["protection_note"] = presentation.protection_note()
    context["scope_note"] = presentation.scope_note()
    context["fewer_than"] = presentation.fewer_than(threshold)
    return context


@admin_site_required
def report(request: HttpRequest) -> HttpResponse:
    form, result = _report(request)
    context = {
        **admin.site.each_context(request),
        **_page_context(request, form, result),
        "title": _("Usage report"),
        "opts": None,
    }
    return render(request, "reports/usage_report.html", context, status=200 if result else 400)


@admin_site_required
def report_print(request: HttpRequest) -> HttpResponse:
    form, result = _report(request)
    return render(
        request, "reports/usage_report_print.html", _page_context(request, form, result), status=200 if result else 400
    )


@admin_site_required
def report_csv(request: HttpRequest) -> HttpResponse:
    form, result = _report(request)
    if result is None:
        text = "\n".join([_("The report's choices are not valid."), *form.problems()]) + "\n"
        return HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")
    name = f"usage-report-{result.period.start:%Y%m%d}-{result.period.end:%Y%m%d}"
    if result.community is not None:
        name += f"-{result.community.slug}"
    response = HttpResponse(presentation.as_csv(result), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response
