"""What the account itself holds: the profile, addresses, sign-in methods, the care team."""

import re

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from allauth.usersessions.models import UserSession
from django.contrib.admin.models import LogEntry
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from reconnect.accounts.models import CareRelationship, Invitation, User
from reconnect.privacy.registry import Item, Section, leave_out, register

PROFILE_FIELDS = (
    "email",
    "pseudonym",
    "real_name",
    "care_team_name",
    "role",
    "community__name",
    "preferred_language",
    "date_joined",
    "onboarded_at",
    "terms_version",
    "profile_hidden",
    "show_post_count",
    "last_login",
)


def _scrub_admin_history(user, names: list[str], replacement: str) -> int:
    """Admin history lines name objects by their text (an invitation by its email address)."""
    names = [name for name in names if name and len(name) >= 3]
    if not names:
        return 0
    query = Q()
    for name in names:
        query |= Q(object_repr__icontains=name) | Q(change_message__icontains=name)
    changed = 0
    for entry in LogEntry.objects.filter(query):
        for name in names:
            entry.object_repr = _replace_ci(entry.object_repr, name, replacement)
            entry.change_message = _replace_ci(entry.change_message, name, replacement)
        entry.save(update_fields=["object_repr", "change_message"])
        changed += 1
    return changed


def _replace_ci(text: str, old: str, new: str) -> str:
    return re.sub(re.escape(old), new, text, flags=re.IGNORECASE)


def _erase(user, plan) -> dict[str, int]:
    return {
        "accounts.invitations": Invitation.objects.filter(Q(used_by=user) | Q(email__iexact=user.email)).delete()[0],
        "accounts.care_team_links": CareRelationship.objects.filter(member=user).delete()[0],
        "accounts.email_addresses": EmailAddress.objects.filter(user=user).delete()[0],
        "accounts.sign_in_methods": Authenticator.objects.filter(user=user).delete()[0],
        # The eID link: the HMAC of the identity number goes with the account.
        "accounts.eid_link": SocialAccount.objects.filter(user=user).delete()[0],
        "accounts.sessions": UserSession.objects.filter(user=user).count(),
        "accounts.admin_history": _scrub_admin_history(
            user, [user.email, user.real_name, user.care_team_name, user.pseudonym or ""], plan.new_display_name
        ),
    }


register(
    Section(
        key="account",
        title=_("My account"),
        order=10,
        items=(
            Item(
                "profile",
                _("Profile"),
                User,
                lambda u: User.objects.filter(pk=u.pk),
                fields=PROFILE_FIELDS,
                url_name="accounts:profile",
            ),
            Item(
                "email_addresses",
                _("Email addresses"),
                EmailAddress,
                lambda u: EmailAddress.objects.filter(user=u),
                fields=("email", "verified", "primary"),
                url_name="account_email",
            ),
            Item(
                "sign_in_methods",
                _("Two-factor sign-in methods"),
                Authenticator,
                lambda u: Authenticator.objects.filter(user=u),
                fields=("type", "created_at", "last_used_at"),
                url_name="mfa_index",
            ),
            Item(
                "eid_link",
                _("eID link"),
                SocialAccount,
                lambda u: SocialAccount.objects.filter(user=u),
                # Not the uid: a keyed hash of the identity number, of no use to anyone outside the
                # portal and a needless copy of something derived from it.
                fields=("provider", "date_joined", "last_login"),
                url_name="accounts:sign_in_methods",
            ),
            Item(
                "sessions",
                _("Places where I am signed in"),
                UserSession,
                lambda u: UserSession.objects.filter(user=u),
                fields=("ip", "user_agent", "created_at", "last_seen_at"),
                url_name="usersessions_list",
            ),
            Item(
                "care_team",
                _("Care-team links"),
                CareRelationship,
                lambda u: CareRelationship.objects.filter(member=u),
                fields=("provider__real_name", "created_at", "ended_at"),
                url_name="accounts:care_team",
                roles=frozenset({"member"}),
            ),
            Item(
                "care_team_members",
                _("Members of my care teams"),
                CareRelationship,
                lambda u: CareRelationship.objects.filter(provider=u),
                # As the provider knew them (User.name_for_providers): never their pseudonym.
                fields=("member__care_team_name", "member__real_name", "member__email", "created_at", "ended_at"),
                url_name="provider:dashboard",
                roles=frozenset({"provider"}),
            ),
            Item(
                "invitation",
                _("The invitation I joined with"),
                Invitation,
                lambda u: Invitation.objects.filter(used_by=u),
                fields=("email", "role", "created_at", "used_at", "expires_at"),
                in_overview=False,
            ),
            Item(
                "invitations_sent",
                _("Invitations I sent"),
                Invitation,
                lambda u: Invitation.objects.filter(invited_by=u),
                # The address is the invited person's, not the sender's: their copy leaves it out.
                fields=("role", "created_at", "used_at", "expires_at"),
                roles=frozenset({"provider", "moderator", "admin"}),
            ),
        ),
        erase=_erase,
    )
)
leave_out("admin.logentry", "The admin's own history of changes; a member has none.")
leave_out("socialaccount.socialtoken", "The eID's tokens are never stored (SOCIALACCOUNT_STORE_TOKENS is off).")
leave_out("account.emailconfirmation", "Short-lived confirmation codes, removed with the email address.")
