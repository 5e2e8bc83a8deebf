"""A member who has used every part of the portal, made through the portal's own services."""

import datetime

from django.utils import timezone

from cafes import services as cafe_services
from forum import services as forum_services
from forum.models import Circle
from moderation import services as moderation_services
from moderation.models import ModeratorCheckIn
from tests.cafes.factories import CafeSeriesFactory, MeetingFactory
from tests.forum.factories import TopicFactory
from tests.messaging.factories import make_attachment, make_conversation
from tests.toolbox.factories import (
    ActivityFactory,
    CheckInFactory,
    CrisisPlanFactory,
    GoalFactory,
    MedicationFactory,
    NetworkPersonFactory,
    ShareFactory,
    StepFactory,
)


def use_everything(member, *, other, provider, moderator, posts: int = 3) -> dict:
    """Give `member` something in every app; `other` answers and quotes them. Returns the objects."""
    topic = TopicFactory(name="Everyday life", slug="everyday-life")
    thread = forum_services.start_thread(
        author=member, topic=topic, title="Long evenings", body="Evenings are the hardest part for me."
    )
    own_posts = [thread.posts.get(position=1)]
    for n in range(posts - 1):
        own_posts.append(
            forum_services.post_reply(author=member, thread=thread, body=f"Walking helped me today ({n}).")
        )
    quote = forum_services.post_reply(
        author=other,
        thread=thread,
        body=f"> **{member.display_name}**:\n>\n> Evenings are the hardest part for me.\n\nSame here.",
        quote_of=own_posts[0],
    )
    other_thread = forum_services.start_thread(author=other, topic=topic, title="Mornings", body="Mornings for me.")
    forum_services.add_reaction(user=member, post=other_thread.posts.get(position=1), kind="thanks")
    report = moderation_services.report_post(
        reporter=member,
        post=other_thread.posts.get(position=1),
        reason="other",
        details="My brother Ola says the same to me every morning.",
    )
    forum_services.reveal_identity(owner=member, viewer=other, first_name="Ingrid")
    forum_services.set_boundary(owner=member, target=moderator, kind="mute")
    lonely = forum_services.create_circle(creator=member, name="Just me")
    forum_services.start_thread(author=member, circle=lonely, title="Notes to self", body="Only I am here.")
    shared = forum_services.create_circle(creator=member, name="Night owls")
    invitation = forum_services.invite_to_circle(circle=shared, inviter=member, pseudonym=other.pseudonym)
    forum_services.respond_to_invitation(membership=invitation, accept=True)

    goal = GoalFactory(member=member, text="Walk to the harbour every day")
    StepFactory(goal=goal)
    ActivityFactory(goal=goal)
    CrisisPlanFactory(member=member)
    NetworkPersonFactory(member=member)
    MedicationFactory(member=member)
    CheckInFactory(member=member, day=timezone.localdate() - datetime.timedelta(days=1))
    ShareFactory(member=member, provider=provider, item_type="crisis_plan")

    cafe = MeetingFactory(series=CafeSeriesFactory(community=member.community, host=moderator))
    cafe_services.answer(meeting=cafe, user=member, answer="going", show_pseudonym=True, first_visit=True)

    conversation = make_conversation(member, [provider])
    attachment = make_attachment(conversation.messages.first())
    ModeratorCheckIn.objects.create(member=member, moderator=moderator, body="Thinking of you this week.")
    return {
        "thread": thread,
        "posts": own_posts,
        "quote": quote,
        "other_thread": other_thread,
        "lonely_circle": Circle.objects.get(pk=lonely.pk),
        "shared_circle": shared,
        "conversation": conversation,
        "attachment": attachment,
        "cafe": cafe,
        "report": report,
    }
