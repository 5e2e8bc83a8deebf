"""Seeing, taking and erasing one's data: the export and the account deletion."""

import dataclasses
import io
import json
import secrets
import uuid
import zipfile
from datetime import datetime, timedelta
from functools import partial
from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Count, Value
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reconnect.accounts.models import User
from reconnect.core import db_roles
from reconnect.core.files import read_private_file, store_private_file
from reconnect.core.models import AccessLogEntry
from reconnect.core.services import notify
from reconnect.privacy import registry
from reconnect.privacy import summary as summary_page
from reconnect.privacy.models import EXPORT_GIVE_UP_AFTER, DataExport, ErasureRequest
from reconnect.privacy.notifications import EXPORT_READY

EXPORT_FOLDER = "exports"


class PrivacyError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def sections_for(user: User) -> list[registry.Section]:
    """The sections for the person's role, each with only the items their role has."""
    return [
        dataclasses.replace(section, items=tuple(i for i in section.items if not i.roles or user.role in i.roles))
        for section in registry.sections()
        if not section.roles or user.role in section.roles
    ]


def overview(*, user: User) -> list[dict]:
    """What the portal holds about `user`, per app: one count per kind of thing, and where to see it."""
    sections = [(section, [item for item in section.items if item.in_overview]) for section in sections_for(user)]
    counts = _counts(user, [(section, item) for section, items in sections for item in items])
    result = []
    for section, items in sections:
        rows = []
        for item in items:
            try:
                url = reverse(item.url_name) if item.url_name else ""
            except NoReverseMatch:
                url = ""
            rows.append({"label": item.label, "count": counts.get(f"{section.key}.{item.key}", 0), "url": url})
        result.append({"key": section.key, "title": section.title, "items": rows})
    return result


def _counts(user: User, items: list[tuple[registry.Section, registry.Item]]) -> dict[str, int]:
    """Every count in one query (a UNION ALL of one grouped count per item), by "section.item".

    Item keys are unique only within their section (the toolbox and moderation both have
    "check_ins"), so the section's key is part of each count's name.
    """
    queries = [
        item.model._default_manager.filter(pk__in=item.rows(user).values("pk"))
        .order_by()
        .annotate(item_key=Value(f"{section.key}.{item.key}"))
        .values("item_key")
        .annotate(n=Count("pk"))
        for section, item in items
    ]
    if not queries:
        return {}
    union = queries[0].union(*queries[1:], all=True)
    return {row["item_key"]: row["n"] for row in union}


def record_own_action(*, user: User, action: str) -> None:
    # The person's own requests go into their access log too. No name is written: after an
    # erasure, nothing in the log may still say who the person was.
    AccessLogEntry.objects.create(subject=user, actor=None, actor_role="self", actor_name="", action=action)


# --- Export ---------------------------------------------------------------------------------------


def set_profile_privacy(*, user: User, profile_hidden: bool, show_post_count: bool) -> None:
    """What other members see on the person's forum profile."""
    user.profile_hidden = profile_hidden
    user.show_post_count = show_post_count
    user.save(update_fields=["profile_hidden", "show_post_count"])


def read_export(export: DataExport) -> bytes:
    return read_private_file(export.file_name)


@transaction.atomic
def request_export(*, user: User) -> DataExport:
    """Start preparing a copy of everything; asking again while one is being prepared returns it."""
    from reconnect.privacy import tasks

    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_erased:
        raise PrivacyError(_("This account has been deleted."))
    pending = DataExport.objects.filter(user=user, status=DataExport.Status.PENDING)
    pending.filter(requested_at__lt=timezone.now() - EXPORT_GIVE_UP_AFTER).update(status=DataExport.Status.FAILED)
    current = pending.first()
    if current is not None:
        return current
    export = DataExport.objects.create(user=user)
    record_own_action(user=user, action="export_requested")
    transaction.on_commit(partial(tasks.prepare_export.delay, export.pk))
    return export


def export_data(*, user: User, sections: list[registry.Section]) -> dict[str, dict[str, list[dict]]]:
    """Everything the sections hold about `user`, as JSON-ready rows per section."""
    data: dict[str, dict[str, list[dict]]] = {}
    for section in sections:
        data[section.key] = {item.key: list(item.rows(user).values(*item.columns())) for item in section.items}
    return data


def build_export_zip(*, user: User) -> bytes:
    """The ZIP: a readable summary (index.html), one JSON file per app, and attached files."""
    sections = sections_for(user)
    data = export_data(user=user, sections=sections)
    buffer = io.BytesIO()
    with (
        translation.override(user.preferred_language or settings.LANGUAGE_CODE),
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        summary = [
            {
                "key": section.key,
                "title": section.title,
                "items": [
                    {
                        "label": item.label,
                        "key": item.key,
                        "count": len(data[section.key][item.key]),
                        **summary_page.readable_table(item.model, item.columns(), data[section.key][item.key]),
                    }
                    for item in section.items
                ],
            }
            for section in sections
        ]
        archive.writestr(
            "index.html",
            render_to_string(
                "privacy/export_summary.html", {"person": user, "sections": summary, "created_at": timezone.now()}
            ),
        )
        for key, items in data.items():
            archive.writestr(f"{key}.json", json.dumps(items, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        for section in sections:
            if section.files is not None:
                for name, content in section.files(user):
                    archive.writestr(f"{section.key}/{name}", content)
    return buffer.getvalue()


def prepare_export(*, export_id: int) -> None:
    """Build and store one export. Safe to run twice, and after the account was deleted meanwhile."""
    export = DataExport.objects.filter(pk=export_id, status=DataExport.Status.PENDING).select_related("user").first()
    if export is None or export.user.is_erased:
        return
    data = build_export_zip(user=export.user)
    with transaction.atomic():
        # The file is written in the transaction that marks the export ready: both or neither.
        _finish_export(export_id=export_id, user_id=export.user_id, data=data)


def _finish_export(*, export_id: int, user_id: int, data: bytes) -> None:
    # The same lock order as the deletion (the person first), so the two never deadlock: a
    # deletion that won the race has removed this export, and no file is written.
    user = User.objects.select_for_update().get(pk=user_id)
    locked = DataExport.objects.select_for_update().filter(pk=export_id, status=DataExport.Status.PENDING).first()
    if locked is None or user.is_erased:
        return
    now = timezone.now()
    locked.status = DataExport.Status.READY
    locked.ready_at = now
    locked.expires_at = now + timedelta(hours=settings.PRIVACY_EXPORT_VALID_HOURS)
    locked.file_name = store_private_file(EXPORT_FOLDER, data)
    locked.size = len(data)
    locked.save(update_fields=["status", "ready_at", "expires_at", "file_name", "size"])
    notify(users=[user], kind=EXPORT_READY, url=reverse("privacy:export"))


def mark_export_failed(*, export_id: int) -> None:
    DataExport.objects.filter(pk=export_id, status=DataExport.Status.PENDING).update(status=DataExport.Status.FAILED)


@transaction.atomic
def record_download(*, export: DataExport) -> None:
    DataExport.objects.filter(pk=export.pk).update(downloaded_at=timezone.now())
    record_own_action(user=export.user, action="export_downloaded")


def remove_expired_exports(*, now: datetime | None = None) -> int:
    # Emptying the name removes the file in the same statement's transaction (a trigger on
    # privacy_dataexport, see reconnect.core.files).
    expired = DataExport.objects.filter(expires_at__lte=now or timezone.now()).exclude(file_name="")
    return expired.update(file_name="", size=0)


# --- Erasure --------------------------------------------------------------------------------------


def _unused_former_number() -> int:
    while True:
        number = 1000 + secrets.randbelow(9_000_000)
        if not User.objects.filter(former_number=number).exists():
            return number


def _end_all_sessions(user: User) -> None:
    """Sign the person out everywhere: their sessions go, and with no password none comes back."""
    from allauth.usersessions.models import UserSession

    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    # The session engine may also keep a copy in the cache (cached_db): drop those too.
    prefix = getattr(import_module(settings.SESSION_ENGINE).SessionStore, "cache_key_prefix", None)
    if prefix is not None:
        caches[settings.SESSION_CACHE_ALIAS].delete_many([prefix + key for key in keys])
    UserSession.objects.filter(user=user).delete()


@transaction.atomic
def erase_account(*, user: User, keep_post_text: bool) -> ErasureRequest:
    """Delete a member's account in one transaction: nothing is half-deleted.

    What is personal goes; what others wrote in answer to them stays readable: their forum posts
    remain under "Former member N" (texts kept or removed as they chose), and their messages with
    providers are kept or removed by the retention rule. The user row stays as an anonymous
    stand-in (no email, names, password or community), so threads keep their number of posts.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_erased:
        raise PrivacyError(_("This account has already been deleted."))
    if not user.is_member:
        raise PrivacyError(_("Staff accounts are closed by an administrator."))
    former_number = _unused_former_number()
    old_name, old_name_for_providers = user.display_name, user.name_for_providers
    user.erased_at = timezone.now()
    user.former_number = former_number
    plan = registry.ErasurePlan(
        keep_post_text=keep_post_text,
        keep_messages=settings.PRIVACY_MESSAGES_KEPT_DAYS > 0,
        old_display_name=old_name,
        new_display_name=user.display_name,
        old_name_for_providers=old_name_for_providers,
    )
    request = ErasureRequest.objects.create(user=user, kept_post_text=keep_post_text, kept_messages=plan.keep_messages)
    record_own_action(user=user, action="erasure_requested")
    counts: dict[str, int] = {}
    for section in registry.sections():
        if section.erase is not None:
            counts.update(section.erase(user, plan))

    # Their files go in this transaction too (a trigger on privacy_dataexport).
    counts["privacy.exports"] = DataExport.objects.filter(user=user).delete()[0]
    _end_all_sessions(user)

    user.email = f"former-{uuid.uuid4().hex}@erased.invalid"
    user.set_pseudonym(None)
    user.real_name = ""
    user.care_team_name = ""
    user.community = None
    user.is_active = False
    user.profile_hidden = True
    user.set_unusable_password()
    user.save()
    user.extra_communities.clear()

    request.completed_at = timezone.now()
    request.counts = counts
    request.save(update_fields=["completed_at", "counts"])
    return request


# --- Retention ------------------------------------------------------------------------------------


@transaction.atomic
def remove_old_access_log(*, now: datetime | None = None) -> int:
    """Remove access-log lines older than PRIVACY_ACCESS_LOG_KEPT_DAYS (0 keeps them for ever)."""
    from reconnect.core.models import AccessLogRetention

    days = settings.PRIVACY_ACCESS_LOG_KEPT_DAYS
    if days <= 0:
        return 0
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        # The database's clock and its stored ACCESS_LOG_KEPT_DAYS decide, not this process: the
        # application role can only call the owner's function (see reconnect.core.db_roles).
        db_roles.sync_access_log_kept_days(connection, days=days)
        return db_roles.apply_access_log_retention(connection)
    cutoff = (now or timezone.now()) - timedelta(days=days)
    AccessLogRetention.objects.update_or_create(pk=1, defaults={"remove_before": cutoff, "kept_days": days})
    return AccessLogEntry.objects.filter(created_at__lt=cutoff).delete()[0]


def apply_retention(*, now: datetime | None = None) -> dict[str, int]:
    """Apply every retention rule once; returns how many of each kind of thing went."""
    now = now or timezone.now()
    removed = {
        "core.access_log": remove_old_access_log(now=now),
        "privacy.expired_exports": remove_expired_exports(now=now),
    }
    for section in registry.sections():
        if section.retention is not None:
            removed.update(section.retention(now))
    return removed
