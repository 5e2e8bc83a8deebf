"""`{% icon "house" %}`: one symbol of the vendored Lucide sprite (static/icons/sprite.svg).

Icons are decoration next to a visible label, so they are hidden from assistive technology.
"""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def icon(name: str, css_class: str = "") -> str:
    classes = f"icon {css_class}".strip()
    return format_html(
        '<svg class="{}" aria-hidden="true"><use href="{}#{}"></use></svg>',
        classes,
        static("icons/sprite.svg"),
        name,
    )
