"""`{% icon "house" %}`: one symbol of the vendored Lucide sprite (static/icons/sprite.svg).

Icons are decoration next to a visible label, so they are hidden from assistive technology.
"""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

# (name, class) -> its markup: the sprite's hashed address is looked up once per process, not for
# every icon of every page.
_markup: dict[tuple[str, str], SafeString] = {}


@register.simple_tag
def icon(name: str, css_class: str = "") -> SafeString:
    key = (name, css_class)
    markup = _markup.get(key)
    if markup is None:
        markup = _markup[key] = format_html(
            '<svg class="{}" aria-hidden="true"><use href="{}#{}"></use></svg>',
            f"icon {css_class}".strip(),
            static("icons/sprite.svg"),
            name,
        )
    return markup


def forget(**_kwargs) -> None:
    _markup.clear()
