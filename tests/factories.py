"""factory_boy factories for the foundation's models. Apps add theirs in tests/<app>/factories.py."""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone

from reconnect.accounts.models import CareRelationship, Community, Invitation, Role, User
from reconnect.accounts.pseudonyms import skeleton
from reconnect.core.models import AccessLogEntry, CrisisContact, Notification

TEST_PASSWORD = "a-long-test-password"
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class CommunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Community
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Community {n}")
    slug = factory.Sequence(lambda n: f"community-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    """An onboarded member with a verified email address."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.net")
    pseudonym = factory.Sequence(lambda n: f"Willow {n}")
    pseudonym_skeleton = factory.LazyAttribute(lambda o: skeleton(o.pseudonym) if o.pseudonym else None)
    real_name = factory.Sequence(lambda n: f"Realname Surname{n}")
    role = Role.MEMBER
    community = factory.SubFactory(CommunityFactory)
    onboarded_at = factory.LazyFunction(timezone.now)
    terms_version = "2026-11"

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or TEST_PASSWORD)
        if create:
            self.save(update_fields=["password"])
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def mfa(self, create, extracted, **kwargs):
        # Roles that must use two-factor sign-in get it, unless a test asks for none (mfa=False).
        wanted = self.needs_mfa if extracted is None else extracted
        if create and wanted:
            TOTP.activate(self, TEST_TOTP_SECRET)
            RecoveryCodes.activate(self)


class MemberFactory(UserFactory):
    role = Role.MEMBER


class ModeratorFactory(UserFactory):
    role = Role.MODERATOR


class ProviderFactory(UserFactory):
    role = Role.PROVIDER
    pseudonym = None
    real_name = factory.Sequence(lambda n: f"Dr. Provider {n}")


class AdminFactory(UserFactory):
    role = Role.ADMIN
    pseudonym = None
    is_staff = True
    is_superuser = True


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"invitee{n}@example.net")
    role = Role.MEMBER
    community = factory.SubFactory(CommunityFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Only the token's hash is stored; the token stays on the object, so its link is known.
        invitation = model_class(*args, **kwargs)
        invitation.issue_token()
        invitation.save()
        return invitation


class CareRelationshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareRelationship

    member = factory.SubFactory(MemberFactory)
    provider = factory.SubFactory(ProviderFactory)


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    user = factory.SubFactory(MemberFactory)
    kind = "accounts.care_team"
    url = "/me/care-team/"


class AccessLogEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessLogEntry

    subject = factory.SubFactory(MemberFactory)
    actor = factory.SubFactory(ProviderFactory)
    actor_role = "provider"
    actor_name = factory.LazyAttribute(lambda o: o.actor.display_name)
    action = "viewed"
    object_type = "crisis plan"


class CrisisContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CrisisContact

    name = "Local crisis team"
    phone = "12 34 56 78"
