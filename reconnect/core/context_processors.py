from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

from reconnect.core import frame, navigation
from reconnect.core.models import CrisisContact


def crisis_contacts_for(user, language: str | None = None) -> list[CrisisContact]:
    """The community's own contacts first, then the ones shown everywhere."""
    language = (language or get_language() or "en").split("-")[0]
    community_id = getattr(user, "community_id", None) if getattr(user, "is_authenticated", False) else None
    return frame.crisis_contacts(community_id=community_id, language=language)


def _crisis_plan_url(user) -> str | None:
    """The member's own crisis plan, one tap from every page, once the toolbox provides it."""
    if not (user.is_authenticated and user.role == "member"):
        return None
    try:
        return reverse("toolbox:crisis_plan")
    except NoReverseMatch:
        return None


def portal(request):
    user: Any = getattr(request, "user", None) or AnonymousUser()
    unread = 0
    if user.is_authenticated and user.is_onboarded:
        unread = frame.unread_count(user)
    nav_items = navigation.items_for(user)
    nav_tabs, nav_more = navigation.split_for_tab_bar(nav_items)
    return {
        "crisis_contacts": crisis_contacts_for(user),
        "crisis_plan_url": _crisis_plan_url(user),
        "nav_items": nav_items,
        "nav_tabs": nav_tabs,
        "nav_more": nav_more,
        "unread_notifications": unread,
    }
