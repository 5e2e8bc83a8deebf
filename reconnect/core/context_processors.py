from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import get_language

from reconnect.core import frame
from reconnect.core.models import CrisisContact


def crisis_contacts_for(user, language: str | None = None) -> list[CrisisContact]:
    """The community's own contacts first, then the ones shown everywhere."""
    language = (language or get_language() or "en").split("-")[0]
    community_id = getattr(user, "community_id", None) if getattr(user, "is_authenticated", False) else None
    return frame.crisis_contacts(community_id=community_id, language=language)


def portal(request):
    user: Any = getattr(request, "user", None) or AnonymousUser()
    state = frame.state_for(user)
    return {
        # The frame's templates read `frame` (reconnect.core.templatetags.frame); the names below
        # are for the pages that show the same things in their own content.
        "frame": state,
        "crisis_contacts": state.crisis_contacts,
        "crisis_plan_url": state.crisis_plan_url,
        "nav_items": state.nav.items,
        "nav_tabs": state.nav.tabs,
        "nav_more": state.nav.more,
        "unread_notifications": state.unread,
    }
