"""Sentinel people for the privacy proofs: distinctive identities and details that must appear
only where the rules allow, seeded into the URL matrix's `world` so that the pages the matrix
reaches show them (by pseudonym) wherever peers meet.

- `zebulon`: a member in Nordvik (the world member's community), in `provider`'s care team. He
  writes in the forum, reacts, answers the Nordvik café with a note for the host, offers company,
  keeps a toolbox (crisis plan shared with his provider, everything else private), writes to his
  provider, reports a post, got a moderator's check-in, and revealed the first name "Xanthe" to
  the world's `member` only.
- `ottoline`: a member of a third community, Quillbrook, that nobody else in the world belongs to
  (so "Quillbrook" on any page is her community leaking). She writes, reacts, and revealed the
  first name "Philippa" to `other_member` only.
"""

from dataclasses import dataclass, field

import pytest

from cafes import services as cafe_services
from forum import services as forum_services
from forum.models import Post, Reaction
from messaging import attachments
from messaging import services as messaging_services
from moderation import services as moderation_services
from moderation.models import ModeratorCheckIn
from reconnect.accounts.models import CareRelationship
from tests.factories import CommunityFactory, MemberFactory
from tests.forum.factories import ThreadFactory, TopicFactory, reply
from tests.messaging.conftest import private_storage  # noqa: F401 (what the private storage holds)
from tests.toolbox.factories import ShareFactory
from toolbox import services as toolbox_services
from toolbox.models import Goal, Medication, NetworkPerson, Step


@dataclass
class Sentinel:
    """A person whose identity and details must not reach anyone the rules do not allow.

    `identity`: values that name the person (email, real name, surname).
    `shared_with_care_team`: details their own providers may see (messages, shared toolbox items).
    `private`: details nobody else may see (unshared toolbox items).
    `for_moderators`: what a member tells the peer moderators (report details, a note for the host).
    `revealed`: first name -> the one user it was revealed to.
    """

    user: object
    identity: list[str]
    shared_with_care_team: list[str] = field(default_factory=list)
    private: list[str] = field(default_factory=list)
    for_moderators: list[str] = field(default_factory=list)
    revealed: dict[str, object] = field(default_factory=dict)


def _published(user) -> None:
    # A new member's first posts wait for a moderator; the sentinels' posts are approved already.
    Post.objects.filter(author=user, status=Post.Status.HELD).update(status=Post.Status.PUBLISHED)


def _react(user, post, kind=Reaction.Kind.THANK_YOU) -> None:
    Reaction.objects.get_or_create(user=user, post=post, kind=kind)


def _seed_zebulon(world, topic, member_thread) -> Sentinel:
    from tests.security.routes.cafes import _cafe

    zebulon = MemberFactory(
        email="sentinel-zebulon@example.net",
        pseudonym="Silent Heron",
        real_name="Zebulon Quartermaine",
        community=world.member.community,
    )
    CareRelationship.objects.create(member=zebulon, provider=world.provider)
    # Forum: a thread of his own, a reply in the member's thread, a reaction on the member's post.
    own = ThreadFactory(author=zebulon, topic=topic, title="Heron thoughts", body="Evenings by the water help.")
    reply(member_thread, zebulon, body="Herons wait patiently, so can I.")
    _published(zebulon)
    _react(zebulon, member_thread.posts.get(position=1))
    _react(world.member, own.posts.get(position=1))
    forum_services.reveal_identity(owner=zebulon, viewer=world.member, first_name="Xanthe")
    moderation_services.report_post(
        reporter=zebulon,
        post=member_thread.posts.get(position=1),
        reason="other",
        details="Zq-report-detail: I worry about this thread",
    )
    # Café: going, first visit with a note for the host, and an offer of company.
    cafe = _cafe(world)
    cafe_services.answer(
        meeting=cafe,
        user=zebulon,
        answer="going",
        show_pseudonym=True,
        first_visit=True,
        first_visit_note="Zq-firstvisit: crowds make me anxious",
    )
    cafe_services.post_company(meeting=cafe, user=zebulon, kind="offer", text="Walk together from the bus stop.")
    # Toolbox: the crisis plan is shared with his provider, everything else is his alone.
    toolbox_services.save_crisis_plan(
        member=zebulon,
        sections={"warning_signs": "Zq-crisisplan: I stop sleeping", "helpers": "Zq-helper: my brother Aksel"},
    )
    ShareFactory(member=zebulon, provider=world.provider, item_type="crisis_plan")
    goal = Goal.objects.create(member=zebulon, text="Zq-goal: swim across the fjord", life_area="health")
    Step.objects.create(goal=goal, text="Zq-step: buy a wetsuit")
    Medication.objects.create(
        member=zebulon,
        name="Zq-medicine-name",
        strength="10 mg",
        dose=1,
        start_date="2026-01-01",
        notes="Zq-mednote: makes me dizzy",
    )
    NetworkPerson.objects.create(member=zebulon, name="Zq-netperson", note="Zq-netnote: calls on Sundays")
    toolbox_services.record_checkin(
        member=zebulon, day="2026-01-05", mood=2, sleep=2, activity=1, note="Zq-checkin: a heavy day"
    )
    # Messages with his provider, with an attachment.
    upload = attachments.check_upload(_upload("Zq-attachment-sleep.txt", b"Zq-attachment-content: slept 3 hours"))
    world.objects["sentinel_conversation"] = messaging_services.start_conversation(
        member=zebulon,
        providers=[world.provider],
        subject="Zq-subject: the new medicine",
        body="Zq-body: I feel worse since Monday",
        uploads=[upload],
    )
    ModeratorCheckIn.objects.create(member=zebulon, moderator=world.moderator, body="Zq-modcheckin: how are you?")
    return Sentinel(
        user=zebulon,
        identity=["sentinel-zebulon@example.net", "Zebulon Quartermaine", "Quartermaine"],
        shared_with_care_team=[
            "Zq-crisisplan",
            "Zq-helper",
            "Zq-subject",
            "Zq-body",
            "Zq-attachment-sleep",
            "Zq-attachment-content",
        ],
        private=[
            "Zq-goal",
            "Zq-step",
            "Zq-medicine-name",
            "Zq-mednote",
            "Zq-netperson",
            "Zq-netnote",
            "Zq-checkin",
        ],
        for_moderators=["Zq-report-detail", "Zq-firstvisit", "Zq-modcheckin"],
        revealed={"Xanthe": world.member},
    )


def _seed_ottoline(world, topic, member_thread) -> Sentinel:
    quillbrook = CommunityFactory(name="Quillbrook", slug="quillbrook")
    ottoline = MemberFactory(
        email="sentinel-ottoline@example.net",
        pseudonym="Amber Fox",
        real_name="Ottoline Vandersteen",
        community=quillbrook,
    )
    own = ThreadFactory(author=ottoline, topic=topic, title="Fox trails", body="Foxes find their way home.")
    reply(member_thread, ottoline, body="Thank you for writing this.")
    reply(own, world.member, body="Lovely picture.")
    _published(ottoline)
    _published(world.member)
    _react(ottoline, member_thread.posts.get(position=1), Reaction.Kind.STRENGTH)
    forum_services.reveal_identity(owner=ottoline, viewer=world.other_member, first_name="Philippa")
    return Sentinel(
        user=ottoline,
        identity=["sentinel-ottoline@example.net", "Ottoline Vandersteen", "Vandersteen"],
        revealed={"Philippa": world.other_member},
    )


def _upload(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="text/plain")


@pytest.fixture
def sentinels(world) -> list[Sentinel]:
    """Seed the world with the two sentinel people and a forum thread of the world's member."""
    topic = TopicFactory(slug="everyday-life", name="Everyday life")
    member_thread = ThreadFactory(author=world.member, topic=topic, title="Mornings", body="Mornings are hard.")
    _published(world.member)
    reply(member_thread, world.other_member, body="Same here.")
    _published(world.other_member)
    people = [_seed_zebulon(world, topic, member_thread), _seed_ottoline(world, topic, member_thread)]
    world.objects["sentinels"] = people
    world.objects["sentinel_thread"] = member_thread
    return people


@pytest.fixture
def forum_settings(settings):
    """Posts appear at once and rate limits stay out of the way of tests that write a lot."""
    settings.FORUM_RATE_LIMITS = {"post": (1000, 300), "react": (1000, 300), "action": (1000, 300)}
    settings.MODERATION_HOLD_FIRST_POSTS = 0
