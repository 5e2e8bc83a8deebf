"""`{% post_articles posts %}` and `{% thread_rows threads show_topic %}`: the forum's repeated
fragments, each rendered once per distinct content (see forum.rendering)."""

from collections.abc import Iterable

from django import template
from django.utils.safestring import SafeString, mark_safe

from forum import rendering
from forum.models import Thread
from forum.selectors import PostView

register = template.Library()


@register.simple_tag
def post_articles(posts: Iterable[PostView]) -> SafeString:
    return mark_safe("".join(rendering.post_articles(posts)))  # noqa: S308 - rendered templates, escaped there


@register.simple_tag
def thread_rows(threads: Iterable[Thread], show_topic: bool) -> SafeString:
    return mark_safe("".join(rendering.thread_rows(threads, show_topic=show_topic)))  # noqa: S308 - as above
