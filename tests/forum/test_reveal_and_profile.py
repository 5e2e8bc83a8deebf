from forum import services
from forum.models import Boundary, Reveal
from tests.forum.factories import ThreadFactory


def test_a_reveal_is_shown_next_to_the_pseudonym_only_to_its_viewer(login, member, other_member, moderator, topic):
    thread = ThreadFactory(author=member, topic=topic)
    response = login(member).post("/forum/people/Northern%20Star/reveal/", {"first_name": "Ingrid", "show_cafe": "on"})
    assert response.status_code == 302
    reveal = Reveal.objects.get()
    assert reveal.cafe_community == member.community
    page = login(other_member).get(thread.get_absolute_url()).content.decode()
    assert "(Ingrid · comes to the café in Nordvik)" in page
    profile = login(other_member).get("/forum/people/Lighthouse/").content.decode()
    assert "First name: Ingrid" in profile and "Comes to the café in Nordvik" in profile
    # The moderator lives in Nordvik too, so only the revealed sentence is looked for.
    for page in (
        login(moderator).get(thread.get_absolute_url()).content.decode(),
        login(moderator).get("/forum/people/Lighthouse/").content.decode(),
    ):
        assert "Ingrid" not in page and "omes to the café in Nordvik" not in page


def test_a_reveal_can_be_taken_back(login, member, other_member, topic):
    services.reveal_identity(owner=member, viewer=other_member, first_name="Ingrid")
    assert login(member).post("/forum/people/Northern%20Star/reveal/revoke/").status_code == 302
    assert not Reveal.objects.exists()
    assert "Ingrid" not in login(other_member).get("/forum/people/Lighthouse/").content.decode()


def test_blocking_hides_ones_reveals_from_the_blocked_member(login, member, other_member):
    services.reveal_identity(owner=member, viewer=other_member, first_name="Ingrid")
    services.set_boundary(owner=member, target=other_member, kind=Boundary.Kind.BLOCK)
    assert "Ingrid" not in login(other_member).get("/forum/people/Lighthouse/").content.decode()


def test_a_reveal_needs_something_to_share(login, member, other_member):
    response = login(member).post("/forum/people/Northern%20Star/reveal/", {"first_name": ""}, follow=True)
    assert "Choose at least one thing to share." in response.content.decode()
    assert not Reveal.objects.exists()


def test_profile_shows_member_since_post_count_and_moderator_badge_and_nothing_else(login, member, moderator, topic):
    ThreadFactory(author=moderator, topic=topic)
    response = login(member).get("/forum/people/lillian/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Peer moderator" in page and "Member since" in page
    assert response.context["post_count"] == 1
    for private in (moderator.email, moderator.real_name, "Elvdal"):
        assert private not in page


def test_providers_and_unknown_people_have_no_profile(login, member, provider):
    client = login(member)
    assert client.get("/forum/people/Nobody/").status_code == 404
    assert client.get(f"/forum/people/{provider.real_name}/").status_code == 404


def test_muting_oneself_is_refused(login, member):
    response = login(member).post("/forum/people/Lighthouse/boundary/", {"kind": "mute"}, follow=True)
    assert "You cannot do that to yourself." in response.content.decode()
    assert not Boundary.objects.exists()


def test_settings_list_boundaries_and_reveals(login, member, other_member):
    services.set_boundary(owner=member, target=other_member, kind=Boundary.Kind.MUTE)
    services.reveal_identity(owner=member, viewer=other_member, first_name="Ingrid")
    page = login(member).get("/forum/settings/").content.decode()
    assert "Northern Star" in page and "Muted" in page and "Ingrid" in page
