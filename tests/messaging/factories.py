"""Factories for messaging. Conversations are made with their participants and first message."""

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from messaging import attachments
from messaging.models import Attachment, Conversation, Message, MessageRead, Participant, ProviderAvailability
from tests.factories import MemberFactory, ProviderFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 32


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    member = factory.SubFactory(MemberFactory)
    subject = factory.Sequence(lambda n: f"Sleeping badly {n}")


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    conversation = factory.SubFactory(ConversationFactory)
    provider = factory.SubFactory(ProviderFactory)


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    conversation = factory.SubFactory(ConversationFactory)
    author = factory.LazyAttribute(lambda o: o.conversation.member)
    body = factory.Sequence(lambda n: f"I have been feeling low this week ({n}).")
    created_at = factory.LazyFunction(timezone.now)


class MessageReadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MessageRead

    message = factory.SubFactory(MessageFactory)
    reader = factory.SubFactory(ProviderFactory)


class ProviderAvailabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProviderAvailability

    provider = factory.SubFactory(ProviderFactory)
    expected_reply_time = "two_days"


def make_conversation(member, providers, *, messages: int = 1, subject: str = "Sleeping badly") -> Conversation:
    """A conversation of `member` with `providers`, with `messages` messages written by the member."""
    conversation = ConversationFactory(member=member, subject=subject)
    for provider in providers:
        ParticipantFactory(conversation=conversation, provider=provider)
    for _ in range(messages):
        MessageFactory(conversation=conversation, author=member)
    return conversation


def make_attachment(message, *, data: bytes = PDF_BYTES, name: str = "sleep-diary.pdf") -> Attachment:
    checked = attachments.check_upload(SimpleUploadedFile(name, data))
    return Attachment.objects.create(
        message=message,
        file_name=attachments.store(checked.data),
        original_name=checked.name,
        content_type=checked.content_type,
        size=len(checked.data),
    )


def upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)
