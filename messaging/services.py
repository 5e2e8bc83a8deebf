"""Operations of secure messaging, one per use case, each in one transaction.

Sending writes the message, its attachments, the notifications and (for a provider) the
access-log entry together or not at all; attachment files are written in the same database
transaction (reconnect.core.files), so a failure leaves no file behind either.
"""

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reconnect.accounts.models import CareRelationship, Role, User
from reconnect.core import hooks
from reconnect.core.services import log_access, notify

from . import attachments as files
from . import notifications
from .models import Attachment, Conversation, Message, MessageRead, Participant, ProviderAvailability


def screen_text(*, author: User, text: str) -> hooks.Screening:
    """The crisis-language check (reconnect.core.hooks, answered by moderation's screen): `crisis`
    when the providers should see a crisis note on this message.

    Called inside the sending transaction, before anything is written, with the plain text. It
    never blocks or alters the message: a person in crisis is answered, not silenced.
    """
    return hooks.screen_text(author=author, text=text, where=hooks.MESSAGE)


def active_care_team(member: User) -> list[User]:
    links = CareRelationship.objects.active().filter(member=member).select_related("provider")
    return [link.provider for link in links if link.provider.is_active]


def reachable_providers(conversation: Conversation) -> list[User]:
    """The conversation's providers who still have the member in their care team."""
    active = CareRelationship.objects.active().filter(member_id=conversation.member_id).values("provider_id")
    return [
        p.provider
        for p in conversation.participants.filter(provider_id__in=active, provider__is_active=True).select_related(
            "provider"
        )
    ]


def _write(*, author: User, conversation: Conversation, body: str, uploads: Sequence[files.CheckedFile]) -> Message:
    """Write one message and its attachments."""
    body = body.strip()
    if not body:
        raise ValidationError(_("Please write a message."), code="empty")
    screening = screen_text(author=author, text=body)
    now = timezone.now()
    message = Message.objects.create(conversation=conversation, author=author, body=body, created_at=now)
    hooks.text_stored(screening=screening, obj=message, where=hooks.MESSAGE)
    for upload in uploads:
        try:
            name = files.store(upload.data)
        except DatabaseError as exc:
            # The file's savepoint is rolled back; raising rolls back the message too.
            raise ValidationError(
                _("Your message was not sent: the attached files could not be saved just now. Please try again."),
                code="storage_failed",
            ) from exc
        Attachment.objects.create(
            message=message,
            file_name=name,
            original_name=upload.name,
            content_type=upload.content_type,
            size=len(upload.data),
            created_at=now,
        )
    return message


def start_conversation(
    *, member: User, providers: Iterable[User], subject: str, body: str, uploads: Sequence[files.CheckedFile] = ()
) -> Conversation:
    providers = list(providers)
    team = {p.pk for p in active_care_team(member)}
    if not providers or any(p.pk not in team for p in providers):
        raise ValidationError(_("You can write only to providers in your care team."), code="not_in_team")
    subject = subject.strip()
    if not subject:
        raise ValidationError(_("Please give your message a subject."), code="no_subject")
    with transaction.atomic():
        now = timezone.now()
        conversation = Conversation.objects.create(
            member=member, subject=subject, created_at=now, last_message_at=now, member_read_at=now
        )
        Participant.objects.bulk_create(
            [Participant(conversation=conversation, provider=p, added_at=now) for p in providers]
        )
        _write(author=member, conversation=conversation, body=body, uploads=uploads)
        notify(
            users=providers,
            kind=notifications.FOR_PROVIDER,
            url=conversation.get_provider_url(),
            params={"name": member.name_for_providers},
        )
    return conversation


def send_message(
    *, author: User, conversation: Conversation, body: str, uploads: Sequence[files.CheckedFile] = ()
) -> Message:
    """A reply in an existing conversation, by its member or by one of its providers."""
    with transaction.atomic():
        # Lock the conversation so that concurrent replies keep last_message_at in order.
        conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if author.pk == conversation.member_id:
            recipients = reachable_providers(conversation)
            if not recipients:
                raise ValidationError(
                    _("Nobody in this conversation is in your care team any more, so it is closed for replies."),
                    code="closed",
                )
        else:
            if not Conversation.objects.for_provider(author).filter(pk=conversation.pk).exists():
                raise ValidationError(_("You are not part of this conversation."), code="not_participant")
            recipients = [conversation.member]
        message = _write(author=author, conversation=conversation, body=body, uploads=uploads)
        conversation.last_message_at = message.created_at
        update = ["last_message_at"]
        if author.pk == conversation.member_id:
            conversation.member_read_at = message.created_at
            update.append("member_read_at")
            kind, url = notifications.FOR_PROVIDER, conversation.get_provider_url()
        else:
            # A new answer brings an archived conversation back to the member's inbox.
            conversation.member_archived_at = None
            update.append("member_archived_at")
            Participant.objects.filter(conversation=conversation, provider=author).update(
                last_read_at=message.created_at
            )
            _mark_member_messages_read(provider=author, conversation=conversation, at=message.created_at)
            log_access(
                actor=author,
                subject=conversation.member,
                obj=conversation,
                action="replied",
                label=str(conversation),
            )
            kind, url = notifications.FOR_MEMBER, conversation.get_absolute_url()
        conversation.save(update_fields=update)
        notify(users=recipients, kind=kind, url=url, params={"name": author.name_for_providers})
    return message


def _mark_member_messages_read(*, provider: User, conversation: Conversation, at: datetime) -> None:
    unread = (
        Message.objects.filter(conversation=conversation, author_id=conversation.member_id, created_at__lte=at)
        .exclude(reads__reader=provider)
        .values_list("pk", flat=True)
    )
    MessageRead.objects.bulk_create(
        [MessageRead(message_id=pk, reader=provider, read_at=at) for pk in unread], ignore_conflicts=True
    )


@transaction.atomic
def open_as_provider(*, provider: User, conversation: Conversation) -> None:
    """A provider reads a conversation: the member's messages get read marks, the access log a line."""
    now = timezone.now()
    _mark_member_messages_read(provider=provider, conversation=conversation, at=now)
    Participant.objects.filter(conversation=conversation, provider=provider).update(last_read_at=now)
    log_access(actor=provider, subject=conversation.member, obj=conversation, label=str(conversation))


def open_as_member(*, member: User, conversation: Conversation) -> None:
    if conversation.member_read_at is None or conversation.member_read_at < conversation.last_message_at:
        conversation.member_read_at = timezone.now()
        conversation.save(update_fields=["member_read_at"])


def archive(*, member: User, conversation: Conversation) -> None:
    conversation.member_archived_at = timezone.now()
    conversation.save(update_fields=["member_archived_at"])


def unarchive(*, member: User, conversation: Conversation) -> None:
    conversation.member_archived_at = None
    conversation.save(update_fields=["member_archived_at"])


def mark_handled(*, provider: User, conversation: Conversation) -> None:
    Participant.objects.filter(conversation=conversation, provider=provider).update(handled_at=timezone.now())


def reopen(*, provider: User, conversation: Conversation) -> None:
    Participant.objects.filter(conversation=conversation, provider=provider).update(handled_at=None)


@transaction.atomic
def set_availability(
    *, provider: User, expected_reply_time: str, out_of_office_note: str, away_until: date | None
) -> ProviderAvailability:
    if provider.role != Role.PROVIDER:
        raise ValidationError(_("Only providers set a reply time."))
    availability, _created = ProviderAvailability.objects.update_or_create(
        provider=provider,
        defaults={
            "expected_reply_time": expected_reply_time.strip(),
            "out_of_office_note": out_of_office_note.strip(),
            "away_until": away_until if out_of_office_note.strip() else None,
        },
    )
    return availability
