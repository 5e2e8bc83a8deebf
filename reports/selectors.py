"""The usage report: counts and aggregates of the portal's use, for a period and a community.

Only numbers leave this module: no pseudonym, name or content. Every figure is computed in the
database grouped by month (one query per group of figures, about twenty in all, whatever the
amount of data); medians are taken in Python from per-wait or per-café rows, which are few.

The people counted are members (the member role); peer moderators, providers and admins are staff,
except that messages by providers and their reply times are reported too. With a community
chosen, members are those whose home community it is, and cafés those held in it.
"""

import functools
import statistics
import zoneinfo
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cafes.models import Answer, Meeting, Rsvp
from forum.models import Circle, Post, PostView, Reaction, Thread
from messaging.models import Message
from reconnect.accounts.models import Community, Role, User
from reports.models import LoginEvent
from toolbox.models import CheckIn, CrisisPlan, Goal, Share

DEFAULT_LOGINS_OVER = 15
# Months a report may span (the charts stay readable and the CSV one row per figure).
MAX_MONTHS = 60


def small_cell_threshold() -> int:
    """Counts below this are shown as "fewer than N" in breakdowns (settings.REPORTS_SMALL_CELL_THRESHOLD)."""
    return settings.REPORTS_SMALL_CELL_THRESHOLD


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both days included, on the portal's wall clock."""

    start: date
    end: date

    def bounds(self) -> tuple[datetime, datetime]:
        tz = timezone.get_current_timezone()
        return (
            datetime.combine(self.start, time.min, tzinfo=tz),
            datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=tz),
        )

    def month_count(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def months(self) -> list[date]:
        first = self.start.year * 12 + self.start.month - 1
        return [date(n // 12, n % 12 + 1, 1) for n in range(first, first + self.month_count())]

    def is_representable(self) -> bool:
        """Whether the period's bounds exist as datetimes (not at the very ends of the calendar)."""
        try:
            start, end = self.bounds()
            start.astimezone(UTC), end.astimezone(UTC)
        except (OverflowError, ValueError):
            return False
        return True


def default_period(today: date | None = None) -> Period:
    """The current month and the five before it."""
    today = today or timezone.localdate()
    start = today.replace(day=1)
    for _month in range(5):
        start = (start - timedelta(days=1)).replace(day=1)
    return Period(start, today)


@dataclass
class Figure:
    key: str
    label: str
    definition: str
    total: float | int | None
    monthly: Sequence[float | int | None]
    # "count" figures are whole numbers of people or things; "hours" is a median duration.
    unit: str = "count"
    # For medians: how many values each month's median is taken from (few are not shown).
    monthly_basis: list[int] | None = None
    # For medians: how many values the period's median is taken from.
    total_basis: int | None = None
    # How the total relates to the months, so that a total never gives away a hidden month:
    # "sum" (the months add up to it), "people" (distinct people: at least the largest month),
    # "running" (each month is the total so far), "cumulative" (`start` plus `steps` so far),
    # "other" (no simple relation), "median".
    kind: str = "sum"
    steps: list[int] | None = None
    start: int = 0
    # False for counts of things that say nothing about a person (cafés held are public events).
    suppress: bool = True


@dataclass
class Section:
    key: str
    title: str
    figures: list[Figure]


@dataclass
class CafeRow:
    """Cafés of one community in the period."""

    community: str
    held: int
    with_attendance: int
    participants_min: int | None
    participants_median: float | None
    participants_max: int | None
    distinct_going: int
    going: int
    going_where_recorded: int
    attendance: int
    said_came: int
    distinct_said_came: int


@dataclass
class UsageReport:
    period: Period
    community: Community | None
    logins_over: int
    threshold: int
    months: list[date]
    sections: list[Section]
    cafe_summary: CafeRow
    cafe_rows: list[CafeRow] = field(default_factory=list)

    def figure(self, key: str) -> Figure:
        for section in self.sections:
            for figure in section.figures:
                if figure.key == key:
                    return figure
        raise KeyError(key)


def scope_name(community: Community | None) -> str:
    """What a report covers: the community chosen, or all of them."""
    return community.name if community is not None else _("All communities")


def _month_of(value: date | datetime, zone: str | None = None) -> date:
    """The first day of the local month of `value`. Pass `zone` (the current zone's name) when
    calling this for many rows: looking the current zone up costs more than the rest together."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            return _local_month(value, zone or timezone.get_current_timezone_name())
        return value.date().replace(day=1)
    return value.replace(day=1)


@functools.lru_cache(maxsize=256)
def _local_month(value: datetime, zone: str) -> date:
    # Cached: thousands of grouped rows share a dozen month values. Keyed on the zone too, since
    # aware datetimes that are the same instant are equal whatever their zone.
    return timezone.localtime(value, zoneinfo.ZoneInfo(zone)).date().replace(day=1)


def _trunc(field_name: str, *, is_date: bool = False) -> TruncMonth:
    if is_date:
        return TruncMonth(field_name)
    return TruncMonth(field_name, tzinfo=timezone.get_current_timezone())


class _Builder:
    """Runs the report's queries for one period and scope."""

    def __init__(self, period: Period, community: Community | None, logins_over: int):
        self.period = period
        self.community = community
        self.logins_over = logins_over
        self.months = period.months()
        self.start, self.end = period.bounds()

    # --- scoping ---------------------------------------------------------------------------------

    def member_q(self, prefix: str) -> Q:
        """Rows whose person at `prefix` (e.g. "author") is a member of the chosen scope."""
        q = Q(**{f"{prefix}__role": Role.MEMBER})
        if self.community is not None:
            q &= Q(**{f"{prefix}__community": self.community})
        return q

    def in_period(self, field_name: str) -> Q:
        return Q(**{f"{field_name}__gte": self.start, f"{field_name}__lt": self.end})

    # --- grouped reads ---------------------------------------------------------------------------

    def per_month_and_person(
        self, queryset: QuerySet, field_name: str, person: str, *, is_date: bool = False
    ) -> dict[tuple[date, int], int]:
        """{(month, person id): rows} for the rows of `queryset`: one GROUP BY query."""
        rows = (
            queryset.annotate(month=_trunc(field_name, is_date=is_date))
            .values("month", person)
            .annotate(n=Count("pk"))
            .order_by()
        )
        zone = timezone.get_current_timezone_name()
        return {(_month_of(row["month"], zone), row[person]): row["n"] for row in rows}

    def per_month(self, queryset: QuerySet, field_name: str) -> dict[date, int]:
        rows = queryset.annotate(month=_trunc(field_name)).values("month").annotate(n=Count("pk")).order_by()
        zone = timezone.get_current_timezone_name()
        return {_month_of(row["month"], zone): row["n"] for row in rows}

    # --- shaping ---------------------------------------------------------------------------------

    def series(self, by_month: dict[date, int]) -> list[int]:
        return [by_month.get(month, 0) for month in self.months]

    def count_figure(self, key: str, label: str, definition: str, by_month: dict[date, int]) -> Figure:
        monthly = self.series(by_month)
        return Figure(key, label, definition, sum(monthly), monthly)

    def people_figure(self, key: str, label: str, definition: str, pairs: Iterable[tuple[date, int]]) -> Figure:
        """Distinct people per month; the total counts each person once over the whole period."""
        per_month: dict[date, set[int]] = defaultdict(set)
        for month, person in pairs:
            per_month[month].add(person)
        everyone = set().union(*per_month.values()) if per_month else set()
        return Figure(
            key, label, definition, len(everyone), [len(per_month.get(m, ())) for m in self.months], kind="people"
        )

    # --- sections --------------------------------------------------------------------------------

    def members(self) -> Section:
        members = User.objects.filter(role=Role.MEMBER)
        if self.community is not None:
            members = members.filter(community=self.community)
        joined = self.per_month(members.filter(self.in_period("date_joined")), "date_joined")
        before = members.filter(date_joined__lt=self.start).count()
        running, cumulative = before, []
        for month in self.months:
            running += joined.get(month, 0)
            cumulative.append(running)

        logins = self.per_month_and_person(
            LoginEvent.objects.filter(self.member_q("user"), self.in_period("at")), "at", "user_id"
        )
        login_counts: dict[date, int] = defaultdict(int)
        by_month: dict[date, list[tuple[int, int]]] = defaultdict(list)
        for (month, person), n in logins.items():
            login_counts[month] += n
            by_month[month].append((person, n))
        # Members past N sign-ins since the start of the period, at the end of each month.
        so_far: dict[int, int] = defaultdict(int)
        frequent = []
        for month in self.months:
            for person, n in by_month.get(month, []):
                so_far[person] += n
            frequent.append(sum(1 for n in so_far.values() if n > self.logins_over))
        over = self.logins_over
        return Section(
            "members",
            _("Members"),
            [
                self.count_figure(
                    "members_registered",
                    _("Members registered"),
                    _("Member accounts created in the period (by the month they were created)."),
                    joined,
                ),
                Figure(
                    "members_total",
                    _("Members registered by the end of the period"),
                    _("Every member account created up to the end of each month, including accounts since closed."),
                    cumulative[-1] if cumulative else before,
                    cumulative,
                    kind="cumulative",
                    steps=self.series(joined),
                    start=before,
                ),
                self.people_figure(
                    "members_active",
                    _("Active members (signed in)"),
                    _(
                        "Members who signed in at least once. A sign-in is a completed sign-in (password and, "
                        "where required, the second factor); confirming one's password again is not one."
                    ),
                    logins.keys(),
                ),
                self.count_figure(
                    "logins", _("Sign-ins by members"), _("Every completed sign-in by a member."), login_counts
                ),
                Figure(
                    "members_frequent",
                    ngettext(
                        "Members who signed in more than %(n)d time",
                        "Members who signed in more than %(n)d times",
                        over,
                    )
                    % {"n": over},
                    ngettext(
                        "Members with more than %(n)d sign-in in the period; each month shows how many had passed "
                        "%(n)d sign-in since the start of the period by the end of that month.",
                        "Members with more than %(n)d sign-ins in the period; each month shows how many had passed "
                        "%(n)d sign-ins since the start of the period by the end of that month.",
                        over,
                    )
                    % {"n": over},
                    frequent[-1] if frequent else 0,
                    frequent,
                    kind="running",
                ),
            ],
        )

    def forum(self) -> Section:
        posts = self.per_month_and_person(
            Post.objects.filter(self.member_q("author"), self.in_period("created_at")), "created_at", "author_id"
        )
        views = self.per_month_and_person(
            PostView.objects.filter(self.member_q("viewer"), self.in_period("viewed_at")), "viewed_at", "viewer_id"
        )
        post_counts: dict[date, int] = defaultdict(int)
        for (month, _person), n in posts.items():
            post_counts[month] += n
        view_counts: dict[date, int] = defaultdict(int)
        for (month, _person), n in views.items():
            view_counts[month] += n
        writers = {person for _month, person in posts}
        readers_only = self.people_figure(
            "members_only_read",
            _("Members who only read"),
            _("Members who viewed posts and wrote none (in the period; each month: in that month)."),
            [(m, p) for (m, p) in views if (m, p) not in posts],
        )
        readers_only.total = len({p for _m, p in views} - writers)
        # Someone who only read in one month may write in another: the total is not bounded by the months.
        readers_only.kind = "other"
        threads = self.per_month(
            Thread.objects.filter(self.member_q("author"), self.in_period("created_at")), "created_at"
        )
        reactions = self.per_month(
            Reaction.objects.filter(self.member_q("user"), self.in_period("created_at")), "created_at"
        )
        circle_creators = self.member_q("created_by")
        if self.community is None:
            # A circle outlives its creator's deleted account (created_by is then empty).
            circle_creators |= Q(created_by__isnull=True)
        circles = self.per_month(Circle.objects.filter(circle_creators, self.in_period("created_at")), "created_at")
        return Section(
            "forum",
            _("Forum"),
            [
                self.count_figure(
                    "posts",
                    _("Posts written"),
                    _("Posts by members, opening posts included, whatever became of them later."),
                    post_counts,
                ),
                self.count_figure(
                    "post_views",
                    _("Post views"),
                    _(
                        "Views of posts by members, counted as the forum counts them: each reader once per "
                        "published post, never the author, when the page showing the post is opened."
                    ),
                    view_counts,
                ),
                self.people_figure(
                    "members_posted", _("Members who wrote a post"), _("Members who wrote at least one post."), posts
                ),
                readers_only,
                self.count_figure(
                    "threads", _("Threads started"), _("Threads started by members, in topics and circles."), threads
                ),
                self.count_figure(
                    "reactions", _("Support reactions"), _("Support reactions given by members."), reactions
                ),
                self.count_figure(
                    "circles",
                    _("Circles formed"),
                    _(
                        "Circles created by members, and under all communities those whose creator has since deleted their account."
                    ),
                    circles,
                ),
            ],
        )

    def messages(self) -> Section:
        scope = self.member_q("conversation__member")
        by_role = (
            Message.objects.filter(scope, self.in_period("created_at"), author__role__in=[Role.MEMBER, Role.PROVIDER])
            .annotate(month=_trunc("created_at"))
            .values("month", "author__role")
            .annotate(n=Count("pk"))
            .order_by()
        )
        counts: dict[str, dict[date, int]] = {Role.MEMBER: {}, Role.PROVIDER: {}}
        zone_name = timezone.get_current_timezone_name()
        for row in by_role:
            counts[row["author__role"]][_month_of(row["month"], zone_name)] = row["n"]

        # A wait starts with a member's message that follows a provider's (or opens the conversation)
        # and ends with the next message by a provider.
        earlier = Message.objects.filter(conversation=OuterRef("conversation")).filter(
            Q(created_at__lt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
        )
        reply = Message.objects.filter(
            conversation=OuterRef("conversation"), author__role=Role.PROVIDER, created_at__gte=OuterRef("created_at")
        )
        waits = (
            Message.objects.filter(scope, self.in_period("created_at"), author__role=Role.MEMBER)
            .annotate(
                before=Subquery(earlier.order_by("-created_at", "-pk").values("author__role")[:1]),
                replied_at=Subquery(reply.order_by("created_at", "pk").values("created_at")[:1]),
            )
            .filter(Q(before__isnull=True) | ~Q(before=Role.MEMBER), replied_at__isnull=False)
            .values_list("created_at", "replied_at")
        )
        hours_by_month: dict[date, list[float]] = defaultdict(list)
        zone = zoneinfo.ZoneInfo(timezone.get_current_timezone_name())
        for sent, replied in waits:
            # Each wait has its own moment, so the month cache would not help here.
            hours_by_month[timezone.localtime(sent, zone).date().replace(day=1)].append(
                (replied - sent).total_seconds() / 3600
            )
        every_wait = [h for hours in hours_by_month.values() for h in hours]
        return Section(
            "messages",
            _("Messages"),
            [
                self.count_figure(
                    "messages_members",
                    _("Messages by members"),
                    _("Messages members wrote to their care team."),
                    counts[Role.MEMBER],
                ),
                self.count_figure(
                    "messages_providers",
                    _("Messages by providers"),
                    _("Messages providers wrote to members (of the chosen community)."),
                    counts[Role.PROVIDER],
                ),
                Figure(
                    "reply_hours",
                    _("Median time to a provider's first reply (hours)"),
                    _(
                        "From a member's message that follows a provider's message (or opens the conversation) "
                        "to the next message by a provider; waits without a reply yet are left out. Each month "
                        "counts the waits that began in it."
                    ),
                    _median(every_wait),
                    [_median(hours_by_month.get(m, [])) for m in self.months],
                    unit="hours",
                    kind="median",
                    monthly_basis=[len(hours_by_month.get(m, [])) for m in self.months],
                    total_basis=len(every_wait),
                ),
            ],
        )

    def toolbox(self) -> Section:
        plans = self.per_month(
            CrisisPlan.objects.filter(self.member_q("member"), self.in_period("updated_at")), "updated_at"
        )
        goals = self.per_month_and_person(
            Goal.objects.filter(self.member_q("member"), self.in_period("created_at")), "created_at", "member_id"
        )
        checkins = self.per_month_and_person(
            CheckIn.objects.filter(self.member_q("member"), day__gte=self.period.start, day__lte=self.period.end),
            "day",
            "member_id",
            is_date=True,
        )
        shares = self.per_month(
            Share.objects.filter(self.member_q("member"), self.in_period("created_at")), "created_at"
        )
        return Section(
            "toolbox",
            _("Toolbox"),
            [
                self.count_figure(
                    "members_crisis_plan",
                    _("Members who saved a crisis plan"),
                    _("Members whose crisis plan was last saved in the period (by the month of that last save)."),
                    plans,
                ),
                self.people_figure(
                    "members_goals", _("Members who set goals"), _("Members who set at least one new goal."), goals
                ),
                self.people_figure(
                    "members_checkins",
                    _("Members who checked in"),
                    _("Members with at least one daily check-in."),
                    checkins,
                ),
                self.count_figure(
                    "shares",
                    _("Items shared with providers"),
                    _("Toolbox items members shared with a provider of their care team (still shared today)."),
                    shares,
                ),
            ],
        )

    def cafes(self) -> tuple[Section, CafeRow, list[CafeRow]]:
        held = Meeting.objects.filter(
            self.in_period("starts_at"), cancelled_at__isnull=True, starts_at__lte=timezone.now()
        )
        if self.community is not None:
            held = held.filter(community=self.community)
        meetings = list(held.values_list("pk", "community__name", "starts_at", "attendance"))
        rsvp_rows = list(
            Rsvp.objects.filter(Q(answer=Answer.GOING) | Q(attended=True), meeting__in=held).values_list(
                "meeting_id", "user_id", "user__role", "answer", "attended"
            )
        )
        going_rows = [(m, u, role) for m, u, role, answer, _came in rsvp_rows if answer == Answer.GOING]
        came_rows = [(m, u, role) for m, u, role, _answer, came in rsvp_rows if came]
        month_of = {pk: _month_of(starts) for pk, _name, starts, _n in meetings}
        held_by_month: dict[date, int] = defaultdict(int)
        attendance_by_month: dict[date, int] = defaultdict(int)
        for pk, _name, _starts, attendance in meetings:
            held_by_month[month_of[pk]] += 1
            attendance_by_month[month_of[pk]] += attendance or 0
        going_by_month: dict[date, int] = defaultdict(int)
        for meeting_id, _user, _role in going_rows:
            going_by_month[month_of[meeting_id]] += 1
        member_pairs = [(month_of[m], u) for m, u, role in going_rows if role == Role.MEMBER]
        came_pairs = [(month_of[m], u) for m, u, role in came_rows if role == Role.MEMBER]

        # Named like the scope: the community chosen, or all of them.
        summary = _cafe_row(scope_name(self.community), meetings, going_rows, came_rows)
        names = sorted({name for _pk, name, _s, _n in meetings})
        # One community's row would repeat the exact summary with its small cells hidden.
        rows = [_cafe_row(name, [m for m in meetings if m[1] == name], going_rows, came_rows) for name in names]
        if len(rows) == 1:
            rows = []
        section = Section(
            "cafes",
            _("Cafés"),
            [
                Figure(
                    "cafes_held",
                    _("Cafés held"),
                    _(
                        "Cafés that took place (not cancelled) in the period. Shown exactly however few: "
                        "cafés are public events and their number identifies nobody."
                    ),
                    sum(self.series(held_by_month)),
                    self.series(held_by_month),
                    suppress=False,
                ),
                self.count_figure(
                    "cafe_participants",
                    _("Café participants"),
                    _("People who came, as the host recorded after each café (cafés without a record count 0)."),
                    attendance_by_month,
                ),
                self.count_figure(
                    "cafe_going",
                    _('Answers "going"'),
                    _('Answers "going" to the cafés held (the figure the café pages show).'),
                    going_by_month,
                ),
                self.people_figure(
                    "cafe_distinct",
                    _('Members who answered "going"'),
                    _(
                        'Distinct members who answered "going" to at least one café held. The host records a '
                        "head count, not names; see also the members who said afterwards that they came."
                    ),
                    member_pairs,
                ),
                self.people_figure(
                    "cafe_said_came",
                    _("Members who said they came"),
                    _(
                        'Distinct members who, having answered "going" or "maybe", said after a café held that '
                        "they were there. Saying so is optional, so this is a floor for distinct participants."
                    ),
                    came_pairs,
                ),
            ],
        )
        return section, summary, rows

    def build(self) -> UsageReport:
        cafes, summary, rows = self.cafes()
        return UsageReport(
            period=self.period,
            community=self.community,
            logins_over=self.logins_over,
            threshold=small_cell_threshold(),
            months=self.months,
            sections=[self.members(), self.forum(), self.messages(), self.toolbox(), cafes],
            cafe_summary=summary,
            cafe_rows=rows,
        )


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def _cafe_row(label: str, meetings: list[tuple], going_rows: list[tuple], came_rows: list[tuple]) -> CafeRow:
    ids = {pk for pk, *_rest in meetings}
    recorded = {pk: n for pk, _name, _s, n in meetings if n is not None}
    going = [(m, u, role) for m, u, role in going_rows if m in ids]
    came = [(m, u, role) for m, u, role in came_rows if m in ids]
    counts = sorted(recorded.values())
    return CafeRow(
        community=label,
        held=len(ids),
        with_attendance=len(recorded),
        participants_min=counts[0] if counts else None,
        participants_median=_median(counts),
        participants_max=counts[-1] if counts else None,
        distinct_going=len({u for _m, u, role in going if role == Role.MEMBER}),
        going=len(going),
        going_where_recorded=sum(1 for m, _u, _r in going if m in recorded),
        attendance=sum(counts),
        said_came=len(came),
        distinct_said_came=len({u for _m, u, role in came if role == Role.MEMBER}),
    )


def build_report(
    *, period: Period, community: Community | None = None, logins_over: int = DEFAULT_LOGINS_OVER
) -> UsageReport:
    """The whole report: a fixed number of queries, whatever the number of members, posts and cafés."""
    return _Builder(period, community, logins_over).build()
