"""Moderation actions: each writes exactly one log entry in the same transaction as its change;
claims, second clicks and bad input are refused with a message and write nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from forum.models import Post, Thread
from moderation import services
from moderation.models import HideNotice, ModerationAction, ModeratorCheckIn, QueueItem, Report, Sanction, SlowMode
from reconnect.core.models import Notification
from tests.forum.factories import TopicFactory
from tests.moderation.factories import QueueItemFactory, ReportFactory

pytestmark = pytest.mark.django_db

Action = ModerationAction.Action


def _log_count():
    return ModerationAction.objects.count()


# --- One entry per action, in the same transaction ------------------------------------------------


def _call(name, moderator, item):
    """Call one action on `item` as `moderator` with valid input."""
    thread = item.post.thread
    calls = {
        "claim": lambda: services.claim_item(moderator=moderator, item=item),
        "approve": lambda: services.approve(moderator=moderator, item=item),
        "hide": lambda: services.hide(moderator=moderator, item=item, reason="It names a nurse."),
        "edit": lambda: services.edit(moderator=moderator, item=item, body="A kinder text.", note="Took out a name."),
        "dismiss": lambda: services.dismiss(moderator=moderator, item=item, reason="Fine."),
        "escalate": lambda: services.escalate(moderator=moderator, item=item, reason="Please look."),
        "reply": lambda: services.reply_as_moderator(moderator=moderator, item=item, body="We hear you."),
        "check_in": lambda: services.send_check_in(moderator=moderator, item=item, body="How are you today?"),
        "lock": lambda: services.set_locked(moderator=moderator, thread=thread, locked=True, item=item),
        "pin": lambda: services.set_pinned(moderator=moderator, thread=thread, pinned=True, item=item),
        "move": lambda: services.move_thread(
            moderator=moderator, thread=thread, topic=TopicFactory(slug="questions"), item=item
        ),
        "slow_mode": lambda: services.set_slow_mode(moderator=moderator, thread=thread, minutes=15, item=item),
        "sanction": lambda: services.sanction_member(
            moderator=moderator, member=item.author, kind=Sanction.Kind.WARNING, reason="Be kind.", item=item
        ),
    }
    return calls[name]()


ALL_ACTIONS = [
    "claim",
    "approve",
    "hide",
    "edit",
    "dismiss",
    "escalate",
    "reply",
    "check_in",
    "lock",
    "pin",
    "move",
    "slow_mode",
    "sanction",
]


@pytest.mark.parametrize("name", ALL_ACTIONS)
def test_every_action_writes_exactly_one_log_entry(name, moderator, crisis_item):
    before = _log_count()
    _call(name, moderator, crisis_item)
    assert _log_count() == before + 1
    entry = ModerationAction.objects.latest("pk")
    assert entry.actor == moderator
    assert entry.subject == crisis_item.author


@pytest.mark.parametrize("name", ALL_ACTIONS)
def test_a_failure_while_logging_leaves_no_change_behind(name, moderator, crisis_item, monkeypatch):
    post_before = Post.objects.values().get(pk=crisis_item.post_id)
    thread_before = Thread.objects.values().get(pk=crisis_item.post.thread_id)
    item_before = QueueItem.objects.values().get(pk=crisis_item.pk)
    counts_before = (
        Post.objects.count(),
        ModeratorCheckIn.objects.count(),
        Sanction.objects.count(),
        SlowMode.objects.count(),
    )

    def broken(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "_log", broken)
    with pytest.raises(RuntimeError):
        _call(name, moderator, crisis_item)
    assert Post.objects.values().get(pk=crisis_item.post_id) == post_before
    assert Thread.objects.values().get(pk=crisis_item.post.thread_id) == thread_before
    assert QueueItem.objects.values().get(pk=crisis_item.pk) == item_before
    assert (
        Post.objects.count(),
        ModeratorCheckIn.objects.count(),
        Sanction.objects.count(),
        SlowMode.objects.count(),
    ) == counts_before
    assert not ModerationAction.objects.exists()
    assert not HideNotice.objects.exists()


# --- Claims and second clicks ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_ACTIONS)
def test_an_item_claimed_by_another_moderator_is_refused(name, moderator, other_moderator, crisis_item):
    services.claim_item(moderator=other_moderator, item=crisis_item)
    before = _log_count()
    with pytest.raises(services.ModerationError, match="Harbour is working on this item"):
        _call(name, moderator, crisis_item)
    assert _log_count() == before


def test_the_claiming_moderator_may_act(moderator, crisis_item):
    services.claim_item(moderator=moderator, item=crisis_item)
    services.reply_as_moderator(moderator=moderator, item=crisis_item, body="We are here.", resolve=True)
    crisis_item.refresh_from_db()
    assert crisis_item.status == QueueItem.Status.RESOLVED
    assert crisis_item.resolved_by == moderator


def test_claiming_twice_and_releasing_what_is_not_yours_are_refused(moderator, other_moderator, crisis_item):
    services.claim_item(moderator=moderator, item=crisis_item)
    with pytest.raises(services.ModerationError, match="already claimed"):
        services.claim_item(moderator=moderator, item=crisis_item)
    with pytest.raises(services.ModerationError):
        services.release_item(moderator=other_moderator, item=crisis_item)
    services.release_item(moderator=moderator, item=crisis_item)
    crisis_item.refresh_from_db()
    assert crisis_item.claimed_by is None
    assert list(ModerationAction.objects.values_list("action", flat=True).order_by("pk")) == [
        Action.CLAIM,
        Action.RELEASE,
    ]


@pytest.mark.parametrize("name", ["approve", "hide", "dismiss"])
def test_acting_twice_on_a_handled_item_is_refused(name, moderator, other_moderator, crisis_item):
    _call(name, moderator, crisis_item)
    before = _log_count()
    with pytest.raises(services.ModerationError, match="already handled by Lillian"):
        _call(name, other_moderator, crisis_item)
    assert _log_count() == before


def test_locking_or_pinning_twice_is_refused(moderator, crisis_item):
    thread = crisis_item.post.thread
    services.set_locked(moderator=moderator, thread=thread, locked=True)
    with pytest.raises(services.ModerationError, match="locked already"):
        services.set_locked(moderator=moderator, thread=thread, locked=True)
    services.set_pinned(moderator=moderator, thread=thread, pinned=True)
    with pytest.raises(services.ModerationError, match="pinned already"):
        services.set_pinned(moderator=moderator, thread=thread, pinned=True)
    services.set_locked(moderator=moderator, thread=thread, locked=False)
    thread.refresh_from_db()
    assert not thread.is_locked and thread.is_pinned
    assert ModerationAction.objects.count() == 3


def test_escalating_twice_is_refused(moderator, crisis_item, admin_user):
    services.escalate(moderator=moderator, item=crisis_item, reason="An admin should see this.")
    with pytest.raises(services.ModerationError, match="escalated already"):
        services.escalate(moderator=moderator, item=crisis_item, reason="Again.")
    assert Notification.objects.filter(user=admin_user, kind="moderation.escalated").count() == 1


# --- What each action does -------------------------------------------------------------------------


def test_approving_a_held_post_publishes_it_and_tells_the_author(moderator, held_item, member):
    services.approve(moderator=moderator, item=held_item)
    held_item.post.refresh_from_db()
    assert held_item.post.status == Post.Status.PUBLISHED
    assert Notification.objects.filter(user=member, kind="moderation.approved").exists()


def test_one_decision_answers_every_open_item_on_the_post(moderator, crisis_item, other_member):
    report = ReportFactory(item=QueueItemFactory(post=crisis_item.post, kind=QueueItem.Kind.REPORT))
    services.hide(moderator=moderator, item=crisis_item, reason="It names someone.")
    assert not QueueItem.objects.open().exists()
    report.refresh_from_db()
    assert report.outcome == Report.Outcome.ACTED
    assert Notification.objects.filter(user=report.reporter, kind="moderation.report_closed").exists()


def test_hiding_keeps_the_text_and_shows_the_author_the_reason(moderator, crisis_item, member):
    services.hide(moderator=moderator, item=crisis_item, reason="It names a nurse on your ward.")
    post = Post.objects.get(pk=crisis_item.post_id)
    assert post.status == Post.Status.HIDDEN
    assert post.body  # nothing is deleted for real
    assert post.hide_notice.reason == "It names a nurse on your ward."
    note = Notification.objects.get(user=member, kind="moderation.post_changed")
    assert "nurse" not in str(note.params)


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_empty_hide_reason_is_refused(moderator, crisis_item, reason):
    with pytest.raises(services.ModerationError, match="reason the author will see"):
        services.hide(moderator=moderator, item=crisis_item, reason=reason)
    crisis_item.post.refresh_from_db()
    assert crisis_item.post.status == Post.Status.PUBLISHED
    assert not ModerationAction.objects.exists()


def test_editing_keeps_the_original_for_moderators(moderator, crisis_item):
    original = crisis_item.post.body
    services.edit(moderator=moderator, item=crisis_item, body="Without the name.", note="Took out a name.")
    entry = ModerationAction.objects.get(action=Action.EDIT)
    assert (entry.before_text, entry.after_text, entry.reason) == (original, "Without the name.", "Took out a name.")
    crisis_item.post.refresh_from_db()
    assert crisis_item.post.body == "Without the name."
    assert crisis_item.post.edited_at is not None


def test_an_edit_needs_a_note_and_a_change(moderator, crisis_item):
    with pytest.raises(services.ModerationError, match="note"):
        services.edit(moderator=moderator, item=crisis_item, body="New text", note="")
    with pytest.raises(services.ModerationError, match="unchanged"):
        services.edit(moderator=moderator, item=crisis_item, body=crisis_item.post.body, note="No change")
    assert not ModerationAction.objects.exists()


def test_a_held_post_cannot_be_dismissed(moderator, held_item):
    with pytest.raises(services.ModerationError, match="approve it or hide it"):
        services.dismiss(moderator=moderator, item=held_item)


def test_reply_as_moderator_posts_in_the_thread_and_the_author_hears_of_it(moderator, crisis_item, member):
    reply = services.reply_as_moderator(moderator=moderator, item=crisis_item, body="You are not alone.")
    assert reply.thread_id == crisis_item.post.thread_id
    assert reply.author == moderator
    assert reply.status == Post.Status.PUBLISHED
    # The author watches their own thread: the forum tells them.
    assert Notification.objects.filter(user=member, kind="forum.reply").exists()


def test_reply_as_moderator_in_a_locked_thread_is_refused(moderator, crisis_item):
    Thread.objects.filter(pk=crisis_item.post.thread_id).update(is_locked=True)
    with pytest.raises(services.ModerationError, match="locked"):
        services.reply_as_moderator(moderator=moderator, item=crisis_item, body="Hello")
    assert not ModerationAction.objects.exists()


def test_a_check_in_is_private_and_notifies_without_its_text(moderator, crisis_item, member):
    check_in = services.send_check_in(moderator=moderator, item=crisis_item, body="Thinking of you today.")
    note = Notification.objects.get(user=member, kind="moderation.check_in")
    assert note.url == check_in.get_absolute_url()
    assert "Thinking" not in str(note.params)


def test_moving_a_thread(moderator, crisis_item):
    questions = TopicFactory(slug="questions", name="Questions")
    services.move_thread(moderator=moderator, thread=crisis_item.post.thread, topic=questions, reason="Fits better")
    crisis_item.post.thread.refresh_from_db()
    assert crisis_item.post.thread.topic == questions
    with pytest.raises(services.ModerationError, match="in this topic already"):
        services.move_thread(moderator=moderator, thread=crisis_item.post.thread, topic=questions)


# --- Sanctions ------------------------------------------------------------------------------------


def test_a_suspension_needs_a_future_end_date_and_a_reason(moderator, member):
    with pytest.raises(services.ModerationError, match="end date"):
        services.sanction_member(moderator=moderator, member=member, kind="suspension", reason="Cool down")
    with pytest.raises(services.ModerationError, match="future"):
        services.sanction_member(
            moderator=moderator,
            member=member,
            kind="suspension",
            reason="Cool down",
            ends_at=timezone.now() - timedelta(days=1),
        )
    with pytest.raises(services.ModerationError, match="reason"):
        services.sanction_member(
            moderator=moderator, member=member, kind="suspension", reason="", ends_at=timezone.now() + timedelta(days=1)
        )
    assert not Sanction.objects.exists()


def test_a_suspended_member_cannot_post_until_the_end_date(moderator, member):
    services.sanction_member(
        moderator=moderator,
        member=member,
        kind="suspension",
        reason="Cool down",
        ends_at=timezone.now() + timedelta(days=2),
    )
    with pytest.raises(services.ModerationError, match="paused your posting"):
        services.check_may_post(author=member)
    assert Notification.objects.filter(user=member, kind="moderation.sanction").exists()
    Sanction.objects.update(ends_at=timezone.now() - timedelta(minutes=1))
    services.check_may_post(author=member)


def test_lifting_a_sanction(moderator, member):
    sanction = services.sanction_member(
        moderator=moderator, member=member, kind="premod", reason="Let us read first for a while"
    )
    with pytest.raises(services.ModerationError, match="already"):
        services.sanction_member(moderator=moderator, member=member, kind="premod", reason="Again")
    services.lift_sanction(moderator=moderator, sanction=sanction)
    with pytest.raises(services.ModerationError, match="no longer in force"):
        services.lift_sanction(moderator=moderator, sanction=sanction)
    assert ModerationAction.objects.filter(action=Action.LIFT_SANCTION).count() == 1


def test_moderators_cannot_be_sanctioned_here(moderator, other_moderator):
    with pytest.raises(services.ModerationError, match="Only members"):
        services.sanction_member(moderator=moderator, member=other_moderator, kind="warning", reason="No")


# --- Slow mode ------------------------------------------------------------------------------------


def test_slow_mode_allows_one_post_per_member_per_interval(moderator, member, member_post):
    thread = member_post.thread
    services.set_slow_mode(moderator=moderator, thread=thread, minutes=10)
    with pytest.raises(services.ModerationError, match="slow mode"):
        services.check_may_post(author=member, thread=thread)
    Post.objects.filter(pk=member_post.pk).update(created_at=timezone.now() - timedelta(minutes=11))
    services.check_may_post(author=member, thread=thread)
    # Moderators are never slowed down.
    services.check_may_post(author=moderator, thread=thread)
    services.set_slow_mode(moderator=moderator, thread=thread, minutes=0)
    assert not SlowMode.objects.exists()
    with pytest.raises(services.ModerationError, match="already"):
        services.set_slow_mode(moderator=moderator, thread=thread, minutes=0)


# --- Reports --------------------------------------------------------------------------------------


def test_a_report_goes_to_the_queue_once(member_post, other_member, moderator):
    report = services.report_post(reporter=other_member, post=member_post, reason="hostile")
    assert report.item.kind == QueueItem.Kind.REPORT
    with pytest.raises(services.ModerationError, match="reported this post already"):
        services.report_post(reporter=other_member, post=member_post, reason="spam")
    second = services.report_post(reporter=moderator, post=member_post, reason="spam")
    assert second.item == report.item
    assert QueueItem.objects.filter(kind=QueueItem.Kind.REPORT).count() == 1
    assert Report.objects.count() == 2


@pytest.mark.parametrize("status", [Post.Status.REMOVED_BY_AUTHOR, Post.Status.HIDDEN])
def test_a_report_on_a_removed_post_is_refused(member_post, other_member, status):
    Post.objects.filter(pk=member_post.pk).update(status=status)
    with pytest.raises(services.ModerationError, match="removed already"):
        services.report_post(reporter=other_member, post=member_post, reason="hostile")
    assert not Report.objects.exists()
    assert not QueueItem.objects.exists()


def test_a_report_needs_a_reason_and_other_needs_words(member_post, other_member):
    with pytest.raises(services.ModerationError, match="choose a reason"):
        services.report_post(reporter=other_member, post=member_post, reason="")
    with pytest.raises(services.ModerationError, match="few words"):
        services.report_post(reporter=other_member, post=member_post, reason="other", details="  ")
    with pytest.raises(services.ModerationError, match="your own post"):
        services.report_post(reporter=member_post.author, post=member_post, reason="spam")
    assert not Report.objects.exists()


def test_dismissing_a_report_closes_it_as_no_action(moderator, member_post, other_member):
    report = services.report_post(reporter=other_member, post=member_post, reason="spam")
    services.dismiss(moderator=moderator, item=report.item)
    report.refresh_from_db()
    assert report.outcome == Report.Outcome.NO_ACTION


def test_a_reply_that_handles_a_crisis_flag_leaves_the_held_post_waiting(moderator, held_item):
    crisis = QueueItemFactory(post=held_item.post, kind=QueueItem.Kind.CRISIS)
    services.reply_as_moderator(moderator=moderator, item=crisis, body="We are here with you.", resolve=True)
    crisis.refresh_from_db()
    held_item.refresh_from_db()
    assert crisis.status == QueueItem.Status.RESOLVED
    assert held_item.status == QueueItem.Status.OPEN
    with pytest.raises(services.ModerationError, match="approve it or hide it"):
        services.send_check_in(moderator=moderator, item=held_item, body="Hello", resolve=True)


def test_the_log_outlives_a_deleted_thread(moderator, crisis_item):
    services.hide(moderator=moderator, item=crisis_item, reason="Names someone")
    crisis_item.post.thread.delete()
    entry = ModerationAction.objects.get()
    assert (entry.post, entry.thread, entry.item, entry.reason) == (None, None, None, "Names someone")


def test_admins_do_not_post_in_the_peer_forum(admin_user, crisis_item):
    with pytest.raises(services.ModerationError, match="Only peer moderators"):
        services.reply_as_moderator(moderator=admin_user, item=crisis_item, body="Hello")
    assert not Post.objects.filter(author=admin_user).exists()


def test_saved_replies_are_added_changed_and_removed_through_services(moderator):
    from moderation.models import SavedReply

    reply = services.add_saved_reply(moderator=moderator, title="Welcome", body="Welcome to the forum.")
    assert (reply.title, reply.body, reply.created_by) == ("Welcome", "Welcome to the forum.", moderator)
    before = reply.updated_at
    changed = services.change_saved_reply(reply=reply, title="Welcome!", body="Welcome here.")
    stored = SavedReply.objects.get(pk=reply.pk)
    assert (stored.title, stored.body) == ("Welcome!", "Welcome here.")
    assert changed.updated_at >= before and stored.updated_at == changed.updated_at
    services.remove_saved_reply(reply=reply)
    services.remove_saved_reply(reply=reply)  # a second click removes nothing more
    assert not SavedReply.objects.filter(pk=reply.pk).exists()


def test_marking_a_check_in_read_is_once_and_only_for_its_member(member, other_member, moderator):
    message = ModeratorCheckIn.objects.create(member=member, moderator=moderator, body="How are you?")
    assert not services.mark_check_in_read(member=other_member, check_in=message)
    assert services.mark_check_in_read(member=member, check_in=message)
    first = ModeratorCheckIn.objects.get().read_at
    assert not services.mark_check_in_read(member=member, check_in=message)
    assert ModeratorCheckIn.objects.get().read_at == first is not None
