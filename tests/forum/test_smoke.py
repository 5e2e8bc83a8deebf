from forum.models import Post
from tests.forum.factories import ThreadFactory, reply


def test_thread_page_renders_for_a_member(login, member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic)
    reply(thread, other_member)
    client = login(member)
    for url in [
        "/forum/",
        f"/forum/topics/{topic.slug}/",
        thread.get_absolute_url(),
        "/forum/search/?q=evenings",
        "/forum/circles/",
        "/forum/settings/",
        f"/forum/people/{other_member.pseudonym}/",
        f"/forum/threads/{thread.pk}/reply/?quote={thread.posts.first().pk}",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    assert Post.objects.count() == 2


def test_forum_pages_speak_norwegian(login, member, other_member, topic, settings):
    thread = ThreadFactory(author=member, topic=topic)
    reply(thread, other_member)
    client = login(member)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    index = client.get("/forum/").content.decode()
    assert "Siste aktivitet" in index and "Hverdagen" in index and "1 svar" in index
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Skriv et svar" in page and "Sender styrke" in page


def test_others_posts_can_be_reported_and_own_posts_cannot(login, member, other_member, topic):
    thread = ThreadFactory(author=member, topic=topic)
    answer = reply(thread, other_member)
    page = login(member).get(thread.get_absolute_url()).content.decode()
    assert f"/moderation/report/{answer.pk}/" in page
    assert f"/moderation/report/{thread.posts.get(position=1).pk}/" not in page
