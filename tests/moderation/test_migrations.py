"""The migrations that give crisis notes their foreign keys and rename the moderator's check-in keep
the rows that exist: run them forwards over data written in the old shape, then back again."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from moderation.models import MessageCrisisFlag, ModeratorCheckIn
from tests.messaging.factories import make_conversation

BEFORE = [("moderation", "0006_screening_data")]
AFTER = [("moderation", "0009_crisis_note_keys_required")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_crisis_notes_and_check_ins_keep_their_rows_through_the_migrations(member, provider, moderator):
    conversation = make_conversation(member, [provider], messages=2)
    first, second = conversation.messages.order_by("pk")
    old = _migrate(BEFORE)
    old_flag = old.get_model("moderation", "MessageCrisisFlag")
    old_flag.objects.create(message_id=first.pk, conversation_id=conversation.pk, author_id=member.pk)
    old_flag.objects.create(message_id=second.pk, conversation_id=conversation.pk, author_id=member.pk)
    # A note whose message is gone already (nothing points at it any more).
    old_flag.objects.create(message_id=second.pk + 1000, conversation_id=conversation.pk, author_id=member.pk)
    old.get_model("moderation", "CheckIn").objects.create(
        member_id=member.pk, moderator_id=moderator.pk, body="How are you?"
    )

    _migrate(AFTER)
    flags = MessageCrisisFlag.objects.order_by("message_id")
    assert [(f.message, f.conversation, f.author) for f in flags] == [
        (first, conversation, member),
        (second, conversation, member),
    ]
    assert ModeratorCheckIn.objects.get().body == "How are you?"

    back = _migrate(BEFORE)
    assert sorted(back.get_model("moderation", "MessageCrisisFlag").objects.values_list("message_id", flat=True)) == [
        first.pk,
        second.pk,
    ]
    assert back.get_model("moderation", "CheckIn").objects.get().body == "How are you?"
    _migrate(AFTER)
