"""Routes of messaging: the member's /messages/ and the provider dashboard at /provider/.

The world's member has a conversation with their provider; the other member and the other
provider (of another member) must get 404 for it, other roles 403 for the whole space.
"""

from tests.messaging.factories import make_attachment, make_conversation
from tests.security.matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, Redirect, Route, only, roles

MEMBERS = ("member", "other_member")
PROVIDERS = ("provider", "other_provider")


def _conversation(world):
    return make_conversation(world.member, [world.provider], subject="Matrix subject")


def _member_path(suffix=""):
    return lambda world: f"/messages/{_conversation(world).pk}/{suffix}"


def _provider_path(suffix=""):
    return lambda world: f"/provider/conversations/{_conversation(world).pk}/{suffix}"


def _attachment_path(world):
    conversation = _conversation(world)
    return make_attachment(conversation.messages.get()).get_absolute_url()


def _member_page(world):
    return f"/provider/members/{world.member.pk}/"


def _only_the_member(ok):
    """The conversation's member gets `ok`, the other member 404, every other role 403."""
    return roles(
        anonymous=LOGIN,
        member=ok,
        other_member=NOT_FOUND,
        moderator=FORBIDDEN,
        provider=FORBIDDEN,
        other_provider=FORBIDDEN,
        admin=FORBIDDEN,
    )


def _only_the_provider(ok):
    """The member's provider gets `ok`, a provider of another member 404, every other role 403."""
    return roles(
        anonymous=LOGIN,
        member=FORBIDDEN,
        other_member=FORBIDDEN,
        moderator=FORBIDDEN,
        provider=ok,
        other_provider=NOT_FOUND,
        admin=FORBIDDEN,
    )


ROUTES = {
    "messaging:inbox": Route("/messages/", only(OK, *MEMBERS)),
    "messaging:archived": Route("/messages/archive/", only(OK, *MEMBERS)),
    "messaging:new": Route("/messages/new/", only(OK, *MEMBERS)),
    "messaging:conversation": Route(_member_path(), _only_the_member(OK)),
    "messaging:reply": Route(
        _member_path("reply/"), _only_the_member(Redirect("/messages/")), method="post", data={"body": "Hello"}
    ),
    "messaging:archive": Route(_member_path("archive/"), _only_the_member(Redirect("/messages/")), method="post"),
    "messaging:unarchive": Route(_member_path("unarchive/"), _only_the_member(Redirect("/messages/")), method="post"),
    # Both sides of the conversation may download; nobody else learns the file exists.
    "messaging:attachment": Route(
        _attachment_path,
        roles(
            anonymous=LOGIN,
            member=OK,
            other_member=NOT_FOUND,
            moderator=FORBIDDEN,
            provider=OK,
            other_provider=NOT_FOUND,
            admin=FORBIDDEN,
        ),
    ),
    "provider:dashboard": Route("/provider/", only(OK, *PROVIDERS)),
    "provider:availability": Route("/provider/availability/", only(OK, *PROVIDERS)),
    "provider:member": Route(_member_page, _only_the_provider(OK)),
    "provider:conversation": Route(_provider_path(), _only_the_provider(OK)),
    "provider:reply": Route(
        _provider_path("reply/"),
        _only_the_provider(Redirect("/provider/conversations/")),
        method="post",
        data={"body": "Thank you"},
    ),
    "provider:handled": Route(_provider_path("handled/"), _only_the_provider(Redirect("/provider/")), method="post"),
    "provider:reopen": Route(
        _provider_path("reopen/"), _only_the_provider(Redirect("/provider/conversations/")), method="post"
    ),
}


def _message(world):
    return _conversation(world).messages.get()


ADMIN_SAMPLES = {
    "messaging.conversation": _conversation,
    "messaging.message": _message,
    "messaging.attachment": lambda world: make_attachment(_message(world)),
}
