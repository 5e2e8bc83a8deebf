"""What members, hosts and others can do on the café pages, and what they cannot."""

import html
from datetime import timedelta

import pytest
from django.utils import timezone

from cafes.models import Answer, CompanionPost, Meeting, Rsvp
from reconnect.core.models import Notification
from tests.cafes.factories import CafeSeriesFactory, CompanionPostFactory, MeetingFactory, RsvpFactory
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


# --- Seeing cafés ---------------------------------------------------------------------------------


def test_member_sees_own_community_cafes_only(login, member, cafe, elvdal_cafe):
    response = login(member).get("/cafes/")
    assert response.status_code == 200
    assert list(response.context["meetings"]) == [cafe]


def test_member_of_other_community_gets_404_for_cafe_and_its_calendar(login, other_member, cafe):
    client = login(other_member)
    assert client.get(f"/cafes/{cafe.pk}/").status_code == 404
    assert client.get(f"/cafes/{cafe.pk}/calendar.ics").status_code == 404


def test_moderator_sees_cafes_of_both_their_communities(login, moderator, cafe, elvdal_cafe):
    response = login(moderator).get("/cafes/")
    assert set(response.context["meetings"]) == {cafe, elvdal_cafe}


def test_provider_gets_403_on_cafes(login, provider, cafe):
    client = login(provider)
    assert client.get("/cafes/").status_code == 403
    assert client.get(f"/cafes/{cafe.pk}/").status_code == 403


def test_malformed_and_unknown_ids_are_404(login, member):
    client = login(member)
    assert client.get("/cafes/999999/").status_code == 404
    assert client.get("/cafes/abc/").status_code == 404
    assert client.post("/cafes/company/999999/accept/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/cafes/1/answer/",
        "/cafes/1/company/",
        "/cafes/1/who-came/",
        "/cafes/company/1/accept/",
        "/cafes/company/1/withdraw/",
        "/cafes/1/cancel/",
        "/cafes/settings/feed/renew/",
    ],
)
def test_get_on_post_only_urls_is_405(login, member, path):
    assert login(member).get(path).status_code == 405


def test_attendee_list_shows_only_pseudonyms_of_those_who_opted_in(login, member, cafe):
    RsvpFactory(meeting=cafe, user=MemberFactory(community=cafe.community, pseudonym="Open Sky"), show_pseudonym=True)
    RsvpFactory(meeting=cafe, user=MemberFactory(community=cafe.community, pseudonym="Quiet Reed"))
    response = login(member).get(f"/cafes/{cafe.pk}/")
    assert response.context["attendees"] == ["Open Sky"]
    assert response.context["counts"]["going"] == 2
    assert "Quiet Reed" not in response.content.decode()


# --- Answering ------------------------------------------------------------------------------------


def test_member_answers_and_changes_answer_without_duplicates(login, member, cafe):
    client = login(member)
    response = client.post(f"/cafes/{cafe.pk}/answer/", {"answer": "going", "show_pseudonym": "on"})
    assert response.status_code == 302
    client.post(f"/cafes/{cafe.pk}/answer/", {"answer": "maybe"})
    rsvp = Rsvp.objects.get(meeting=cafe, user=member)
    assert rsvp.answer == Answer.MAYBE and not rsvp.show_pseudonym
    assert Rsvp.objects.count() == 1


@pytest.mark.parametrize("when", ["past", "cancelled"])
def test_answer_to_past_or_cancelled_cafe_is_refused_with_a_message(login, member, series, when):
    if when == "past":
        cafe = MeetingFactory(series=series, starts_at=timezone.now() - timedelta(days=1))
    else:
        cafe = MeetingFactory(series=series, cancelled_at=timezone.now())
    response = login(member).post(f"/cafes/{cafe.pk}/answer/", {"answer": "going"})
    assert response.status_code == 400
    assert "no longer takes answers" in response.content.decode()
    assert not Rsvp.objects.exists()


def test_answer_to_other_community_cafe_is_404(login, other_member, cafe):
    assert login(other_member).post(f"/cafes/{cafe.pk}/answer/", {"answer": "going"}).status_code == 404
    assert not Rsvp.objects.exists()


def test_unknown_answer_is_refused_and_nothing_saved(login, member, cafe):
    response = login(member).post(f"/cafes/{cafe.pk}/answer/", {"answer": "perhaps"})
    assert response.status_code == 400 and not Rsvp.objects.exists()
    assert response.context["rsvp_form"].errors["answer"]


def test_first_visit_note_is_shown_to_the_host_only(login, member, moderator, cafe):
    login(member).post(
        f"/cafes/{cafe.pk}/answer/", {"answer": "going", "first_visit": "on", "first_visit_note": "I have a red scarf"}
    )
    assert Notification.objects.filter(user=moderator, kind="cafes.first_visit").exists()
    host_page = login(moderator).get(f"/cafes/{cafe.pk}/").content.decode()
    assert "I have a red scarf" in host_page
    peer = MemberFactory(community=cafe.community)
    RsvpFactory(meeting=cafe, user=peer)
    assert "I have a red scarf" not in login(peer).get(f"/cafes/{cafe.pk}/").content.decode()


# --- Company on the way ---------------------------------------------------------------------------


def test_company_offer_requires_going_or_maybe(login, member, cafe):
    response = login(member).post(f"/cafes/{cafe.pk}/company/", {"kind": "offer", "text": "Lift from the square"})
    assert response.status_code == 400
    assert "Answer going or maybe first" in response.content.decode()
    assert not CompanionPost.objects.exists()


def test_crisis_words_in_a_company_note_bring_the_writer_help_at_once(login, member, cafe):
    RsvpFactory(meeting=cafe, user=member)
    text = "Can someone walk with me, I don't want to be alive anymore"
    response = login(member).post(f"/cafes/{cafe.pk}/company/", {"kind": "ask", "text": text})
    assert response.status_code == 302 and response["Location"].startswith("/moderation/support/?next=")
    assert CompanionPost.objects.get().text == text  # published, never silenced


def test_an_ordinary_company_note_goes_back_to_the_cafe(login, member, cafe):
    RsvpFactory(meeting=cafe, user=member)
    response = login(member).post(f"/cafes/{cafe.pk}/company/", {"kind": "offer", "text": "Lift from the square"})
    assert response["Location"] == f"/cafes/{cafe.pk}/#company"


def test_empty_company_text_keeps_the_form_and_saves_nothing(login, member, cafe):
    RsvpFactory(meeting=cafe, user=member)
    response = login(member).post(f"/cafes/{cafe.pk}/company/", {"kind": "offer", "text": "   "})
    assert response.status_code == 400 and not CompanionPost.objects.exists()
    assert response.context["company_form"].errors["text"]


def test_answering_not_going_calls_off_company_taken_up_and_reopens_the_offer(login, member, cafe):
    neighbour = MemberFactory(community=cafe.community)
    RsvpFactory(meeting=cafe, user=member)
    RsvpFactory(meeting=cafe, user=neighbour)
    offer = CompanionPostFactory(meeting=cafe, author=member, accepted_by=neighbour, accepted_at=timezone.now())
    login(neighbour).post(f"/cafes/{cafe.pk}/answer/", {"answer": "no"})
    offer.refresh_from_db()
    assert offer.accepted_by is None  # open for someone else
    note = Notification.objects.get(user=member, kind="cafes.company_off")
    assert "the other person can no longer come" in note.text and note.url == cafe.get_absolute_url()


def test_answering_not_going_withdraws_ones_own_offers_and_tells_who_took_them_up(login, member, cafe):
    neighbour = MemberFactory(community=cafe.community)
    RsvpFactory(meeting=cafe, user=member)
    RsvpFactory(meeting=cafe, user=neighbour)
    CompanionPostFactory(meeting=cafe, author=member, accepted_by=neighbour, accepted_at=timezone.now())
    CompanionPostFactory(meeting=cafe, author=member, kind="ask")
    login(member).post(f"/cafes/{cafe.pk}/answer/", {"answer": "no"})
    assert not CompanionPost.objects.exists()
    assert Notification.objects.filter(user=neighbour, kind="cafes.company_off").count() == 1
    # Saying "maybe" again later does not tell anyone anything.
    login(member).post(f"/cafes/{cafe.pk}/answer/", {"answer": "maybe"})
    assert Notification.objects.filter(kind="cafes.company_off").count() == 1


def test_company_posts_are_visible_only_to_those_coming(login, member, cafe):
    CompanionPostFactory(meeting=cafe, text="Meet at the bus stop")
    client = login(member)
    assert "Meet at the bus stop" not in client.get(f"/cafes/{cafe.pk}/").content.decode()
    RsvpFactory(meeting=cafe, user=member, answer="maybe")
    assert "Meet at the bus stop" in client.get(f"/cafes/{cafe.pk}/").content.decode()


def test_accepting_an_offer_notifies_both_and_cannot_happen_twice(login, member, cafe):
    author = MemberFactory(community=cafe.community, pseudonym="Birch")
    RsvpFactory(meeting=cafe, user=author)
    RsvpFactory(meeting=cafe, user=member)
    post = CompanionPostFactory(meeting=cafe, author=author)
    client = login(member)
    assert client.post(f"/cafes/company/{post.pk}/accept/").status_code == 302
    post.refresh_from_db()
    assert post.accepted_by == member
    assert Notification.objects.get(user=author, kind="cafes.companion").params["pseudonym"] == "Lighthouse"
    assert Notification.objects.get(user=member, kind="cafes.companion").params["pseudonym"] == "Birch"
    third = MemberFactory(community=cafe.community)
    RsvpFactory(meeting=cafe, user=third)
    response = login(third).post(f"/cafes/company/{post.pk}/accept/")
    assert response.status_code == 400 and "already taken this up" in response.content.decode()


def test_other_community_cannot_reach_a_company_post(login, other_member, cafe):
    post = CompanionPostFactory(meeting=cafe)
    assert login(other_member).post(f"/cafes/company/{post.pk}/accept/").status_code == 404


# --- Hosting --------------------------------------------------------------------------------------


def test_host_creates_a_series_of_first_tuesdays(login, moderator, nordvik):
    response = login(moderator).post(
        "/cafes/series/new/",
        {
            "community": nordvik.pk,
            "host": moderator.pk,
            "title": "Nordvik café",
            "frequency": "monthly",
            "nth": "1",
            "weekday": "1",
            "start_time": "18:00",
            "duration_minutes": "120",
            "first_date": "2027-02-01",
            "last_date": "2027-06-30",
            "place": "Library",
            "address": "Storgata 1",
        },
    )
    assert response.status_code == 302
    assert Meeting.objects.count() == 5


def test_rule_without_dates_is_a_form_error_that_keeps_the_input(login, moderator, nordvik):
    response = login(moderator).post(
        "/cafes/series/new/",
        {
            "community": nordvik.pk,
            "host": moderator.pk,
            "title": "Fifth Tuesday",
            "frequency": "monthly",
            "nth": "5",
            "weekday": "1",
            "start_time": "18:00",
            "duration_minutes": "120",
            "first_date": "2027-02-01",
            "last_date": "2027-02-28",
            "place": "Library",
            "address": "Storgata 1",
        },
    )
    assert response.status_code == 400
    assert "gives no dates" in response.content.decode()
    assert 'value="Fifth Tuesday"' in response.content.decode()
    assert not Meeting.objects.exists()


def test_moderator_cannot_plan_in_a_community_they_do_not_moderate(login, moderator):
    from tests.factories import CommunityFactory

    elsewhere = CommunityFactory()
    response = login(moderator).post("/cafes/series/new/", {"community": elsewhere.pk, "host": moderator.pk})
    assert response.status_code == 400 and "community" in response.context["form"].errors


def test_host_moves_a_cafe_and_those_coming_are_told(login, moderator, member, cafe):
    RsvpFactory(meeting=cafe, user=member)
    new_day = (timezone.localtime(cafe.starts_at) + timedelta(days=1)).date()
    response = login(moderator).post(
        f"/cafes/{cafe.pk}/edit/",
        {
            "day": new_day.isoformat(),
            "start_time": "19:00",
            "duration_minutes": "90",
            "place": "Town hall",
            "address": "Torget 2",
            "reflection": "What helped you this month?",
            "link": "/forum/12/",
        },
    )
    assert response.status_code == 302
    cafe.refresh_from_db()
    assert timezone.localtime(cafe.starts_at).hour == 19 and cafe.link == "/forum/12/"
    assert Notification.objects.filter(user=member, kind="cafes.changed").exists()


def test_bad_link_is_refused(login, moderator, cafe):
    data = {
        "day": timezone.localdate().isoformat(),
        "start_time": "23:59",
        "duration_minutes": "60",
        "place": "X",
        "address": "Y",
        "link": "javascript:alert(1)",
    }
    response = login(moderator).post(f"/cafes/{cafe.pk}/edit/", data)
    assert response.status_code == 400 and response.context["form"].errors["link"]


def test_only_the_host_or_an_admin_manages_a_cafe(login, cafe, nordvik):
    from tests.factories import ModeratorFactory

    colleague = ModeratorFactory(community=nordvik)
    assert login(colleague).get(f"/cafes/{cafe.pk}/edit/").status_code == 403


def test_cancelling_notifies_everyone_who_answered(login, moderator, member, cafe):
    for answer in ("going", "maybe", "no"):
        RsvpFactory(meeting=cafe, user=MemberFactory(community=cafe.community), answer=answer)
    response = login(moderator).post(f"/cafes/{cafe.pk}/cancel/")
    assert response.status_code == 302
    cafe.refresh_from_db()
    assert cafe.is_cancelled
    assert Notification.objects.filter(kind="cafes.cancelled").count() == 3


def test_attendance_is_recorded_after_the_cafe_and_shown_in_the_history(login, moderator, series):
    past = MeetingFactory(series=series, starts_at=timezone.now() - timedelta(days=30))
    future = MeetingFactory(series=series)
    client = login(moderator)
    assert client.post(f"/cafes/{past.pk}/attendance/", {"attendance": "7"}).status_code == 302
    response = client.post(f"/cafes/{future.pk}/attendance/", {"attendance": "5"})
    assert response.status_code == 400 and "once the café has started" in response.content.decode()
    history = client.get(f"/cafes/series/{series.pk}/")
    assert history.context["average"] == 7


def test_attendance_rejects_negative_numbers(login, moderator, series):
    past = MeetingFactory(series=series, starts_at=timezone.now() - timedelta(days=30))
    response = login(moderator).post(f"/cafes/{past.pk}/attendance/", {"attendance": "-1"})
    assert response.status_code == 400
    past.refresh_from_db()
    assert past.attendance is None


# --- After the café: "I was there" ----------------------------------------------------------------


def _past(series, days=3, **kwargs):
    return MeetingFactory(series=series, starts_at=timezone.now() - timedelta(days=days), **kwargs)


def test_member_who_answered_is_asked_on_the_list_and_says_they_came(login, member, series):
    past = _past(series)
    RsvpFactory(meeting=past, user=member, answer=Answer.MAYBE)
    client = login(member)
    page = client.get("/cafes/")
    assert [r.meeting for r in page.context["did_you_come"]] == [past]
    assert "Were you at the café on" in page.content.decode()
    response = client.post(f"/cafes/{past.pk}/who-came/", {"came": "yes"}, follow=True)
    assert response.redirect_chain == [(f"/cafes/{past.pk}/", 302)]
    assert "Thank you for telling us" in response.content.decode()
    assert "You said you were there" in response.content.decode()
    assert Rsvp.objects.get(meeting=past, user=member).attended is True
    # Asked once: the list no longer asks, and the answer can still be changed on the café page.
    assert login(member).get("/cafes/").context["did_you_come"] == []
    client.post(f"/cafes/{past.pk}/who-came/", {"came": "no"})
    rsvp = Rsvp.objects.get(meeting=past, user=member)
    assert (rsvp.attended, rsvp.answer) == (False, Answer.MAYBE)


def test_the_host_sees_how_many_said_they_came_but_not_who(login, moderator, member, series):
    past = _past(series)
    RsvpFactory(meeting=past, user=member, attended=True)
    RsvpFactory(meeting=past, user=MemberFactory(community=series.community, pseudonym="Stayed Home"), attended=False)
    page = login(moderator).get(f"/cafes/{past.pk}/attendance/").content.decode()
    assert "Afterwards 1 member said they came and 1 that they could not." in page
    assert member.pseudonym not in page and "Stayed Home" not in page


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("future", "once the café has started"),
        ("cancelled", "was cancelled"),
        ("long_ago", "too long ago"),
        ("not_going", 'Only those who answered "going" or "maybe"'),
        ("no_answer", 'Only those who answered "going" or "maybe"'),
        ("bad_choice", "Please choose one of the two answers."),
    ],
)
def test_saying_who_came_is_refused_with_a_message_and_changes_nothing(login, member, series, case, message):
    meeting = {
        "future": lambda: MeetingFactory(series=series),
        "cancelled": lambda: _past(series, cancelled_at=timezone.now()),
        "long_ago": lambda: _past(series, days=61),
    }.get(case, lambda: _past(series))()
    if case != "no_answer":
        RsvpFactory(meeting=meeting, user=member, answer=Answer.NOT_GOING if case == "not_going" else Answer.GOING)
    response = login(member).post(
        f"/cafes/{meeting.pk}/who-came/", {"came": "maybe" if case == "bad_choice" else "yes"}
    )
    assert response.status_code == 400
    assert message in html.unescape(response.content.decode())
    assert not Rsvp.objects.filter(attended__isnull=False).exists()


def test_other_community_cannot_say_they_came(login, other_member, series):
    past = _past(series)
    assert login(other_member).post(f"/cafes/{past.pk}/who-came/", {"came": "yes"}).status_code == 404


def test_list_asks_only_about_recent_cafes_of_ones_own(login, member, series, elvdal):
    _past_long_ago = _past(series, days=61)
    RsvpFactory(meeting=_past_long_ago, user=member)
    cancelled = _past(series, cancelled_at=timezone.now())
    RsvpFactory(meeting=cancelled, user=member)
    not_going = _past(series, days=5)
    RsvpFactory(meeting=not_going, user=member, answer=Answer.NOT_GOING)
    RsvpFactory(meeting=_past(series, days=6), user=MemberFactory(community=series.community))
    assert login(member).get("/cafes/").context["did_you_come"] == []


# --- Query budgets --------------------------------------------------------------------------------


def _fill(cafe, n):
    for _ in range(n):
        user = MemberFactory(community=cafe.community)
        RsvpFactory(meeting=cafe, user=user, show_pseudonym=True)
        CompanionPostFactory(meeting=cafe, author=user)


@pytest.mark.parametrize("n", [1, 12])
def test_cafe_list_runs_a_fixed_number_of_queries(login, member, series, n, django_assert_max_num_queries):
    for days in range(n):
        _fill(MeetingFactory(series=series), n)
        # Past cafés the member answered: the list asks about the latest three.
        RsvpFactory(meeting=_past(series, days=days + 1), user=member)
    client = login(member)
    with django_assert_max_num_queries(15):
        assert client.get("/cafes/").status_code == 200


@pytest.mark.parametrize("n", [1, 25])
def test_cafe_page_runs_a_fixed_number_of_queries(login, member, cafe, n, django_assert_max_num_queries):
    _fill(cafe, n)
    RsvpFactory(meeting=cafe, user=member)
    client = login(member)
    # 18 whatever the number of answers and company posts (6 of them are the page frame:
    # session, user, user session, unread count, crisis contacts, session save).
    with django_assert_max_num_queries(18):
        response = client.get(f"/cafes/{cafe.pk}/")
    assert len(response.context["companions"]) == n


@pytest.mark.parametrize("n", [1, 12])
def test_series_page_runs_a_fixed_number_of_queries(login, moderator, series, n, django_assert_max_num_queries):
    for _ in range(n):
        _fill(MeetingFactory(series=series), 2)
    client = login(moderator)
    with django_assert_max_num_queries(17):
        assert client.get(f"/cafes/series/{series.pk}/").status_code == 200


def test_cafes_of_another_series_do_not_leak_into_admin_view(login, admin_user, cafe, elvdal_cafe):
    assert set(login(admin_user).get("/cafes/").context["meetings"]) == {cafe, elvdal_cafe}


def test_member_without_community_sees_no_cafes(login, cafe):
    loner = MemberFactory(community=None)
    assert list(login(loner).get("/cafes/").context["meetings"]) == []
    assert CafeSeriesFactory._meta.model.objects.visible_to(loner).count() == 0


def test_cafe_page_speaks_norwegian(login, member, cafe):
    member.preferred_language = "nb"
    member.save(update_fields=["preferred_language"])
    response = login(member).get(f"/cafes/{cafe.pk}/", HTTP_ACCEPT_LANGUAGE="nb")
    assert "Lagre svaret mitt" in response.content.decode()


def test_after_the_cafe_the_question_and_the_thanks_speak_norwegian(login, member, series):
    member.preferred_language = "nb"
    member.save(update_fields=["preferred_language"])
    past = _past(series)
    RsvpFactory(meeting=past, user=member)
    client = login(member)
    assert "Var du på kafeen" in client.get("/cafes/", HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    page = client.post(f"/cafes/{past.pk}/who-came/", {"came": "no"}, follow=True, HTTP_ACCEPT_LANGUAGE="nb")
    page = page.content.decode()
    assert "Takk for at du sa fra." in page and "Du sa at du ikke fikk kommet." in page
