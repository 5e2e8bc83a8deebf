"""Operations on cafés: one function per use case, each in one transaction."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache, partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cafes import notifications as kinds
from cafes.models import (
    WHO_CAME_DAYS,
    Answer,
    CafeSeries,
    CafeSettings,
    CompanionPost,
    Meeting,
    Reminder,
    ReminderOffset,
    ReminderStatus,
    Rsvp,
    _new_feed_token,
    _new_key,
    reminder_due_at,
)
from cafes.recurrence import Rule
from reconnect.accounts.models import Community, User
from reconnect.core import frame
from reconnect.core.models import Notification, NotificationPreference
from reconnect.core.notifications import EmailChoice
from reconnect.core.services import notify

COMING = (Answer.GOING, Answer.MAYBE)


def reminder_lease() -> timedelta:
    """A claimed reminder not sent within this time is claimed again (its worker is presumed lost)."""
    return timedelta(seconds=settings.CAFES_REMINDER_LEASE_SECONDS)


class CafeError(Exception):
    """An action refused for a reason the person can understand; the message says why."""


# --- Series and meetings -------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingDefaults:
    place: str
    address: str
    directions: str = ""
    theme: str = ""


@transaction.atomic
def create_series(
    *, community: Community, host: User, title: str, rule: Rule, duration_minutes: int, defaults: MeetingDefaults
) -> CafeSeries:
    """Create a series and one meeting per date its rule yields; a rule without dates is refused."""
    starts = rule.starts()
    if not starts:
        raise ValidationError(
            _("This rule gives no dates between %(first)s and %(last)s. Choose another day or a longer period.")
            % {"first": rule.first_date.strftime("%d.%m.%Y"), "last": rule.last_date.strftime("%d.%m.%Y")}
        )
    series = CafeSeries.objects.create(
        community=community,
        host=host,
        title=title,
        frequency=rule.frequency,
        nth=rule.nth,
        weekday=rule.weekday,
        start_time=rule.start_time,
        duration_minutes=duration_minutes,
        first_date=rule.first_date,
        last_date=rule.last_date,
        place=defaults.place,
        address=defaults.address,
        directions=defaults.directions,
        theme=defaults.theme,
    )
    length = timedelta(minutes=duration_minutes)
    Meeting.objects.bulk_create(
        Meeting(
            series=series,
            community=community,
            host=host,
            starts_at=start,
            ends_at=start + length,
            place=defaults.place,
            address=defaults.address,
            directions=defaults.directions,
            theme=defaults.theme,
        )
        for start in starts
    )
    return series


@transaction.atomic
def update_meeting(*, meeting: Meeting, actor: User, changes: dict) -> Meeting:
    """Adjust one meeting. A new time or place is told to everyone coming, and reminders follow."""
    if meeting.is_cancelled:
        raise CafeError(_("This café is cancelled and can no longer be changed."))
    old_label, old_start, old_place = meeting.label(), meeting.starts_at, meeting.place
    for field, value in changes.items():
        setattr(meeting, field, value)
    meeting.save(update_fields=list(changes))
    if meeting.starts_at != old_start or meeting.place != old_place:
        coming = [r.user for r in meeting.rsvps.filter(answer__in=COMING).select_related("user")]
        notify(
            users=coming,
            kind=kinds.CHANGED,
            url=meeting.get_absolute_url(),
            params={"date": old_label, "new_date": meeting.label(), "place": meeting.place},
        )
    if meeting.starts_at != old_start:
        sync_reminders(meetings=[meeting])
    return meeting


@transaction.atomic
def cancel_meeting(*, meeting: Meeting, actor: User) -> Meeting:
    """Cancel one meeting: its reminders stop and everyone who answered is told."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise CafeError(_("This café is already cancelled."))
    if meeting.is_past:
        raise CafeError(_("This café has already taken place."))
    meeting.cancelled_at = timezone.now()
    meeting.save(update_fields=["cancelled_at"])
    sync_reminders(meetings=[meeting])
    answered = [r.user for r in meeting.rsvps.select_related("user")]
    notify(users=answered, kind=kinds.CANCELLED, url=meeting.get_absolute_url(), params={"date": meeting.label()})
    return meeting


@transaction.atomic
def record_attendance(*, meeting: Meeting, actor: User, attendance: int, note: str = "") -> Meeting:
    if meeting.is_cancelled:
        raise CafeError(_("This café was cancelled, so there is no attendance to record."))
    if not meeting.is_past:
        raise CafeError(_("Attendance can be recorded once the café has started."))
    meeting.attendance = attendance
    meeting.attendance_note = note
    meeting.attendance_recorded_at = timezone.now()
    meeting.save(update_fields=["attendance", "attendance_note", "attendance_recorded_at"])
    return meeting


@transaction.atomic
def say_who_came(*, meeting: Meeting, user: User, came: bool) -> Rsvp:
    """A member who answered "going" or "maybe" says afterwards whether they came.

    Only counts of these answers leave the member's own pages (the host's attendance page and the
    usage report); nobody sees who said what.
    """
    if meeting.is_cancelled:
        raise CafeError(_("This café was cancelled, so there is nothing to answer."))
    if not meeting.is_past:
        raise CafeError(_("You can tell us whether you came once the café has started."))
    if not meeting.asks_who_came:
        raise CafeError(_("This café was too long ago to answer now."))
    rsvp = Rsvp.objects.select_for_update().filter(meeting=meeting, user=user).first()
    if rsvp is None or not rsvp.is_coming:
        raise CafeError(_('Only those who answered "going" or "maybe" are asked whether they came.'))
    rsvp.attended = came
    rsvp.save(update_fields=["attended"])
    return rsvp


def unanswered_past_cafes(user: User) -> list[Rsvp]:
    """The user's recent cafés (answered "going" or "maybe") where they have not said whether they came."""
    now = timezone.now()
    return list(
        Rsvp.objects.filter(
            user=user,
            answer__in=COMING,
            attended__isnull=True,
            meeting__cancelled_at__isnull=True,
            meeting__starts_at__lte=now,
            meeting__starts_at__gte=now - timedelta(days=WHO_CAME_DAYS),
            meeting__in=Meeting.objects.visible_to(user),
        )
        .select_related("meeting__series")
        .order_by("-meeting__starts_at")[:3]
    )


# --- Answers and company ------------------------------------------------------------------------


def _check_open(meeting: Meeting, user: User) -> None:
    if user.community_id != meeting.community_id and meeting.community_id not in user.community_ids():
        raise CafeError(_("This café belongs to another community. You can answer the cafés of your own community."))
    if meeting.is_cancelled:
        raise CafeError(_("This café is cancelled, so it no longer takes answers."))
    if meeting.is_past:
        raise CafeError(_("This café has already taken place, so it no longer takes answers."))


@transaction.atomic
def answer(
    *,
    meeting: Meeting,
    user: User,
    answer: str,
    show_pseudonym: bool = False,
    first_visit: bool = False,
    first_visit_note: str = "",
) -> Rsvp:
    """Answer going, maybe or not going, or change the answer; reminders follow the answer."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _check_open(meeting, user)
    previous = Rsvp.objects.filter(meeting=meeting, user=user).first()
    coming = answer in COMING
    rsvp, _created = Rsvp.objects.update_or_create(
        meeting=meeting,
        user=user,
        defaults={
            "answer": answer,
            "show_pseudonym": show_pseudonym and coming,
            "first_visit": first_visit and coming,
            "first_visit_note": first_visit_note if first_visit and coming else "",
            "updated_at": timezone.now(),
        },
    )
    if rsvp.first_visit and not (previous and previous.first_visit) and meeting.host_id != user.pk:
        notify(
            users=[meeting.host],
            kind=kinds.FIRST_VISIT,
            url=meeting.get_absolute_url(),
            params={"date": meeting.label()},
        )
    if not coming and previous is not None and previous.answer in COMING:
        call_off_company(user=user, meeting=meeting)
        # Their own offers and wishes for this café go: they are not coming.
        CompanionPost.objects.filter(meeting=meeting, author=user).delete()
    sync_reminders(meetings=[meeting], users=[user])
    return rsvp


def call_off_company(*, user: User, meeting: Meeting | None = None) -> None:
    """Company on the way to a café still to come that `user` arranged with someone is off.

    The other person is told, rather than left waiting at the station; an offer `user` had taken
    up is open again for someone else. Used when they answer "not going" and when their account
    is deleted (then `meeting` is None: every café still to come).
    """
    arranged = CompanionPost.objects.filter(
        meeting__starts_at__gt=timezone.now(), meeting__cancelled_at__isnull=True, accepted_by__isnull=False
    )
    if meeting is not None:
        arranged = arranged.filter(meeting=meeting)
    for post in (arranged.filter(accepted_by=user) | arranged.filter(author=user)).select_related(
        "meeting", "author", "accepted_by"
    ):
        other = post.author if post.accepted_by_id == user.pk else post.accepted_by
        notify(
            users=[other],
            kind=kinds.COMPANY_OFF,
            url=post.meeting.get_absolute_url(),
            params={"date": post.meeting.label()},
        )
    arranged.filter(accepted_by=user).update(accepted_by=None, accepted_at=None)


@transaction.atomic
def post_company(*, meeting: Meeting, user: User, kind: str, text: str) -> CompanionPost:
    _check_open(meeting, user)
    if not Rsvp.objects.filter(meeting=meeting, user=user, answer__in=COMING).exists():
        raise CafeError(_("Answer going or maybe first: company is arranged among those who are coming."))
    return CompanionPost.objects.create(meeting=meeting, author=user, kind=kind, text=text.strip())


@transaction.atomic
def accept_company(*, post: CompanionPost, user: User) -> CompanionPost:
    """Take up an offer (or answer a wish) for company; both people are told."""
    post = CompanionPost.objects.select_for_update(of=("self",)).select_related("meeting", "author").get(pk=post.pk)
    meeting = post.meeting
    _check_open(meeting, user)
    if post.author_id == user.pk:
        raise CafeError(_("This is your own post."))
    if post.accepted_by_id is not None:
        raise CafeError(_("Someone has already taken this up."))
    if not Rsvp.objects.filter(meeting=meeting, user=user, answer__in=COMING).exists():
        raise CafeError(_("Answer going or maybe first: company is arranged among those who are coming."))
    post.accepted_by = user
    post.accepted_at = timezone.now()
    post.save(update_fields=["accepted_by", "accepted_at"])
    url = meeting.get_absolute_url()
    notify(
        users=[post.author],
        kind=kinds.COMPANION,
        url=url,
        params={"pseudonym": user.display_name, "date": meeting.label()},
    )
    notify(
        users=[user],
        kind=kinds.COMPANION,
        url=url,
        params={"pseudonym": post.author.display_name, "date": meeting.label()},
    )
    return post


@transaction.atomic
def withdraw_company(*, post: CompanionPost, user: User) -> None:
    if post.author_id != user.pk:
        raise CafeError(_("Only the person who wrote it can take it back."))
    post.delete()


# --- Settings and calendar feed ------------------------------------------------------------------


def settings_for(user: User) -> CafeSettings:
    cafe_settings, _created = CafeSettings.objects.get_or_create(user=user)
    return cafe_settings


@transaction.atomic
def update_reminder_settings(*, user: User, reminders_on: bool, offsets: Iterable[str]) -> CafeSettings:
    cafe_settings = settings_for(user)
    cafe_settings.reminders_on = reminders_on
    cafe_settings.reminder_offsets = [o for o in ReminderOffset.values if o in set(offsets)]
    cafe_settings.save(update_fields=["reminders_on", "reminder_offsets"])
    sync_reminders(users=[user])
    return cafe_settings


@transaction.atomic
def renew_feed_token(*, user: User) -> CafeSettings:
    """A new secret address for the calendar feed; the old one stops working at once."""
    cafe_settings = settings_for(user)
    cafe_settings.feed_token = _new_feed_token()
    cafe_settings.save(update_fields=["feed_token"])
    return cafe_settings


# --- Reminders -----------------------------------------------------------------------------------


def sync_reminders(*, meetings: Iterable[Meeting] | None = None, users: Iterable | None = None) -> None:
    """Make the reminder rows of these meetings and/or users match answers, choices and times.

    Rows that are no longer wanted are cancelled (never deleted while a batch may hold them); a
    row whose due time changed is armed again with a new idempotency key.
    """
    now = timezone.now()
    scope = Q()
    if meetings is not None:
        scope &= Q(meeting__in=[m.pk for m in meetings])
    if users is not None:
        scope &= Q(user__in=[u.pk for u in users])
    wanted_rsvps = list(
        Rsvp.objects.filter(
            scope, answer__in=COMING, meeting__cancelled_at__isnull=True, meeting__starts_at__gt=now
        ).values_list("user_id", "meeting_id", "meeting__starts_at")
    )
    user_ids = {user_id for user_id, _m, _s in wanted_rsvps}
    choices = {
        s.user_id: s.reminder_offsets if s.reminders_on else []
        for s in CafeSettings.objects.filter(user_id__in=user_ids)
    }
    default = CafeSettings._meta.get_field("reminder_offsets").get_default()
    wanted: dict[tuple[int, int, str], datetime] = {}
    for user_id, meeting_id, starts_at in wanted_rsvps:
        for offset in choices.get(user_id, default):
            due = reminder_due_at(offset, starts_at)
            if now < due < starts_at:
                wanted[(user_id, meeting_id, offset)] = due

    existing = {(r.user_id, r.meeting_id, r.offset): r for r in Reminder.objects.select_for_update().filter(scope)}
    to_update = []
    for key, row in existing.items():
        wanted_due = wanted.get(key)
        if wanted_due is None:
            if row.status in (ReminderStatus.PENDING, ReminderStatus.CLAIMED):
                row.status = ReminderStatus.CANCELLED
                to_update.append(row)
        elif row.status == ReminderStatus.CANCELLED or row.due_at != wanted_due:
            row.due_at = wanted_due
            row.status = ReminderStatus.PENDING
            row.idempotency_key = _new_key()
            row.claimed_at = None
            row.sent_at = None
            to_update.append(row)
    if to_update:
        Reminder.objects.bulk_update(to_update, ["due_at", "status", "idempotency_key", "claimed_at", "sent_at"])
    Reminder.objects.bulk_create(
        Reminder(user_id=user_id, meeting_id=meeting_id, offset=offset, due_at=due)
        for (user_id, meeting_id, offset), due in wanted.items()
        if (user_id, meeting_id, offset) not in existing
    )


def claim_due_reminders(*, now: datetime | None = None, batch_size: int | None = None) -> list[list[tuple[int, str]]]:
    """Claim every due reminder in batches and enqueue one send task per batch.

    SKIP LOCKED lets several dispatchers run side by side without waiting on each other. Rows
    claimed longer ago than the lease (their worker was lost) are claimed again; sending checks
    each row's state and key, so a second claim never sends twice.
    """
    from cafes import tasks

    now = now or timezone.now()
    batch_size = batch_size or settings.CAFES_REMINDER_BATCH_SIZE
    lease = reminder_lease()
    batches = []
    while True:
        with transaction.atomic():
            rows = list(
                Reminder.objects.select_for_update(skip_locked=True)
                .filter(
                    Q(status=ReminderStatus.PENDING, due_at__lte=now)
                    | Q(status=ReminderStatus.CLAIMED, claimed_at__lt=now - lease)
                )
                .order_by("due_at", "pk")
                .values_list("pk", "idempotency_key")[:batch_size]
            )
            if not rows:
                break
            Reminder.objects.filter(pk__in=[pk for pk, _k in rows]).update(
                status=ReminderStatus.CLAIMED, claimed_at=timezone.now()
            )
            transaction.on_commit(partial(tasks.send_reminders.delay, rows))
        batches.append(rows)
        if len(rows) < batch_size:
            break
    return batches


def send_reminder_batch(batch: Iterable[tuple[int, str]]) -> int:
    """Send a claimed batch over one mail connection, committing every CHUNK_SIZE reminders.

    Returns how many went out. Each chunk is one transaction: its rows are locked and checked
    together, its in-app notifications written in one insert, its rows marked sent in one update,
    then its emails leave and the transaction commits. A worker lost in the middle of a chunk
    leaves the whole chunk claimed, so it is sent again after the lease and no reminder is lost;
    finished chunks stay sent. The idempotency key is each email's Message-ID, so a receiving
    server can recognise the rare repeat of an email that had left just before the loss.
    """
    batch = list(batch)
    if not batch:
        return 0
    # The batch's channel choices in one query rather than one per reminder.
    choices = {
        p.user_id: (p.in_app, p.email)
        for p in NotificationPreference.objects.filter(
            kind=kinds.REMINDER.key, user__cafe_reminders__pk__in=[pk for pk, _k in batch]
        ).distinct()
    }
    size = settings.CAFES_REMINDER_CHUNK_SIZE
    sent = 0
    with mailers.default as mail:
        for start in range(0, len(batch), size):
            sent += _send_reminder_chunk(batch[start : start + size], choices=choices, mail=mail)
    return sent


@transaction.atomic
def _send_reminder_chunk(chunk: list[tuple[int, str]], *, choices: dict, mail: BaseEmailBackend) -> int:
    keys = dict(chunk)
    # Only the reminder rows are locked: senders of one café must not queue on its meeting row.
    rows = [
        row
        for row in Reminder.objects.select_for_update(of=("self",))
        .select_related("meeting", "user")
        .filter(pk__in=list(keys), status=ReminderStatus.CLAIMED)
        .order_by("pk")
        # A row sent already, cancelled, or moved to a new time since it was claimed is not ours.
        if row.idempotency_key == keys[row.pk]
    ]
    now = timezone.now()
    due: list[Reminder] = []
    cancelled: list[Reminder] = []
    for row in rows:
        meeting, user = row.meeting, row.user
        gone = meeting.is_cancelled or meeting.starts_at <= now or not user.is_active
        (cancelled if gone else due).append(row)
    default = (True, kinds.REMINDER.default_email)
    notes, emails = [], []
    for row in due:
        in_app, email = choices.get(row.user_id, default)
        note, message = _reminder_delivery(row, in_app=in_app, email=email, now=now)
        if note is not None:
            notes.append(note)
        if message is not None:
            emails.append(message)
    Notification.objects.bulk_create(notes)
    # A bulk insert sends no signal: each reader's cached unread count is dropped here.
    for user_id in {note.user_id for note in notes}:
        frame.forget_unread_count(user_id=user_id)
    if cancelled:
        Reminder.objects.filter(pk__in=[row.pk for row in cancelled]).update(status=ReminderStatus.CANCELLED)
    if due:
        Reminder.objects.filter(pk__in=[row.pk for row in due]).update(status=ReminderStatus.SENT, sent_at=now)
    # Last, so that the emails leave as close to the commit as possible.
    mail.send_messages(emails)
    return len(due)


@lru_cache(maxsize=256)
def _reminder_text_cached(
    meeting_pk: int, starts_at: datetime, place: str, address: str, language: str
) -> tuple[str, str]:
    local = timezone.localtime(starts_at)
    with translation.override(language):
        context = {
            "date": local.strftime("%d.%m.%Y"),
            "time": local.strftime("%H:%M"),
            "place": place,
            "address": address,
            "url": settings.SITE_URL + reverse("cafes:detail", args=[meeting_pk]),
            "settings_url": settings.SITE_URL + reverse("cafes:settings"),
        }
        subject = render_to_string("cafes/email/reminder_subject.txt", context).strip()
        body = render_to_string("cafes/email/reminder.txt", context)
    return subject, body


def _reminder_text(meeting: Meeting, language: str) -> tuple[str, str]:
    """Subject and body of a reminder email; the same for everyone of one café and language, so a
    batch renders them once. The key holds every field the text shows, so an edit is never stale."""
    return _reminder_text_cached(meeting.pk, meeting.starts_at, meeting.place, meeting.address, language)


def _reminder_delivery(
    row: Reminder, *, in_app: bool, email: str, now: datetime
) -> tuple[Notification | None, EmailMessage | None]:
    """In the portal and by email, as the member chose for café reminders: date, time and place only."""
    meeting, user = row.meeting, row.user
    note = message = None
    if in_app or email == EmailChoice.DAILY:
        # Made here rather than through notify(): the reminder email below carries the date,
        # time and place itself, so the portal's generic "something new" email must not follow.
        note = Notification(
            user=user,
            kind=kinds.REMINDER.key,
            url=meeting.get_absolute_url(),
            params={"date": meeting.label(), "place": meeting.place},
            read_at=None if in_app else now,
            emailed_at=now if email != EmailChoice.DAILY else None,
            digest_due=email == EmailChoice.DAILY,
        )
    if email == EmailChoice.IMMEDIATE:
        subject, body = _reminder_text(meeting, user.preferred_language or settings.LANGUAGE_CODE)
        message = EmailMessage(
            subject,
            body,
            to=[user.email],
            headers={
                "Message-ID": f"<{row.idempotency_key}@cafes.reconnect>",
                "X-ReConnect-Reminder": row.idempotency_key,
            },
        )
    return note, message
