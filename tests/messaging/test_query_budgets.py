"""Every list and detail page runs a fixed number of queries, whatever the amount of data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from messaging import services
from tests.factories import CareRelationshipFactory, MemberFactory, ProviderFactory
from tests.messaging.factories import MessageFactory, MessageReadFactory, make_attachment, make_conversation

pytestmark = pytest.mark.django_db

# Each includes about nine queries every signed-in page makes (session, user, session tracking,
# MFA check, crisis contacts, notification badge, session save).
INBOX_BUDGET = 15
MEMBER_CONVERSATION_BUDGET = 18
# Opening writes read marks and the access-log line.
PROVIDER_CONVERSATION_BUDGET = 23
# Includes one query per dashboard panel that other apps register (the toolbox has one).
DASHBOARD_BUDGET = 18
MEMBER_PAGE_BUDGET = 16


def _count(client, path) -> int:
    client.get(path)  # the first request of a session writes session bookkeeping once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def _rich_conversation(member, providers, messages):
    conversation = make_conversation(member, providers, messages=messages)
    for message in conversation.messages.all():
        make_attachment(message)
        for provider in providers:
            MessageReadFactory(message=message, reader=provider)
        MessageFactory(conversation=conversation, author=providers[0])
    return conversation


def test_member_inbox_does_not_grow_with_conversations(login, member, provider, django_assert_max_num_queries):
    client = login(member)
    make_conversation(member, [provider])
    one = _count(client, "/messages/")
    colleague = ProviderFactory()
    CareRelationshipFactory(member=member, provider=colleague)
    for _ in range(12):
        conversation = make_conversation(member, [provider, colleague], messages=3)
        services.send_message(author=provider, conversation=conversation, body="Answer")
    many = _count(client, "/messages/")
    assert one == many
    with django_assert_max_num_queries(INBOX_BUDGET):
        client.get("/messages/")


def test_member_conversation_page_does_not_grow_with_messages(login, member, provider, django_assert_max_num_queries):
    colleague = ProviderFactory()
    CareRelationshipFactory(member=member, provider=colleague)
    small = _rich_conversation(member, [provider], 1)
    big = _rich_conversation(member, [provider, colleague], 10)
    client = login(member)
    assert _count(client, f"/messages/{small.pk}/") == _count(client, f"/messages/{big.pk}/")
    with django_assert_max_num_queries(MEMBER_CONVERSATION_BUDGET):
        client.get(f"/messages/{big.pk}/")


def test_provider_conversation_page_does_not_grow_with_messages(login, member, provider, django_assert_max_num_queries):
    small = _rich_conversation(member, [provider], 1)
    big = _rich_conversation(member, [provider], 10)
    client = login(provider)
    assert _count(client, f"/provider/conversations/{small.pk}/") == _count(
        client, f"/provider/conversations/{big.pk}/"
    )
    with django_assert_max_num_queries(PROVIDER_CONVERSATION_BUDGET):
        client.get(f"/provider/conversations/{big.pk}/")


def test_dashboard_does_not_grow_with_members_and_conversations(login, member, provider, django_assert_max_num_queries):
    make_conversation(member, [provider])
    client = login(provider)
    one = _count(client, "/provider/")
    for _ in range(10):
        someone = MemberFactory(community=member.community)
        CareRelationshipFactory(member=someone, provider=provider)
        for _ in range(3):
            make_conversation(someone, [provider], messages=2)
    many = _count(client, "/provider/")
    assert one == many
    with django_assert_max_num_queries(DASHBOARD_BUDGET):
        client.get("/provider/")


def test_provider_member_page_does_not_grow_with_conversations(login, member, provider, django_assert_max_num_queries):
    make_conversation(member, [provider])
    client = login(provider)
    one = _count(client, f"/provider/members/{member.pk}/")
    for _ in range(12):
        make_conversation(member, [provider], messages=2)
    assert one == _count(client, f"/provider/members/{member.pk}/")
    with django_assert_max_num_queries(MEMBER_PAGE_BUDGET):
        client.get(f"/provider/members/{member.pk}/")
