"""What every page shows (crisis contacts, unread count) comes from the cache and changes as soon
as the data does: it is dropped on change, not left to go stale."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reconnect.core import services
from reconnect.core.models import CrisisContact
from tests.factories import CrisisContactFactory, NotificationFactory

pytestmark = pytest.mark.django_db


def _badge(page: str) -> str | None:
    found = re.search(r"rounded-pill[^>]*>(\d+)<", page)
    return found.group(1) if found else None


def _frame_queries(client, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return [
        q["sql"]
        for q in queries.captured_queries
        if "core_crisiscontact" in q["sql"] or "core_notification" in q["sql"]
    ]


def test_the_frame_reads_contacts_and_unread_count_once_then_from_the_cache(client, login, member):
    login(member)
    CrisisContactFactory(name="Nordvik legevakt", phone="116117", community=member.community)
    NotificationFactory(user=member)
    client.get("/me/")
    assert _frame_queries(client, "/me/") == []


def test_a_new_crisis_contact_shows_on_the_next_page(client, login, member):
    login(member)
    client.get("/me/")
    CrisisContactFactory(name="Nordvik legevakt", phone="116117", community=member.community)
    assert "Nordvik legevakt" in client.get("/me/").content.decode()


def test_a_changed_or_deleted_crisis_contact_changes_on_the_next_page(client, login, member):
    contact = CrisisContactFactory(name="Old number", phone="1", community=member.community)
    login(member)
    assert "Old number" in client.get("/me/").content.decode()
    contact.name = "New number"
    contact.save()
    assert "New number" in client.get("/me/").content.decode()
    CrisisContact.objects.filter(pk=contact.pk).first().delete()
    assert "New number" not in client.get("/me/").content.decode()


def test_another_communitys_contact_stays_off_the_page(client, login, member, elvdal):
    CrisisContactFactory(name="Elvdal only", phone="2", community=elvdal)
    login(member)
    assert "Elvdal only" not in client.get("/me/").content.decode()


def test_the_unread_count_follows_new_and_read_notifications(client, login, member):
    login(member)
    assert _badge(client.get("/me/").content.decode()) is None
    first = NotificationFactory(user=member)
    NotificationFactory(user=member)
    assert _badge(client.get("/me/").content.decode()) == "2"
    services.mark_read(notification=first)
    assert _badge(client.get("/me/").content.decode()) == "1"
    services.mark_all_read(user=member)
    assert _badge(client.get("/me/").content.decode()) is None
