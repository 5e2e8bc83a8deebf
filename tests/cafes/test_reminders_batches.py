"""A claimed batch of reminders is sent over one mail connection, with its bookkeeping done in a
few queries per chunk (not per reminder), committed chunk by chunk."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cafes import services
from cafes.models import Reminder, ReminderStatus, Rsvp
from reconnect.core.models import Notification
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


def _due(cafe, members: int) -> list[tuple[int, str]]:
    people = [MemberFactory(community=cafe.community) for _ in range(members)]
    Rsvp.objects.bulk_create(Rsvp(meeting=cafe, user=person, answer="going") for person in people)
    services.sync_reminders(meetings=[cafe])
    Reminder.objects.update(due_at=timezone.now() - timedelta(minutes=1))
    (batch,) = services.claim_due_reminders(batch_size=1000)
    return batch


def test_a_batch_goes_out_over_one_mail_connection_in_chunks(cafe, settings, monkeypatch):
    settings.CAFES_REMINDER_CHUNK_SIZE = 4
    batch = _due(cafe, 5)  # ten reminders: three chunks
    connections = []
    original_init = locmem.EmailBackend.__init__

    def counting_init(self, *args, **kwargs):
        connections.append(self)
        original_init(self, *args, **kwargs)

    monkeypatch.setattr(locmem.EmailBackend, "__init__", counting_init)
    assert services.send_reminder_batch(batch) == 10
    assert len(connections) == 1
    assert sorted(m.extra_headers["X-ReConnect-Reminder"] for m in mail.outbox) == sorted(k for _pk, k in batch)
    assert Notification.objects.filter(kind="cafes.reminder").count() == 10
    assert set(Reminder.objects.values_list("status", flat=True)) == {ReminderStatus.SENT}


def test_the_queries_of_a_chunk_do_not_grow_with_its_reminders(series, settings):
    from tests.cafes.factories import MeetingFactory

    settings.CAFES_REMINDER_CHUNK_SIZE = 100
    counts = []
    for members in (2, 12):
        cafe = MeetingFactory(series=series)
        batch = _due(cafe, members)
        with CaptureQueriesContext(connection) as queries:
            assert services.send_reminder_batch(batch) == 2 * members
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_chunks_commit_on_their_own_so_a_failure_keeps_the_chunks_before_it(cafe, settings, monkeypatch):
    settings.CAFES_REMINDER_CHUNK_SIZE = 4
    batch = _due(cafe, 4)  # eight reminders: two chunks
    calls = []
    original = locmem.EmailBackend.send_messages

    def failing_second_time(self, messages):
        calls.append(len(messages))
        if len(calls) == 2:
            raise ConnectionError("the mail server went away")
        return original(self, messages)

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", failing_second_time)
    with pytest.raises(ConnectionError):
        services.send_reminder_batch(batch)
    statuses = dict(Reminder.objects.values_list("pk", "status"))
    first, second = [pk for pk, _k in batch[:4]], [pk for pk, _k in batch[4:]]
    assert {statuses[pk] for pk in first} == {ReminderStatus.SENT}
    assert {statuses[pk] for pk in second} == {ReminderStatus.CLAIMED}  # claimed again after the lease
    assert Notification.objects.filter(kind="cafes.reminder").count() == 4
    # Sent again (the task is redelivered, or claimed again after the lease): only the rest goes out.
    monkeypatch.setattr(locmem.EmailBackend, "send_messages", original)
    assert services.send_reminder_batch(batch) == 4
    assert Notification.objects.filter(kind="cafes.reminder").count() == 8
