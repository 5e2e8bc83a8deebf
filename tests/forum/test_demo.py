from django.core.management import call_command

from forum.models import Circle, Post, Reaction, Reveal, Thread, Topic


def test_seed_demo_adds_the_forum_and_is_idempotent(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", quiet=True)
    counts = [Topic.objects.count(), Thread.objects.count(), Post.objects.count(), Reaction.objects.count()]
    assert counts[0] == 4 and counts[1] >= 5
    authors = set(Post.objects.values_list("author__pseudonym", flat=True))
    assert {"Lighthouse", "Birch", "Northern Star", "Lillian"} <= authors
    assert Circle.objects.get().memberships.filter(status="active").count() == 2
    assert Reveal.objects.get().first_name == "Ingrid"
    call_command("seed_demo", quiet=True)
    assert counts == [Topic.objects.count(), Thread.objects.count(), Post.objects.count(), Reaction.objects.count()]
