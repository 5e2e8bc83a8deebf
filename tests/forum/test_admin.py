from reconnect.core.models import AccessLogEntry
from tests.forum.factories import CircleFactory, ThreadFactory


def test_admin_reading_a_post_is_logged_for_its_author(login, admin_user, member, topic):
    post = ThreadFactory(author=member, topic=topic).posts.get()
    response = login(admin_user).get(f"/admin/forum/post/{post.pk}/change/")
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get(subject=member)
    assert entry.actor == admin_user and entry.action == "viewed_in_admin" and entry.object_id == str(post.pk)


def test_admin_lists_show_no_post_text_and_no_circle_threads(login, admin_user, member, topic):
    ThreadFactory(author=member, topic=topic, body="Private words in public")
    circle_thread = ThreadFactory(author=member, circle=CircleFactory(created_by=member), topic=None)
    client = login(admin_user)
    assert "Private words" not in client.get("/admin/forum/post/").content.decode()
    assert client.get(f"/admin/forum/thread/{circle_thread.pk}/change/").status_code == 302  # not found → list
    assert not AccessLogEntry.objects.exists()


def test_admin_manages_topics(login, admin_user):
    response = login(admin_user).post(
        "/admin/forum/topic/add/",
        {"name": "Questions", "name_nb": "Spørsmål", "slug": "questions", "order": 3, "is_active": "on"},
    )
    assert response.status_code == 302


def test_providers_and_admins_get_403_on_the_forum(login, provider, admin_user, member, topic):
    thread = ThreadFactory(author=member, topic=topic)
    for person in (provider, admin_user):
        client = login(person)
        for url in ["/forum/", thread.get_absolute_url(), "/forum/search/?q=a", "/forum/circles/"]:
            assert client.get(url).status_code == 403
