"""Moderation pages: they work, keep people to their own things, and run a fixed number of queries."""

import pytest

from forum.models import Post
from moderation.models import ModerationAction, ModeratorCheckIn, QueueItem, Report, SavedReply, WatchedWord
from tests.factories import MemberFactory
from tests.moderation.factories import QueueItemFactory, ReportFactory, SavedReplyFactory, post_by

pytestmark = pytest.mark.django_db


# --- The queue ------------------------------------------------------------------------------------


def test_the_queue_puts_crisis_first_then_reports_then_held(login, moderator, topic):
    held = QueueItemFactory(kind=QueueItem.Kind.HELD, post=post_by(MemberFactory(), topic=topic))
    report = ReportFactory(
        item=QueueItemFactory(kind=QueueItem.Kind.REPORT, post=post_by(MemberFactory(), topic=topic))
    )
    crisis = QueueItemFactory(kind=QueueItem.Kind.CRISIS, post=post_by(MemberFactory(), topic=topic))
    response = login(moderator).get("/moderation/")
    assert response.status_code == 200
    assert [item.pk for item in response.context["items"]] == [crisis.pk, report.item.pk, held.pk]
    html = response.content.decode()
    # Reporters' pseudonyms are for moderators' eyes.
    assert report.reporter.pseudonym in html


def test_the_queue_shows_history_claims_and_context(login, moderator, other_moderator, crisis_item, member):
    from tests.forum.factories import reply

    reply(crisis_item.post.thread, MemberFactory(pseudonym="Fjord"), body="Right after the opening post")
    QueueItemFactory(post=crisis_item.post, kind=QueueItem.Kind.FLAG, status=QueueItem.Status.RESOLVED)
    crisis_item.claimed_by = other_moderator
    crisis_item.save()
    response = login(moderator).get("/moderation/")
    html = response.content.decode()
    assert "Claimed by Harbour" in html
    assert "Right after the opening post" in html
    assert "2 queue items" in html
    assert member.email not in html and member.real_name not in html


def test_the_queue_runs_a_fixed_number_of_queries(login, moderator, topic, assert_constant_queries):
    def one_more_of_each():
        for kind in QueueItem.Kind.values:
            author = MemberFactory()
            item = QueueItemFactory(kind=kind, post=post_by(author, topic=topic), claimed_by=moderator)
            if kind == QueueItem.Kind.REPORT:
                ReportFactory(item=item, post=item.post)
                ReportFactory(item=item, post=item.post)

    one_more_of_each()
    login(moderator)

    def grow():
        for _ in range(5):
            one_more_of_each()

    count = assert_constant_queries("/moderation/", grow, maximum=21)
    print(f"queue page: {count} queries")


def test_the_item_page_runs_a_fixed_number_of_queries(login, moderator, crisis_item, assert_constant_queries):
    from tests.forum.factories import reply

    login(moderator)

    def grow():
        for n in range(6):
            reply(crisis_item.post.thread, MemberFactory(), body=f"Reply {n}")
            ReportFactory(item=QueueItemFactory(post=crisis_item.post, kind=QueueItem.Kind.REPORT, status="resolved"))
            SavedReplyFactory()

    count = assert_constant_queries(crisis_item.get_absolute_url(), grow, maximum=30)
    print(f"item page: {count} queries")


def test_members_and_providers_cannot_reach_the_queue(login, member, provider, client):
    assert client.get("/moderation/").status_code == 302
    assert login(member).get("/moderation/").status_code == 403
    assert login(provider).get("/moderation/").status_code == 403


def test_a_malformed_or_unknown_item_is_404(login, moderator):
    client = login(moderator)
    assert client.get("/moderation/items/999999/").status_code == 404
    assert client.get("/moderation/items/abc/").status_code == 404


# --- Actions through the pages --------------------------------------------------------------------


def test_claiming_then_another_moderator_acting_gets_a_clear_message(client, moderator, other_moderator, crisis_item):
    client.force_login(moderator)
    response = client.post(f"/moderation/items/{crisis_item.pk}/claim/")
    assert response.status_code == 302
    client.force_login(other_moderator)
    response = client.post(f"/moderation/items/{crisis_item.pk}/hide/", {"reason": "Names someone"})
    assert response.status_code == 409
    assert "Lillian is working on this item" in response.content.decode()
    assert ModerationAction.objects.count() == 1
    crisis_item.post.refresh_from_db()
    assert crisis_item.post.status == Post.Status.PUBLISHED


def test_an_empty_hide_reason_keeps_the_form_and_changes_nothing(login, moderator, crisis_item):
    response = login(moderator).post(f"/moderation/items/{crisis_item.pk}/hide/", {"reason": "  "})
    assert response.status_code == 409
    assert "Please write the reason the author will see." in response.content.decode()
    assert not ModerationAction.objects.exists()


def test_a_failed_edit_keeps_what_the_moderator_wrote(login, moderator, crisis_item):
    response = login(moderator).post(
        f"/moderation/items/{crisis_item.pk}/edit/", {"body": "My careful new text", "note": ""}
    )
    assert response.status_code == 409
    assert "My careful new text" in response.content.decode()


def test_reply_with_a_saved_reply_when_the_box_is_empty(login, moderator, crisis_item):
    saved = SavedReplyFactory(body="You are not alone. We are glad you wrote.")
    response = login(moderator).post(
        f"/moderation/items/{crisis_item.pk}/reply/",
        {"reply-saved_reply": saved.pk, "reply-body": "", "reply-resolve": "on"},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/moderation/"
    reply = Post.objects.filter(author=moderator).get()
    assert reply.body == saved.body
    crisis_item.refresh_from_db()
    assert crisis_item.status == QueueItem.Status.RESOLVED


def test_acting_twice_through_the_page_shows_who_handled_it(login, moderator, crisis_item):
    client = login(moderator)
    assert client.post(f"/moderation/items/{crisis_item.pk}/approve/").status_code == 302
    response = client.post(f"/moderation/items/{crisis_item.pk}/approve/")
    assert response.status_code == 409
    assert "already handled by Lillian" in response.content.decode()
    assert ModerationAction.objects.filter(action="approve").count() == 1


def test_unknown_action_is_404_and_get_is_405(login, moderator, crisis_item):
    client = login(moderator)
    assert client.post(f"/moderation/items/{crisis_item.pk}/delete-everything/").status_code == 404
    assert client.get(f"/moderation/items/{crisis_item.pk}/claim/").status_code == 405


def test_a_suspension_through_the_page(login, moderator, crisis_item, member):
    response = login(moderator).post(
        f"/moderation/items/{crisis_item.pk}/sanction/",
        {"kind": "suspension", "reason": "Please take a break.", "ends_at": "2099-01-01T10:00"},
    )
    assert response.status_code == 302
    client = login(member)
    html = client.get("/moderation/notes/").content.decode()
    assert "Please take a break." in html
    assert "1 Jan 2099" in html


# --- Saved replies and watched words --------------------------------------------------------------


def test_moderators_manage_saved_replies(login, moderator):
    client = login(moderator)
    response = client.post("/moderation/saved-replies/", {"title": "Welcome", "body": "Welcome to the forum."})
    assert response.status_code == 302
    saved = SavedReply.objects.get(title="Welcome")
    response = client.post(f"/moderation/saved-replies/{saved.pk}/", {"title": "Welcome!", "body": "Welcome here."})
    assert response.status_code == 302
    saved.refresh_from_db()
    assert saved.title == "Welcome!"
    response = client.post("/moderation/saved-replies/", {"title": "", "body": "Kept text"})
    assert response.status_code == 400
    assert "Kept text" in response.content.decode()
    client.post(f"/moderation/saved-replies/{saved.pk}/delete/")
    assert not SavedReply.objects.filter(pk=saved.pk).exists()


def test_a_saved_reply_for_health_advice_points_to_ones_own_care_team(db):
    # Seeded by a migration, in English and Norwegian, for the "health advice" flags.
    bodies = " ".join(SavedReply.objects.values_list("body", flat=True))
    assert "your own doctor or care team" in bodies
    assert "din egen lege eller ditt behandlingsteam" in bodies


def test_moderators_add_and_turn_off_watched_words(login, moderator):
    client = login(moderator)
    response = client.post(
        "/moderation/watched-words/", {"phrase": "  Bad   Word ", "language": "en", "action": "hold"}
    )
    assert response.status_code == 302
    word = WatchedWord.objects.get(phrase="bad word")
    response = client.post("/moderation/watched-words/", {"phrase": "bad word", "language": "en", "action": "flag"})
    assert response.status_code == 400
    assert "on the list already" in response.content.decode()
    client.post(f"/moderation/watched-words/{word.pk}/toggle/")
    word.refresh_from_db()
    assert not word.is_active
    assert ModerationAction.objects.filter(action="watched_word").count() == 2


def test_the_default_crisis_list_is_seeded_in_both_languages(db):
    crisis = WatchedWord.objects.filter(action="crisis")
    assert crisis.filter(language="en", phrase="kill myself").exists()
    assert crisis.filter(language="nb", phrase="drep meg").exists()


# --- Members ---------------------------------------------------------------------------------------


def test_a_member_reports_a_post_and_sees_the_outcome(login, other_member, member_post, moderator):
    client = login(other_member)
    assert client.get(f"/moderation/report/{member_post.pk}/").status_code == 200
    response = client.post(f"/moderation/report/{member_post.pk}/", {"reason": "hostile", "details": ""})
    assert response.status_code == 302
    html = client.get("/moderation/my-reports/").content.decode()
    assert "Waiting for a peer moderator" in html
    report = Report.objects.get()
    from moderation import services

    services.hide(moderator=moderator, item=report.item, reason="Hurtful")
    html = client.get("/moderation/my-reports/").content.decode()
    assert "A peer moderator acted on it" in html


def test_the_reported_member_is_not_told_who_reported(login, other_member, member, member_post, moderator):
    login(other_member).post(f"/moderation/report/{member_post.pk}/", {"reason": "hostile"})
    from moderation import services

    services.hide(moderator=moderator, item=Report.objects.get().item, reason="Hurtful words")
    client = login(member)
    html = client.get("/moderation/notes/").content.decode() + client.get("/notifications/").content.decode()
    assert "Hurtful words" in html
    assert other_member.pseudonym not in html


def test_a_report_with_bad_input_keeps_the_form(login, other_member, member_post):
    response = login(other_member).post(f"/moderation/report/{member_post.pk}/", {"reason": "other", "details": ""})
    assert response.status_code == 400
    assert "few words" in response.content.decode()
    assert not Report.objects.exists()


def test_a_report_on_a_removed_post_gets_a_clear_message(login, other_member, member_post):
    Post.objects.filter(pk=member_post.pk).update(status=Post.Status.REMOVED_BY_AUTHOR)
    response = login(other_member).post(f"/moderation/report/{member_post.pk}/", {"reason": "spam"})
    assert response.status_code == 400
    assert "removed already" in response.content.decode()


def test_a_report_on_an_invisible_post_is_404(login, other_member):
    assert login(other_member).get("/moderation/report/999999/").status_code == 404
    assert login(other_member).get("/moderation/report/x/").status_code == 404


def test_my_reports_shows_only_my_own(login, other_member, member, member_post):
    ReportFactory(post=member_post, item=QueueItemFactory(post=member_post, kind="report"), reporter=MemberFactory())
    html = login(other_member).get("/moderation/my-reports/").content.decode()
    assert "You have not reported any posts." in html


def test_my_reports_runs_a_fixed_number_of_queries(login, other_member, topic, assert_constant_queries):
    login(other_member)

    def grow():
        for _ in range(5):
            post = post_by(MemberFactory(), topic=topic)
            ReportFactory(post=post, item=QueueItemFactory(post=post, kind="report"), reporter=other_member)

    grow()
    assert_constant_queries("/moderation/my-reports/", grow, maximum=16)


def test_a_check_in_is_read_on_its_own_private_page(login, member, moderator, crisis_item):
    from moderation import services

    message = services.send_check_in(moderator=moderator, item=crisis_item, body="Thinking of you.")
    response = login(member).get(message.get_absolute_url())
    assert response.status_code == 200
    assert "Thinking of you." in response.content.decode()
    assert "Mark as read" in response.content.decode()


def test_opening_a_check_in_does_not_mark_it_read_its_button_does(login, member, moderator, crisis_item):
    from moderation import services

    message = services.send_check_in(moderator=moderator, item=crisis_item, body="Thinking of you.")
    client = login(member)
    client.get(message.get_absolute_url())
    client.head(message.get_absolute_url())
    assert ModeratorCheckIn.objects.get().read_at is None
    response = client.post(message.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == "/moderation/notes/"
    first = ModeratorCheckIn.objects.get().read_at
    assert first is not None
    # A second click changes nothing, and the page now says when it was read.
    client.post(message.get_absolute_url())
    assert ModeratorCheckIn.objects.get().read_at == first
    html = client.get(message.get_absolute_url()).content.decode()
    assert "You marked this as read" in html and "Mark as read" not in html


def test_another_members_check_in_cannot_be_marked_read(login, member, other_member, moderator, crisis_item):
    from moderation import services

    message = services.send_check_in(moderator=moderator, item=crisis_item, body="Thinking of you.")
    assert login(other_member).post(message.get_absolute_url()).status_code == 404
    assert ModeratorCheckIn.objects.get().read_at is None
    assert not services.mark_check_in_read(member=other_member, check_in=message)
    assert ModeratorCheckIn.objects.get().read_at is None


def test_the_support_page_shows_113_and_the_communitys_contacts(login, member, nordvik):
    from tests.factories import CrisisContactFactory

    CrisisContactFactory(community=nordvik, name="Nordvik legevakt", phone="116 117")
    html = login(member).get("/moderation/support/?next=/forum/").content.decode()
    assert "You are not alone" in html
    assert "call 113" in html
    assert "Nordvik legevakt" in html


def test_the_support_page_never_sends_people_elsewhere(login, member):
    html = login(member).get("/moderation/support/?next=https://evil.example/").content.decode()
    assert 'href="https://evil.example/"' not in html
    assert 'href="/forum/"' in html


def test_notes_page_runs_a_fixed_number_of_queries(login, member, moderator, topic, assert_constant_queries):
    from moderation import services

    login(member)

    def grow():
        for _ in range(3):
            item = QueueItemFactory(post=post_by(member, topic=topic), kind="flag")
            services.send_check_in(moderator=moderator, item=item, body="Hello")
            services.edit(moderator=moderator, item=item, body="Edited", note="Took out a name")
            services.hide(moderator=moderator, item=item, reason="Names someone")
            services.sanction_member(moderator=moderator, member=member, kind="warning", reason="Be kind")

    grow()
    assert_constant_queries("/moderation/notes/", grow, maximum=20)


def test_the_log_runs_a_fixed_number_of_queries(login, moderator, topic, assert_constant_queries):
    from moderation import services

    login(moderator)

    def grow():
        for _ in range(4):
            item = QueueItemFactory(post=post_by(MemberFactory(), topic=topic), kind="flag")
            services.claim_item(moderator=moderator, item=item)
            services.set_pinned(moderator=moderator, thread=item.post.thread, pinned=True, item=item)
            services.dismiss(moderator=moderator, item=item, reason="Fine")

    grow()
    assert_constant_queries("/moderation/log/", grow, maximum=16)


def test_saved_replies_and_watched_words_run_a_fixed_number_of_queries(login, moderator, assert_constant_queries):
    from tests.moderation.factories import WatchedWordFactory

    login(moderator)

    def grow():
        for _ in range(5):
            SavedReplyFactory()
            WatchedWordFactory()

    grow()
    assert_constant_queries("/moderation/saved-replies/", grow, maximum=14)
    assert_constant_queries("/moderation/watched-words/", grow, maximum=14)
