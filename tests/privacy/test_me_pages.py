"""The /me/ pages about one's data: overview, privacy choices, and their query budgets."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from reconnect.privacy import services
from reconnect.privacy.models import DataExport
from tests.forum.factories import ThreadFactory, TopicFactory, reply
from tests.privacy.builders import use_everything

pytestmark = pytest.mark.usefixtures("private_storage", "forum_settings")


def test_the_overview_shows_what_the_portal_holds_per_app_with_counts_and_links(
    login, member, other_member, provider, moderator
):
    use_everything(member, other=other_member, provider=provider, moderator=moderator)
    page = login(member).get("/me/data/").content.decode()
    for heading in ("My account", "Forum", "Recovery toolbox", "Cafés", "Messages with the care team"):
        assert heading in page
    assert 'href="/toolbox/goals/"' in page
    assert 'href="/me/export/"' in page and 'href="/me/delete/"' in page


def test_a_provider_sees_their_own_data_without_peer_or_toolbox_sections(login, provider):
    page = login(provider).get("/me/data/").content.decode()
    assert "Messages with the care team" in page
    assert "Recovery toolbox" not in page and "Delete my account" not in page


def test_a_member_hides_their_profile_and_others_see_only_the_pseudonym(login, client, member, other_member):
    topic = TopicFactory()
    ThreadFactory(author=member, topic=topic)
    login(member)
    response = client.post("/me/privacy/", {"profile_hidden": "on", "show_post_count": "on"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.profile_hidden
    login(other_member)
    page = client.get("/forum/people/Lighthouse/").content.decode()
    assert "keeps their profile private" in page
    assert "Member since" not in page and "Posts" not in page.split("keeps their profile private")[0][-200:]
    # Mute and block stay possible: they protect the person looking.
    assert "/forum/people/Lighthouse/boundary/" in page


def test_a_member_hides_only_their_post_count(login, client, member, other_member):
    ThreadFactory(author=member, topic=TopicFactory())
    login(member)
    client.post("/me/privacy/", {"show_post_count": ""})
    member.refresh_from_db()
    assert not member.show_post_count and not member.profile_hidden
    login(other_member)
    page = client.get("/forum/people/Lighthouse/").content.decode()
    assert "Member since" in page
    assert "<dt>Posts</dt>" not in page
    # The member still sees their own count.
    login(member)
    assert "<dt>Posts</dt>" in client.get("/forum/people/Lighthouse/").content.decode()


def test_query_budgets_of_the_data_pages_do_not_grow_with_data(
    login, reauthenticate, assert_constant_queries, member, other_member, provider, moderator
):
    login(member)
    reauthenticate()
    thread = ThreadFactory(author=member, topic=TopicFactory())

    def grow():
        use_everything(member, other=other_member, provider=provider, moderator=moderator, posts=6)
        for _ in range(5):
            reply(thread, member)
        for _ in range(4):
            DataExport.objects.create(user=member, status=DataExport.Status.FAILED)

    assert_constant_queries("/me/data/", grow, maximum=14)


@pytest.mark.parametrize("path", ["/me/export/", "/me/delete/", "/me/privacy/"])
def test_query_budgets_of_export_delete_and_privacy_pages(
    path, login, assert_constant_queries, member, other_member, provider, moderator
):
    login(member)

    def grow():
        use_everything(member, other=other_member, provider=provider, moderator=moderator)
        for _ in range(6):
            DataExport.objects.create(user=member, status=DataExport.Status.FAILED)

    assert_constant_queries(path, grow, maximum=14)


def test_overview_counts_of_items_with_the_same_key_in_two_apps_stay_apart(member, moderator):
    # Both the toolbox and moderation have an item called "check_ins".
    from moderation.models import ModeratorCheckIn
    from reconnect.privacy import services
    from tests.toolbox.factories import CheckInFactory

    today = timezone.localdate()
    for days_ago in (1, 2, 3):
        CheckInFactory(member=member, day=today - timedelta(days=days_ago))
    ModeratorCheckIn.objects.create(member=member, moderator=moderator, body="Thinking of you.")
    counts = {
        (section["key"], str(item["label"])): item["count"]
        for section in services.overview(user=member)
        for item in section["items"]
    }
    assert counts[("toolbox", "Daily check-ins")] == 3
    assert counts[("moderation", "Messages from a peer moderator")] == 1


def test_the_access_log_names_the_person_as_the_subject_in_norwegian(login, member):
    services.record_own_action(user=member, action="export_requested")
    client = login(member)
    client.cookies["django_language"] = "nb"
    page = client.get("/me/access-log/").content.decode()
    cells = [" ".join(cell.split()) for cell in re.findall(r"<td>(.*?)</td>", page, flags=re.S)]
    assert "Du" in cells and "Deg" not in cells
