import factory

from forum import services
from forum.models import Circle, CircleMembership, Post, Reaction, Reveal, Thread, Topic
from forum.text import render_markdown
from tests.factories import MemberFactory


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Topic {n}")
    name_nb = factory.Sequence(lambda n: f"Emne {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class ThreadFactory(factory.django.DjangoModelFactory):
    """A thread with its opening post, made through the service so counters stay right."""

    class Meta:
        model = Thread

    topic = factory.SubFactory(TopicFactory)
    circle = None
    author = factory.SubFactory(MemberFactory)
    title = factory.Sequence(lambda n: f"A thread about evenings {n}")

    @classmethod
    def _create(cls, model_class, *args, body="How do you get through long evenings?", **kwargs):
        return services.start_thread(
            author=kwargs["author"],
            topic=kwargs.get("topic") if kwargs.get("circle") is None else None,
            circle=kwargs.get("circle"),
            title=kwargs["title"],
            body=body,
        )


def reply(thread, author, body="I hear you. Walking helps me.", **kwargs) -> Post:
    return services.post_reply(author=author, thread=thread, body=body, **kwargs)


class PostFactory(factory.django.DjangoModelFactory):
    """A raw post row (for admin samples); use `reply()` in behaviour tests."""

    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(MemberFactory)
    position = factory.LazyAttribute(lambda o: o.thread.post_count + 1)
    body = "A short post."
    body_html = factory.LazyAttribute(lambda o: render_markdown(o.body))


class ReactionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reaction

    post = factory.SubFactory(PostFactory)
    user = factory.SubFactory(MemberFactory)
    kind = Reaction.Kind.THANK_YOU


class CircleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Circle
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Tuesday café friends {n}")
    created_by = factory.SubFactory(MemberFactory)

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if not create:
            return
        people = [self.created_by, *(extracted or [])]
        for person in people:
            CircleMembership.objects.get_or_create(
                circle=self, user=person, defaults={"status": CircleMembership.Status.ACTIVE}
            )


class RevealFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reveal

    owner = factory.SubFactory(MemberFactory)
    viewer = factory.SubFactory(MemberFactory)
    first_name = "Ingrid"
