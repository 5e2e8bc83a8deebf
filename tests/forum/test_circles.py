import pytest

from forum import services
from forum.models import Boundary, Circle, CircleMembership
from reconnect.core.models import Notification
from tests.forum.factories import CircleFactory, ThreadFactory, reply


@pytest.fixture
def circle(member):
    return CircleFactory(created_by=member, name="Tuesday walkers")


@pytest.fixture
def circle_thread(member, circle):
    return ThreadFactory(
        author=member, circle=circle, topic=None, title="Secret circle plans", body="Circle words only"
    )


def test_members_form_a_circle_by_invitation(login, member, other_member):
    client = login(member)
    response = client.post("/forum/circles/new/", {"name": "Tuesday walkers"})
    circle = Circle.objects.get()
    assert response["Location"] == circle.get_absolute_url()
    response = client.post(f"/forum/circles/{circle.pk}/invite/", {"pseudonym": "northern star"})
    assert response.status_code == 302
    note = Notification.objects.get(user=other_member)
    assert note.text == "Lighthouse invited you to a circle."
    other = login(other_member)
    assert "Tuesday walkers" in other.get("/forum/circles/").content.decode()
    assert other.get(circle.get_absolute_url()).status_code == 404  # not in until accepted
    response = other.post(f"/forum/circles/{circle.pk}/respond/", {"answer": "accept"})
    assert response["Location"] == circle.get_absolute_url()
    assert other.get(circle.get_absolute_url()).status_code == 200
    # Answering twice (a double submit) changes nothing.
    assert other.post(f"/forum/circles/{circle.pk}/respond/", {"answer": "decline"}).status_code == 404
    assert CircleMembership.objects.get(circle=circle, user=other_member).status == "active"


def test_inviting_an_unknown_pseudonym_says_so_and_saves_nothing(login, member, circle):
    response = login(member).post(f"/forum/circles/{circle.pk}/invite/", {"pseudonym": "Nobody Here"})
    assert response.status_code == 400
    assert "Nobody in the forum has the pseudonym “Nobody Here”." in response.content.decode()
    assert CircleMembership.objects.filter(circle=circle).count() == 1


def test_inviting_twice_makes_one_invitation(login, member, other_member, circle):
    client = login(member)
    for _ in range(2):
        client.post(f"/forum/circles/{circle.pk}/invite/", {"pseudonym": "Northern Star"})
    assert CircleMembership.objects.filter(circle=circle, user=other_member).count() == 1
    assert Notification.objects.filter(user=other_member).count() == 1


def test_providers_cannot_be_invited(login, member, provider, circle):
    response = login(member).post(f"/forum/circles/{circle.pk}/invite/", {"pseudonym": provider.real_name})
    assert response.status_code == 400


def test_declining_and_leaving(login, member, other_member, circle):
    services.invite_to_circle(circle=circle, inviter=member, pseudonym="Northern Star")
    login(other_member).post(f"/forum/circles/{circle.pk}/respond/", {"answer": "decline"})
    assert CircleMembership.objects.get(user=other_member).status == "declined"
    client = login(member)
    assert client.post(f"/forum/circles/{circle.pk}/leave/").status_code == 302
    assert client.get(circle.get_absolute_url()).status_code == 404


def test_a_circle_and_its_threads_are_invisible_to_non_members_everywhere(
    login, member, other_member, moderator, circle, circle_thread, topic
):
    public = ThreadFactory(author=other_member, topic=topic, title="Open thread")
    post = circle_thread.posts.get()
    for outsider in (other_member, moderator):
        client = login(outsider)
        assert client.get(circle_thread.get_absolute_url()).status_code == 404
        assert client.get(post.get_absolute_url()).status_code == 404
        assert client.get(f"/forum/threads/{circle_thread.pk}/reply/").status_code == 404
        assert client.post(f"/forum/posts/{post.pk}/react/", {"kind": "thanks"}).status_code == 404
        assert client.get(circle.get_absolute_url()).status_code == 404
        for url in [
            "/forum/",
            "/forum/search/?q=circle",
            "/forum/search/?q=secret",
            f"/forum/people/{member.pseudonym}/",
        ]:
            page = client.get(url).content.decode()
            assert "Secret circle plans" not in page and "Circle words" not in page and "Tuesday walkers" not in page
        # The profile's post count leaves out posts the viewer cannot see.
        assert client.get(f"/forum/people/{member.pseudonym}/").context["post_count"] == 0
    assert login(member).get(f"/forum/people/{member.pseudonym}/").context["post_count"] == 1
    assert "Secret circle plans" in login(member).get("/forum/search/?q=secret").content.decode()
    assert public.pk


def test_circle_replies_notify_members_only_and_say_nothing_of_the_circle(
    login, member, other_member, moderator, circle, circle_thread, topic
):
    services.invite_to_circle(circle=circle, inviter=member, pseudonym="Northern Star")
    services.respond_to_invitation(membership=CircleMembership.objects.get(user=other_member), accept=True)
    # The moderator once watched it (say, before being removed): still no notification.
    circle_thread.watches.create(user=moderator)
    reply(circle_thread, other_member, body="See you Tuesday")
    notes = Notification.objects.filter(kind="forum.reply")
    assert [n.user for n in notes] == [member]
    for note in Notification.objects.all():
        assert "Secret" not in note.text and "Tuesday walkers" not in note.text and "See you" not in note.text
    assert not Notification.objects.filter(user=moderator).exists()


def test_someone_who_left_is_no_longer_notified(member, other_member, circle, circle_thread):
    CircleMembership.objects.create(circle=circle, user=other_member, status="active")
    reply(circle_thread, other_member)
    services.leave_circle(circle=circle, user=other_member)
    reply(circle_thread, member, body="Anyone?")
    assert not Notification.objects.filter(user=other_member, kind="forum.reply").exists()


def test_a_blocked_member_cannot_reply_to_the_blocker_in_a_circle(login, member, other_member, circle, circle_thread):
    CircleMembership.objects.create(circle=circle, user=other_member, status="active")
    services.set_boundary(owner=member, target=other_member, kind=Boundary.Kind.BLOCK)
    response = login(other_member).post(
        f"/forum/threads/{circle_thread.pk}/reply/", {"body": "Hi", "client_token": "x"}
    )
    assert response.status_code == 400
    assert "You cannot reply in this thread." in response.content.decode()
    assert circle_thread.posts.count() == 1


def test_starting_a_thread_in_a_circle(login, member, circle):
    response = login(member).post(
        f"/forum/circles/{circle.pk}/new/", {"title": "Our walk", "body": "Saturday at ten?", "client_token": "c"}
    )
    assert response.status_code == 302
    assert circle.threads.get().title == "Our walk"


def test_a_double_submit_makes_one_circle(login, member):
    client = login(member)
    for _ in range(2):
        response = client.post("/forum/circles/new/", {"name": "Walkers", "client_token": "once"})
        assert response.status_code == 302
    assert Circle.objects.count() == 1


def test_a_circle_without_a_name_is_refused(login, member):
    response = login(member).post("/forum/circles/new/", {"name": ""})
    assert response.status_code == 400
    assert "Please give the circle a name." in response.content.decode()
    assert not Circle.objects.exists()
