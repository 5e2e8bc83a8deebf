"""Reads used by the views. Each runs a fixed number of queries, whatever the amount of data."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypedDict

from django.db.models import (
    BooleanField,
    Count,
    DateTimeField,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest

from reconnect.accounts.models import CareRelationship, User
from reconnect.core.dashboard import PanelItem, member_panels

from .models import Attachment, Conversation, Message, MessageRead, Participant, ProviderAvailability

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class ProviderView(TypedDict):
    """What `provider_conversations` adds to each conversation."""

    my_last_read_at: datetime | None
    my_handled_at: datetime | None
    last_reply_at: datetime | None
    unread_count: int
    waiting_since: datetime | None


_LONG_AGO = Value(datetime(2000, 1, 1, tzinfo=UTC), output_field=DateTimeField())


def _count(queryset: QuerySet[Message]) -> Coalesce:
    counted = queryset.order_by().values("conversation").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _participants_prefetch() -> Prefetch:
    return Prefetch("participants", queryset=Participant.objects.select_related("provider"))


def member_conversations(member: User, *, archived: bool = False) -> QuerySet[Conversation]:
    """The member's inbox (or archive), newest first, with how many care-team messages are unread."""
    unread = Message.objects.filter(conversation=OuterRef("pk")).exclude(author_id=OuterRef("member_id"))
    unread = unread.filter(created_at__gt=Coalesce(OuterRef("member_read_at"), _LONG_AGO))
    return (
        Conversation.objects.for_member(member)
        .filter(member_archived_at__isnull=not archived)
        .annotate(unread_count=_count(unread))
        .prefetch_related(_participants_prefetch())
    )


def provider_conversations(provider: User) -> "QuerySet[WithAnnotations[Conversation, ProviderView]]":
    """Conversations the provider may open, with their own unread count and what awaits an answer.

    A member's message waits for an answer until someone of the care team replies after it, or
    until this provider marks the conversation as handled.
    """
    mine = Participant.objects.filter(conversation=OuterRef("pk"), provider=provider)
    last_reply = (
        Message.objects.filter(conversation=OuterRef("pk"))
        .exclude(author_id=OuterRef("member_id"))
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    qs = Conversation.objects.for_provider(provider).annotate(
        my_last_read_at=Subquery(mine.values("last_read_at")[:1]),
        my_handled_at=Subquery(mine.values("handled_at")[:1]),
        last_reply_at=Subquery(last_reply),
    )
    from_member = Message.objects.filter(conversation=OuterRef("pk"), author_id=OuterRef("member_id"))
    waiting = from_member.filter(
        created_at__gt=Greatest(
            Coalesce(OuterRef("last_reply_at"), _LONG_AGO), Coalesce(OuterRef("my_handled_at"), _LONG_AGO)
        )
    )
    unread = from_member.filter(created_at__gt=Coalesce(OuterRef("my_last_read_at"), _LONG_AGO))
    return qs.annotate(
        unread_count=_count(unread),
        waiting_since=Subquery(waiting.order_by("created_at").values("created_at")[:1]),
    )


@dataclass
class MemberRow:
    member: object
    unread: int = 0
    waiting_since: datetime | None = None
    waiting_conversation: object = None
    conversations: int = 0
    panels: list[PanelItem] = field(default_factory=list)


def dashboard_rows(provider: User) -> list[MemberRow]:
    """One row per member of the provider's care team; those waiting longest first.

    Queries: the care-team links, the conversations, and one call of each registered panel.
    """
    links = (
        CareRelationship.objects.active()
        .filter(provider=provider, member__is_active=True)
        .select_related("member")
        .order_by("member__real_name", "member__pk")
    )
    rows = {link.member_id: MemberRow(member=link.member) for link in links}
    conversations = provider_conversations(provider).only("pk", "member_id", "last_message_at")
    for conversation in conversations:
        row = rows.get(conversation.member_id)
        if row is None:
            continue
        row.conversations += 1
        row.unread += conversation.unread_count
        since = conversation.waiting_since
        if since is not None and (row.waiting_since is None or since < row.waiting_since):
            row.waiting_since = since
            row.waiting_conversation = conversation
    panels = member_panels(provider, [row.member for row in rows.values()])
    for member_id, items in panels.items():
        if member_id in rows:
            rows[member_id].panels = items
    far_future = datetime.max.replace(tzinfo=UTC)
    return sorted(rows.values(), key=lambda r: (r.waiting_since or far_future, -r.unread))


def care_team_member_or_none(provider: User, member_id: int) -> User | None:
    link = (
        CareRelationship.objects.active()
        .filter(provider=provider, member_id=member_id, member__is_active=True)
        .select_related("member")
        .first()
    )
    return link.member if link else None


def conversation_messages(conversation: Conversation) -> QuerySet[Message]:
    """The messages of one conversation, with authors, attachments, read marks and whether crisis
    language was noted on each (moderation's crisis list, its `crisis_flag`; providers see a note)."""
    return (
        conversation.messages.select_related("author")
        .annotate(crisis_note=ExpressionWrapper(Q(crisis_flag__isnull=False), output_field=BooleanField()))
        .prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.order_by("pk")),
            Prefetch("reads", queryset=MessageRead.objects.select_related("reader").order_by("read_at")),
        )
        .order_by("created_at", "pk")
    )


def participants_with_availability(conversation: Conversation) -> list[Participant]:
    participants = list(conversation.participants.select_related("provider", "provider__messaging_availability"))
    return participants


def availability_for(providers: Iterable[User]) -> dict[int, ProviderAvailability]:
    ids = [p.pk for p in providers]
    return {a.provider_id: a for a in ProviderAvailability.objects.filter(provider_id__in=ids)}


def providers_with_availability(providers: Sequence[User]) -> list[dict]:
    found = availability_for(providers)
    return [{"provider": p, "availability": found.get(p.pk)} for p in providers]
