import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

PHONE = re.compile(r"(\+?\d[\d ]{4,}\d)")


@register.filter
def phone_links(text: str):
    """Escape a line of a crisis plan and turn phone numbers in it into one-tap links."""

    def link(match: re.Match) -> str:
        number = match.group(1)
        digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
        return f'<a href="tel:{digits}">{number}</a>'

    return mark_safe(PHONE.sub(link, escape(text)))  # noqa: S308 - escaped before the links are added
