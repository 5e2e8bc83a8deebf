"""The readable page of an export, what a provider's export holds, and how copies are shown."""

import html
import io
import json
import re
import zipfile
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.functional import Promise

from messaging.models import Message
from reconnect.core.models import AccessLogEntry
from reconnect.privacy import registry, services
from reconnect.privacy.models import DataExport
from reconnect.privacy.summary import column_heading
from tests.factories import InvitationFactory
from tests.messaging.factories import MessageFactory, make_attachment, make_conversation
from tests.privacy.builders import use_everything

pytestmark = pytest.mark.usefixtures("private_storage", "forum_settings")


def _archive(user) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(services.build_export_zip(user=user)))


def _headings(page: str) -> set[str]:
    return {html.unescape(heading) for heading in re.findall(r'<th scope="col">([^<]*)</th>', page)}


def test_every_column_of_every_export_has_a_translatable_heading():
    untranslated = [
        f"{section.key}.{item.key}.{column}"
        for section in registry.sections()
        for item in section.items
        for column in item.columns()
        if not isinstance(column_heading(item.model, column), Promise)
    ]
    assert untranslated == []


def test_the_summary_page_reads_as_sentences_not_database_columns(member, other_member, provider, moderator):
    use_everything(member, other=other_member, provider=provider, moderator=moderator)
    page = _archive(member).read("index.html").decode()
    headings = _headings(page)
    assert {"Created", "Number", "Author's pseudonym"} <= headings
    assert not [heading for heading in headings if "_" in heading]
    assert "Going" in page  # the café answer's label, not its stored value "going"
    assert "True" not in page and "False" not in page
    assert re.search(r"<td>(Yes|No)</td>", page)
    # Dates in the portal's time zone and the reader's format, not ISO timestamps.
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", page)
    # A wide table scrolls in its own box that a keyboard can reach, with the heading as its name.
    assert re.search(r'<div class="scroll" role="region" tabindex="0" aria-labelledby="forum-posts">', page)


def test_the_summary_page_is_norwegian_for_a_norwegian_reader(member, other_member, provider, moderator):
    member.preferred_language = "nb"
    member.save(update_fields=["preferred_language"])
    use_everything(member, other=other_member, provider=provider, moderator=moderator)
    page = _archive(member).read("index.html").decode()
    headings = _headings(page)
    assert {"Opprettet", "Nummer", "Forfatterens pseudonym"} <= headings
    assert "Created" not in headings
    assert re.search(r"<td>(Ja|Nei)</td>", page)
    assert "<td>Kommer</td>" in page


def test_the_json_keeps_raw_values_for_programs(member, other_member, provider, moderator):
    use_everything(member, other=other_member, provider=provider, moderator=moderator)
    cafes = json.loads(_archive(member).read("cafes.json"))
    assert cafes["answers"][0]["answer"] == "going"
    assert "T" in cafes["answers"][0]["updated_at"]


def test_a_providers_export_holds_only_the_messages_they_wrote(member, provider):
    conversation = make_conversation(member, [provider])
    members_message = conversation.messages.get()
    make_attachment(members_message, name="members-diary.pdf")
    own = MessageFactory(conversation=conversation, author=provider, body="Shall we talk on Tuesday?")
    make_attachment(own, name="leaflet.pdf")
    archive = _archive(provider)
    messages = json.loads(archive.read("messages.json"))
    assert [m["body"] for m in messages["messages"]] == ["Shall we talk on Tuesday?"]
    assert [a["original_name"] for a in messages["attachments"]] == ["leaflet.pdf"]
    names = archive.namelist()
    assert any(name.endswith("leaflet.pdf") for name in names)
    assert not any(name.endswith("members-diary.pdf") for name in names)
    summary = archive.read("index.html").decode()
    assert members_message.body not in summary
    # The conversation's subject is the member's words too: the provider's copy lists only their part.
    assert "conversations" not in messages
    assert conversation.subject not in summary
    assert [p["conversation_id"] for p in messages["participation"]] == [conversation.pk]


@pytest.mark.parametrize("role", ["provider", "moderator", "admin"])
def test_a_staff_members_export_counts_the_invitations_they_sent_without_the_invitees_addresses(
    role, provider, moderator, admin_user
):
    staff = {"provider": provider, "moderator": moderator, "admin": admin_user}[role]
    InvitationFactory(invited_by=staff, email="invited-person@example.net")
    InvitationFactory(invited_by=staff, email="second-invitee@example.net")
    archive = _archive(staff)
    for name in archive.namelist():
        content = archive.read(name).decode(errors="replace")
        assert "invited-person@example.net" not in content, name
        assert "second-invitee@example.net" not in content, name
    sent = json.loads(archive.read("account.json"))["invitations_sent"]
    assert len(sent) == 2
    assert all("email" not in row for row in sent)


def test_the_invitation_a_person_joined_with_keeps_their_own_address(member):
    InvitationFactory(used_by=member, email=member.email, used_at=timezone.now())
    joined = json.loads(_archive(member).read("account.json"))["invitation"]
    assert [row["email"] for row in joined] == [member.email]


def test_a_members_export_holds_every_message_of_their_conversations(member, provider):
    conversation = make_conversation(member, [provider])
    MessageFactory(conversation=conversation, author=provider, body="Shall we talk on Tuesday?")
    messages = json.loads(_archive(member).read("messages.json"))
    assert len(messages["messages"]) == Message.objects.filter(conversation=conversation).count() == 2


def test_a_copy_stuck_in_preparation_is_shown_as_could_not_be_prepared(login, reauthenticate, member):
    DataExport.objects.create(user=member, requested_at=timezone.now() - timedelta(hours=2))
    fresh = DataExport.objects.create(user=member)
    client = login(member)
    reauthenticate()
    page = client.get("/me/export/").content.decode()
    assert page.count("Could not be prepared") == 1
    assert page.count("Being prepared") == 1
    stuck = DataExport.objects.exclude(pk=fresh.pk).get()
    response = client.get(stuck.get_download_url(), follow=True)
    assert "still being prepared" not in response.content.decode()
    assert "no longer available" in response.content.decode()


def test_the_overview_names_the_access_log_for_what_it_holds(login, member):
    page = login(member).get("/me/data/").content.decode()
    assert "Access log: who opened my data, and my own requests" in page


@pytest.mark.parametrize(("days", "kept"), [(3650, True), (0, False)])
def test_the_goodbye_page_says_whether_messages_are_kept(db, client, settings, days, kept):
    settings.PRIVACY_MESSAGES_KEPT_DAYS = days
    page = client.get("/me/deleted/").content.decode()
    assert "Your account is deleted" in page
    assert ("messages with your care team may belong to your health record" in page) is kept
    assert "personal data are gone" not in page


def test_the_demo_export_is_in_ingrids_access_log(db, settings, django_capture_on_commit_callbacks):
    settings.DEBUG = True
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", quiet=True)
    assert AccessLogEntry.objects.filter(subject__email="ingrid@example.org", action="export_requested").count() == 1
