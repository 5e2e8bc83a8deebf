"""Routes of moderation. The queue and its tools are for peer moderators and admins (403 for others);
members report posts and read their own reports, notes and check-ins; the crisis resources page is
open to everyone."""

from moderation.models import EscalationContact, ModeratorCheckIn, QueueItem, Sanction, SavedReply, WatchedWord
from tests.forum.factories import ThreadFactory, TopicFactory
from tests.security.matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, Redirect, Route, everyone, only, roles

MODERATORS = ("moderator", "admin")
PEERS = ("member", "other_member", "moderator")


def _post(world):
    if "moderation_post" not in world.objects:
        topic = TopicFactory(slug="everyday-life", name="Everyday life")
        thread = ThreadFactory(author=world.member, topic=topic)
        post = thread.posts.get(position=1)
        post.status = "published"
        post.save(update_fields=["status"])
        world.objects["moderation_post"] = post
    return world.objects["moderation_post"]


def _item(world):
    post = _post(world)
    item = QueueItem.objects.filter(post=post, kind="flag").first()
    return item or QueueItem.objects.create(kind="flag", priority=1, post=post, author=post.author)


def _sanction(world):
    sanction = Sanction.objects.create(
        member=world.member, kind="premod", reason="Let us read first", created_by=world.moderator
    )
    return f"/moderation/sanctions/{sanction.pk}/lift/"


def _saved_reply(world):
    return SavedReply.objects.create(title="Thank you", body="Thank you for writing.")


def _watched_word(world):
    return WatchedWord.objects.create(phrase="watched", language="en", action="flag")


def _check_in(world):
    message = ModeratorCheckIn.objects.create(member=world.member, moderator=world.moderator, body="How are you?")
    return message.get_absolute_url()


ROUTES = {
    "moderation:queue": Route("/moderation/", only(OK, *MODERATORS)),
    # Going on or off duty; an empty form is refused with a message on the queue page.
    "moderation:duty": Route("/moderation/duty/", only(Redirect("/moderation/"), *MODERATORS), method="post"),
    "moderation:item": Route(lambda w: _item(w).get_absolute_url(), only(OK, *MODERATORS)),
    "moderation:item_action": Route(
        lambda w: f"/moderation/items/{_item(w).pk}/claim/",
        only(Redirect("/moderation/items/"), *MODERATORS),
        method="post",
    ),
    "moderation:log": Route("/moderation/log/", only(OK, *MODERATORS)),
    "moderation:lift_sanction": Route(_sanction, only(Redirect("/moderation/"), *MODERATORS), method="post"),
    "moderation:saved_replies": Route("/moderation/saved-replies/", only(OK, *MODERATORS)),
    "moderation:saved_reply_edit": Route(
        lambda w: f"/moderation/saved-replies/{_saved_reply(w).pk}/", only(OK, *MODERATORS)
    ),
    "moderation:saved_reply_delete": Route(
        lambda w: f"/moderation/saved-replies/{_saved_reply(w).pk}/delete/",
        only(Redirect("/moderation/saved-replies/"), *MODERATORS),
        method="post",
    ),
    "moderation:watched_words": Route("/moderation/watched-words/", only(OK, *MODERATORS)),
    "moderation:watched_word_toggle": Route(
        lambda w: f"/moderation/watched-words/{_watched_word(w).pk}/toggle/",
        only(Redirect("/moderation/watched-words/"), *MODERATORS),
        method="post",
    ),
    # Any peer who can see the post may report it (its author is told why that makes no sense).
    "moderation:report": Route(lambda w: f"/moderation/report/{_post(w).pk}/", only(OK, *PEERS)),
    "moderation:my_reports": Route("/moderation/my-reports/", only(OK, *PEERS)),
    "moderation:notices": Route("/moderation/notes/", only(OK, *PEERS)),
    # A check-in exists only for the member it was sent to.
    "moderation:check_in": Route(
        _check_in,
        roles(
            anonymous=LOGIN,
            member=OK,
            other_member=NOT_FOUND,
            moderator=NOT_FOUND,
            provider=FORBIDDEN,
            admin=FORBIDDEN,
        ),
    ),
    "moderation:support": Route("/moderation/support/", everyone(OK)),
}

ADMIN_SAMPLES = {
    "moderation.watchedword": lambda world: _watched_word(world),
    "moderation.savedreply": lambda world: _saved_reply(world),
    "moderation.sanction": lambda world: Sanction.objects.create(
        member=world.member, kind="warning", reason="Be kind", created_by=world.moderator
    ),
    "moderation.queueitem": lambda world: _item(world),
    "moderation.report": lambda world: _item(world).reports.create(
        post=_item(world).post, reporter=world.other_member, reason="spam"
    ),
    "moderation.escalationcontact": lambda world: EscalationContact.objects.get_or_create(
        email="on-call@example.org", defaults={"name": "On-call clinician"}
    )[0],
    "moderation.moderationaction": lambda world: _item(world).actions.create(actor=world.moderator, action="claim"),
}
