"""What every page of the portal shows, kept in the cache and dropped when it changes.

A page's frame needs the crisis contacts and the unread-notification count. Both change rarely
compared with how often they are read, so they are cached without a lifetime of their own and
forgotten when a row changes (signals connected in `CoreConfig.ready`, and the bulk update in
`mark_all_read`). The lifetime below only keeps memory bounded; it is not how changes arrive.

The crisis contacts are kept in each process, under a version that lives in the shared cache: a
change drops the version, the next page anywhere makes a new one and reads the rows again. So a
page asks the shared cache for two small values (the version and the person's unread count) in one
round trip, and unpickles no rows.
"""

import functools
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

from reconnect.core import navigation
from reconnect.core.models import CrisisContact, Notification

_KEEP_SECONDS = 24 * 60 * 60
_CRISIS_VERSION_KEY = "frame:crisis-contacts-version"

# version -> every contact; (version, community id, language) -> the ones a page shows. Only the
# newest version is kept.
_contacts: dict[str, list[CrisisContact]] = {}
_contacts_shown: dict[tuple[str, int | None, str], list[CrisisContact]] = {}


def _unread_key(user_id: int) -> str:
    return f"frame:unread:{user_id}"


def _forget(key: str) -> None:
    # Now, and once more when the transaction commits: a page rendered in between would otherwise
    # cache the value as it was before the change.
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def _contacts_of_version(version: str) -> list[CrisisContact]:
    contacts = _contacts.get(version)
    if contacts is None:
        contacts = list(CrisisContact.objects.all())
        _contacts.clear()
        _contacts_shown.clear()
        _contacts[version] = contacts
    return contacts


def _new_contacts_version() -> str:
    version = uuid.uuid4().hex
    # Another process may have made one in the meantime: then both use the one that was stored.
    if not cache.add(_CRISIS_VERSION_KEY, version, _KEEP_SECONDS):
        version = cache.get(_CRISIS_VERSION_KEY) or version
    return version


def _shown(version: str, community_id: int | None, language: str) -> list[CrisisContact]:
    """The community's own contacts first, then the ones shown everywhere."""
    key = (version, community_id, language)
    shown = _contacts_shown.get(key)
    if shown is None:
        contacts = [
            c
            for c in _contacts_of_version(version)
            if c.language in ("", language) and (c.community_id is None or c.community_id == community_id)
        ]
        shown = _contacts_shown[key] = sorted(contacts, key=lambda c: (c.community_id is None, c.order, c.name))
    return shown


def _contacts_version(stored: str | None) -> str:
    """The version the shared cache holds (`stored`), or a new one when it was dropped."""
    return stored or _new_contacts_version()


def all_crisis_contacts() -> list[CrisisContact]:
    return _contacts_of_version(_contacts_version(cache.get(_CRISIS_VERSION_KEY)))


def crisis_contacts(*, community_id: int | None, language: str) -> list[CrisisContact]:
    """The community's own contacts first, then the ones shown everywhere."""
    return _shown(_contacts_version(cache.get(_CRISIS_VERSION_KEY)), community_id, language)


def forget_crisis_contacts(**_kwargs) -> None:
    _forget(_CRISIS_VERSION_KEY)


def _count_unread(user) -> int:
    count = Notification.objects.for_user(user).unread().count()
    cache.set(_unread_key(user.pk), count, _KEEP_SECONDS)
    return count


def _unread(user, stored: int | None) -> int:
    """The count the shared cache holds (`stored`), or counted again when it was dropped."""
    return _count_unread(user) if stored is None else stored


def unread_count(user) -> int:
    return _unread(user, cache.get(_unread_key(user.pk)))


def forget_unread_count(*, user_id: int) -> None:
    _forget(_unread_key(user_id))


def notification_changed(*, instance: Notification, **_kwargs) -> None:
    forget_unread_count(user_id=instance.user_id)


# --- The state of one page's frame ----------------------------------------------------------------


@dataclass(frozen=True)
class FrameState:
    """Everything the frame of a page depends on. `key` names the frame's HTML in
    `reconnect.core.templatetags.frame`: two pages with the same key show the same frame, but for
    the per-request parts (CSRF token, the address to come back to, the unread count)."""

    language: str
    role: str  # "" for a visitor who is not signed in
    community_id: int | None
    contacts_version: str
    unread: int
    crisis_plan_url: str | None
    nav: "navigation.Navigation"
    crisis_contacts: list[CrisisContact] = field(compare=False)

    def key(self, current_path: str) -> tuple:
        current = current_path if current_path in self.nav.urls else ""
        return (
            self.language,
            self.role,
            self.community_id,
            self.contacts_version,
            self.unread > 0,
            self.crisis_plan_url,
            current,
        )


@functools.cache
def _members_crisis_plan_url() -> str | None:
    try:
        return reverse("toolbox:crisis_plan")
    except NoReverseMatch:
        return None


def _crisis_plan_url(role: str) -> str | None:
    """The member's own crisis plan, one tap from every page, once the toolbox provides it."""
    return _members_crisis_plan_url() if role == "member" else None


def state_for(user) -> FrameState:
    """The frame's state for `user` (signed in or not) in the active language: one round trip to
    the shared cache, and a query only for what was dropped from it."""
    language = (get_language() or "en").split("-")[0]
    signed_in = bool(user is not None and user.is_authenticated)
    role = str(user.role) if signed_in else ""
    community_id = user.community_id if signed_in else None
    counted = signed_in and user.is_onboarded
    keys = [_CRISIS_VERSION_KEY, _unread_key(user.pk)] if counted else [_CRISIS_VERSION_KEY]
    found = cache.get_many(keys)
    version = _contacts_version(found.get(_CRISIS_VERSION_KEY))
    unread = _unread(user, found.get(keys[1])) if counted else 0
    return FrameState(
        language=language,
        role=role,
        community_id=community_id,
        contacts_version=version,
        unread=unread,
        crisis_plan_url=_crisis_plan_url(role),
        nav=navigation.for_role(role, language),
        crisis_contacts=_shown(version, community_id, language),
    )


def forget_in_process(**_kwargs) -> None:
    """Drop what this process keeps (on a settings change in tests: another URLconf, languages)."""
    _contacts.clear()
    _contacts_shown.clear()
    _members_crisis_plan_url.cache_clear()
