import hashlib
import secrets
from datetime import datetime, timedelta
from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconnect.accounts import pseudonyms


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    MODERATOR = "moderator", _("Peer moderator")
    PROVIDER = "provider", _("Health provider")
    ADMIN = "admin", _("Administrator")


# Roles whose pages show other people's data or run the portal: they must use two-factor sign-in.
MFA_REQUIRED_ROLES = frozenset({Role.MODERATOR, Role.PROVIDER, Role.ADMIN})
# Roles that appear in peer spaces under a pseudonym.
PEER_ROLES = frozenset({Role.MEMBER, Role.MODERATOR})


class Community(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    def __str__(self) -> str:
        return self.name


class UserQuerySet(models.QuerySet["User"]):
    def members(self) -> "UserQuerySet":
        return self.filter(role=Role.MEMBER, is_active=True)

    def providers(self) -> "UserQuerySet":
        return self.filter(role=Role.PROVIDER, is_active=True)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):  # type: ignore[misc]  # a base made by a call
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: object) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> "User":
        extra.setdefault("role", Role.MEMBER)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> "User":
        extra.update(role=Role.ADMIN, is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with a login. In peer spaces a person is only their pseudonym."""

    email = models.EmailField(_("email address"), unique=True)
    pseudonym = models.CharField(
        _("pseudonym"),
        max_length=30,
        null=True,
        blank=True,
        help_text=_("The name others see in the forum and at cafés."),
    )
    # The pseudonym's confusable skeleton (pseudonyms.skeleton): two names that look alike share it,
    # so a look-alike of a taken name is one indexed query away. Set with set_pseudonym().
    pseudonym_skeleton = models.TextField(null=True, blank=True, unique=True, editable=False)
    real_name = models.CharField(
        _("real name"),
        max_length=150,
        blank=True,
        help_text=_("Private. Shown only to your care team, never in the forum or at cafés."),
    )
    # What a member's providers call them instead of the real name ("Ingrid N."), never the pseudonym.
    care_team_name = models.CharField(
        _("name for my care team"),
        max_length=150,
        blank=True,
        help_text=_("How your care team sees you. Leave it empty and they see your real name."),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    community = models.ForeignKey(
        Community,
        verbose_name=_("community"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="residents",
        help_text=_("The member's home community: their cafés and crisis contacts."),
    )
    extra_communities = models.ManyToManyField(
        Community,
        verbose_name=_("other communities"),
        blank=True,
        related_name="+",
        help_text=_("Providers and moderators may work in several communities."),
    )
    preferred_language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    date_joined = models.DateTimeField(_("member since"), default=timezone.now)
    onboarded_at = models.DateTimeField(_("onboarding completed"), null=True, blank=True)
    terms_version = models.CharField(max_length=20, blank=True)
    # Privacy choices for the forum profile (see /me/privacy/).
    profile_hidden = models.BooleanField(
        _("hide my profile page"),
        default=False,
        help_text=_("Others then see only your pseudonym: not when you joined, not how many posts you wrote."),
    )
    show_post_count = models.BooleanField(_("show how many posts I wrote"), default=True)
    # A deleted account leaves an anonymous row behind, so that forum threads keep their posts:
    # no email, no names, no password, and a random number for "Former member 4821".
    erased_at = models.DateTimeField(_("deleted"), null=True, blank=True, editable=False)
    former_number = models.PositiveIntegerField(null=True, blank=True, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("pseudonym"), name="unique_pseudonym_ci"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name other people see: the pseudonym in peer roles, the real name for providers."""
        if self.erased_at is not None:
            return str(_("Former member %(number)s") % {"number": self.former_number})
        if self.role in PEER_ROLES and self.pseudonym:
            return self.pseudonym
        return self.real_name or self.pseudonym or str(_("ReConnect user"))

    def set_pseudonym(self, value: str | None) -> list[str]:
        """Set the pseudonym and its skeleton together; returns the fields to save."""
        self.pseudonym = value or None
        self.pseudonym_skeleton = pseudonyms.skeleton(value) if value else None
        return ["pseudonym", "pseudonym_skeleton"]

    @property
    def name_for_providers(self) -> str:
        """How a person is named to health providers: on provider pages, in their notifications,
        emails and exports, and in access-log labels. Never the pseudonym, which is what keeps the
        peer forum apart from the clinic: a member's name for their care team, else their real
        name, else the email address their provider invited. Staff keep their display name."""
        if self.erased_at is not None or self.role not in PEER_ROLES:
            return self.display_name
        return self.care_team_name or self.real_name or self.email

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    @property
    def is_member(self) -> bool:
        return self.role == Role.MEMBER

    @property
    def is_moderator(self) -> bool:
        return self.role == Role.MODERATOR

    @property
    def is_provider(self) -> bool:
        return self.role == Role.PROVIDER

    @property
    def is_portal_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def needs_mfa(self) -> bool:
        return self.role in MFA_REQUIRED_ROLES

    @property
    def is_onboarded(self) -> bool:
        return self.onboarded_at is not None

    def community_ids(self) -> set[int]:
        ids = {c.pk for c in self.extra_communities.all()}
        if self.community_id:
            ids.add(self.community_id)
        return ids


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """How an invitation's token is stored: a database reader cannot turn it back into a link. The
    token is 256 random bits, so a plain SHA-256 is enough (no salt or slow hash needed)."""
    return hashlib.sha256(token.encode()).hexdigest()


def _unknown_token_hash() -> str:
    # A row made without issue_token() still gets a unique hash, of a token nobody knows.
    return hash_token(_new_token())


def _default_expiry() -> datetime:
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def usable(self) -> "InvitationQuerySet":
        return self.filter(used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())

    def by_token(self, token: str) -> "Invitation | None":
        """The invitation a link's token opens, with the token kept on it (so its link is known)."""
        invitation = self.filter(token_hash=hash_token(token)).first()
        if invitation is not None:
            invitation.token = token
        return invitation


class Invitation(models.Model):
    """A single-use, expiring link: for a new person to register with a given role, or for a member
    who has an account to confirm a provider's request to join their care team.

    Only a hash of the link's token is stored. The token itself is known while the invitation is
    being issued (to send the link) and when someone opens the link (`by_token`).
    """

    class Kind(models.TextChoices):
        SIGNUP = "signup", _("Create an account")
        CARE_TEAM = "care_team", _("Join a care team")

    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    community = models.ForeignKey(
        Community, verbose_name=_("community"), null=True, blank=True, on_delete=models.PROTECT
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SIGNUP)
    token_hash = models.CharField(max_length=64, unique=True, default=_unknown_token_hash, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitations_sent"
    )
    # When a provider invites a member, the care-team link is made on signup.
    care_provider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("care-team provider"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"role": Role.PROVIDER},
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), default=_default_expiry)
    used_at = models.DateTimeField(_("used"), null=True, blank=True, editable=False)
    used_by = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitation",
        editable=False,
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} ({self.get_role_display()})"

    # The link's token: set by issue_token() or by_token(), never stored.
    token: str | None = None

    def get_absolute_url(self) -> str:
        if self.token is None:
            raise ValueError("An invitation's link is known only when it is issued or opened.")
        return reverse("accounts:invitation", kwargs={"token": self.token})

    def issue_token(self) -> str:
        self.token = _new_token()
        self.token_hash = hash_token(self.token)
        return self.token

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.revoked_at is None and self.expires_at > timezone.now()


class CareRelationshipQuerySet(models.QuerySet["CareRelationship"]):
    def active(self) -> "CareRelationshipQuerySet":
        return self.filter(ended_at__isnull=True)


class CareRelationship(models.Model):
    """A link between a member and one provider of their care team."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="care_links",
        limit_choices_to={"role": Role.MEMBER},
        verbose_name=_("member"),
    )
    provider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="patient_links",
        limit_choices_to={"role": Role.PROVIDER},
        verbose_name=_("provider"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CareRelationshipQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("care-team link")
        verbose_name_plural = _("care-team links")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "provider"],
                condition=models.Q(ended_at__isnull=True),
                name="one_active_care_link_per_pair",
            )
        ]

    def __str__(self) -> str:
        return f"{self.member.email} ↔ {self.provider.email}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None
