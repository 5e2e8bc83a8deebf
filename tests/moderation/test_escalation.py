"""Crisis items nobody claims in time are escalated to the admins and the escalation contacts, once
per item, and the moderation log says so. Crisis flags reach the moderators on duty at once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from moderation import services, tasks
from moderation.models import EscalationContact, ModerationAction, ModeratorDuty, QueueItem
from reconnect.core.models import Notification
from tests.moderation.factories import QueueItemFactory, post_by

pytestmark = pytest.mark.django_db


def _waiting(item: QueueItem, minutes: int) -> QueueItem:
    """Move the clock: the item has waited `minutes`."""
    QueueItem.objects.filter(pk=item.pk).update(created_at=timezone.now() - timedelta(minutes=minutes))
    item.refresh_from_db()
    return item


@pytest.fixture
def crisis(member_post):
    return QueueItemFactory(post=member_post, kind=QueueItem.Kind.CRISIS, priority=1, severity="crisis")


@pytest.fixture
def contact(db):
    return EscalationContact.objects.create(name="On-call clinician", email="on-call@example.org")


def test_the_default_wait_is_fifteen_minutes_and_can_be_set(settings):
    from reconnect import settings as defaults

    assert defaults.MODERATION_CRISIS_ESCALATE_MINUTES == 15
    settings.MODERATION_CRISIS_ESCALATE_MINUTES = 5
    assert services.crisis_escalate_minutes() == 5


def test_an_unclaimed_crisis_item_is_escalated_once_after_the_wait(
    crisis, admin_user, contact, django_capture_on_commit_callbacks, settings
):
    settings.MODERATION_CRISIS_ESCALATE_MINUTES = 15
    _waiting(crisis, 14)
    assert services.escalate_unclaimed_crisis() == []
    _waiting(crisis, 16)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.escalate_unclaimed_crisis() == [crisis.pk]
    crisis.refresh_from_db()
    assert crisis.auto_escalated_at is not None
    note = Notification.objects.get(user=admin_user, kind="moderation.crisis_unclaimed")
    assert note.params == {"minutes": 15} and note.url == crisis.get_absolute_url()
    entry = ModerationAction.objects.get(item=crisis, action=ModerationAction.Action.AUTO_ESCALATE)
    assert entry.actor is None and "15 minutes" in entry.reason and "1 escalation contacts" in entry.reason
    sent = [m for m in mail.outbox if m.to == ["on-call@example.org"]]
    assert len(sent) == 1
    # Content-free: a link and the waiting time, never the member's words or names.
    assert crisis.get_absolute_url() in sent[0].body and crisis.post.body not in sent[0].body
    # Once per item: a second run (a second beat, a retried task) finds nothing to do.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.escalate_unclaimed_crisis() == []
    assert ModerationAction.objects.filter(action=ModerationAction.Action.AUTO_ESCALATE).count() == 1
    assert len([m for m in mail.outbox if m.to == ["on-call@example.org"]]) == 1


def test_a_claimed_item_and_a_plain_flag_are_not_escalated(crisis, moderator, member, topic):
    services.claim_item(moderator=moderator, item=crisis)
    _waiting(crisis, 60)
    flag = _waiting(QueueItemFactory(post=post_by(member, topic=topic), kind=QueueItem.Kind.HOSTILE, priority=2), 60)
    assert services.escalate_unclaimed_crisis() == []
    flag.refresh_from_db()
    assert flag.auto_escalated_at is None


def test_telling_someone_to_harm_themselves_escalates_like_crisis(member, topic, admin_user):
    item = QueueItemFactory(
        post=post_by(member, topic=topic), kind=QueueItem.Kind.HOSTILE, priority=1, severity="crisis"
    )
    _waiting(item, 20)
    assert services.escalate_unclaimed_crisis() == [item.pk]


def test_the_task_is_on_beats_schedule_and_runs_the_service(crisis, admin_user):
    from reconnect.celery import app

    entry = app.conf.beat_schedule["moderation-escalate-unclaimed-crisis"]
    assert entry["task"] == "moderation.escalate_unclaimed_crisis"
    _waiting(crisis, 30)
    assert tasks.escalate_unclaimed() == 1
    assert tasks.escalate_unclaimed() == 0


def test_the_queue_and_the_item_show_that_an_item_was_escalated(login, moderator, crisis):
    _waiting(crisis, 30)
    services.escalate_unclaimed_crisis()
    client = login(moderator)
    assert "Escalated: waited unclaimed" in client.get("/moderation/").content.decode()
    page = client.get(crisis.get_absolute_url()).content.decode()
    assert "The portal" in page and "Not claimed within 15 minutes" in page


# --- On duty ---------------------------------------------------------------------------------------


def test_crisis_flags_reach_the_moderators_on_duty_and_everyone_when_nobody_is(
    member, member_post, moderator, other_moderator, admin_user
):
    services.screen(author=member, text="I want to die", post=member_post)
    assert {n.user for n in Notification.objects.filter(kind="moderation.crisis")} == {
        moderator,
        other_moderator,
        admin_user,
    }
    Notification.objects.all().delete()
    QueueItem.objects.all().delete()
    services.set_on_duty(moderator=other_moderator, on_duty=True)
    services.screen(author=member, text="I want to die", post=member_post)
    assert {n.user for n in Notification.objects.filter(kind="moderation.crisis")} == {other_moderator}


def test_moderators_go_on_and_off_duty_from_the_queue(login, moderator):
    client = login(moderator)
    response = client.post("/moderation/duty/", {"on_duty": "on"}, follow=True)
    assert "You are on duty" in response.content.decode()
    assert ModeratorDuty.objects.get(moderator=moderator).on_duty
    assert "Go off duty" in response.content.decode()
    response = client.post("/moderation/duty/", {"on_duty": "on"}, follow=True)
    assert "You are on duty already." in response.content.decode()
    client.post("/moderation/duty/", {"on_duty": "off"})
    assert not ModeratorDuty.objects.get(moderator=moderator).on_duty


@pytest.mark.parametrize("data", [{}, {"on_duty": "maybe"}])
def test_bad_duty_input_changes_nothing_and_says_why(login, moderator, data):
    response = login(moderator).post("/moderation/duty/", data, follow=True)
    assert response.status_code == 200
    assert "Please choose whether you go on or off duty." in response.content.decode()
    assert not ModeratorDuty.objects.exists()


def test_admins_do_not_go_on_duty(login, admin_user):
    response = login(admin_user).post("/moderation/duty/", {"on_duty": "on"}, follow=True)
    assert "Only peer moderators go on duty." in response.content.decode()
    assert not ModeratorDuty.objects.exists()


def test_duty_is_post_only(login, moderator):
    assert login(moderator).get("/moderation/duty/").status_code == 405
