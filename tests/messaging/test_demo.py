import pytest
from django.core.management import call_command

from messaging import attachments
from messaging.models import Attachment, Conversation, Message, ProviderAvailability
from reconnect.accounts.models import User

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_conversations_for_each_care_team_and_is_idempotent():
    call_command("seed_demo", force=True, quiet=True)
    counts = (Conversation.objects.count(), Message.objects.count(), ProviderAvailability.objects.count())
    call_command("seed_demo", force=True, quiet=True)
    assert counts == (Conversation.objects.count(), Message.objects.count(), ProviderAvailability.objects.count())
    (attachment,) = Attachment.objects.all()  # once, however often the demo is seeded
    assert attachment.message.author.email == "ingrid@example.org" and attachment.original_name == "sleep-notes.txt"
    assert attachments.read(attachment.file_name).startswith(b"Sleep notes")
    berg = User.objects.get(email="berg@example.org")
    holm = User.objects.get(email="holm@example.org")
    assert {c.member.email for c in Conversation.objects.for_provider(berg)} == {
        "ingrid@example.org",
        "marte@example.org",
    }
    assert {c.member.email for c in Conversation.objects.for_provider(holm)} == {"sofie@example.org"}
    assert ProviderAvailability.objects.get(provider=berg).expected_reply_time == "two_days"
    for conversation in Conversation.objects.all():
        authors = set(conversation.messages.values_list("author__role", flat=True))
        assert authors == {"member", "provider"}
