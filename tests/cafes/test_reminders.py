"""The reminder table follows answers, choices and times; claiming and sending are safe to repeat."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from cafes import services
from cafes.models import Reminder, ReminderStatus
from reconnect.core.models import Notification, NotificationPreference
from tests.cafes.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _rows(user=None):
    qs = Reminder.objects.all() if user is None else Reminder.objects.filter(user=user)
    return {(r.offset, r.status) for r in qs}


def test_answering_going_creates_the_default_reminders(member, cafe):
    services.answer(meeting=cafe, user=member, answer="going")
    assert _rows(member) == {("2d", "pending"), ("morning", "pending")}


def test_answering_not_going_cancels_pending_reminders(member, cafe):
    services.answer(meeting=cafe, user=member, answer="going")
    services.answer(meeting=cafe, user=member, answer="no")
    assert _rows(member) == {("2d", "cancelled"), ("morning", "cancelled")}
    services.answer(meeting=cafe, user=member, answer="maybe")
    assert _rows(member) == {("2d", "pending"), ("morning", "pending")}
    assert Reminder.objects.count() == 2  # one row per member, café and offset


def test_changing_preferences_updates_pending_reminders(member, cafe):
    services.answer(meeting=cafe, user=member, answer="going")
    services.update_reminder_settings(user=member, reminders_on=True, offsets=["2h"])
    assert _rows(member) == {("2d", "cancelled"), ("morning", "cancelled"), ("2h", "pending")}
    services.update_reminder_settings(user=member, reminders_on=False, offsets=["2h"])
    assert _rows(member) == {("2d", "cancelled"), ("morning", "cancelled"), ("2h", "cancelled")}


def test_moving_the_cafe_moves_the_reminders_with_a_new_key(member, moderator, cafe):
    services.answer(meeting=cafe, user=member, answer="going")
    before = Reminder.objects.get(offset="2d")
    new_start = cafe.starts_at + timedelta(days=1)
    services.update_meeting(
        meeting=cafe, actor=moderator, changes={"starts_at": new_start, "ends_at": new_start + timedelta(hours=2)}
    )
    after = Reminder.objects.get(pk=before.pk)
    assert after.due_at == before.due_at + timedelta(days=1)
    assert after.idempotency_key != before.idempotency_key


def test_cancelled_cafe_sends_no_reminders(member, moderator, cafe):
    services.answer(meeting=cafe, user=member, answer="going")
    services.cancel_meeting(meeting=cafe, actor=moderator)
    assert _rows() == {("2d", "cancelled"), ("morning", "cancelled")}
    assert services.claim_due_reminders(now=cafe.starts_at) == []


def test_reminders_already_due_when_answering_are_not_created(member, series):
    soon = MeetingFactory(series=series, starts_at=timezone.now() + timedelta(hours=3))
    services.update_reminder_settings(user=member, reminders_on=True, offsets=["2d", "2h"])
    services.answer(meeting=soon, user=member, answer="going")
    assert _rows(member) == {("2h", "pending")}


def _make_due(member, cafe):
    services.answer(meeting=cafe, user=member, answer="going")
    Reminder.objects.update(due_at=timezone.now() - timedelta(minutes=1))


def test_due_reminder_is_sent_once_in_app_and_by_email(member, cafe, django_capture_on_commit_callbacks):
    _make_due(member, cafe)
    with django_capture_on_commit_callbacks(execute=True):
        batches = services.claim_due_reminders()
    assert sum(len(b) for b in batches) == 2
    assert set(Reminder.objects.values_list("status", flat=True)) == {ReminderStatus.SENT}
    assert Notification.objects.filter(user=member, kind="cafes.reminder").count() == 2
    assert len(mail.outbox) == 2
    email = mail.outbox[0]
    assert cafe.place in email.body and cafe.theme not in email.body
    assert email.extra_headers["X-ReConnect-Reminder"] in set(
        Reminder.objects.values_list("idempotency_key", flat=True)
    )
    # Sending the same batch again (a redelivered task) sends nothing more.
    for batch in batches:
        assert services.send_reminder_batch(batch) == 0
    assert len(mail.outbox) == 2


def test_reminder_follows_the_notification_preference(member, cafe, django_capture_on_commit_callbacks):
    NotificationPreference.objects.create(user=member, kind="cafes.reminder", in_app=True, email="off")
    _make_due(member, cafe)
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_due_reminders()
    assert len(mail.outbox) == 0
    assert Notification.objects.filter(user=member, kind="cafes.reminder").count() == 2


def test_claimed_rows_come_back_after_the_lease_and_fresh_claims_do_not(member, cafe):
    _make_due(member, cafe)
    first = services.claim_due_reminders()  # no on-commit run: as if the worker never got the batch
    assert sum(len(b) for b in first) == 2
    assert services.claim_due_reminders() == []
    later = timezone.now() + services.reminder_lease() + timedelta(seconds=1)
    again = services.claim_due_reminders(now=later)
    assert sorted(pk for b in again for pk, _k in b) == sorted(pk for b in first for pk, _k in b)


def test_a_batch_claimed_before_the_cafe_moved_cannot_send_it(member, moderator, cafe):
    _make_due(member, cafe)
    (batch,) = services.claim_due_reminders()
    new_start = cafe.starts_at + timedelta(hours=1)
    services.update_meeting(
        meeting=cafe, actor=moderator, changes={"starts_at": new_start, "ends_at": new_start + timedelta(hours=2)}
    )
    assert services.send_reminder_batch(batch) == 0
    assert len(mail.outbox) == 0


def test_reminder_of_a_cafe_cancelled_after_claiming_is_not_sent(member, moderator, cafe):
    _make_due(member, cafe)
    (batch,) = services.claim_due_reminders()
    services.cancel_meeting(meeting=cafe, actor=moderator)
    assert services.send_reminder_batch(batch) == 0
    assert not Notification.objects.filter(kind="cafes.reminder").exists()


def test_claims_are_split_in_batches(member, series):
    for _ in range(3):
        services.answer(meeting=MeetingFactory(series=series), user=member, answer="going")
    Reminder.objects.update(due_at=timezone.now() - timedelta(minutes=1))
    batches = services.claim_due_reminders(batch_size=4)
    assert [len(b) for b in batches] == [4, 2]


def test_beat_runs_the_dispatch_every_minute():
    from reconnect.celery import app

    entry = app.conf.beat_schedule["cafes-reminders"]
    assert entry["task"] == "cafes.dispatch_due_reminders" and entry["schedule"] == 60.0


def test_a_sent_reminder_shows_in_the_unread_count_the_frame_had_cached(
    member, cafe, django_capture_on_commit_callbacks
):
    from reconnect.core import frame

    _make_due(member, cafe)
    assert frame.unread_count(member) == 0  # cached now
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_due_reminders()
    assert frame.unread_count(member) == 2
