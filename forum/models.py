"""The forum: topics, threads and posts, reactions, reading, circles, boundaries and identity reveal.

People appear only as their pseudonym. Visibility rules live on the QuerySets here
(`Thread.objects.visible_to(user)`), so that lists, pages, search and counts share one rule.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum.text import post_text

User = settings.AUTH_USER_MODEL

# Posts per page of a thread. Posts carry their position in the thread, so page n is the range of
# positions ((n-1)*PAGE_SIZE, n*PAGE_SIZE]: no COUNT over the posts is needed to paginate.
POSTS_PER_PAGE = 20
THREADS_PER_PAGE = 25
MAX_POST_LENGTH = 20_000


class Topic(models.Model):
    """A place for threads, managed by admins (for example "Everyday life")."""

    name = models.CharField(_("name"), max_length=80)
    name_nb = models.CharField(_("name in Norwegian"), max_length=80, blank=True)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    description_nb = models.CharField(_("description in Norwegian"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("open for new threads"), default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forum:topic", kwargs={"slug": self.slug})

    def localized_name(self, language: str) -> str:
        return self.name_nb if language.startswith("nb") and self.name_nb else self.name

    def localized_description(self, language: str) -> str:
        return self.description_nb if language.startswith("nb") and self.description_nb else self.description


class Circle(models.Model):
    """A closed space of members who chose to know each other. Invisible to everyone else."""

    name = models.CharField(_("name"), max_length=80)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("circle")
        verbose_name_plural = _("circles")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forum:circle", kwargs={"pk": self.pk})


class CircleMembershipQuerySet(models.QuerySet["CircleMembership"]):
    def active(self) -> "CircleMembershipQuerySet":
        return self.filter(status=CircleMembership.Status.ACTIVE)


class CircleMembership(models.Model):
    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACTIVE = "active", _("Member")
        DECLINED = "declined", _("Declined")
        LEFT = "left", _("Left")

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="forum_circle_memberships")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.INVITED)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    responded_at = models.DateTimeField(null=True, blank=True)

    objects = CircleMembershipQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["circle", "user"], name="forum_one_membership_per_circle")]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return f"{self.circle_id}:{self.user_id}:{self.status}"


def active_circle_ids(user):
    """A subquery of the circles `user` belongs to (never evaluated on its own)."""
    return CircleMembership.objects.active().filter(user=user).values("circle_id")


class ThreadQuerySet(models.QuerySet["Thread"]):
    def visible_to(self, user) -> "ThreadQuerySet":
        """Threads in topics, plus threads of the circles the user belongs to. Nothing else exists."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(Q(circle__isnull=True) | Q(circle__in=active_circle_ids(user)))

    def public(self) -> "ThreadQuerySet":
        return self.filter(circle__isnull=True)


class Thread(models.Model):
    # A thread lives either in a topic (everyone in the forum sees it) or in a circle.
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, null=True, blank=True, related_name="threads")
    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, null=True, blank=True, related_name="threads")
    title = models.CharField(_("title"), max_length=150)
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="forum_threads")
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)
    # Kept up to date by the services, so that lists and pagination never count posts.
    post_count = models.PositiveIntegerField(default=0)
    view_count = models.PositiveIntegerField(default=0)
    # Set by moderators: a locked thread takes no replies; pinned threads come first.
    is_locked = models.BooleanField(_("locked"), default=False)
    is_pinned = models.BooleanField(_("pinned"), default=False)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-is_pinned", "-last_activity_at", "-pk"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        constraints = [
            models.CheckConstraint(
                condition=Q(topic__isnull=True, circle__isnull=False) | Q(topic__isnull=False, circle__isnull=True),
                name="forum_thread_in_topic_or_circle",
            )
        ]
        indexes = [
            models.Index(fields=["topic", "-is_pinned", "-last_activity_at", "-id"], name="forum_thread_topic_list"),
            models.Index(fields=["-is_pinned", "-last_activity_at", "-id"], name="forum_thread_list"),
        ]

    def __str__(self) -> str:
        return self.display_title

    def get_absolute_url(self) -> str:
        return reverse("forum:thread", kwargs={"pk": self.pk})

    @property
    def display_title(self) -> str:
        # A member who deleted their account and took their texts with them took the title too.
        return self.title or str(_("A thread by a former member"))

    @property
    def reply_count(self) -> int:
        return max(self.post_count - 1, 0)

    @property
    def page_count(self) -> int:
        return max((self.post_count + POSTS_PER_PAGE - 1) // POSTS_PER_PAGE, 1)


class PostQuerySet(models.QuerySet["Post"]):
    def visible_to(self, user) -> "PostQuerySet":
        return self.filter(thread__in=Thread.objects.visible_to(user))

    def published(self) -> "PostQuerySet":
        return self.filter(status=Post.Status.PUBLISHED)


class Post(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", _("Published")
        # Waiting for a moderator (the screen or a sanction decides when); only the author sees it.
        HELD = "held", _("Held for a moderator")
        HIDDEN = "hidden", _("Hidden by a moderator")
        REMOVED_BY_AUTHOR = "removed_by_author", _("Removed by its author")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="forum_posts")
    # 1 for the opening post; positions are contiguous within a thread (see POSTS_PER_PAGE).
    position = models.PositiveIntegerField()
    body = models.TextField(_("text"))
    # The sanitised HTML of `body`, rendered once when written.
    body_html = models.TextField(blank=True)
    content_note = models.CharField(_("content note"), max_length=60, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PUBLISHED, db_index=True)
    quote_of = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    view_count = models.PositiveIntegerField(default=0)
    # A token from the form that wrote the post: submitting the same form twice makes one post.
    client_token = models.CharField(max_length=64, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["thread", "position"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.UniqueConstraint(fields=["thread", "position"], name="forum_post_position_unique"),
            models.UniqueConstraint(
                fields=["author", "client_token"], condition=~Q(client_token=""), name="forum_post_token_unique"
            ),
        ]
        indexes = [models.Index(fields=["author", "status"])]

    def __str__(self) -> str:
        return f"#{self.pk} in {self.thread_id}"

    def get_absolute_url(self) -> str:
        return reverse("forum:post", kwargs={"pk": self.pk})

    @property
    def page_number(self) -> int:
        return (self.position - 1) // POSTS_PER_PAGE + 1

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_removed(self) -> bool:
        return self.status == self.Status.REMOVED_BY_AUTHOR

    def set_text(self, body: str) -> list[str]:
        """Set the text and its HTML together; returns the fields to save."""
        fields = post_text(body)
        for name, value in fields.items():
            setattr(self, name, value)
        return list(fields)

    def can_edit(self, user) -> bool:
        # Authors may edit a post for settings.FORUM_EDIT_WINDOW after writing it.
        window = settings.FORUM_EDIT_WINDOW
        return (
            self.author_id == user.pk
            and self.status in (self.Status.PUBLISHED, self.Status.HELD)
            and timezone.now() - self.created_at <= window
        )

    def can_delete(self, user) -> bool:
        return self.author_id == user.pk and self.status != self.Status.REMOVED_BY_AUTHOR


class Reaction(models.Model):
    """Support instead of likes."""

    class Kind(models.TextChoices):
        THANK_YOU = "thanks", _("Thank you")
        ME_TOO = "metoo", _("Me too")
        STRENGTH = "strength", _("Sending strength")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="forum_reactions")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user", "kind"], name="forum_one_reaction_per_kind")]

    def __str__(self) -> str:
        return f"{self.kind} on {self.post_id}"


class ThreadWatch(models.Model):
    """Whether a member hears of replies. A row with is_watching=False is an explicit "stop"."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="watches")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="forum_watches")
    is_watching = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="forum_one_watch_per_thread")]

    def __str__(self) -> str:
        return f"{self.user_id} watches {self.thread_id}: {self.is_watching}"


class ReadPosition(models.Model):
    """How far a member has read a thread; also makes each reader count once in view counts."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_positions")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="forum_read_positions")
    last_read_position = models.PositiveIntegerField(default=0)
    # Whether the reader has opened the thread page (writing in it does not count as a view).
    has_viewed = models.BooleanField(default=False)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="forum_one_read_position")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.thread_id} to {self.last_read_position}"


class PostView(models.Model):
    """One reader's first view of one post: the dated record behind `Post.view_count`.

    Written by `forum.services.record_reading` for exactly the posts whose view count it raises
    (each reader once per published post, authors never), so that the usage report can count views per month.
    """

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    viewer = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    viewed_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"{self.viewer_id} viewed {self.post_id}"


class Boundary(models.Model):
    """A member's choice about another: mute (their posts fold, no notifications) or block."""

    class Kind(models.TextChoices):
        MUTE = "mute", _("Muted")
        BLOCK = "block", _("Blocked")

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="forum_boundaries")
    target = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "target"], name="forum_one_boundary_per_pair")]

    def __str__(self) -> str:
        return f"{self.owner_id} {self.kind} {self.target_id}"


class RevealQuerySet(models.QuerySet["Reveal"]):
    def shown_to(self, viewer) -> "RevealQuerySet":
        """What others chose to show `viewer`, minus anyone who has since blocked them."""
        blocked_by = Boundary.objects.filter(target=viewer, kind=Boundary.Kind.BLOCK).values("owner_id")
        return self.filter(viewer=viewer).exclude(owner__in=blocked_by)


class Reveal(models.Model):
    """Details a member chose to show one specific member. Deleting the row takes it back."""

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="forum_reveals_made")
    viewer = models.ForeignKey(User, on_delete=models.CASCADE, related_name="forum_reveals_received")
    first_name = models.CharField(_("first name"), max_length=40, blank=True)
    # "I come to the café in <community>", when chosen.
    cafe_community = models.ForeignKey(
        "accounts.Community", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = RevealQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "viewer"], name="forum_one_reveal_per_pair")]

    def __str__(self) -> str:
        return f"{self.owner_id} → {self.viewer_id}"


class FoldedTopic(models.Model):
    """A topic whose posts a reader always wants folded."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="forum_folded_topics")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="forum_one_fold_per_topic")]

    def __str__(self) -> str:
        return f"{self.user_id} folds {self.topic_id}"
