"""The member's recovery toolbox: goals, crisis plan, network map, medicines, exercises, check-ins.

Everything a member writes here is theirs alone until they share an item with a named provider of
their care team (`Share`). Free text that says something about a person's health is encrypted at
rest with EncryptedTextField.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from reconnect.accounts.models import User
from reconnect.core.crypto import EncryptedCharField, EncryptedTextField


class LifeArea(models.TextChoices):
    # The recovery dimensions (CHIME) first, then everyday areas of life.
    CONNECTEDNESS = "connectedness", _("Connectedness")
    HOPE = "hope", _("Hope and optimism")
    IDENTITY = "identity", _("Identity")
    MEANING = "meaning", _("Meaning in life")
    EMPOWERMENT = "empowerment", _("Empowerment")
    WORK = "work", _("Work and school")
    HOME = "home", _("Home")
    HEALTH = "health", _("Health")
    RELATIONSHIPS = "relationships", _("Relationships")


class GoalQuerySet(models.QuerySet["Goal"]):
    def of(self, member: User) -> "GoalQuerySet":
        return self.filter(member=member)


class Goal(models.Model):
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="toolbox_goals")
    text = EncryptedTextField(_("my goal"), help_text=_("In your own words: what do you want to reach?"))
    life_area = models.CharField(_("life area"), max_length=20, choices=LifeArea.choices)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    reached_at = models.DateTimeField(_("reached"), null=True, blank=True)

    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["reached_at", "-created_at"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        # Never the goal's own words: this string lands in the access log and the admin.
        return str(_("Goal: %(area)s") % {"area": self.get_life_area_display()})


class Step(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="steps")
    text = EncryptedTextField(_("step"))
    order = models.PositiveIntegerField(default=0)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self) -> str:
        return str(_("Step"))


class Activity(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="activities")
    title = EncryptedTextField(_("activity"))
    planned_on = models.DateField(_("planned for"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        ordering = ["planned_on", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return str(_("Activity"))


# The safety-plan shape: (field name, heading, help text). Order is the order of the plan.
CRISIS_PLAN_SECTIONS = [
    (
        "warning_signs",
        _("My warning signs"),
        _("Thoughts, feelings or situations that tell me a crisis may be coming."),
    ),
    ("coping_alone", _("Things I can do on my own"), _("What helps me take my mind off things without anyone else.")),
    ("distractions", _("People and places that take my mind off things"), _("Who I can be with, where I can go.")),
    (
        "helpers",
        _("People I can ask for help"),
        _("One person per line, with their phone number, for example: Mum – 912 34 567."),
    ),
    (
        "professionals",
        _("Professionals and services I can contact"),
        _("Your community's crisis contacts are filled in for you; add your own care team."),
    ),
    ("safer_surroundings", _("Making my surroundings safer"), _("What I can do to make where I am safer.")),
    ("reasons", _("What matters to me and keeps me going"), _("People, things and hopes that are worth living for.")),
]


class CrisisPlan(models.Model):
    member = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="crisis_plan")
    warning_signs = EncryptedTextField(_("my warning signs"), blank=True)
    coping_alone = EncryptedTextField(_("things I can do on my own"), blank=True)
    distractions = EncryptedTextField(_("people and places that take my mind off things"), blank=True)
    helpers = EncryptedTextField(_("people I can ask for help"), blank=True)
    professionals = EncryptedTextField(_("professionals and services"), blank=True)
    safer_surroundings = EncryptedTextField(_("making my surroundings safer"), blank=True)
    reasons = EncryptedTextField(_("what matters to me"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("crisis plan")
        verbose_name_plural = _("crisis plans")

    def __str__(self) -> str:
        return str(_("Crisis plan"))

    def sections(self) -> list[dict]:
        return [
            {
                "name": name,
                "heading": heading,
                "help": help_text,
                "lines": [line.strip() for line in getattr(self, name).splitlines() if line.strip()],
            }
            for name, heading, help_text in CRISIS_PLAN_SECTIONS
        ]

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name).strip() for name, _h, _t in CRISIS_PLAN_SECTIONS)


class PersonKind(models.TextChoices):
    FAMILY = "family", _("Family")
    FRIENDS = "friends", _("Friends")
    PEERS = "peers", _("Peers")
    WORK = "work", _("Work or school")
    SERVICES = "services", _("Health and social services")
    OTHER = "other", _("Others")


class Closeness(models.IntegerChoices):
    CLOSE = 1, _("Close")
    MIDDLE = 2, _("Middle")
    OUTER = 3, _("Outer")


# Enough for a large network; a guard against a runaway form, not a judgement.
MAX_NETWORK_PEOPLE = 500


class NetworkPerson(models.Model):
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="toolbox_network")
    name = EncryptedCharField(_("name"), max_length=60, help_text=_("A first name or a nickname is enough."))
    kind = models.CharField(_("kind"), max_length=20, choices=PersonKind.choices, default=PersonKind.FRIENDS)
    closeness = models.PositiveSmallIntegerField(_("how close"), choices=Closeness.choices, default=Closeness.MIDDLE)
    note = EncryptedTextField(_("note"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        # Names are encrypted, so the database cannot sort by them: see selectors.network_of().
        ordering = ["closeness", "kind", "pk"]
        verbose_name = _("person in my network")
        verbose_name_plural = _("people in my network")

    def __str__(self) -> str:
        return self.name


class DoseUnit(models.TextChoices):
    MG = "mg", "mg"
    MCG = "mcg", "µg"
    G = "g", "g"
    ML = "ml", "ml"
    TABLET = "tablet", _("tablet(s)")
    CAPSULE = "capsule", _("capsule(s)")
    DROP = "drop", _("drop(s)")
    PUFF = "puff", _("puff(s)")


class MedicationQuerySet(models.QuerySet["Medication"]):
    def current(self, today: date | None = None) -> "MedicationQuerySet":
        today = today or timezone.localdate()
        return self.filter(models.Q(end_date__isnull=True) | models.Q(end_date__gte=today))

    def ended(self, today: date | None = None) -> "MedicationQuerySet":
        today = today or timezone.localdate()
        return self.filter(end_date__lt=today)


class Medication(models.Model):
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="toolbox_medications")
    # Encrypted: a medicine's name can tell a diagnosis.
    name = EncryptedCharField(_("medicine"), max_length=100)
    strength = models.CharField(_("strength"), max_length=40, blank=True, help_text=_("For example 50 mg."))
    dose = models.DecimalField(
        _("dose"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text=_("A number, like 1 or 0.5."),
    )
    dose_unit = models.CharField(_("unit"), max_length=10, choices=DoseUnit.choices, default=DoseUnit.TABLET)
    times = models.CharField(
        _("when I take it"), max_length=100, blank=True, help_text=_("For example: morning and evening.")
    )
    purpose = EncryptedCharField(_("what it is for"), max_length=150, blank=True)
    prescriber = EncryptedCharField(_("prescribed by"), max_length=100, blank=True)
    start_date = models.DateField(_("started"), null=True, blank=True)
    end_date = models.DateField(_("ended"), null=True, blank=True)
    notes = EncryptedTextField(_("notes on effects"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = MedicationQuerySet.as_manager()

    class Meta:
        # Names are encrypted: sorted by name in selectors.medicines_of().
        ordering = ["pk"]
        verbose_name = _("medicine")
        verbose_name_plural = _("medicines")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="medication_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    @property
    def has_ended(self) -> bool:
        return self.end_date is not None and self.end_date < timezone.localdate()


SCALE = [MinValueValidator(1), MaxValueValidator(5)]


class CheckIn(models.Model):
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="toolbox_checkins")
    day = models.DateField(_("day"), default=timezone.localdate)
    mood = models.PositiveSmallIntegerField(_("mood"), validators=SCALE)
    sleep = models.PositiveSmallIntegerField(_("sleep"), validators=SCALE)
    activity = models.PositiveSmallIntegerField(_("activity"), validators=SCALE)
    note = EncryptedTextField(_("note"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        constraints = [
            models.UniqueConstraint(fields=["member", "day"], name="one_checkin_per_day"),
            models.CheckConstraint(
                condition=models.Q(
                    mood__gte=1, mood__lte=5, sleep__gte=1, sleep__lte=5, activity__gte=1, activity__lte=5
                ),
                name="checkin_scores_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Check-in %(day)s") % {"day": self.day.isoformat()})


class ExerciseKind(models.TextChoices):
    MINDFULNESS = "mindfulness", _("Mindfulness")
    COPING = "coping", _("Coping")
    SYMPTOMS = "symptoms", _("Symptom management")
    INFORMATION = "information", _("Information")


class ExerciseQuerySet(models.QuerySet["Exercise"]):
    def published(self) -> "ExerciseQuerySet":
        return self.filter(published=True)


class Exercise(models.Model):
    """An exercise or an information page, written by admins and moderators in both languages."""

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ExerciseKind.choices)
    title_en = models.CharField(_("title (English)"), max_length=150)
    title_nb = models.CharField(_("title (Norwegian)"), max_length=150)
    summary_en = models.CharField(_("summary (English)"), max_length=300, blank=True)
    summary_nb = models.CharField(_("summary (Norwegian)"), max_length=300, blank=True)
    body_en = models.TextField(_("text (English)"), help_text=_("Plain text; blank lines separate paragraphs."))
    body_nb = models.TextField(_("text (Norwegian)"), help_text=_("Plain text; blank lines separate paragraphs."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ExerciseQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "order", "slug"]
        verbose_name = _("exercise or information page")
        verbose_name_plural = _("exercises and information pages")

    def __str__(self) -> str:
        return self.title_en

    def _local(self, field: str) -> str:
        language = (get_language() or "en").split("-")[0]
        value = getattr(self, f"{field}_nb") if language == "nb" else ""
        return value or getattr(self, f"{field}_en")

    @property
    def title(self) -> str:
        return self._local("title")

    @property
    def summary(self) -> str:
        return self._local("summary")

    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self._local("body").split("\n\n") if p.strip()]


class ExerciseNote(models.Model):
    """A member's own favourite mark and private note on one exercise."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="toolbox_exercise_notes"
    )
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="notes")
    favourite = models.BooleanField(_("favourite"), default=False)
    note = EncryptedTextField(_("my private note"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("exercise note")
        verbose_name_plural = _("exercise notes")
        constraints = [models.UniqueConstraint(fields=["member", "exercise"], name="one_note_per_exercise")]

    def __str__(self) -> str:
        return str(_("Note"))


class LinkKind(models.TextChoices):
    ACTIVITY = "activity", _("Local activity")
    ORGANISATION = "organisation", _("User organisation")


class LocalLink(models.Model):
    community = models.ForeignKey(
        "accounts.Community", verbose_name=_("community"), on_delete=models.CASCADE, related_name="toolbox_links"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=LinkKind.choices)
    name = models.CharField(_("name"), max_length=120)
    url = models.URLField(_("web address"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["kind", "order", "name"]
        verbose_name = _("local link")
        verbose_name_plural = _("local links")

    def __str__(self) -> str:
        return self.name


class ItemType(models.TextChoices):
    GOAL = "goal", _("Goal")
    CRISIS_PLAN = "crisis_plan", _("Crisis plan")
    NETWORK = "network", _("Network map")
    MEDICATIONS = "medications", _("Medication list")
    CHECKINS = "checkins", _("Check-ins")


class ShareQuerySet(models.QuerySet["Share"]):
    def in_care(self) -> "ShareQuerySet":
        """Only shares whose provider is still in the member's care team: an ended link ends sharing."""
        from reconnect.accounts.models import CareRelationship

        active = CareRelationship.objects.active().filter(
            member=models.OuterRef("member_id"), provider=models.OuterRef("provider_id")
        )
        return self.filter(models.Exists(active))


class Share(models.Model):
    """One item of a member's toolbox that one provider of their care team may see."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="toolbox_shares")
    provider = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="toolbox_shared_with_me"
    )
    item_type = models.CharField(max_length=20, choices=ItemType.choices)
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.CASCADE, related_name="shares")
    created_at = models.DateTimeField(default=timezone.now)

    objects = ShareQuerySet.as_manager()

    class Meta:
        verbose_name = _("share")
        verbose_name_plural = _("shares")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "provider", "item_type"],
                condition=models.Q(goal__isnull=True),
                name="one_share_per_section",
            ),
            models.UniqueConstraint(
                fields=["provider", "goal"], condition=models.Q(goal__isnull=False), name="one_share_per_goal"
            ),
            models.CheckConstraint(
                condition=models.Q(item_type="goal", goal__isnull=False)
                | (~models.Q(item_type="goal") & models.Q(goal__isnull=True)),
                name="share_goal_only_for_goals",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item_type} → {self.provider_id}"
