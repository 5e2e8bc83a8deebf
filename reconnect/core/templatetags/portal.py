from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def get_item(mapping, key):
    """Look up `key` in a dict from a template: {{ labels|get_item:entry.action }}."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def since(value: datetime | None) -> str:
    """How long ago, in its largest unit ("3 hours"); under a minute "less than a minute", never "0 minutes"."""
    if not value:
        return ""
    if (timezone.now() - value).total_seconds() < 60:
        return _("less than a minute")
    return timesince(value, depth=1)
