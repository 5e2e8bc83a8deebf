"""The forum's repeated fragments (a thread page's post articles, a thread list's rows), each
rendered once for each distinct thing it shows.

An article shows one reader one post: its text, its author, its reactions and what this reader may
do with it. `forum.selectors.build_post_views` gathers all of that into a frozen `PostView`, and the
article's template sees nothing else (no request, no user, no context processors), so its HTML is a
function of the PostView and of the language, time zone and URL prefix it is rendered in. The next
reader who would see the same article gets the same string without `forum/_post.html` being
rendered again, which is most of what a thread page used to cost. Whatever changes what an article
shows (an edit, a reaction, a moderator hiding the post, the author's new pseudonym, this reader's
mute) changes the PostView and so misses: nothing is ever invalidated, nothing can go stale.

A row of a thread list works the same way (`ThreadRow`, `forum/_thread_row.html`).

The memory is each process's own and bounded (the least recently used go first), so it is lost
with the process and shared with nobody: web processes stay stateless.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.autoreload import file_changed
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from forum.models import Thread
from forum.selectors import PostView

# About 1–2 kB each (the post's HTML and its article): a few MB per process at most.
ARTICLES_KEPT = 2048
ROWS_KEPT = 2048


@lru_cache(maxsize=ARTICLES_KEPT)
def _article(view: PostView, language: str, zone: str, prefix: str) -> SafeString:
    # `language`, `zone` and `prefix` are the ones in force while this renders (see post_articles):
    # they are arguments so that they are part of the key.
    return render_to_string("forum/_post.html", {"view": view})


def post_articles(views: Iterable[PostView]) -> list[SafeString]:
    """The `<article>` of each post, in order, for the language, time zone and prefix in force."""
    language = get_language() or ""
    zone = timezone.get_current_timezone_name()
    prefix = get_script_prefix()
    return [_article(view, language, zone, prefix) for view in views]


@dataclass(frozen=True, slots=True)
class TopicShown:
    slug: str
    name: str
    name_nb: str


@dataclass(frozen=True, slots=True)
class ThreadRow:
    """Everything a row of a thread list shows one reader."""

    pk: int
    display_title: str
    unread: bool
    never_opened: bool
    is_pinned: bool
    is_locked: bool
    topic: TopicShown | None
    author_name: str
    reply_count: int
    view_count: int
    last_activity_at: datetime

    @classmethod
    def of(cls, thread: Thread) -> "ThreadRow":
        """From a thread of `forum.selectors.thread_list` (which sets `unread` and `never_opened`)."""
        topic = thread.topic
        return cls(
            pk=thread.pk,
            display_title=thread.display_title,
            unread=thread.unread,  # type: ignore[attr-defined]  # per reader, set by thread_list
            never_opened=thread.never_opened,  # type: ignore[attr-defined]  # per reader, set by thread_list
            is_pinned=thread.is_pinned,
            is_locked=thread.is_locked,
            topic=TopicShown(topic.slug, topic.name, topic.name_nb) if topic is not None else None,
            author_name=thread.author.display_name,
            reply_count=thread.reply_count,
            view_count=thread.view_count,
            last_activity_at=thread.last_activity_at,
        )


@lru_cache(maxsize=ROWS_KEPT)
def _row(row: ThreadRow, show_topic: bool, language: str, zone: str, prefix: str) -> SafeString:
    return render_to_string(
        "forum/_thread_row.html", {"thread": row, "show_topic": show_topic, "LANGUAGE_CODE": language}
    )


def thread_rows(threads: Iterable[Thread], *, show_topic: bool) -> list[SafeString]:
    """The `<li>` of each thread of a list, in order; `show_topic` names each one's topic."""
    language = get_language() or ""
    zone = timezone.get_current_timezone_name()
    prefix = get_script_prefix()
    return [_row(ThreadRow.of(thread), show_topic, language, zone, prefix) for thread in threads]


@receiver(setting_changed)
@receiver(file_changed)
def _forget(**kwargs: object) -> None:
    """A changed setting (tests) or an edited template or catalogue (runserver) may change any of them."""
    _article.cache_clear()
    _row.cache_clear()
