import factory

from moderation.models import QueueItem, Report, SavedReply, WatchedWord
from tests.factories import MemberFactory
from tests.forum.factories import ThreadFactory


class SavedReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedReply

    title = factory.Sequence(lambda n: f"Thank you for sharing {n}")
    body = "Thank you for writing this. You are not alone here, and we are glad you reached out."


class WatchedWordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WatchedWord
        django_get_or_create = ["phrase", "language"]

    phrase = factory.Sequence(lambda n: f"watched{n}")
    language = WatchedWord.Language.EN
    action = WatchedWord.Action.FLAG


def post_by(author, *, body="How do you get through long evenings?", topic=None):
    """A thread by `author`; returns its opening post."""
    kwargs = {"author": author, "body": body}
    if topic is not None:
        kwargs["topic"] = topic
    return ThreadFactory(**kwargs).posts.get(position=1)


class QueueItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QueueItem

    kind = QueueItem.Kind.FLAG
    priority = factory.LazyAttribute(lambda o: QueueItem.PRIORITY[o.kind])
    post = factory.LazyFunction(lambda: post_by(MemberFactory()))
    author = factory.LazyAttribute(lambda o: o.post.author)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    item = factory.SubFactory(QueueItemFactory, kind=QueueItem.Kind.REPORT)
    post = factory.LazyAttribute(lambda o: o.item.post)
    reporter = factory.SubFactory(MemberFactory)
    reason = Report.Reason.HOSTILE
