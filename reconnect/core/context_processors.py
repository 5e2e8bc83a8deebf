from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

from reconnect.core import navigation
from reconnect.core.models import CrisisContact, Notification


def crisis_contacts_for(user, language: str | None = None) -> list[CrisisContact]:
    """The community's own contacts first, then the ones shown everywhere."""
    language = (language or get_language() or "en").split("-")[0]
    community_id = getattr(user, "community_id", None) if getattr(user, "is_authenticated", False) else None
    contacts = CrisisContact.objects.filter(Q(language="") | Q(language=language))
    contacts = contacts.filter(Q(community__isnull=True) | Q(community_id=community_id))
    return sorted(contacts, key=lambda c: (c.community_id is None, c.order, c.name))


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
        unread = Notification.objects.for_user(user).unread().count()
    return {
        "crisis_contacts": crisis_contacts_for(user),
        "crisis_plan_url": _crisis_plan_url(user),
        "nav_items": navigation.items_for(user),
        "unread_notifications": unread,
    }
