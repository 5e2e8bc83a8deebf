"""Demo moderation: saved replies, a held post, a reported post, a crisis-flagged post and a post
with harmful health advice (both screened, so the queue shows their category and evidence).

Runs after the forum's demo (INSTALLED_APPS order). Idempotent: saved replies are keyed by title,
demo posts by author and text; running again adds nothing.
"""

from forum import services as forum_services
from forum.models import Post, Thread, ThreadWatch, Topic
from moderation import services
from moderation.models import QueueItem, Report, SavedReply

SAVED_REPLIES = [
    (
        "Thank you for sharing",
        "Thank you for writing this. It takes courage to put it into words, and you are not alone here. "
        "Many of us know days like this.",
    ),
    (
        "When things are very hard",
        "I am glad you wrote. I am a peer moderator, and I have read what you shared. If you are in danger "
        "now, please call 113. Your crisis contacts are at the top of every page. I will check in with you.",
    ),
    (
        "About names and details",
        "I took a name out of your post so that nobody can be recognised. Your words are still here. "
        "Thank you for understanding.",
    ),
    (
        "Takk for at du deler",
        "Takk for at du skrev dette. Det krever mot å sette ord på det, og du er ikke alene her.",
    ),
]

THREAD_TITLE = "Tonight is hard"
CRISIS_TEXT = "I do not know how much longer I can do this. Some nights I want to end my life."
HELD_TEXT = "Hi, I am new here. Is it normal to feel nervous about writing the first time?"
REPORTED_TEXT = "Honestly, everyone has bad evenings. Stop making such a fuss about it."
ADVICE_TEXT = "What helped me: I just stopped taking my antidepressants. You should quit yours too, they only numb you."


def _topic() -> Topic:
    topic, _ = Topic.objects.get_or_create(
        slug="everyday-life", defaults={"name": "Everyday life", "name_nb": "Hverdagen"}
    )
    return topic


def _post(*, author, thread, body) -> tuple[Post, bool]:
    existing = Post.objects.filter(thread=thread, author=author, body=body).first()
    if existing is not None:
        return existing, False
    # Written without screening: the queue items below are made on purpose, the same on every run.
    post = forum_services._add_post(
        author=author, thread=thread, body=body, content_note="", quote_of=None, client_token="", screen=False
    )
    ThreadWatch.objects.get_or_create(thread=thread, user=author)
    return post, True


def seed(ctx: dict) -> None:
    users = ctx["users"]
    lillian, ingrid, marte, sofie = (
        users[email]
        for email in ("lillian@example.org", "ingrid@example.org", "marte@example.org", "sofie@example.org")
    )
    for title, body in SAVED_REPLIES:
        SavedReply.objects.get_or_create(title=title, defaults={"body": body, "created_by": lillian})

    thread = Thread.objects.filter(title=THREAD_TITLE, author=ingrid).first()
    if thread is None:
        thread = Thread.objects.create(topic=_topic(), title=THREAD_TITLE, author=ingrid)
    # A crisis-flagged opening post: published, with a crisis flag on top of the queue.
    crisis_post, _ = _post(author=ingrid, thread=thread, body=CRISIS_TEXT)
    # Screened as the forum screens it (title and text together), as an edit so that no first-post hold
    # is added; screening the same post again adds nothing.
    services.screen(author=ingrid, text=f"{THREAD_TITLE}\n\n{CRISIS_TEXT}", editing=True, post=crisis_post)
    # A reply that a member reports as hurtful.
    reported, _ = _post(author=sofie, thread=thread, body=REPORTED_TEXT)
    if not Report.objects.filter(post=reported, reporter=marte).exists():
        services.report_post(reporter=marte, post=reported, reason=Report.Reason.HOSTILE, details="")
    # Harmful health advice: flagged as "health advice"; the seeded saved reply points to one's care team.
    advice, _ = _post(author=sofie, thread=thread, body=ADVICE_TEXT)
    services.screen(author=sofie, text=ADVICE_TEXT, editing=True, post=advice)
    # A first post, held until a peer moderator approves it.
    held, created = _post(author=marte, thread=thread, body=HELD_TEXT)
    if created or not QueueItem.objects.filter(post=held, kind=QueueItem.Kind.HELD).exists():
        Post.objects.filter(pk=held.pk).update(status=Post.Status.HELD)
        services.record_screening(
            post=held, decision=services.Decision(hold=True, hold_because=(str(services.FIRST_POSTS_LABEL),))
        )
