"""Operations on accounts: invitations, registration, onboarding and care-team links."""

from datetime import timedelta

from allauth.core.exceptions import ImmediateHttpResponse
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reconnect.accounts.models import CareRelationship, Community, Invitation, Role, User
from reconnect.core import hooks, notifications
from reconnect.core.services import notify

INVITATION_SESSION_KEY = "reconnect_invitation_token"
TERMS_VERSION = "2026-11"


def create_invitation(
    *,
    email: str,
    role: str,
    community: Community | None,
    invited_by: User | None = None,
    care_provider: User | None = None,
    valid_days: int | None = None,
    send: bool = True,
) -> Invitation:
    """Create a single-use invitation and email its link once the transaction has committed."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValueError(_("Someone with this email address already has an account."))
    with transaction.atomic():
        # A new invitation replaces any earlier one still open for the same address.
        Invitation.objects.usable().filter(email__iexact=email, kind=Invitation.Kind.SIGNUP).update(
            revoked_at=timezone.now()
        )
        invitation = _issue(
            email=email,
            kind=Invitation.Kind.SIGNUP,
            role=role,
            community=community,
            invited_by=invited_by,
            care_provider=care_provider,
            valid_days=valid_days,
        )
        if send:
            transaction.on_commit(lambda: send_invitation_email(invitation))
    return invitation


def _issue(*, valid_days: int | None = None, **fields: object) -> Invitation:
    """A new invitation with a fresh token; only the token's hash is saved, the token stays on the
    returned object for the link."""
    invitation = Invitation(
        expires_at=timezone.now() + timedelta(days=valid_days or settings.INVITATION_VALID_DAYS), **fields
    )
    invitation.issue_token()
    invitation.save()
    return invitation


@transaction.atomic
def invite_to_care_team(*, provider: User, email: str) -> None:
    """A provider asks someone by email to join their care team, and learns nothing about whether
    the address has an account: a new person gets an invitation to sign up; a member gets an email
    asking them to confirm the link (nothing changes until they do); a member already in the care
    team, or an address that belongs to staff, gets nothing."""
    email = email.strip().lower()
    person = User.objects.filter(email__iexact=email).first()
    if person is None:
        create_invitation(
            email=email, role=Role.MEMBER, community=provider.community, invited_by=provider, care_provider=provider
        )
        return
    if person.role != Role.MEMBER or not person.is_active:
        return
    if CareRelationship.objects.active().filter(member=person, provider=provider).exists():
        return
    Invitation.objects.usable().filter(
        email__iexact=email, kind=Invitation.Kind.CARE_TEAM, care_provider=provider
    ).update(revoked_at=timezone.now())
    request = _issue(
        email=email,
        kind=Invitation.Kind.CARE_TEAM,
        role=Role.MEMBER,
        community=None,
        invited_by=provider,
        care_provider=provider,
    )
    transaction.on_commit(lambda: send_care_team_request_email(request))


def send_care_team_request_email(invitation: Invitation) -> None:
    context = {"invitation": invitation, "link": invitation_link(invitation)}
    with translation.override(_recipient_language(invitation.email)):
        subject = render_to_string("accounts/email/care_team_request_subject.txt", context).strip()
        body = render_to_string("accounts/email/care_team_request.txt", context)
    send_mail(subject, body, None, [invitation.email])


def _recipient_language(email: str) -> str:
    user = User.objects.filter(email__iexact=email).only("preferred_language").first()
    return (user.preferred_language if user else "") or settings.LANGUAGE_CODE


@transaction.atomic
def answer_care_team_request(*, member: User, invitation: Invitation, accept: bool) -> CareRelationship | None:
    """The member confirms or declines a provider's request; either way the link is used up."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable or invitation.kind != Invitation.Kind.CARE_TEAM:
        raise ValueError(_("This link is no longer valid. Ask your provider to send a new one."))
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    provider = invitation.care_provider
    if not accept or provider is None or not provider.is_active:
        return None
    return link_care_team(member=member, provider=provider, created_by=member)


def invitation_link(invitation: Invitation) -> str:
    return settings.SITE_URL + invitation.get_absolute_url()


def send_invitation_email(invitation: Invitation) -> None:
    context = {"invitation": invitation, "link": invitation_link(invitation)}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])


def open_invitation(*, request: HttpRequest, invitation: Invitation) -> None:
    """Remember the invitation in the session and treat its email address as verified:
    the link reached that mailbox."""
    from allauth.account.adapter import get_adapter

    # The session keeps the hash: a database reader of the session table learns no usable link.
    request.session[INVITATION_SESSION_KEY] = invitation.token_hash
    get_adapter(request).stash_verified_email(request, invitation.email)


def invitation_from_session(request: HttpRequest) -> Invitation | None:
    token_hash = request.session.get(INVITATION_SESSION_KEY)
    if not token_hash:
        return None
    return Invitation.objects.usable().filter(token_hash=token_hash, kind=Invitation.Kind.SIGNUP).first()


def register_invited_user(*, request: HttpRequest, user: User) -> User:
    """Save a new user from the signup form with the role and community of their invitation.

    Runs inside one transaction with the invitation row locked, so that a link can be used once
    only; if it has been used or revoked meanwhile, nothing is created.
    """
    token_hash = request.session.get(INVITATION_SESSION_KEY)
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update().filter(token_hash=token_hash, kind=Invitation.Kind.SIGNUP).first()
        )
        if invitation is None or not invitation.is_usable or invitation.email.lower() != user.email.lower():
            raise ImmediateHttpResponse(
                render(request, "accounts/invitation_invalid.html", {"reason": "used"}, status=410)
            )
        user.role = invitation.role
        user.community = invitation.community
        user.is_staff = invitation.role == Role.ADMIN
        user.is_superuser = invitation.role == Role.ADMIN
        user.preferred_language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        user.save()
        invitation.used_at = timezone.now()
        invitation.used_by = user
        invitation.save(update_fields=["used_at", "used_by"])
        if invitation.care_provider_id and user.role == Role.MEMBER:
            CareRelationship.objects.create(
                member=user, provider_id=invitation.care_provider_id, created_by_id=invitation.care_provider_id
            )
    request.session.pop(INVITATION_SESSION_KEY, None)
    return user


@transaction.atomic
def complete_onboarding(*, user: User, pseudonym: str | None, language: str | None = None) -> User:
    fields = ["onboarded_at", "terms_version"]
    if pseudonym is not None:
        fields += user.set_pseudonym(pseudonym)
    if language:
        user.preferred_language = language
        fields.append("preferred_language")
    user.onboarded_at = timezone.now()
    user.terms_version = TERMS_VERSION
    user.save(update_fields=fields)
    return user


@transaction.atomic
def update_profile(*, user: User, pseudonym: str | None, real_name: str, language: str) -> User:
    fields = ["real_name", "preferred_language"]
    user.real_name = real_name
    user.preferred_language = language
    if pseudonym is not None:
        fields += user.set_pseudonym(pseudonym)
    user.save(update_fields=fields)
    return user


def set_care_team_name(*, member: User, name: str) -> User:
    """The name the member's providers see in place of their real name (empty: the real name)."""
    member.care_team_name = name
    member.save(update_fields=["care_team_name"])
    return member


@transaction.atomic
def link_care_team(*, member: User, provider: User, created_by: User | None) -> CareRelationship:
    if member.role != Role.MEMBER or provider.role != Role.PROVIDER:
        raise ValueError(_("A care-team link joins a member and a provider."))
    link = CareRelationship.objects.active().filter(member=member, provider=provider).first()
    if link:
        return link
    link = CareRelationship.objects.create(member=member, provider=provider, created_by=created_by)
    notify(users=[member, provider], kind=notifications.CARE_TEAM_CHANGED, url="/me/care-team/")
    return link


@transaction.atomic
def end_care_link(*, link: CareRelationship, ended_by: User) -> CareRelationship:
    """End a link. From now on the provider sees nothing more of the member."""
    link = CareRelationship.objects.select_for_update().get(pk=link.pk)
    if link.ended_at is None:
        link.ended_at = timezone.now()
        link.ended_by = ended_by
        link.save(update_fields=["ended_at", "ended_by"])
        # What the member shared with this provider ends with the link (and does not come back
        # if they are linked again later).
        hooks.care_link_ended(member=link.member, provider=link.provider)
        notify(users=[link.provider], kind=notifications.CARE_TEAM_CHANGED, url="/provider/")
    return link
