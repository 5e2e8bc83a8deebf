"""The report's rules on small data: months, sign-ins, views, choices, and a bounded query count."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import F, Sum
from django.utils import timezone

from cafes.models import Meeting
from forum import services as forum
from forum.models import Post, PostView
from reports.models import LoginEvent
from reports.selectors import Period, build_report
from tests.cafes.factories import MeetingFactory, RsvpFactory
from tests.factories import TEST_PASSWORD, CommunityFactory, MemberFactory, ProviderFactory
from tests.forum.factories import ThreadFactory, reply
from tests.messaging.factories import MessageFactory, make_conversation

pytestmark = pytest.mark.django_db

# About a dozen of these are the admin's own (session, user, sidebar, crisis contacts); the report
# runs about twenty whatever the data.
REPORT_PAGE_BUDGET = 32


def test_signing_in_through_allauth_records_one_sign_in(client):
    member = MemberFactory(email="walker@example.net")
    response = client.post("/accounts/login/", {"login": "walker@example.net", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert list(LoginEvent.objects.values_list("user_id", flat=True)) == [member.pk]


def test_a_failed_sign_in_records_nothing(client):
    MemberFactory(email="walker@example.net")
    client.post("/accounts/login/", {"login": "walker@example.net", "password": "wrong password here"})
    assert not LoginEvent.objects.exists()


def test_opening_a_thread_records_one_dated_view_per_post_counted(login, topic_thread):
    thread, author, reader = topic_thread
    login(reader).get(thread.get_absolute_url())
    login(reader).get(thread.get_absolute_url())  # reading again is not a new view
    login(author).get(thread.get_absolute_url())  # the author views only the other member's reply
    views = PostView.objects.all()
    assert views.count() == 4 == Post.objects.aggregate(n=Sum("view_count"))["n"]
    assert views.filter(viewer=reader).count() == 3
    assert not views.filter(post__author=F("viewer")).exists()


@pytest.fixture
def topic_thread(db, settings):
    settings.MODERATION_HOLD_FIRST_POSTS = 0
    community = CommunityFactory()
    author, other, reader = (MemberFactory(community=community) for _n in range(3))
    thread = ThreadFactory(author=author)
    reply(thread, other)
    reply(thread, author)
    return thread, author, reader


def test_record_reading_counts_only_unread_posts_by_others(topic_thread):
    thread, author, reader = topic_thread
    forum.record_reading(user=author, thread=thread, up_to_position=3)
    assert PostView.objects.filter(viewer=author).count() == 1  # the other member's reply
    forum.record_reading(user=reader, thread=thread, up_to_position=2)
    forum.record_reading(user=reader, thread=thread, up_to_position=3)
    assert PostView.objects.filter(viewer=reader).count() == 3


def test_posts_the_reader_could_not_see_are_not_counted_as_read(topic_thread):
    thread, _author, reader = topic_thread
    thread.posts.filter(position=2).update(status="held")
    thread.posts.filter(position=3).update(status="hidden")
    forum.record_reading(user=reader, thread=thread, up_to_position=3)
    assert list(PostView.objects.filter(viewer=reader).values_list("post__position", flat=True)) == [1]
    assert list(thread.posts.order_by("position").values_list("view_count", flat=True)) == [1, 0, 0]


def test_figures_fall_in_the_month_they_happened(db):
    member = MemberFactory()
    today = timezone.localdate()
    first_of_month = today.replace(day=1)
    last_month = first_of_month - timedelta(days=1)
    LoginEvent.objects.create(user=member, at=timezone.now() - timedelta(days=today.day + 3))
    LoginEvent.objects.create(user=member, at=timezone.now())
    report = build_report(period=Period(last_month.replace(day=1), today))
    logins = report.figure("logins")
    assert report.months == [last_month.replace(day=1), first_of_month]
    assert logins.monthly == [1, 1]
    assert report.figure("members_active").monthly == [1, 1]
    assert report.figure("members_active").total == 1


def test_staff_are_not_counted_as_members(db, moderator, provider):
    LoginEvent.objects.create(user=moderator)
    LoginEvent.objects.create(user=provider)
    report = build_report(period=Period(timezone.localdate(), timezone.localdate()))
    assert report.figure("logins").total == 0


def test_the_threshold_for_small_cells_is_a_setting(db, settings, client, admin_user):
    settings.REPORTS_SMALL_CELL_THRESHOLD = 2
    for member in (MemberFactory(), MemberFactory(), MemberFactory()):
        LoginEvent.objects.create(user=member)
    client.force_login(admin_user)
    page = client.get("/admin/reports/usagereport/").content.decode()
    row = page.split('id="figure-members_active"')[1].split("</tr>")[0]
    assert "fewer than 2" not in row and ">4</td>" not in row
    settings.REPORTS_SMALL_CELL_THRESHOLD = 10
    page = client.get("/admin/reports/usagereport/").content.decode()
    row = page.split('id="figure-members_active"')[1].split("</tr>")[0]
    assert "fewer than 10" in row


def test_invalid_choices_are_refused_with_a_message(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/reports/usagereport/?start=2026-05-01&end=2026-01-01&logins_over=15")
    assert response.status_code == 400
    assert "The end must not be before the start." in response.content.decode()
    assert client.get("/admin/reports/usagereport/csv/?start=nonsense").status_code == 400
    response = client.get("/admin/reports/usagereport/?start=2010-01-01&end=2026-01-01&logins_over=15")
    assert "at most 60 months" in response.content.decode()


def test_management_command_refuses_bad_choices(db):
    with pytest.raises(CommandError):
        call_command("usage_report", "--community", "atlantis")
    with pytest.raises(CommandError):
        call_command("usage_report", "--start", "2026-02-01", "--end", "2026-01-01")


def test_the_admin_index_lists_the_report_for_the_admin(client, admin_user):
    client.force_login(admin_user)
    page = client.get("/admin/").content.decode()
    assert 'href="/admin/reports/usagereport/"' in page and "Usage report" in page


def test_report_page_queries_do_not_grow_with_data(db, client, admin_user, assert_constant_queries):
    client.force_login(admin_user)
    community = CommunityFactory()
    provider = ProviderFactory(community=community)

    def grow():
        members = [MemberFactory(community=community) for _n in range(6)]
        for member in members:
            LoginEvent.objects.create(user=member)
            thread = ThreadFactory(author=member)
            for other in members:
                if other != member:
                    forum.record_reading(user=other, thread=thread, up_to_position=1)
            conversation = make_conversation(member, [provider], messages=2)
            MessageFactory(conversation=conversation, author=provider)
        for n in range(3):
            meeting = MeetingFactory(series__community=community)
            Meeting.objects.filter(pk=meeting.pk).update(
                starts_at=timezone.now() - timedelta(days=n + 1),
                ends_at=timezone.now() - timedelta(days=n + 1) + timedelta(hours=2),
                attendance=4 + n,
            )
            for member in members[:4]:
                RsvpFactory(meeting=meeting, user=member)

    assert_constant_queries("/admin/reports/usagereport/", grow, maximum=REPORT_PAGE_BUDGET)


def test_seed_demo_gives_the_demo_members_months_of_sign_ins_once(db, settings):
    from django.core.management import call_command

    from reports.models import LoginEvent

    settings.DEBUG = True
    call_command("seed_demo", quiet=True)
    first = LoginEvent.objects.count()
    assert first >= 49
    assert LoginEvent.objects.dates("at", "month").count() >= 5
    call_command("seed_demo", quiet=True)
    assert LoginEvent.objects.count() == first
