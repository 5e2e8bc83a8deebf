"""Demo communities and accounts. The emails, pseudonyms, password, TOTP secret and care teams are
a contract (DESIGN.md): acceptance checks sign in with them."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone

from reconnect.accounts.models import CareRelationship, Community, Role, User
from reconnect.accounts.services import TERMS_VERSION

DEMO_PASSWORD = "reconnect-demo"  # noqa: S105 - documented demo password
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 - documented demo secret

COMMUNITIES = [
    ("Nordvik", "nordvik", "A small community in the north."),
    ("Elvdal", "elvdal", "A larger community near the capital."),
]

# email, role, pseudonym, real name, community slug(s), care team provider email
ACCOUNTS = [
    ("ingrid@example.org", Role.MEMBER, "Lighthouse", "Ingrid Nilsen", ["nordvik"], "berg@example.org"),
    ("marte@example.org", Role.MEMBER, "Birch", "Marte Olsen", ["nordvik"], "berg@example.org"),
    ("sofie@example.org", Role.MEMBER, "Northern Star", "Sofie Hansen", ["elvdal"], "holm@example.org"),
    ("lillian@example.org", Role.MODERATOR, "Lillian", "Lillian Dahl", ["nordvik", "elvdal"], None),
    ("berg@example.org", Role.PROVIDER, None, "Dr. Kari Berg", ["nordvik"], None),
    ("holm@example.org", Role.PROVIDER, None, "Nurse Per Holm", ["elvdal"], None),
    ("admin@example.org", Role.ADMIN, None, "Portal Admin", [], None),
]


def seed(ctx: dict) -> None:
    communities = {}
    for name, slug, description in COMMUNITIES:
        community, _ = Community.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
        communities[slug] = community
    ctx["communities"] = communities

    users = {}
    for email, role, pseudonym, real_name, community_slugs, _provider in ACCOUNTS:
        home = communities[community_slugs[0]] if community_slugs else None
        user = User.objects.filter(email=email).first() or User(email=email)
        user.role = role
        user.set_pseudonym(pseudonym)
        user.real_name = real_name
        user.community = home
        user.is_staff = role == Role.ADMIN
        user.is_superuser = role == Role.ADMIN
        user.is_active = True
        user.onboarded_at = user.onboarded_at or timezone.now()
        user.terms_version = TERMS_VERSION
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.extra_communities.set([communities[s] for s in community_slugs[1:]])
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        if user.needs_mfa:
            Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
            TOTP.activate(user, DEMO_TOTP_SECRET)
            RecoveryCodes.activate(user)
        users[email] = user
    ctx["users"] = users

    for email, _role, _p, _n, _c, provider_email in ACCOUNTS:
        if provider_email:
            member, provider = users[email], users[provider_email]
            if not CareRelationship.objects.active().filter(member=member, provider=provider).exists():
                CareRelationship.objects.create(member=member, provider=provider, created_by=users["admin@example.org"])


def logins() -> list[tuple[str, str, str]]:
    rows = []
    for email, role, pseudonym, real_name, _c, _p in ACCOUNTS:
        rows.append((email, str(role.label), pseudonym or real_name))
    return rows
