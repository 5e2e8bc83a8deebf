"""Leak scan of every email the portal sends: no content (notifications are content-free by
design), no other person's email address, real name, pseudonym or community, and each email goes
to its own recipient only. A provider's emails carry no member's pseudonym either (providers never
learn one: tests/privacy/test_provider_never_learns_pseudonym.py checks their emails too).

Every email template the project can render (templates/**/email/*_subject.txt of the project and
of its installed apps, allauth's among them) is either in SENT, with a trigger that makes the
portal send it through the real flow, or in NOT_SENT, with the reason it cannot be sent and a check
that the reason still holds. A new email template in neither fails the suite.
"""

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from allauth.account import app_settings as account_settings
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.test.signals import template_rendered
from django.utils import timezone

from cafes import notifications as cafe_kinds
from cafes import services as cafe_services
from cafes.models import Reminder, ReminderStatus
from forum import services as forum_services
from messaging import services as messaging_services
from reconnect.accounts import services as account_services
from reconnect.accounts.models import Role
from reconnect.core import notifications as core_kinds
from reconnect.core import tasks as core_tasks
from reconnect.core.models import Notification
from reconnect.core.services import set_notification_preferences
from tests.factories import TEST_PASSWORD, InvitationFactory, MemberFactory
from tests.forum.factories import reply

SUFFIX = "_subject.txt"


def email_templates() -> set[str]:
    """Every email template the project can render, as its prefix ("cafes/email/reminder")."""
    folders = [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    folders += [Path(app.path) / "templates" for app in apps.get_app_configs()]
    found = set()
    for folder in folders:
        for subject in folder.glob(f"**/email/*{SUFFIX}"):
            found.add(str(subject.relative_to(folder))[: -len(SUFFIX)])
    return found


@dataclass
class Ctx:
    client: object
    world: object
    sentinels: list
    on_commit: object

    @property
    def everyone(self):
        users = [u for u in self.world.users.values() if u is not None]
        return users + [s.user for s in self.sentinels]


def _prefer(users, kinds, email) -> None:
    for user in users:
        set_notification_preferences(user=user, choices={kind.key: (True, email) for kind in kinds})


def _activity(ctx: Ctx) -> None:
    """Things that notify people: a reply, messages both ways, a reveal, a circle invitation, a
    first café visit. Every one carries content the notification email must not."""
    world = ctx.world
    zebulon, ottoline = (s.user for s in ctx.sentinels)
    conversation = world.objects["sentinel_conversation"]
    reply(world.objects["sentinel_thread"], zebulon, body="Zq-forumreply: my sister Ragnhild says hi")
    messaging_services.send_message(author=world.provider, conversation=conversation, body="Zq-providerreply: dose")
    messaging_services.send_message(author=zebulon, conversation=conversation, body="Zq-memberreply: thank you")
    forum_services.reveal_identity(owner=ottoline, viewer=world.member, first_name="Philippa")
    circle = forum_services.create_circle(creator=zebulon, name="Zq-circle: heron watchers")
    forum_services.invite_to_circle(circle=circle, inviter=zebulon, pseudonym=world.other_member.pseudonym)
    cafe_services.answer(
        meeting=world.objects["cafe"],
        user=world.member,
        answer="going",
        first_visit=True,
        first_visit_note="Ingrid-firstvisit: I may leave early",
    )


def _notification_email(ctx: Ctx) -> list:
    _prefer(ctx.everyone, core_kinds._registry.values(), core_kinds.EmailChoice.IMMEDIATE)
    with ctx.on_commit(execute=True):
        _activity(ctx)
    notes = list(Notification.objects.filter(emailed_at__isnull=False).select_related("user"))
    # Each email is one notification's: the one whose link it carries.
    for message in mail.outbox:
        lines = message.body.splitlines()
        owners = {n.user.email for n in notes if settings.SITE_URL + (n.url or "/") in lines}
        assert set(message.to) <= owners, f"{message.subject!r} to {message.to} carries a link of {owners}"
    return [n.user for n in notes]


def _digest_email(ctx: Ctx) -> list:
    _prefer(ctx.everyone, core_kinds._registry.values(), core_kinds.EmailChoice.DAILY)
    with ctx.on_commit(execute=True):
        _activity(ctx)
    assert not mail.outbox, "daily-summary notifications must wait for the summary"
    waiting = {n.user for n in Notification.objects.filter(digest_due=True).select_related("user")}
    core_tasks.send_daily_digests()
    return list(waiting)


def _invitation_email(ctx: Ctx) -> list:
    with ctx.on_commit(execute=True):
        account_services.create_invitation(
            email="invitee-sentinel@example.net",
            role=Role.MEMBER,
            community=ctx.world.member.community,
            invited_by=ctx.world.provider,
            care_provider=ctx.world.provider,
        )
    return ["invitee-sentinel@example.net"]


def _care_team_request(ctx: Ctx) -> list:
    # A provider asks a member who has an account to join their care team.
    with ctx.on_commit(execute=True):
        account_services.invite_to_care_team(provider=ctx.world.provider, email=ctx.world.other_member.email)
    return [ctx.world.other_member]


def _cafe_reminder(ctx: Ctx) -> list:
    zebulon = ctx.sentinels[0].user
    _prefer([zebulon], [cafe_kinds.REMINDER], core_kinds.EmailChoice.IMMEDIATE)
    cafe_services._reminder_text_cached.cache_clear()  # render afresh, so the template is seen
    Reminder.objects.filter(user=zebulon).update(due_at=timezone.now() - timedelta(minutes=1))
    with ctx.on_commit(execute=True):
        cafe_services.send_reminder_batch(b for batch in cafe_services.claim_due_reminders() for b in batch)
    sent = Reminder.objects.filter(status=ReminderStatus.SENT).select_related("user")
    return [r.user for r in sent]


def _password_reset(ctx: Ctx) -> list:
    zebulon = ctx.sentinels[0].user
    ctx.client.post("/accounts/password/reset/", {"email": zebulon.email})
    return [zebulon]


def _unknown_account(ctx: Ctx) -> list:
    ctx.client.post("/accounts/password/reset/", {"email": "nobody-sentinel@example.net"})
    return ["nobody-sentinel@example.net"]


def _email_confirmation(ctx: Ctx) -> list:
    member = ctx.world.member
    ctx.client.force_login(member)
    response = ctx.client.post("/accounts/reauthenticate/", {"password": TEST_PASSWORD})
    assert response.status_code == 302
    ctx.client.post("/accounts/email/", {"email": "member-second@example.net", "action_add": ""})
    return ["member-second@example.net"]


def _signup(client, invitation, real_name: str):
    client.get(invitation.get_absolute_url())
    return client.post(
        "/accounts/signup/",
        {
            "email": invitation.email,
            "password1": "calm-harbour-42!",
            "password2": "calm-harbour-42!",
            "real_name": real_name,
        },
    )


def _account_already_exists(ctx: Ctx) -> list:
    # An invitation whose address got an account meanwhile (the admin created it by hand): the
    # stranger signing up must learn nothing, and the owner's email says nothing of the stranger.
    invitation = InvitationFactory(email="taken-sentinel@example.net", community=ctx.world.member.community)
    owner = MemberFactory(email="taken-sentinel@example.net", pseudonym="Quiet Owl", real_name="Taken Owner")
    _signup(ctx.client, invitation, real_name="Zebulon Quartermaine")
    return [owner]


SENT = {
    "core/email/notification": _notification_email,
    "core/email/digest": _digest_email,
    "accounts/email/invitation": _invitation_email,
    "accounts/email/care_team_request": _care_team_request,
    "cafes/email/reminder": _cafe_reminder,
    "account/email/password_reset_key": _password_reset,
    "account/email/unknown_account": _unknown_account,
    "account/email/email_confirmation": _email_confirmation,
    "account/email/account_already_exists": _account_already_exists,
}


def _signup_sends_nothing(ctx: Ctx) -> bool:
    invitation = InvitationFactory(email="new-sentinel@example.net", community=ctx.world.member.community)
    response = _signup(ctx.client, invitation, real_name="")
    return response.status_code == 302 and not mail.outbox


def _no_notification_mails(ctx: Ctx) -> bool:
    return not account_settings.EMAIL_NOTIFICATIONS


NOTIFICATION_MAIL = ("allauth's security notices are off (ACCOUNT_EMAIL_NOTIFICATIONS)", _no_notification_mails)

# prefix -> (why the portal never sends it, a check that this is still so)
NOT_SENT = {
    "account/email/email_confirm": (
        "verification by code is off",
        lambda ctx: not account_settings.EMAIL_VERIFICATION_BY_CODE_ENABLED,
    ),
    "account/email/login_code": ("sign-in by code is off", lambda ctx: not account_settings.LOGIN_BY_CODE_ENABLED),
    "account/email/password_reset_code": (
        "password reset by code is off",
        lambda ctx: not account_settings.PASSWORD_RESET_BY_CODE_ENABLED,
    ),
    "account/email/email_confirmation_signup": (
        "signup is by invitation only, with the invited address, which the invitation link verified",
        _signup_sends_nothing,
    ),
    "account/email/password_reset": NOTIFICATION_MAIL,
    "account/email/password_changed": NOTIFICATION_MAIL,
    "account/email/password_set": NOTIFICATION_MAIL,
    "account/email/email_changed": NOTIFICATION_MAIL,
    "account/email/email_deleted": NOTIFICATION_MAIL,
    "mfa/email/totp_activated": NOTIFICATION_MAIL,
    "mfa/email/totp_deactivated": NOTIFICATION_MAIL,
    "mfa/email/recovery_codes_generated": NOTIFICATION_MAIL,
    "mfa/email/webauthn_added": NOTIFICATION_MAIL,
    "mfa/email/webauthn_removed": NOTIFICATION_MAIL,
    # Linking and unlinking the eID (/me/sign-in/) would send these.
    "socialaccount/email/account_connected": NOTIFICATION_MAIL,
    "socialaccount/email/account_disconnected": NOTIFICATION_MAIL,
}


def test_every_email_template_is_either_sent_here_or_explained():
    found = email_templates()
    uncovered = sorted(found - set(SENT) - set(NOT_SENT))
    stale = sorted((set(SENT) | set(NOT_SENT)) - found)
    assert not uncovered, "Email templates the leak scan does not cover (add a trigger to SENT):\n" + "\n".join(
        uncovered
    )
    assert not stale, f"SENT/NOT_SENT name templates that no longer exist: {stale}"


@pytest.fixture
def ctx(client, world, sentinels, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    return Ctx(client=client, world=world, sentinels=sentinels, on_commit=django_capture_on_commit_callbacks)


@pytest.mark.parametrize("prefix", sorted(NOT_SENT))
def test_email_the_portal_never_sends_stays_unsent(prefix, ctx):
    reason, still_so = NOT_SENT[prefix]
    assert still_so(ctx), f"{prefix} can now be sent ({reason} no longer holds): add a trigger to SENT"


def _secrets(ctx: Ctx) -> dict[str, str]:
    """value -> (person, what) for everything no email may carry; the recipient's own identity is
    filtered out per email."""
    result: dict[str, tuple[object, str]] = {}
    for user in ctx.everyone:
        for value in (user.email, user.real_name, user.pseudonym):
            if value:
                result[value] = (user, "identity")
    for s in ctx.sentinels:
        for value in s.identity:
            result[value] = (s.user, "identity")
        for value in [*s.shared_with_care_team, *s.private, *s.for_moderators, *s.revealed]:
            result[value] = (None, "content")
    result["Quillbrook"] = (ctx.sentinels[1].user, "community")
    for value in ("Zq-forumreply", "Ragnhild", "Zq-providerreply", "Zq-memberreply", "Zq-circle", "Ingrid-firstvisit"):
        result[value] = (None, "content")
    result["Mornings are hard"] = (None, "content")
    return result


@pytest.mark.parametrize("prefix", sorted(SENT))
def test_email_has_no_content_and_reaches_only_its_recipient(prefix, ctx):
    rendered: list[str] = []

    def _record(sender, template, context, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(_record)
    try:
        recipients = SENT[prefix](ctx)
    finally:
        template_rendered.disconnect(_record)
    assert f"{prefix}{SUFFIX}" in rendered, f"the trigger for {prefix} did not render it; rendered: {rendered}"
    assert mail.outbox, f"the trigger for {prefix} sent no email"
    expected = sorted(r if isinstance(r, str) else r.email for r in recipients)
    assert sorted(address for m in mail.outbox for address in m.to) == expected, f"{prefix}: wrong recipients"
    secrets = _secrets(ctx)
    for message in mail.outbox:
        assert len(message.to) == 1 and not message.cc and not message.bcc and not message.reply_to, (
            f"{prefix}: {message.subject!r} must go to one recipient only: to={message.to} cc={message.cc} "
            f"bcc={message.bcc} reply_to={message.reply_to}"
        )
        recipient = message.to[0]
        # An address typed into an account may be mistyped: even allauth's confirmation names
        # nobody (templates/account/email/email_confirmation_message.txt), so only the primary
        # address's owner counts as the recipient.
        text = "\n".join(
            [message.subject, message.body, *(str(c) for c, _type in getattr(message, "alternatives", []))]
        )
        text += "\n" + "\n".join(f"{k}: {v}" for k, v in message.extra_headers.items())
        for value, (person, what) in secrets.items():
            if person is not None and person.email == recipient:
                continue  # the recipient's own identity
            assert value not in text, (
                f"{prefix} to {recipient} carries {what} {value!r}"
                + (f" of {person.pseudonym or person.email}" if person is not None else "")
                + f":\n{message.subject}\n{message.body}"
            )
