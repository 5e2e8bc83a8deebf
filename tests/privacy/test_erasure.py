"""Account deletion: personal data goes, threads keep their posts, nothing is left half-done."""

import re
import threading
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import connection, connections
from django.utils import timezone

from cafes.models import Rsvp
from forum import services as forum_services
from forum.models import Boundary, Circle, CircleMembership, Post, Reaction, Reveal, Thread
from forum.text import quote_markdown
from messaging.models import Attachment, Conversation, Message
from moderation.models import ModerationAction, Report
from reconnect.core.crypto import EncryptedTextField
from reconnect.core.models import AccessLogEntry, Notification
from reconnect.privacy import services
from reconnect.privacy.models import ErasureRequest
from tests.cafes.factories import CompanionPostFactory, MeetingFactory
from tests.factories import TEST_PASSWORD, MemberFactory
from tests.privacy.builders import use_everything
from toolbox.models import CheckIn, CrisisPlan, Goal, Medication, NetworkPerson, Share, Step

pytestmark = pytest.mark.usefixtures("private_storage", "forum_settings")
User = get_user_model()


def raw_dump() -> dict[str, str]:
    """Every row of every table of the database, as the database prints it."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
        tables = [row[0] for row in cursor.fetchall()]
        dump = {}
        for table in tables:
            cursor.execute(f"SELECT string_agg(t::text, E'\\n') FROM \"{table}\" t")  # noqa: S608 - names from the catalogue
            dump[table] = cursor.fetchone()[0] or ""
    return dump


def find(dump: dict[str, str], needle: str) -> list[str]:
    return [table for table, text in dump.items() if needle.lower() in text.lower()]


def decrypted_dump() -> dict[str, str]:
    """Every encrypted column of every model, decrypted: the raw dump cannot see into these."""
    dump = {}
    for model in apps.get_models():
        names = [f.attname for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            rows = model._default_manager.values_list(*names)
            dump[model._meta.label] = "\n".join(str(value) for row in rows for value in row)
    return dump


@pytest.fixture
def everything(member, other_member, provider, moderator):
    return use_everything(member, other=other_member, provider=provider, moderator=moderator)


def test_the_delete_page_explains_what_happens_and_the_retention_rule(login, member, settings):
    settings.PRIVACY_MESSAGES_KEPT_DAYS = 3650
    page = login(member).get("/me/delete/").content.decode()
    assert "What is deleted" in page
    assert "Former member" in page
    assert "3650 days" in page
    settings.PRIVACY_MESSAGES_KEPT_DAYS = 0
    page = login(member).get("/me/delete/").content.decode()
    assert "are deleted with your account" in page


def _delete_page(client, language: str) -> str:
    client.cookies["django_language"] = language
    return client.get("/me/delete/").content.decode()


@pytest.mark.parametrize(
    ("days", "english", "norwegian"),
    [
        (90, "for 90 days, and then", "i 90 dager, og slettes"),
        (365, "for 365 days (about 1 year)", "i 365 dager (omtrent 1 år)"),
        (3650, "for 3650 days (about 10 years)", "i 3650 dager (omtrent 10 år)"),
    ],
)
def test_the_retention_period_reads_naturally_in_both_languages(login, member, settings, days, english, norwegian):
    settings.PRIVACY_MESSAGES_KEPT_DAYS = days
    client = login(member)
    assert english in " ".join(_delete_page(client, "en").split())
    page = " ".join(_delete_page(client, "nb").split())
    assert norwegian in page
    assert not re.search(r"\b0(,\d)? år", page)


@pytest.mark.parametrize(("few_posts", "shown"), [(0, False), (1, False), (3, True)])
def test_the_few_posts_rule_is_only_explained_when_it_can_apply(login, member, settings, few_posts, shown):
    settings.PRIVACY_FEW_POSTS = few_posts
    client = login(member)
    assert ("whatever you choose" in _delete_page(client, "en")) is shown
    assert ("uansett hva du velger" in _delete_page(client, "nb")) is shown


def test_deleting_needs_the_password_again_and_changes_nothing_before(login, member):
    response = login(member).post("/me/delete/", {"posts": "remove", "confirm": "on"})
    assert response["Location"].startswith("/accounts/reauthenticate/")
    member.refresh_from_db()
    assert member.is_active and not member.is_erased


def test_deleting_without_ticking_the_box_keeps_the_choice_and_changes_nothing(login, reauthenticate, member):
    client = login(member)
    reauthenticate()
    response = client.post("/me/delete/", {"posts": "keep"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please tick the box" in page
    assert 'value="keep" required id="id_posts_1" checked' in page or ('value="keep"' in page and "checked" in page)
    member.refresh_from_db()
    assert not member.is_erased


@pytest.mark.parametrize("posts", [None, "", "maybe"])
def test_deleting_without_a_choice_for_the_posts_says_so_and_keeps_the_ticked_box(login, reauthenticate, member, posts):
    client = login(member)
    reauthenticate()
    data = {"confirm": "on"} if posts is None else {"posts": posts, "confirm": "on"}
    response = client.post("/me/delete/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please choose what happens to your forum posts." in page
    assert 'aria-describedby="posts-errors"' in page
    assert re.search(r'name="confirm"[^>]*checked', page)
    member.refresh_from_db()
    assert not member.is_erased


def test_a_form_shown_again_after_the_password_posts_back_to_the_delete_page(login, member):
    # allauth replays the suspended POST on the re-authentication page's own address; a form
    # without an action would then post to that page instead and delete nothing.
    client = login(member)
    response = client.post("/me/delete/", {"posts": "keep"})
    assert response["Location"].startswith("/accounts/reauthenticate/")
    response = client.post(response["Location"], {"password": TEST_PASSWORD})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please tick the box" in page
    assert 'action="/me/delete/"' in page
    response = client.post("/me/delete/", {"posts": "keep", "confirm": "on"})
    assert response["Location"] == "/me/deleted/"
    member.refresh_from_db()
    assert member.is_erased


def test_a_deletion_asked_for_before_the_password_goes_ahead_once_it_is_confirmed(login, member):
    client = login(member)
    response = client.post("/me/delete/", {"posts": "remove", "confirm": "on"})
    response = client.post(response["Location"], {"password": TEST_PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/me/deleted/"
    member.refresh_from_db()
    assert member.is_erased
    assert client.get("/me/")["Location"].startswith("/accounts/login/")


def test_a_member_deletes_their_account_and_is_signed_out_everywhere(login, reauthenticate, client, member, everything):
    other_device = type(client)()
    other_device.force_login(member)
    assert other_device.get("/me/").status_code == 200
    client = login(member)
    reauthenticate()
    response = client.post("/me/delete/", {"posts": "remove", "confirm": "on"}, follow=True)
    assert response.redirect_chain[-1][0] == "/me/deleted/"
    assert "Your account is deleted" in response.content.decode()
    assert client.get("/me/")["Location"].startswith("/accounts/login/")
    assert other_device.get("/me/")["Location"].startswith("/accounts/login/")
    # Nobody can sign in with the old address and password any more.
    assert not client.login(username="member@example.net", password=TEST_PASSWORD)
    assert not Session.objects.filter(session_key=other_device.session.session_key).exists()


def test_erasure_deletes_the_personal_things_and_keeps_threads_whole(member, other_member, everything, settings):
    settings.PRIVACY_MESSAGES_KEPT_DAYS = 0
    thread = everything["thread"]
    counts_before = dict(Thread.objects.values_list("pk", "post_count"))
    request = services.erase_account(user=member, keep_post_text=False)

    for model in (Goal, Step, CrisisPlan, NetworkPerson, Medication, CheckIn, Share, Rsvp):
        field = "goal__member" if model is Step else ("user" if model is Rsvp else "member")
        assert not model.objects.filter(**{field: member}).exists(), model
    assert not Reaction.objects.filter(user=member).exists()
    assert not Reveal.objects.filter(owner=member).exists()
    assert not Boundary.objects.filter(owner=member).exists()
    assert not CircleMembership.objects.filter(user=member).exists()
    assert not Conversation.objects.filter(member=member).exists()
    assert not Attachment.objects.exists()
    # Every thread that still exists keeps its number of posts and its rows.
    for pk, count in Thread.objects.values_list("pk", "post_count"):
        assert count == counts_before[pk] == Post.objects.filter(thread_id=pk).count()
    # The circle only the member was in is gone; the shared one stays for the other member.
    assert not Circle.objects.filter(pk=everything["lonely_circle"].pk).exists()
    assert Circle.objects.filter(pk=everything["shared_circle"].pk).exists()

    member.refresh_from_db()
    assert member.is_erased and not member.is_active and not member.has_usable_password()
    assert member.display_name.startswith("Former member ")
    assert member.email.endswith("@erased.invalid")
    assert (member.pseudonym, member.real_name, member.community_id) == (None, "", None)
    assert thread.posts.filter(author=member).first().status == Post.Status.REMOVED_BY_AUTHOR
    assert request.completed_at is not None
    assert request.counts["toolbox.goals"] == 1
    assert request.counts["forum.circles_removed"] == 1
    # The report stays as the moderators' record of what happened, without the words they wrote.
    report = Report.objects.get(pk=everything["report"].pk)
    assert (report.reporter_id, report.reason, report.details) == (member.pk, "other", "")


def test_after_erasure_no_table_holds_the_members_email_name_or_pseudonym(member, everything, settings):
    settings.PRIVACY_MESSAGES_KEPT_DAYS = 0
    before = raw_dump()
    identity = ["member@example.net", "Ingrid Nilsen", "Lighthouse"]
    assert all(find(before, value) for value in identity), "the dump must hold them before"

    services.erase_account(user=member, keep_post_text=False)

    after = raw_dump()
    for value in identity:
        assert find(after, value) == [], f"{value!r} is still in {find(after, value)}"
    assert find(after, "Walk to the harbour") == []  # and nothing of their own words
    assert find(after, "Evenings are the hardest part") == []
    assert find(after, "Long evenings") == []  # the title of the thread they started went too
    # Encrypted columns too, read through the key: the free text of the reports they filed went.
    decrypted = decrypted_dump()
    assert find(decrypted, "My brother Ola") == []
    for value in identity:
        assert find(decrypted, value) == [], f"{value!r} is still in {find(decrypted, value)}"


def test_kept_messages_are_the_only_place_allowed_to_keep_anything_and_only_encrypted(member, everything, settings):
    settings.PRIVACY_MESSAGES_KEPT_DAYS = 3650
    services.erase_account(user=member, keep_post_text=False)
    conversation = Conversation.objects.get(pk=everything["conversation"].pk)
    assert conversation.member_id == member.pk
    assert Message.objects.filter(conversation=conversation).count() == 1
    # The retention rule allows these tables to keep the conversation; they hold it encrypted.
    allowed = {"messaging_conversation", "messaging_message", "messaging_attachment", "messaging_participant"}
    after = raw_dump()
    for value in ["member@example.net", "Ingrid Nilsen", "Lighthouse", conversation.subject]:
        assert set(find(after, value)) <= allowed
        assert find(after, value) == []  # encrypted even there


def test_kept_post_texts_stay_under_the_former_member_name_and_quotes_follow(member, everything):
    services.erase_account(user=member, keep_post_text=True)
    member.refresh_from_db()
    assert Thread.objects.get(pk=everything["thread"].pk).title == "Long evenings"
    first = everything["posts"][0]
    first.refresh_from_db()
    assert first.body == "Evenings are the hardest part for me."
    assert first.status == Post.Status.PUBLISHED
    quote = everything["quote"]
    quote.refresh_from_db()
    assert f"> **{member.display_name}**:" in quote.body
    assert "Lighthouse" not in quote.body and "Lighthouse" not in quote.body_html
    assert "Evenings are the hardest part for me." in quote.body


def test_removed_post_texts_take_the_quotes_with_them(member, everything):
    services.erase_account(user=member, keep_post_text=False)
    quote = everything["quote"]
    quote.refresh_from_db()
    assert "Evenings are the hardest part" not in quote.body
    assert "(removed)" in quote.body
    assert "Same here." in quote.body  # the other member's own words stay


def test_a_member_with_very_few_posts_has_them_removed_whatever_they_chose(
    member, other_member, provider, moderator, settings
):
    settings.PRIVACY_FEW_POSTS = 3
    made = use_everything(member, other=other_member, provider=provider, moderator=moderator, posts=1)
    # One post in the topic and one in the circle that goes: fewer than three.
    services.erase_account(user=member, keep_post_text=True)
    first = made["posts"][0]
    first.refresh_from_db()
    assert first.body == ""
    assert first.status == Post.Status.REMOVED_BY_AUTHOR


def test_posts_nobody_can_read_do_not_count_towards_keeping_the_texts(
    member, other_member, provider, moderator, settings
):
    settings.PRIVACY_FEW_POSTS = 3
    made = use_everything(member, other=other_member, provider=provider, moderator=moderator, posts=4)
    # Four posts written, but they took three back themselves: one is left for others to read.
    Post.objects.filter(pk__in=[post.pk for post in made["posts"][1:]]).update(
        status=Post.Status.REMOVED_BY_AUTHOR, body=""
    )
    services.erase_account(user=member, keep_post_text=True)
    first = made["posts"][0]
    first.refresh_from_db()
    assert first.body == ""


def test_the_thread_page_shows_the_former_member_name_without_a_link(login, member, other_member, everything):
    services.erase_account(user=member, keep_post_text=True)
    member.refresh_from_db()
    page = login(other_member).get(everything["thread"].get_absolute_url()).content.decode()
    assert member.display_name in page
    assert "Lighthouse" not in page
    assert "/forum/people/None/" not in page


def test_deleting_twice_is_refused_with_a_clear_message(member):
    services.erase_account(user=member, keep_post_text=False)
    with pytest.raises(services.PrivacyError, match="already been deleted"):
        services.erase_account(user=member, keep_post_text=False)
    assert ErasureRequest.objects.count() == 1


def test_staff_accounts_are_not_deleted_from_the_member_page(provider):
    with pytest.raises(services.PrivacyError):
        services.erase_account(user=provider, keep_post_text=False)
    provider.refresh_from_db()
    assert provider.is_active


def test_the_deletion_is_written_to_the_access_log_and_the_admin_list_holds_no_contents(
    login, member, admin_user, everything
):
    services.erase_account(user=member, keep_post_text=False)
    assert AccessLogEntry.objects.filter(subject=member, action="erasure_requested", actor_name="").exists()
    page = login(admin_user).get("/admin/privacy/erasurerequest/").content.decode()
    request = ErasureRequest.objects.get()
    assert f"/admin/privacy/erasurerequest/{request.pk}/" in page
    detail = login(admin_user).get(f"/admin/privacy/erasurerequest/{request.pk}/change/").content.decode()
    assert "toolbox.goals" in detail
    assert "Walk to the harbour" not in detail and "Lighthouse" not in detail


def test_a_failure_halfway_leaves_everything_as_it_was(member, everything, monkeypatch):
    from reconnect.privacy import registry

    broken = registry.Section(key="zz-broken", title="", items=(), erase=lambda user, plan: 1 / 0, order=99)
    monkeypatch.setitem(registry._sections, "zz-broken", broken)
    with pytest.raises(ZeroDivisionError):
        services.erase_account(user=member, keep_post_text=False)
    member.refresh_from_db()
    assert not member.is_erased and member.email == "member@example.net"
    assert Goal.objects.filter(member=member).exists()
    assert Post.objects.filter(author=member).exclude(body="").exists()
    assert not ErasureRequest.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_deletions_at_the_same_time_make_one_and_the_other_gets_a_clear_message():
    member = MemberFactory(email="twice@example.net", pseudonym="Twice", real_name="Tove Tvedt")
    results: list[str] = []
    barrier = threading.Barrier(2)

    def delete():
        barrier.wait()
        try:
            services.erase_account(user=member, keep_post_text=False)
            results.append("deleted")
        except services.PrivacyError as exc:
            results.append(exc.message)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=delete) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results) == ["This account has already been deleted.", "deleted"]
    assert ErasureRequest.objects.count() == 1
    assert User.objects.get(pk=member.pk).is_erased


def test_removed_texts_take_the_titles_of_threads_they_started_and_the_thread_still_reads(
    login, member, other_member, everything
):
    services.erase_account(user=member, keep_post_text=False)
    thread = Thread.objects.get(pk=everything["thread"].pk)
    assert thread.title == ""
    client = login(other_member)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "A thread by a former member" in page
    assert "Same here." in page
    assert "A thread by a former member" in client.get("/forum/").content.decode()


def test_only_links_to_the_deleted_persons_profile_are_cleared_from_others_notifications(other_member):
    from reconnect.core.models import Notification

    # A pseudonym that is also part of ordinary addresses ("/forum/...").
    leaver = MemberFactory(pseudonym="Forum", community=other_member.community)
    about_leaver = Notification.objects.create(
        user=other_member, kind="forum.reveal", url="/forum/people/Forum/", params={"pseudonym": "Forum"}
    )
    reply = Notification.objects.create(
        user=other_member, kind="forum.reply", url="/forum/threads/7/#post-12", params={"pseudonym": "Birch"}
    )
    services.erase_account(user=leaver, keep_post_text=False)
    about_leaver.refresh_from_db()
    reply.refresh_from_db()
    assert about_leaver.url == "" and about_leaver.params["pseudonym"].startswith("Former member")
    assert reply.url == "/forum/threads/7/#post-12"
    assert reply.params == {"pseudonym": "Birch"}


def _quote_reply(*, author, post, extra="I know that street."):
    return forum_services.post_reply(
        author=author,
        thread=post.thread,
        body=quote_markdown(post.author.display_name, post.body) + extra,
        quote_of=post,
    )


@pytest.mark.parametrize("keep_post_text", [True, False])
def test_a_quote_of_an_earlier_version_of_a_post_goes_whatever_the_member_chose(
    member, other_member, everything, keep_post_text
):
    post = everything["posts"][1]
    forum_services.edit_post(post=post, editor=member, body="I live at Fjordgata 12, above the bakery.")
    reply = _quote_reply(author=other_member, post=post)
    forum_services.edit_post(post=post, editor=member, body="I live in town.")

    services.erase_account(user=member, keep_post_text=keep_post_text)

    reply.refresh_from_db()
    assert "Fjordgata" not in reply.body and "Fjordgata" not in reply.body_html
    assert "(removed)" in reply.body
    assert "I know that street." in reply.body  # the other member's own words stay
    assert find(raw_dump(), "Fjordgata") == []


def test_a_quote_of_the_kept_text_stays_when_the_member_keeps_their_posts(member, other_member, everything):
    post = everything["posts"][1]
    reply = _quote_reply(author=other_member, post=post, extra="Glad to hear it.")
    services.erase_account(user=member, keep_post_text=True)
    reply.refresh_from_db()
    member.refresh_from_db()
    assert f"> **{member.display_name}**:" in reply.body
    assert "Walking helped me today (0)." in reply.body


def test_a_quote_of_a_quote_loses_the_members_words_too(member, other_member, moderator, everything):
    quote = everything["quote"]  # the other member quoting the member
    nested = _quote_reply(author=moderator, post=quote, extra="Thank you both.")
    assert "> > Evenings are the hardest part" in nested.body

    services.erase_account(user=member, keep_post_text=False)

    nested.refresh_from_db()
    assert "Evenings are the hardest part" not in nested.body
    assert "Lighthouse" not in nested.body and "Lighthouse" not in nested.body_html
    assert "Same here." in nested.body and "Thank you both." in nested.body


def test_a_moderators_edit_log_keeps_no_earlier_version_of_a_deleted_members_post(member, moderator, everything):
    post = everything["posts"][1]
    ModerationAction.objects.create(
        actor=moderator,
        action=ModerationAction.Action.EDIT,
        post=post,
        thread=post.thread,
        subject=member,
        reason="Took out the street name.",
        before_text="My flat at Fjordgata 12 is too quiet.",
        after_text="My flat is too quiet.",
    )
    post.body = "My flat is too quiet."
    post.save(update_fields=["body"])

    services.erase_account(user=member, keep_post_text=True)

    action = ModerationAction.objects.get(post=post)
    assert "Fjordgata" not in action.before_text + action.after_text
    assert action.reason == "Took out the street name."  # the moderators' own note stays
    post.refresh_from_db()
    assert post.body == "My flat is too quiet."  # the text the member chose to keep


@pytest.mark.parametrize("kind", ["mute", "block"])
def test_a_mute_or_block_of_a_deleted_member_keeps_working_and_reads_well(
    login, member, other_member, everything, kind
):
    forum_services.set_boundary(owner=other_member, target=member, kind=kind)
    services.erase_account(user=member, keep_post_text=True)
    member.refresh_from_db()
    assert Boundary.objects.filter(owner=other_member, target=member, kind=kind).exists()
    client = login(other_member)
    # Their posts stay folded for the person who muted or blocked them.
    thread_page = client.get(everything["thread"].get_absolute_url()).content.decode()
    assert "Show anyway" in thread_page
    settings_page = client.get("/forum/settings/")
    assert settings_page.status_code == 200
    page = settings_page.content.decode()
    assert member.display_name in page
    assert "Lighthouse" not in page and "/forum/people/None/" not in page
    # Without a profile page to go to, the settings page is where the mute or block is undone.
    boundary = Boundary.objects.get(owner=other_member, target=member)
    assert f"/forum/settings/boundaries/{boundary.pk}/remove/" in page
    undone = client.post(f"/forum/settings/boundaries/{boundary.pk}/remove/", follow=True)
    assert "is no longer muted or blocked" in undone.content.decode()
    assert not Boundary.objects.filter(owner=other_member, target=member).exists()


@pytest.mark.parametrize("deleted_role", ["author", "accepted_by"])
def test_company_arranged_for_a_coming_cafe_is_called_off_for_the_other_person(member, other_member, deleted_role):
    coming, past = MeetingFactory(), MeetingFactory(starts_at=timezone.now() - timedelta(days=3))
    people = {"author": member, "accepted_by": other_member}
    for meeting in (coming, past):
        CompanionPostFactory(meeting=meeting, accepted_at=timezone.now(), **people)
    staying = other_member if deleted_role == "author" else member
    services.erase_account(user=people[deleted_role], keep_post_text=False)
    notes = Notification.objects.filter(user=staying, kind="cafes.company_off")
    # Only the café still to come: a past one needs no calling off.
    assert [note.url for note in notes] == [coming.get_absolute_url()]
    assert "the other person can no longer come" in notes[0].text
    assert member.pseudonym not in notes[0].text and other_member.pseudonym not in notes[0].text
