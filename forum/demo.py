"""Demo forum: topics, threads with replies across both communities, a circle and a reveal.

Idempotent: topics are keyed by slug, threads by title, the circle by name; running again adds
nothing. Posts are written without notifications or rate limits (nobody is waiting for them).
"""

from forum import services
from forum.models import Circle, CircleMembership, Reaction, Reveal, Thread, ThreadWatch, Topic

TOPICS = [
    (
        "everyday-life",
        "Everyday life",
        "Hverdagen",
        "Days, nights, routines and small victories.",
        "Dager, netter, rutiner og små seire.",
    ),
    (
        "recovery-stories",
        "Recovery stories",
        "Historier om bedring",
        "What has helped, and what did not.",
        "Hva som har hjulpet, og hva som ikke gjorde det.",
    ),
    (
        "before-the-cafe",
        "Before the café",
        "Før kafeen",
        "Questions and plans before the monthly café.",
        "Spørsmål og planer før den månedlige kafeen.",
    ),
    (
        "questions",
        "Questions",
        "Spørsmål",
        "Ask the others, or the peer moderators.",
        "Spør de andre, eller likepersonsmoderatorene.",
    ),
]

# topic slug, author email, title, opening text, [(author email, reply text, content note)]
THREADS = [
    (
        "everyday-life",
        "ingrid@example.org",
        "Getting through long evenings",
        "Evenings are the hardest part of my day. What do you do when the house goes quiet?",
        [
            ("marte@example.org", "I make tea and go for a short walk, even when I do not feel like it.", ""),
            ("sofie@example.org", "Me too. I listen to a podcast so the quiet is less loud.", ""),
            ("lillian@example.org", "Thank you for sharing this. Many of us know those evenings well.", ""),
        ],
    ),
    (
        "recovery-stories",
        "sofie@example.org",
        "A year since the hospital",
        "It is a year since I came home from the ward. Some weeks are still heavy, but I cook again.",
        [
            ("ingrid@example.org", "That is a big thing. Cooking again sounds like real strength.", ""),
            ("marte@example.org", "My own year was hard in the middle. Writing about it helped.", "hospital"),
        ],
    ),
    (
        "before-the-cafe",
        "marte@example.org",
        "First time at the café in Nordvik",
        "I have never been to the café. Is it alright to just sit and listen the first time?",
        [
            ("lillian@example.org", "Absolutely. Many people only listen the first time, and that is welcome.", ""),
            ("ingrid@example.org", "I will be there. Look for the person with the yellow scarf!", ""),
        ],
    ),
    (
        "questions",
        "lillian@example.org",
        "How to use content notes",
        "If a post touches something heavy, add a content note such as “loss”. It is folded until a reader "
        "opens it. You can also fold whole topics under My forum settings.",
        [("sofie@example.org", "Thank you, that is a kind feature.", "")],
    ),
]

CIRCLE_NAME = "Nordvik café friends"


def _write(*, author, thread, body, content_note=""):
    post = services._add_post(
        author=author,
        thread=thread,
        body=body,
        content_note=content_note,
        quote_of=None,
        client_token="",
        screen=False,  # demo posts are not held as first posts; moderation's demo adds its own queue
    )
    ThreadWatch.objects.get_or_create(thread=thread, user=author)
    return post


def _thread(*, users, author_email, title, body, replies, topic=None, circle=None):
    author = users[author_email]
    if Thread.objects.filter(title=title, author=author).exists():
        return Thread.objects.get(title=title, author=author)
    thread = Thread.objects.create(topic=topic, circle=circle, title=title, author=author)
    _write(author=author, thread=thread, body=body)
    for reply_email, text, note in replies:
        _write(author=users[reply_email], thread=thread, body=text, content_note=note)
    return thread


def seed(ctx: dict) -> None:
    users = ctx["users"]
    topics = {}
    for order, (slug, name, name_nb, description, description_nb) in enumerate(TOPICS):
        topics[slug], _ = Topic.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "name_nb": name_nb,
                "description": description,
                "description_nb": description_nb,
                "order": order,
            },
        )
    for slug, author_email, title, body, replies in THREADS:
        thread = _thread(
            users=users, author_email=author_email, title=title, body=body, replies=replies, topic=topics[slug]
        )
        opening = thread.posts.get(position=1)
        for email, kind in (("marte@example.org", "strength"), ("sofie@example.org", "metoo")):
            if users[email].pk != thread.author_id:
                Reaction.objects.get_or_create(post=opening, user=users[email], kind=kind)

    ingrid, marte = users["ingrid@example.org"], users["marte@example.org"]
    circle = Circle.objects.filter(name=CIRCLE_NAME, created_by=ingrid).first()
    if circle is None:
        circle = Circle.objects.create(name=CIRCLE_NAME, created_by=ingrid)
    for person in (ingrid, marte):
        CircleMembership.objects.update_or_create(
            circle=circle, user=person, defaults={"status": CircleMembership.Status.ACTIVE, "invited_by": ingrid}
        )
    _thread(
        users=users,
        author_email="ingrid@example.org",
        title="Walk before the next café?",
        body="Shall we walk by the harbour an hour before the café starts?",
        replies=[("marte@example.org", "Yes please. I will bring coffee.", "")],
        circle=circle,
    )
    # Lighthouse has shown Birch her first name and her café.
    Reveal.objects.update_or_create(
        owner=ingrid, viewer=marte, defaults={"first_name": "Ingrid", "cafe_community": ctx["communities"]["nordvik"]}
    )
