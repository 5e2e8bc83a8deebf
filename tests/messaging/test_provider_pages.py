"""What a provider does in /provider/: the dashboard, reading and answering, handled, absence."""

from datetime import timedelta

import pytest
from django.utils import timezone

from messaging import services
from messaging.models import MessageRead, Participant, ProviderAvailability
from reconnect.accounts import services as account_services
from reconnect.core import dashboard
from reconnect.core.dashboard import PanelItem
from reconnect.core.models import AccessLogEntry, Notification
from tests.factories import CareRelationshipFactory, MemberFactory, ProviderFactory
from tests.messaging.factories import MessageFactory, make_conversation

pytestmark = pytest.mark.django_db


def test_dashboard_lists_care_team_members_with_unread_and_waiting_time(
    login, member, provider, conversation, other_member, other_conversation
):
    message = conversation.messages.get()
    message.created_at = timezone.now() - timedelta(hours=5)
    message.save(update_fields=["created_at"])
    response = login(provider).get("/provider/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ingrid Nilsen" in page and "1 unread message" in page
    assert "Waiting for an answer for 5" in page
    assert f"/provider/conversations/{conversation.pk}/" in page
    assert "Sofie Hansen" not in page and other_conversation.subject not in page


def test_a_colleagues_answer_ends_the_wait(login, member, provider, conversation):
    colleague = ProviderFactory()
    CareRelationshipFactory(member=member, provider=colleague)
    Participant.objects.create(conversation=conversation, provider=colleague)
    services.send_message(author=colleague, conversation=conversation, body="I will take this one.")
    page = login(provider).get("/provider/").content.decode()
    assert "Nothing waits for an answer." in page
    # ... but the member's message is still unread for this provider.
    assert "1 unread message" in page


def test_dashboard_shows_the_panels_other_apps_register(login, member, provider, monkeypatch):
    calls = []

    def panel(who, members):
        calls.append((who, [m.pk for m in members]))
        return {m.pk: [PanelItem(label="Crisis plan shared", url="/provider/x/")] for m in members}

    monkeypatch.setattr(dashboard, "_panels", [panel])
    page = login(provider).get("/provider/").content.decode()
    assert calls == [(provider, [member.pk])]
    assert 'href="/provider/x/">Crisis plan shared' in page


def test_opening_a_conversation_logs_the_access_and_marks_messages_read(login, member, provider, conversation):
    response = login(provider).get(f"/provider/conversations/{conversation.pk}/")
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get(subject=member)
    assert entry.actor == provider and entry.action == "viewed" and entry.object_id == str(conversation.pk)
    assert conversation.subject not in entry.object_label
    assert MessageRead.objects.filter(reader=provider).count() == 1
    login(provider).get(f"/provider/conversations/{conversation.pk}/")
    assert AccessLogEntry.objects.filter(subject=member).count() == 2
    assert MessageRead.objects.filter(reader=provider).count() == 1


def test_provider_answers_member_is_notified_and_access_is_logged(login, member, provider, conversation):
    response = login(provider).post(
        f"/provider/conversations/{conversation.pk}/reply/", {"body": "We can talk on Thursday."}
    )
    assert response.status_code == 302
    assert conversation.messages.last().author == provider
    note = Notification.objects.get(user=member, kind="messaging.from_care_team")
    assert "Thursday" not in note.text
    assert AccessLogEntry.objects.filter(subject=member, actor=provider, action="replied").exists()


def test_an_empty_answer_keeps_the_provider_on_the_page(login, provider, conversation):
    response = login(provider).post(f"/provider/conversations/{conversation.pk}/reply/", {"body": " "})
    assert response.status_code == 200 and "Please write a message." in response.content.decode()
    assert conversation.messages.count() == 1


def test_another_providers_conversation_is_a_404(login, other_provider, conversation):
    client = login(other_provider)
    assert client.get(f"/provider/conversations/{conversation.pk}/").status_code == 404
    assert client.post(f"/provider/conversations/{conversation.pk}/reply/", {"body": "x"}).status_code == 404
    assert client.post(f"/provider/conversations/{conversation.pk}/handled/").status_code == 404
    assert conversation.messages.count() == 1 and not AccessLogEntry.objects.exists()


def test_a_team_provider_who_is_not_in_the_conversation_gets_a_404(login, member, conversation):
    colleague = ProviderFactory()
    CareRelationshipFactory(member=member, provider=colleague)
    assert login(colleague).get(f"/provider/conversations/{conversation.pk}/").status_code == 404


def test_another_providers_member_is_a_404(login, provider, other_member):
    assert login(provider).get(f"/provider/members/{other_member.pk}/").status_code == 404
    assert login(provider).get("/provider/members/99999999/").status_code == 404


def test_member_page_lists_the_conversations_with_that_member(login, member, provider, conversation):
    page = login(provider).get(f"/provider/members/{member.pk}/").content.decode()
    assert conversation.subject in page and "1 unread" in page


def test_ending_the_care_link_cuts_the_provider_off_and_keeps_the_messages_for_the_member(
    login, client, member, provider, conversation
):
    account_services.end_care_link(link=member.care_links.get(provider=provider), ended_by=member)
    provider_client = login(provider)
    assert provider_client.get(f"/provider/conversations/{conversation.pk}/").status_code == 404
    assert provider_client.get(f"/provider/members/{member.pk}/").status_code == 404
    assert provider_client.post(f"/provider/conversations/{conversation.pk}/reply/", {"body": "x"}).status_code == 404
    assert "Ingrid Nilsen" not in provider_client.get("/provider/").content.decode()
    client.logout()
    assert login(member).get(f"/messages/{conversation.pk}/").status_code == 200


def test_a_renewed_care_link_opens_the_conversation_again(login, member, provider, conversation):
    account_services.end_care_link(link=member.care_links.get(provider=provider), ended_by=member)
    account_services.link_care_team(member=member, provider=provider, created_by=None)
    assert login(provider).get(f"/provider/conversations/{conversation.pk}/").status_code == 200


def test_mark_as_handled_stops_the_wait_until_the_member_writes_again(login, member, provider, conversation):
    client = login(provider)
    assert client.post(f"/provider/conversations/{conversation.pk}/handled/").status_code == 302
    assert "Nothing waits for an answer." in client.get("/provider/").content.decode()
    MessageFactory(conversation=conversation, author=member, created_at=timezone.now() + timedelta(seconds=1))
    assert "Waiting for an answer" in client.get("/provider/").content.decode()


def test_reopen_makes_the_conversation_wait_again(login, provider, conversation):
    client = login(provider)
    client.post(f"/provider/conversations/{conversation.pk}/handled/")
    client.post(f"/provider/conversations/{conversation.pk}/reopen/")
    assert "Waiting for an answer" in client.get("/provider/").content.decode()


def test_get_on_provider_post_only_views_is_405(login, provider, conversation):
    client = login(provider)
    for action in ("reply", "handled", "reopen"):
        assert client.get(f"/provider/conversations/{conversation.pk}/{action}/").status_code == 405


def test_members_have_no_dashboard(login, member):
    assert login(member).get("/provider/").status_code == 403


def test_provider_sets_reply_time_and_out_of_office_note(login, client, member, provider):
    response = login(provider).post(
        "/provider/availability/",
        {
            "expected_reply_time": "one_day",
            "out_of_office_note": "At a course.",
            "away_until": "2099-03-02",
        },
    )
    assert response.status_code == 302
    saved = ProviderAvailability.objects.get(provider=provider)
    assert saved.is_away and saved.away_until.isoformat() == "2099-03-02"
    client.logout()
    page = login(member).get("/messages/new/").content.decode()
    assert "within 1 working day" in page and "At a course." in page and "2 Mar 2099" in page


def test_a_return_date_without_a_note_is_refused(login, provider):
    response = login(provider).post(
        "/provider/availability/", {"expected_reply_time": "", "out_of_office_note": "", "away_until": "2099-03-02"}
    )
    assert response.status_code == 200 and "short note" in response.content.decode()
    assert not ProviderAvailability.objects.exists()


def test_an_absence_that_is_over_is_no_longer_shown(login, member, provider):
    ProviderAvailability.objects.create(
        provider=provider, out_of_office_note="Away for a week.", away_until=timezone.localdate() - timedelta(days=1)
    )
    assert "Away for a week." not in login(member).get("/messages/new/").content.decode()


def test_inactive_members_do_not_appear_on_the_dashboard(login, provider):
    gone = MemberFactory(real_name="Gone Person", is_active=False)
    CareRelationshipFactory(member=gone, provider=provider)
    make_conversation(gone, [provider])
    assert "Gone Person" not in login(provider).get("/provider/").content.decode()
