"""`{% frame_part "includes/_frame_top.html" %}`: a part of the page frame, rendered once per process
for each state of the frame and then copied into every page.

The frame (crisis line, navigation, language menu, sign-out, footer, tab bar) is the same on every
page for everyone who shares a language, a role, a community and the current crisis contacts; only
a few values differ per request: the CSRF token, the address the language form comes back to, the
unread count, and which navigation entry is the current page. The part is rendered with a marker in
place of each per-request value, kept under the frame's key (`FrameState.key`), and each page gets
the kept HTML with the markers replaced. Rendering it anew took most of a signed-in page's time.

Markers hold a NUL character, which no text from the database or the request can: PostgreSQL does
not store it and `RejectUnusableTextMiddleware` refuses it in an address.
"""

from django import template
from django.conf import settings
from django.template.loader import get_template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_CSRF = "\x00csrf\x00"
_NEXT = "\x00next\x00"
_UNREAD = "\x00unread\x00"
_MAX_PARTS = 1000

_parts: dict[tuple, str] = {}


def _render(context: template.Context, name: str, unread: int) -> str:
    with context.push(csrf_token=_CSRF, frame_next=_NEXT, unread_notifications=_UNREAD if unread else 0):
        return get_template(name).template.render(context)  # type: ignore[attr-defined]  # the backend's Template wraps a django.template.Template


@register.simple_tag(takes_context=True)
def frame_part(context: template.Context, name: str) -> SafeString:
    request = context.get("request")
    state = context.get("frame")
    token = context.get("csrf_token")
    if request is None or state is None or token is None or str(token) == "NOTPROVIDED":
        # Rendered outside a request (an error page, a test of a template): nothing to share.
        with context.push(frame_next=request.get_full_path() if request is not None else ""):
            html = get_template(name).template.render(context)  # type: ignore[attr-defined]  # as in _render
            return mark_safe(html)  # noqa: S308 - a template's output
    key = (name, *state.key(request.path))
    html = _parts.get(key)
    if html is None:
        html = _render(context, name, state.unread)
        # Templates change on disk while developing; a running portal's do not.
        if not settings.DEBUG:
            if len(_parts) >= _MAX_PARTS:
                _parts.clear()
            _parts[key] = html
    if _CSRF in html:
        html = html.replace(_CSRF, str(token))
    if _NEXT in html:
        html = html.replace(_NEXT, escape(request.get_full_path()))
    if _UNREAD in html:
        html = html.replace(_UNREAD, str(state.unread))
    return mark_safe(html)  # noqa: S308 - a template's output, with escaped values put in


def forget(**_kwargs) -> None:
    _parts.clear()
