"""What every page of the portal shows, kept in the cache and dropped when it changes.

A page's frame needs the crisis contacts and the unread-notification count. Both change rarely
compared with how often they are read, so they are cached without a lifetime of their own and
forgotten when a row changes (signals connected in `CoreConfig.ready`, and the bulk update in
`mark_all_read`). The lifetime below only keeps memory bounded; it is not how changes arrive.
"""

from django.core.cache import cache
from django.db import transaction

from reconnect.core.models import CrisisContact, Notification

_KEEP_SECONDS = 24 * 60 * 60
_CRISIS_KEY = "frame:crisis-contacts"


def _unread_key(user_id: int) -> str:
    return f"frame:unread:{user_id}"


def _forget(key: str) -> None:
    # Now, and once more when the transaction commits: a page rendered in between would otherwise
    # cache the count as it was before the change.
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def all_crisis_contacts() -> list[CrisisContact]:
    contacts = cache.get(_CRISIS_KEY)
    if contacts is None:
        contacts = list(CrisisContact.objects.all())
        cache.set(_CRISIS_KEY, contacts, _KEEP_SECONDS)
    return contacts


def crisis_contacts(*, community_id: int | None, language: str) -> list[CrisisContact]:
    """The community's own contacts first, then the ones shown everywhere."""
    contacts = [
        c
        for c in all_crisis_contacts()
        if c.language in ("", language) and (c.community_id is None or c.community_id == community_id)
    ]
    return sorted(contacts, key=lambda c: (c.community_id is None, c.order, c.name))


def forget_crisis_contacts(**_kwargs) -> None:
    _forget(_CRISIS_KEY)


def unread_count(user) -> int:
    key = _unread_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.for_user(user).unread().count()
        cache.set(key, count, _KEEP_SECONDS)
    return count


def forget_unread_count(*, user_id: int) -> None:
    _forget(_unread_key(user_id))


def notification_changed(*, instance: Notification, **_kwargs) -> None:
    forget_unread_count(user_id=instance.user_id)
