"""Forum search: ranked, paginated results with a short plain-text snippet.

On PostgreSQL the text is searched through the stored `tsvector` columns and their GIN indexes
(see `forum.search_index`), in the reader's language, with `websearch_to_tsquery` (so quotes, `or`
and `-word` work and no input is a syntax error). A word found in most posts would make ranking
every match cost as much as reading the table, so only the most recent `CANDIDATES` matches are
ranked: a cheap order (newest first) caps the work, whatever the size of the forum (see
`ranked_sql`). Pages are counted from the ranked candidates, never by counting the table: a page
asks for one result more than it shows to know whether a next page exists.

Elsewhere (the embedded SQLite default) a plain case-insensitive match, newest first.
"""

import html
import re
import time
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from forum import search_index
from forum.models import Post, Thread

PER_PAGE = 20
# The most recent matches that are ranked; more pages than this are not offered.
CANDIDATES = 500
MAX_PAGE = CANDIDATES // PER_PAGE
MAX_QUERY_LENGTH = 200
SNIPPET_WORDS = 30
# Widths of the windows of post ids searched for the newest matches, newest first (then the rest).
WINDOWS = (25_000, 125_000, 625_000)
NEWEST_ID_SECONDS = 600
_newest: tuple[int, float] = (0, float("-inf"))
# A title match lifts a thread's opening post above posts that only mention the words.
TITLE_WEIGHT = 2.0

# Markers for matched words inside ts_headline's output: control characters never kept in the text.
_START, _STOP = "\x02", "\x03"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


@dataclass
class SearchPage:
    posts: list[Post] = field(default_factory=list)
    page: int = 1
    has_next: bool = False
    # Why nothing was searched or found, when that needs saying ("" otherwise).
    notice: str = ""

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def clean_query(query: str | None) -> str:
    """The words to search for: control characters out, spaces collapsed, at most MAX_QUERY_LENGTH."""
    query = _CONTROL.sub(" ", query or "")
    return _SPACE.sub(" ", query).strip()[:MAX_QUERY_LENGTH].strip()


def parse_page(value) -> int:
    """A page number from the address; anything odd is the first page, and the last is MAX_PAGE + 1
    (which is empty and says so), so that a made-up number never costs more than a real one."""
    try:
        page = int(str(value))
    except (TypeError, ValueError):
        return 1
    return min(max(page, 1), MAX_PAGE + 1)


def search_posts(user, query: str, *, language: str, page: int = 1) -> SearchPage:
    """Published posts in threads the user may see, best match first, one page of them."""
    from django.utils.translation import gettext as _

    query = clean_query(query)
    page = parse_page(page)
    if not _WORD.search(query):
        return SearchPage(page=page, notice=_("Type one or more words to search for.") if query else "")
    if page > MAX_PAGE:
        return SearchPage(page=page, notice=_("There are no more results. Try more words to narrow the search."))
    offset = (page - 1) * PER_PAGE
    if connection.vendor == "postgresql":
        config, suffix = search_index.config_for(language)
        ids = _ranked_ids(user, query, config=config, suffix=suffix, offset=offset)
    else:
        config = ""
        ids = _plain_ids(user, query, offset=offset)
    has_next = len(ids) > PER_PAGE
    ids = ids[:PER_PAGE]
    posts_by_id = _posts(ids)
    posts = [posts_by_id[pk] for pk in ids if pk in posts_by_id]
    _attach_snippets(posts, query, config=config)
    notice = ""
    if not posts:
        if page > 1:
            notice = _("There are no more results. Try more words to narrow the search.")
        elif config and not _has_lexemes(query, config):
            notice = _("These words are too common to search for. Try a more specific word.")
    return SearchPage(posts=posts, page=page, has_next=has_next and page < MAX_PAGE, notice=notice)


def _visible_threads_condition(user) -> tuple[str, tuple]:
    """`Thread.objects.visible_to(user)` as a condition on the table `forum_thread` itself: a
    condition on the joined row costs nothing per candidate, where `IN (subquery)` would have the
    planner hash every thread of the forum."""
    query = Thread.objects.visible_to(user).query
    sql, params = query.get_compiler(connection=connection).compile(query.where)
    return sql or "TRUE", tuple(params)


def _ranked_ids(user, query: str, *, config: str, suffix: str, offset: int) -> list[int]:
    if not getattr(user, "is_authenticated", False):
        return []  # nothing is visible to them (Thread.objects.visible_to)
    with connection.cursor() as cursor:
        cursor.execute(*ranked_sql(user, query, config=config, suffix=suffix, offset=offset))
        return [row[0] for row in cursor.fetchall()]


def _newest_post_id() -> int:
    """About the newest post's id, looked up at most every NEWEST_ID_SECONDS per process.

    It only places the windows below: a stale value costs a little speed, never a result, since
    the newest window is open upwards and the oldest reaches the first post.
    """
    global _newest
    value, looked_up = _newest
    now = time.monotonic()
    if now - looked_up > NEWEST_ID_SECONDS:
        value = Post.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        _newest = (value, now)
    return value


def ranked_sql(user, query: str, *, config: str, suffix: str, offset: int) -> tuple[str, tuple]:
    """The ranking query and its parameters (public for the EXPLAIN test and the benchmark).

    Candidates are the newest CANDIDATES posts whose text matches, plus the opening posts of the
    newest CANDIDATES threads whose title matches; only they are ranked and checked against what
    the reader may see. The newest matches are looked for in windows of ids, newest window first:
    in each the planner reads a rare word's few rows through the GIN index (ANDed with the id
    range) and a word in most posts along the primary key, newest first, until enough are found;
    the next window is only read when the ones before held too few. So a search reads about
    CANDIDATES rows, whatever the word and however large the forum.
    """
    body = search_index.column("search", suffix)
    title = search_index.column("title_search", suffix)
    visible_sql, visible_params = _visible_threads_condition(user)
    # The query is written out where it is used rather than shared through a CTE: as a constant
    # the planner sees its words and their frequency.
    tsquery = "websearch_to_tsquery(%s::regconfig, %s)"
    words = (config, query)
    top = _newest_post_id()
    bounds = [top - width for width in WINDOWS if top - width > 0]
    windows, window_params = [], []
    upper = None
    for lower in [*bounds, None]:
        conditions = [f"p.{body} @@ {tsquery}", f"p.{search_index.PUBLISHED}"]
        params: list = [*words]
        if lower is not None:
            conditions.append("p.id > %s")
            params.append(lower)
        if upper is not None:
            conditions.append("p.id <= %s")
            params.append(upper)
        windows.append(
            f"(SELECT p.id FROM forum_post p WHERE {' AND '.join(conditions)} ORDER BY p.id DESC LIMIT %s)"  # noqa: S608
        )
        window_params += [*params, CANDIDATES]
        upper = lower
    # Only constant column names are formatted in; every value is a parameter.
    sql = f"""
        WITH candidates AS (
            (SELECT w.id FROM ({" UNION ALL ".join(windows)}) w LIMIT %s)
            UNION
            (SELECT p.id FROM forum_thread t JOIN forum_post p ON p.thread_id = t.id AND p.position = 1
              WHERE t.{title} @@ {tsquery} AND p.{search_index.PUBLISHED}
              ORDER BY t.id DESC LIMIT %s)
        )
        SELECT p.id
          FROM candidates c
          JOIN forum_post p ON p.id = c.id
         CROSS JOIN LATERAL (
               -- Each candidate's thread by its key (OFFSET 0 keeps it so): a join could have the
               -- planner read every thread of the forum to check a thousand.
               SELECT ts_rank(forum_thread.{title}, {tsquery}) AS title_rank
                 FROM forum_thread
                WHERE forum_thread.id = p.thread_id AND {visible_sql}
               OFFSET 0
         ) thread
         ORDER BY ts_rank(p.{body}, {tsquery})
                  + CASE WHEN p.position = 1 THEN %s * thread.title_rank ELSE 0 END DESC,
                  p.created_at DESC, p.id DESC
         OFFSET %s LIMIT %s
    """  # noqa: S608
    params = (
        *window_params,
        CANDIDATES,
        *words,
        CANDIDATES,
        *words,
        *visible_params,
        *words,
        TITLE_WEIGHT,
        offset,
        PER_PAGE + 1,
    )
    return sql, params


def _plain_ids(user, query: str, *, offset: int) -> list[int]:
    matches = (
        Post.objects.published()
        .visible_to(user)
        .filter(Q(body__icontains=query) | Q(position=1, thread__title__icontains=query))
        .order_by("-created_at", "-pk")
        .values_list("pk", flat=True)
    )
    return list(matches[offset : offset + PER_PAGE + 1])


def _posts(ids: list[int]) -> dict[int, Post]:
    if not ids:
        return {}
    posts = (
        Post.objects.filter(pk__in=ids)
        .select_related("thread", "author")
        .only(
            "pk",
            "body_html",
            "position",
            "created_at",
            "content_note",
            "author_id",
            "thread__id",
            "thread__title",
            "thread__circle_id",
            "author__pseudonym",
            "author__role",
            "author__is_active",
            "author__erased_at",
            "author__former_number",
        )
    )
    return {post.pk: post for post in posts}


def plain_text(body_html: str) -> str:
    """The words of a post without its Markdown: the sanitised HTML's text, on one line."""
    text = html.unescape(_TAG.sub(" ", body_html or ""))
    return _SPACE.sub(" ", _CONTROL.sub(" ", text)).strip()


def _attach_snippets(posts: list[Post], query: str, *, config: str) -> None:
    texts = [plain_text(post.body_html)[:5000] for post in posts]
    if not posts:
        return
    if config:
        options = (
            f"StartSel={_START}, StopSel={_STOP}, MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}, "
            'MaxFragments=2, FragmentDelimiter=" … "'
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT ts_headline(%s::regconfig, d.doc, websearch_to_tsquery(%s::regconfig, %s), %s)"
                " FROM unnest(%s::text[]) WITH ORDINALITY AS d(doc, n) ORDER BY d.n",
                [config, config, query, options, texts],
            )
            headlines = [row[0] for row in cursor.fetchall()]
        for post, text, headline in zip(posts, texts, headlines, strict=True):
            post.snippet = _marked(headline, more=len(headline) < len(text))
    else:
        for post, text in zip(posts, texts, strict=True):
            post.snippet = _marked_words(text, query)


def _marked(headline: str, *, more: bool) -> SafeString:
    """ts_headline's output, escaped, with its markers turned into <mark>."""
    escaped = escape(headline).replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(escaped + (" …" if more and not headline.endswith("…") else ""))  # noqa: S308 - escaped above


def _marked_words(text: str, query: str) -> SafeString:
    """The first words of `text`, escaped, with the query's words marked (the SQLite fallback)."""
    words = text.split(" ")
    short = " ".join(words[:SNIPPET_WORDS])
    needles = sorted({w.lower() for w in _WORD.findall(query)}, key=len, reverse=True)
    if not needles:
        return mark_safe(escape(short))  # noqa: S308 - escaped
    pattern = re.compile("|".join(re.escape(n) for n in needles), re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(short):
        parts.append(escape(short[last : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    parts.append(escape(short[last:]))
    return mark_safe("".join(parts) + (" …" if len(words) > SNIPPET_WORDS else ""))  # noqa: S308 - escaped


def _has_lexemes(query: str, config: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT numnode(websearch_to_tsquery(%s::regconfig, %s)) > 0", [config, query])
        return bool(cursor.fetchone()[0])
