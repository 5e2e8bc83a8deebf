"""Screening new text: first posts, pre-moderation, watched words and crisis language."""

import pytest

from moderation import services, tasks
from moderation.models import MessageCrisisFlag, QueueItem, Sanction, WatchedWord
from reconnect.core.models import Notification
from tests.moderation.factories import WatchedWordFactory

pytestmark = pytest.mark.django_db


def test_a_new_members_first_posts_are_held(member, settings):
    settings.MODERATION_HOLD_FIRST_POSTS = 2
    decision = services.screen(author=member, text="Hello everyone")
    assert decision.hold and decision.hold_because == ("first posts",)
    # Editing a post is not a new post.
    assert not services.screen(author=member, text="Hello everyone", editing=True).hold


def test_first_posts_stop_being_held_after_n_posts(member, member_post, settings, topic):
    from tests.moderation.factories import post_by

    settings.MODERATION_HOLD_FIRST_POSTS = 2
    assert services.screen(author=member, text="Second").hold
    post_by(member, topic=topic)
    assert not services.screen(author=member, text="Third").hold


def test_holding_first_posts_can_be_switched_off(member, settings):
    settings.MODERATION_HOLD_FIRST_POSTS = 0
    assert not services.screen(author=member, text="Hello").hold


def test_pre_moderation_holds_every_post(member, moderator):
    services.sanction_member(moderator=moderator, member=member, kind=Sanction.Kind.PRE_MODERATION, reason="For now")
    decision = services.screen(author=member, text="Hello", editing=True)
    assert decision.hold and "pre-moderation" in decision.hold_because


def test_moderators_are_not_screened(moderator, settings):
    settings.MODERATION_HOLD_FIRST_POSTS = 5
    assert services.screen(author=moderator, text="I want to kill myself, said the post") == services.Decision()


@pytest.mark.parametrize(
    ("text", "words", "rule"),
    [
        ("Some nights I want to k i l l myself", "k i l l myself", "en:kill myself"),
        ("Jeg vil bare DREP MEG", "DREP MEG", "nb:ta livet mitt"),
    ],
)
def test_crisis_language_in_either_language_is_published_and_flagged(member, member_post, text, words, rule):
    decision = services.screen(author=member, text=text, post=member_post)
    assert decision.crisis and not decision.hold
    item = QueueItem.objects.get(post=member_post, kind=QueueItem.Kind.CRISIS)
    assert item.priority == QueueItem.CRISIS_PRIORITY
    assert (item.severity, item.category) == ("crisis", "suicidal_thoughts")
    # The moderator sees why: the words as the member wrote them, and the rule that found them.
    assert {"words": words, "rule": rule} == {k: item.evidence[0][k] for k in ("words", "rule")}
    assert words in item.matched
    assert services.needs_crisis_support(member_post)


def test_an_act_under_way_is_imminent_and_goes_above_other_crisis_items(member, member_post, crisis_item):
    services.screen(author=member, text="I have already taken all my sleeping pills", post=member_post)
    item = QueueItem.objects.get(post=member_post, kind=QueueItem.Kind.CRISIS, severity="imminent")
    assert item.priority == QueueItem.IMMINENT_PRIORITY
    assert item.category == "act_under_way"
    assert QueueItem.objects.open().in_queue_order().first() == item


@pytest.mark.parametrize(
    ("text", "kind", "category"),
    [
        ("Oh please, man up and stop whining like a drama queen", "hostile", "invalidation"),
        ("Bare kutt ut medisinene dine, de er gift", "advice", "stop_medication"),
    ],
)
def test_hostile_replies_and_health_advice_are_flagged_with_their_category(member, member_post, text, kind, category):
    decision = services.screen(author=member, text=text, post=member_post)
    assert not decision.crisis and not decision.hold
    item = QueueItem.objects.get(post=member_post)
    assert (item.kind, item.category, item.severity) == (kind, category, "flag")
    assert item.priority == QueueItem.PRIORITY[kind]
    assert item.evidence and not services.needs_crisis_support(member_post)


def test_telling_someone_to_harm_themselves_is_hostile_at_crisis_level(member, member_post, moderator):
    services.screen(author=member, text="nobody likes you, just go kill yourself", post=member_post)
    item = QueueItem.objects.get(post=member_post)
    assert (item.kind, item.category, item.severity) == ("hostile", "incitement", "crisis")
    assert item.priority == QueueItem.CRISIS_PRIORITY
    # Moderators hear of it at once; the writer is not sent to the crisis resources.
    assert Notification.objects.filter(user=moderator, kind="moderation.crisis").exists()
    assert not services.needs_crisis_support(member_post)


def test_crisis_language_can_be_held_by_setting(member, settings):
    settings.MODERATION_CRISIS_HOLDS = True
    decision = services.screen(author=member, text="I am suicidal")
    assert decision.crisis and decision.hold


def test_moderators_are_told_of_a_crisis_flag_at_once_without_the_text(member, member_post, moderator, admin_user):
    services.screen(author=member, text="I want to die", post=member_post)
    for person in (moderator, admin_user):
        note = Notification.objects.get(user=person, kind="moderation.crisis")
        assert "die" not in str(note.params)
    assert not Notification.objects.filter(user=member, kind="moderation.crisis").exists()


def test_screening_the_same_post_twice_makes_one_item(member, member_post, moderator):
    services.screen(author=member, text="I want to die", post=member_post)
    services.screen(author=member, text="I want to die", post=member_post)
    assert QueueItem.objects.filter(post=member_post).count() == 1
    assert Notification.objects.filter(user=moderator, kind="moderation.crisis").count() == 1


def test_watched_words_hold_or_flag(member, member_post):
    WatchedWordFactory(phrase="casino", action=WatchedWord.Action.HOLD)
    WatchedWordFactory(phrase="idiot", language="nb", action=WatchedWord.Action.FLAG)
    decision = services.screen(author=member, text="Best c.a.s.i.n.o bonus, you IDIOT", post=member_post)
    assert decision.hold and decision.flag and not decision.crisis
    # The built-in screen reads "you IDIOT" as an insult too.
    kinds = set(QueueItem.objects.filter(post=member_post).values_list("kind", flat=True))
    assert kinds == {"held", "flag", "hostile"}


def test_inactive_watched_words_are_ignored(member):
    WatchedWord.objects.filter(phrase="suicide").update(is_active=False)
    assert not services.screen(author=member, text="suicide").crisis


def test_innocent_text_passes(member):
    decision = services.screen(author=member, text="A skilled nurse said the film was drepende kjedelig")
    assert not (decision.hold or decision.flag or decision.crisis) and decision.flags == ()
    assert decision.verdict is not None and decision.verdict.label == "ok"


def test_crisis_language_in_a_message_is_noted_for_the_provider(member, provider):
    from tests.messaging.factories import make_conversation

    conversation = make_conversation(member, [provider])
    other = make_conversation(member, [provider], subject="Another")
    message = conversation.messages.get()

    assert services.is_crisis_text(author=member, text="jeg orker ikke å leve lenger")
    assert not services.is_crisis_text(author=member, text="Kan vi flytte timen til fredag?")
    # Providers writing about crisis are not flagged: the note is about the member.
    assert not services.is_crisis_text(author=provider, text="Have you had thoughts of suicide?")
    services.flag_crisis_message(message=message)
    services.flag_crisis_message(message=message)
    assert services.crisis_message_ids(conversation.pk) == {message.pk}
    assert services.crisis_message_ids(other.pk) == set()
    flag = MessageCrisisFlag.objects.get()
    assert (flag.message, flag.conversation, flag.author) == (message, conversation, member)


def test_a_crisis_note_goes_with_its_message_and_conversation(member, provider):
    from tests.messaging.factories import make_conversation

    conversation = make_conversation(member, [provider], messages=2)
    first, second = conversation.messages.order_by("pk")
    services.flag_crisis_message(message=first)
    services.flag_crisis_message(message=second)
    first.delete()
    assert list(MessageCrisisFlag.objects.values_list("message_id", flat=True)) == [second.pk]
    conversation.delete()
    assert not MessageCrisisFlag.objects.exists()


def test_the_daily_summary_tells_moderators_the_queue_size(moderator, crisis_item, held_item):
    assert tasks.queue_summary() == 2
    note = Notification.objects.get(user=moderator, kind="moderation.queue_summary")
    assert note.params == {"count": 2}


def test_the_daily_summary_is_silent_when_the_queue_is_empty(moderator):
    assert tasks.queue_summary() == 0
    assert not Notification.objects.filter(kind="moderation.queue_summary").exists()


def test_the_daily_summary_is_scheduled():
    from reconnect.celery import app

    assert app.conf.beat_schedule["moderation-queue-summary"]["task"] == "moderation.queue_summary"
