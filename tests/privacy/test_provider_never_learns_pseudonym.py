"""Providers never learn a member's pseudonym: every page a provider reaches, every notification
and email a provider receives, the provider's own data export and their access log name members
by their real name (or the name a member set for their care team), never by the pseudonym.

The member is the sentinel Zebulon ("Silent Heron"), in `provider`'s care team: he writes to his
provider, shares his crisis plan, and is linked and unlinked; the world's member ("Lighthouse")
too. The provider takes every notification by email at once, and then as a daily summary.
"""

import io
import re
import zipfile

import pytest
from django.core import mail

from messaging import services as messaging_services
from reconnect.accounts import services as account_services
from reconnect.accounts.models import CareRelationship, Role, User
from reconnect.core import notifications as core_kinds
from reconnect.core import tasks as core_tasks
from reconnect.core.models import AccessLogEntry, Notification
from reconnect.core.services import set_notification_preferences
from reconnect.privacy.services import build_export_zip
from tests.factories import MemberFactory
from tests.privacy.test_leak_scan import _body, _extra_pages, _get_routes
from tests.security.matrix import OK

pytestmark = pytest.mark.usefixtures("private_storage", "forum_settings")


def _pseudonyms() -> dict[str, str]:
    """Every pseudonym of a peer, with its owner's real name."""
    peers = User.objects.filter(role__in=[Role.MEMBER, Role.MODERATOR], pseudonym__isnull=False)
    return {u.pseudonym: u.real_name for u in peers}


def _find(pseudonyms: dict[str, str], text: str, where: str) -> list[str]:
    found = []
    for pseudonym, owner in pseudonyms.items():
        match = re.search(rf"(?<!\w){re.escape(pseudonym)}(?!\w)", text)
        if match:
            context = " ".join(text[max(0, match.start() - 80) : match.end() + 40].split())
            found.append(f"{where}: {owner}'s pseudonym {pseudonym!r} … {context}")
    return found


def _everything_that_notifies_a_provider(world, zebulon, newcomer, django_capture_on_commit_callbacks) -> None:
    conversation = world.objects["sentinel_conversation"]
    with django_capture_on_commit_callbacks(execute=True):
        messaging_services.send_message(author=zebulon, conversation=conversation, body="A reply from Zebulon")
        messaging_services.start_conversation(
            member=world.member, providers=[world.provider], subject="Sleep", body="Hello again"
        )
        link = account_services.link_care_team(member=newcomer, provider=world.provider, created_by=None)
        messaging_services.start_conversation(member=newcomer, providers=[world.provider], subject="Hi", body="Hi")
        account_services.end_care_link(link=link, ended_by=newcomer)


def _provider_pages(client, world) -> dict[str, str]:
    pages = {}
    for name, route in sorted(_get_routes().items()):
        if route.expect["provider"] != OK:
            continue
        path = route.path(world) if callable(route.path) else route.path
        response = client.get(path)
        assert response.status_code == OK, f"{name} {path}: {response.status_code}"
        pages[path] = _body(response)
    # Zebulon's pages: those he shares answer (the crisis plan), the others are a 404.
    for path in _extra_pages(world, world.provider):
        response = client.get(path)
        if response.status_code == OK:
            pages[path] = _body(response)
    return pages


def test_no_provider_page_notification_email_export_or_log_holds_a_pseudonym(
    client, world, sentinels, django_capture_on_commit_callbacks
):
    provider, zebulon = world.provider, sentinels[0].user
    newcomer = MemberFactory(pseudonym="Quiet Kestrel", real_name="Newt Carrow", community=world.member.community)
    mail.outbox.clear()
    kinds = core_kinds.kinds_for_role(Role.PROVIDER)
    set_notification_preferences(
        user=provider, choices={k.key: (True, core_kinds.EmailChoice.IMMEDIATE) for k in kinds}
    )
    _everything_that_notifies_a_provider(world, zebulon, newcomer, django_capture_on_commit_callbacks)
    set_notification_preferences(user=provider, choices={k.key: (True, core_kinds.EmailChoice.DAILY) for k in kinds})
    _everything_that_notifies_a_provider(world, zebulon, newcomer, django_capture_on_commit_callbacks)
    core_tasks.send_daily_digests()

    client.force_login(provider)
    texts = {f"page {path}": page for path, page in _provider_pages(client, world).items()}
    notes = Notification.objects.filter(user=provider)
    assert notes.count() >= 4
    texts.update({f"notification {note.kind}": str(note.text) for note in notes})
    emails = [m for m in mail.outbox if m.to == [provider.email]]
    assert emails, "the provider got no email"
    texts.update({f"email {m.subject!r}": f"{m.subject}\n{m.body}" for m in emails})
    archive = zipfile.ZipFile(io.BytesIO(build_export_zip(user=provider)))
    texts.update({f"export {name}": archive.read(name).decode("utf-8", "replace") for name in archive.namelist()})
    for entry in AccessLogEntry.objects.filter(actor=provider) | AccessLogEntry.objects.filter(subject=provider):
        texts[f"access log {entry.pk}"] = f"{entry.actor_name} {entry.object_type} {entry.object_label}"

    pseudonyms = _pseudonyms()
    assert {"Silent Heron", "Lighthouse", "Quiet Kestrel"} <= set(pseudonyms)
    leaks = [leak for where, text in texts.items() for leak in _find(pseudonyms, text, where)]
    assert not leaks, f"{len(leaks)} places show a provider a pseudonym:\n" + "\n".join(leaks)
    everything = "\n".join(texts.values())
    assert "Zebulon Quartermaine has sent you a message." in everything
    assert "Newt Carrow" in everything  # the export lists the members of the provider's care teams


def test_a_member_chooses_the_name_their_care_team_sees_and_providers_see_only_that(
    client, login, member, provider, django_capture_on_commit_callbacks
):
    response = login(member).post("/me/care-team/", {"care_team_name": "Ingrid N."})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.care_team_name == "Ingrid N."
    with django_capture_on_commit_callbacks(execute=True):
        messaging_services.start_conversation(member=member, providers=[provider], subject="Sleep", body="Hello")
    client.force_login(provider)
    dashboard = client.get("/provider/").content.decode()
    assert "Ingrid N." in dashboard and "Ingrid Nilsen" not in dashboard and "Lighthouse" not in dashboard
    assert Notification.objects.get(user=provider).text == "Ingrid N. has sent you a message."


def test_a_name_for_the_care_team_that_holds_the_pseudonym_is_refused_and_kept_in_the_form(login, member):
    response = login(member).post("/me/care-team/", {"care_team_name": "Ingrid Lighthouse"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "contains your pseudonym" in page and 'value="Ingrid Lighthouse"' in page
    member.refresh_from_db()
    assert member.care_team_name == ""


def test_a_pseudonym_that_holds_the_name_for_the_care_team_is_refused(login, member):
    member.care_team_name = "Harbourlight"
    member.save(update_fields=["care_team_name"])
    response = login(member).post(
        "/me/", {"pseudonym": "Harbourlight", "real_name": member.real_name, "language": "en"}
    )
    assert response.status_code == 200
    assert "contains your name" in response.content.decode()
    member.refresh_from_db()
    assert member.pseudonym == "Lighthouse"


def test_without_a_real_name_providers_see_the_invited_address_never_the_pseudonym(member, provider):
    member.real_name = ""
    assert member.name_for_providers == "member@example.net"
    assert CareRelationship.objects.active().filter(member=member, provider=provider).exists()


def test_deleting_the_account_renames_the_providers_notifications_that_named_the_member(
    member, provider, django_capture_on_commit_callbacks
):
    from reconnect.privacy.services import erase_account

    with django_capture_on_commit_callbacks(execute=True):
        messaging_services.start_conversation(member=member, providers=[provider], subject="Sleep", body="Hello")
    erase_account(user=member, keep_post_text=True)
    member.refresh_from_db()
    text = str(Notification.objects.get(user=provider).text)
    assert "Ingrid" not in text and text.startswith("Former member")
