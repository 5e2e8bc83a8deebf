"""Demo conversations: Ingrid and Marte with Dr. Berg, Sofie with Nurse Holm (DESIGN.md).

Each provider thereby also has members whose conversations they must never see. Rows are made
directly (no notifications or emails for demo data); running again changes nothing.
"""

from datetime import timedelta

from django.utils import timezone

from . import attachments
from .models import Attachment, Conversation, Message, MessageRead, Participant, ProviderAvailability, ReplyTime

# member email, provider email, subject, [(who, hours ago, text)], read by provider up to (hours ago)
CONVERSATIONS = [
    (
        "ingrid@example.org",
        "berg@example.org",
        "Sleeping after the new dose",
        [
            (
                "member",
                74,
                "Hi Dr. Berg. Since we changed the dose I wake up around four every night. Is that expected?",
            ),
            (
                "provider",
                50,
                "Thank you for telling me. It often settles within two weeks. Keep a short sleep note in your "
                "toolbox, and we look at it together on Thursday.",
            ),
            ("member", 5, "I have started the sleep notes. Last night was a little better."),
        ],
        50,
    ),
    (
        "marte@example.org",
        "berg@example.org",
        "Before our appointment",
        [
            ("member", 30, "Can we talk about going back to work part-time when we meet next week?"),
            ("provider", 26, "Yes, let us make that the main topic. Bring your thoughts on which days suit you."),
        ],
        26,
    ),
    (
        "sofie@example.org",
        "holm@example.org",
        "After the group session",
        [
            ("member", 20, "The group session was hard today, but I am glad I went."),
            ("provider", 18, "I am glad too. Be kind to yourself this evening. We can talk it through on Monday."),
            ("member", 2, "Thank you. Could we also talk about the café in Elvdal?"),
        ],
        18,
    ),
]

# (member email, file name, contents): attached to the member's last message, to show attachments.
ATTACHMENTS = [
    (
        "ingrid@example.org",
        "sleep-notes.txt",
        "Sleep notes\nMonday: asleep 23:30, awake 04:10, up 07:00\nTuesday: asleep 23:00, awake 05:20, up 07:00\n",
    ),
]

AVAILABILITY = {
    "berg@example.org": (ReplyTime.TWO_DAYS, ""),
    "holm@example.org": (ReplyTime.ONE_DAY, ""),
}


def seed(ctx: dict) -> None:
    users = ctx["users"]
    now = timezone.now()
    for email, (reply_time, note) in AVAILABILITY.items():
        ProviderAvailability.objects.get_or_create(
            provider=users[email], defaults={"expected_reply_time": reply_time, "out_of_office_note": note}
        )
    for member_email, provider_email, subject, messages, read_until in CONVERSATIONS:
        member, provider = users[member_email], users[provider_email]
        if Conversation.objects.filter(member=member, participants__provider=provider).exists():
            continue
        first = now - timedelta(hours=messages[0][1])
        last = now - timedelta(hours=messages[-1][1])
        conversation = Conversation.objects.create(
            member=member, subject=subject, created_at=first, last_message_at=last, member_read_at=last
        )
        read_at = now - timedelta(hours=read_until) if read_until is not None else None
        Participant.objects.create(conversation=conversation, provider=provider, added_at=first, last_read_at=read_at)
        for who, hours_ago, text in messages:
            sent = now - timedelta(hours=hours_ago)
            message = Message.objects.create(
                conversation=conversation, author=member if who == "member" else provider, body=text, created_at=sent
            )
            if who == "member" and read_at is not None and sent <= read_at:
                MessageRead.objects.create(message=message, reader=provider, read_at=sent + timedelta(hours=1))
        last_by_member = conversation.messages.filter(author=member).order_by("created_at").last()
        for email, name, text in ATTACHMENTS:
            if email == member_email and last_by_member is not None:
                data = text.encode()
                Attachment.objects.create(
                    message=last_by_member,
                    file_name=attachments.store(data),
                    original_name=name,
                    content_type="text/plain",
                    size=len(data),
                    created_at=last_by_member.created_at,
                )
