"""What a member does in /messages/: write to their care team, answer, see read marks, archive."""

import pytest
from django.core import mail

from messaging.models import Conversation, Message, Participant, ProviderAvailability
from reconnect.accounts import services as account_services
from reconnect.core.models import Notification
from tests.factories import CareRelationshipFactory, CrisisContactFactory, MemberFactory, ProviderFactory
from tests.messaging.factories import ProviderAvailabilityFactory, make_conversation

pytestmark = pytest.mark.django_db

BODY = "The nights are long and I keep thinking about the hospital."


def _new(client, providers, *, subject="Nights", body=BODY, **extra):
    return client.post(
        "/messages/new/", {"providers": [p.pk for p in providers], "subject": subject, "body": body, **extra}
    )


def test_member_starts_a_conversation_with_their_provider(login, member, provider, django_capture_on_commit_callbacks):
    client = login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = _new(client, [provider])
    conversation = Conversation.objects.get(member=member)
    assert response.status_code == 302 and response["Location"] == f"/messages/{conversation.pk}/"
    assert conversation.subject == "Nights"
    assert [p.provider for p in conversation.participants.all()] == [provider]
    assert conversation.messages.get().body == BODY
    page = client.get(response["Location"])
    assert BODY in page.content.decode() and "Not read yet" in page.content.decode()


def test_notifications_and_emails_for_a_new_message_carry_no_message_text(
    login, member, provider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _new(login(member), [provider], subject="About the hospital")
    note = Notification.objects.get(user=provider)
    assert note.kind == "messaging.from_member"
    assert "hospital" not in note.text and BODY not in str(note.params)
    assert "hospital" not in str(note.params)
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert "hospital" not in email.subject and "hospital" not in email.body and "Nights" not in email.body


def test_a_conversation_with_two_providers_of_the_team_is_shared(login, member, provider):
    colleague = ProviderFactory(community=member.community)
    CareRelationshipFactory(member=member, provider=colleague)
    _new(login(member), [provider, colleague])
    conversation = Conversation.objects.get(member=member)
    assert set(conversation.participants.values_list("provider", flat=True)) == {provider.pk, colleague.pk}
    assert Notification.objects.filter(user__in=[provider, colleague]).count() == 2


def test_before_writing_the_member_sees_reply_time_absence_and_crisis_contacts(login, member, provider):
    CrisisContactFactory(community=member.community, name="Nordvik emergency ward", phone="77 00 00 00")
    ProviderAvailabilityFactory(
        provider=provider,
        expected_reply_time="two_days",
        out_of_office_note="On holiday, Dr. Lund covers.",
        away_until="2099-01-05",
    )
    page = login(member).get("/messages/new/").content.decode()
    assert "within 2 working days" in page
    assert "On holiday, Dr. Lund covers." in page and "5 Jan 2099" in page
    assert "Messages are not for emergencies" in page
    assert "Nordvik emergency ward" in page and "tel:77000000" in page


def test_the_crisis_plan_link_shows_when_the_toolbox_provides_it(login, member, provider, monkeypatch):
    import reconnect.core.frame as frame

    monkeypatch.setattr(frame, "_crisis_plan_url", lambda role: "/toolbox/crisis-plan/")
    page = login(member).get("/messages/new/").content.decode()
    assert 'href="/toolbox/crisis-plan/">Open my crisis plan' in page


def test_writing_to_a_provider_outside_the_care_team_is_refused_and_nothing_is_saved(
    login, member, provider, other_provider
):
    response = _new(login(member), [other_provider])
    assert response.status_code == 200
    assert "care team" in response.content.decode()
    assert not Conversation.objects.exists() and not Message.objects.exists()


def test_an_empty_message_is_refused_and_the_subject_stays(login, member, provider):
    response = _new(login(member), [provider], subject="Keep me", body="   ")
    page = response.content.decode()
    assert response.status_code == 200 and "Please write a message." in page
    assert 'value="Keep me"' in page
    assert not Conversation.objects.exists()


def test_a_missing_subject_is_refused_and_the_text_stays(login, member, provider):
    response = _new(login(member), [provider], subject="")
    page = response.content.decode()
    assert "Please give your message a subject." in page and BODY in page
    assert not Conversation.objects.exists()


def test_a_member_without_care_team_is_told_there_is_nobody_to_write_to(login, db):
    lonely = MemberFactory()
    client = login(lonely)
    assert "no care team" in client.get("/messages/new/").content.decode()
    response = client.post("/messages/new/", {"subject": "x", "body": "y"})
    assert response.status_code == 200 and not Conversation.objects.exists()


def test_inbox_lists_own_conversations_with_unread_answers(login, member, provider, conversation, other_conversation):
    from messaging import services

    services.send_message(author=provider, conversation=conversation, body="Let us talk on Thursday.")
    page = login(member).get("/messages/").content.decode()
    assert conversation.subject in page and "1 new" in page
    assert other_conversation.subject not in page


def test_member_answers_and_provider_is_notified(login, member, provider, conversation):
    response = login(member).post(f"/messages/{conversation.pk}/reply/", {"body": "One more thing."})
    assert response.status_code == 302
    assert conversation.messages.count() == 2
    assert Notification.objects.filter(user=provider, kind="messaging.from_member").count() == 1


def test_an_empty_answer_is_refused_with_a_clear_message(login, member, conversation):
    response = login(member).post(f"/messages/{conversation.pk}/reply/", {"body": ""})
    assert response.status_code == 200 and "Please write a message." in response.content.decode()
    assert conversation.messages.count() == 1


def test_member_sees_when_the_provider_read_their_message(login, client, member, provider, conversation):
    login(provider).get(f"/provider/conversations/{conversation.pk}/")
    client.logout()
    page = login(member).get(f"/messages/{conversation.pk}/").content.decode()
    assert "Read by Dr. Kari Berg on" in page


@pytest.mark.parametrize("path", ["/messages/{pk}/", "/messages/{pk}/reply/", "/messages/{pk}/archive/"])
def test_another_members_conversation_is_a_404(login, other_member, conversation, path):
    client = login(other_member)
    url = path.format(pk=conversation.pk)
    response = client.get(url) if path == "/messages/{pk}/" else client.post(url, {"body": "hi"})
    assert response.status_code == 404
    assert conversation.messages.count() == 1


@pytest.mark.parametrize("bad", ["99999999", "0", "abc", "1.5", "%27%20or%201=1"])
def test_a_tampered_conversation_id_is_a_404(login, member, conversation, bad):
    assert login(member).get(f"/messages/{bad}/").status_code == 404


def test_get_on_post_only_views_is_405(login, member, conversation):
    client = login(member)
    for action in ("reply", "archive", "unarchive"):
        assert client.get(f"/messages/{conversation.pk}/{action}/").status_code == 405


def test_providers_and_moderators_have_no_member_inbox(login, provider, moderator):
    assert login(provider).get("/messages/").status_code == 403
    assert login(moderator).get("/messages/new/").status_code == 403


def test_archiving_is_per_member_and_an_answer_brings_it_back(login, member, provider, conversation):
    from messaging import services

    client = login(member)
    assert client.post(f"/messages/{conversation.pk}/archive/").status_code == 302
    assert conversation.subject not in client.get("/messages/").content.decode()
    assert conversation.subject in client.get("/messages/archive/").content.decode()
    # The provider still sees it: the archive is the member's own.
    services.send_message(author=provider, conversation=conversation, body="How are the nights now?")
    assert conversation.subject in client.get("/messages/").content.decode()


def test_unarchive_moves_the_conversation_back(login, member, conversation):
    client = login(member)
    client.post(f"/messages/{conversation.pk}/archive/")
    client.post(f"/messages/{conversation.pk}/unarchive/")
    assert conversation.subject in client.get("/messages/").content.decode()


def test_after_the_care_link_ends_the_member_keeps_the_conversation_but_cannot_answer(
    login, member, provider, conversation
):
    link = member.care_links.get(provider=provider)
    account_services.end_care_link(link=link, ended_by=member)
    client = login(member)
    page = client.get(f"/messages/{conversation.pk}/").content.decode()
    assert conversation.messages.get().body in page and "closed for answers" in page
    response = client.post(f"/messages/{conversation.pk}/reply/", {"body": "Are you there?"})
    assert response.status_code == 200 and "closed" in response.content.decode()
    assert conversation.messages.count() == 1


def test_member_cannot_add_a_provider_by_tampering_the_form(login, member, provider, other_provider):
    _new(login(member), [provider, other_provider])
    assert not Participant.objects.exists()


def test_a_message_to_a_conversation_made_elsewhere_is_only_for_its_participants(login, member, provider):
    stranger = make_conversation(MemberFactory(), [ProviderFactory()])
    assert login(provider).get(f"/provider/conversations/{stranger.pk}/").status_code == 404


def test_pages_speak_norwegian(login, member, provider, conversation, settings):
    client = login(member)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    page = client.get("/messages/new/").content.decode()
    assert "Meldinger er ikke for nødsituasjoner" in page and "Send melding" in page
    assert "Ikke lest ennå" in client.get(f"/messages/{conversation.pk}/").content.decode()


def test_reply_time_is_a_choice_members_read_in_their_own_language(client, login, member, provider):
    ProviderAvailability.objects.update_or_create(provider=provider, defaults={"expected_reply_time": "one_day"})
    login(member)
    client.post("/i18n/setlang/", {"language": "nb", "next": "/"})
    assert "innen 1 virkedag" in client.get("/messages/new/").content.decode()


def test_reply_time_migration_turns_known_texts_into_choices_and_keeps_the_rest():
    import importlib

    migration = importlib.import_module("messaging.migrations.0003_reply_time_choice")
    assert migration.choice_for("within 2 working days") == "two_days"
    assert migration.choice_for("Innen én virkedag") == "one_day"
    assert migration.choice_for("the same day") == "same_day"
    assert migration.choice_for("within a week") == "one_week"
    assert migration.choice_for("when I can") is None
