"""Routes of the cafés. The world's café is in Nordvik (the member's community), hosted by the
moderator; the other member (Elvdal) must not know it exists; providers have no place in cafés."""

from datetime import timedelta

from django.utils import timezone

from cafes.services import settings_for
from tests.cafes.factories import CafeSeriesFactory, CompanionPostFactory, MeetingFactory, RsvpFactory
from tests.factories import MemberFactory
from tests.security.matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, Redirect, Route, everyone, roles

TO_CAFE = Redirect("/cafes/")


def _cafe(world):
    if "cafe" not in world.objects:
        series = CafeSeriesFactory(community=world.member.community, host=world.moderator)
        world.objects["cafe"] = MeetingFactory(series=series)
    return world.objects["cafe"]


def _coming_cafe(world):
    cafe = _cafe(world)
    RsvpFactory(meeting=cafe, user=world.member)
    RsvpFactory(meeting=cafe, user=world.moderator)
    return cafe


def _past_coming_cafe(world):
    if "past_cafe" not in world.objects:
        series = CafeSeriesFactory(community=world.member.community, host=world.moderator)
        past = MeetingFactory(series=series, starts_at=timezone.now() - timedelta(days=2))
        RsvpFactory(meeting=past, user=world.member)
        RsvpFactory(meeting=past, user=world.moderator)
        world.objects["past_cafe"] = past
    return world.objects["past_cafe"]


def _path(suffix=""):
    return lambda world: f"/cafes/{_cafe(world).pk}/{suffix}"


def _company_offer(world):
    cafe = _coming_cafe(world)
    other = MemberFactory(community=cafe.community)
    RsvpFactory(meeting=cafe, user=other)
    return f"/cafes/company/{CompanionPostFactory(meeting=cafe, author=other).pk}/accept/"


def _own_company_offer(world):
    cafe = _coming_cafe(world)
    return f"/cafes/company/{CompanionPostFactory(meeting=cafe, author=world.member).pk}/withdraw/"


def _feed(world):
    return f"/cafes/feed/{settings_for(world.member).feed_token}.ics"


# Viewers of cafés: members of the community, its moderators and admins.
VIEW = roles(anonymous=LOGIN, member=OK, other_member=NOT_FOUND, moderator=OK, provider=FORBIDDEN, admin=OK)
HOST = roles(anonymous=LOGIN, member=FORBIDDEN, moderator=OK, provider=FORBIDDEN, admin=OK)


def _peer_post(member_gets, *, other_member=NOT_FOUND, moderator=None):
    return roles(
        anonymous=LOGIN,
        member=member_gets,
        other_member=other_member,
        moderator=member_gets if moderator is None else moderator,
        provider=FORBIDDEN,
        admin=FORBIDDEN,
    )


ROUTES = {
    "cafes:index": Route("/cafes/", roles(anonymous=LOGIN, member=OK, moderator=OK, provider=FORBIDDEN, admin=OK)),
    "cafes:detail": Route(_path(), VIEW),
    "cafes:ical": Route(_path("calendar.ics"), VIEW),
    "cafes:rsvp": Route(_path("answer/"), _peer_post(TO_CAFE), method="post", data={"answer": "going"}),
    "cafes:company_new": Route(
        lambda world: f"/cafes/{_coming_cafe(world).pk}/company/",
        _peer_post(TO_CAFE),
        method="post",
        data={"kind": "offer", "text": "Meet at the station at 17:45."},
    ),
    # After a café, those who answered say whether they came.
    "cafes:who_came": Route(
        lambda world: f"/cafes/{_past_coming_cafe(world).pk}/who-came/",
        _peer_post(TO_CAFE),
        method="post",
        data={"came": "yes"},
    ),
    "cafes:company_accept": Route(_company_offer, _peer_post(TO_CAFE), method="post"),
    # Only the author may take a post back; for anyone else it does not exist.
    "cafes:company_withdraw": Route(_own_company_offer, _peer_post(TO_CAFE, moderator=NOT_FOUND), method="post"),
    "cafes:meeting_edit": Route(_path("edit/"), HOST),
    "cafes:meeting_cancel": Route(
        _path("cancel/"),
        roles(anonymous=LOGIN, member=FORBIDDEN, moderator=TO_CAFE, provider=FORBIDDEN, admin=TO_CAFE),
        method="post",
    ),
    "cafes:attendance": Route(_path("attendance/"), HOST),
    "cafes:series_new": Route("/cafes/series/new/", HOST),
    "cafes:series": Route(lambda world: f"/cafes/series/{_cafe(world).series_id}/", HOST),
    "cafes:settings": Route(
        "/cafes/settings/", roles(anonymous=LOGIN, member=OK, moderator=OK, provider=FORBIDDEN, admin=FORBIDDEN)
    ),
    "cafes:feed_renew": Route(
        "/cafes/settings/feed/renew/",
        roles(
            anonymous=LOGIN,
            member=Redirect("/cafes/settings/"),
            moderator=Redirect("/cafes/settings/"),
            provider=FORBIDDEN,
            admin=FORBIDDEN,
        ),
        method="post",
    ),
    # The secret in the address is the key: whoever holds it gets the feed, signed in or not.
    "cafes:feed": Route(_feed, everyone(OK)),
}


ADMIN_SAMPLES = {
    "cafes.cafeseries": lambda world: _cafe(world).series,
    "cafes.meeting": _cafe,
}
