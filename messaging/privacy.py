"""What messaging holds about a person, and the retention rule for a deleted member's messages.

Messages with providers may belong to the health record, whose keeping duty varies by country:
PRIVACY_MESSAGES_KEPT_DAYS says how long a deleted member's conversations are kept (still
encrypted, under the anonymous account); 0 removes them with the account.
"""

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from messaging import attachments as files
from messaging.models import Attachment, Conversation, Message, MessageRead, Participant, ProviderAvailability
from reconnect.privacy.registry import Item, Section, register


def _remove_conversations(conversations) -> int:
    # Deleting a conversation deletes its messages and everything that points at them (read marks,
    # attachments' rows, moderation's crisis notes) through their foreign keys.
    ids = list(conversations.values_list("pk", flat=True))
    # The attachments' files go in this transaction too (a trigger on messaging_attachment).
    return Conversation.objects.filter(pk__in=ids).delete()[1].get("messaging.Conversation", 0)


def _erase(user, plan) -> dict[str, int]:
    if plan.keep_messages:
        return {"messaging.conversations_kept": Conversation.objects.filter(member=user).count()}
    return {"messaging.conversations_removed": _remove_conversations(Conversation.objects.filter(member=user))}


def _retention(now) -> dict[str, int]:
    days = settings.PRIVACY_MESSAGES_KEPT_DAYS
    cutoff = now - timedelta(days=days)
    expired = Conversation.objects.filter(member__erased_at__isnull=False, member__erased_at__lt=cutoff)
    return {"messaging.conversations_of_deleted_accounts": _remove_conversations(expired)}


def _files(user) -> list[tuple[str, bytes]]:
    return [
        (f"attachments/{attachment.pk}-{attachment.original_name}", files.read(attachment.file_name))
        for attachment in _attachments(user)
    ]


def _conversations(user):
    return Conversation.objects.filter(member=user)


def _messages(user):
    """A member's conversations are theirs, every message in them; a provider takes only what
    they wrote themselves: the member's messages are the member's health data, not theirs."""
    if user.is_member:
        return Message.objects.filter(conversation__member=user)
    return Message.objects.filter(author=user)


def _attachments(user):
    return Attachment.objects.filter(message__in=_messages(user))


register(
    Section(
        key="messages",
        title=_("Messages with the care team"),
        order=35,
        roles=frozenset({"member", "provider"}),
        items=(
            Item(
                "conversations",
                _("Conversations"),
                Conversation,
                _conversations,
                fields=("id", "subject", "created_at", "last_message_at", "member_archived_at"),
                url_name="messaging:inbox",
                # The subjects are the members' words: a provider's copy lists only their part.
                roles=frozenset({"member"}),
            ),
            Item(
                "messages",
                _("Messages"),
                Message,
                _messages,
                fields=("conversation_id", "author__pseudonym", "author__real_name", "body", "created_at"),
            ),
            Item(
                "attachments",
                _("Attached files"),
                Attachment,
                _attachments,
                fields=("id", "message_id", "original_name", "content_type", "size", "created_at"),
            ),
            Item(
                "read_marks",
                _("When I read messages"),
                MessageRead,
                lambda u: MessageRead.objects.filter(reader=u),
                fields=("message_id", "read_at"),
                in_overview=False,
            ),
            Item(
                "participation",
                _("Conversations I take part in as a provider"),
                Participant,
                lambda u: Participant.objects.filter(provider=u),
                fields=("conversation_id", "added_at", "last_read_at", "handled_at"),
                url_name="provider:dashboard",
                roles=frozenset({"provider"}),
            ),
            Item(
                "availability",
                _("My reply time and out-of-office note"),
                ProviderAvailability,
                lambda u: ProviderAvailability.objects.filter(provider=u),
                exclude=("id", "provider_id"),
                in_overview=False,
            ),
        ),
        erase=_erase,
        retention=_retention,
        files=_files,
    )
)
