"""What the toolbox holds about a member: all of it is theirs, and all of it goes with the account."""

from django.utils.translation import gettext_lazy as _

from reconnect.privacy.registry import Item, Section, register
from toolbox.models import Activity, CheckIn, CrisisPlan, ExerciseNote, Goal, Medication, NetworkPerson, Share, Step


def _erase(user, plan) -> dict[str, int]:
    counts = {}
    # Shares first: they point at goals.
    for key, model in (
        ("toolbox.shares", Share),
        ("toolbox.goals", Goal),  # steps and activities go with their goal
        ("toolbox.crisis_plan", CrisisPlan),
        ("toolbox.network", NetworkPerson),
        ("toolbox.medications", Medication),
        ("toolbox.check_ins", CheckIn),
        ("toolbox.exercise_notes", ExerciseNote),
    ):
        counts[key] = model.objects.filter(member=user).delete()[1].get(model._meta.label, 0)
    return counts


register(
    Section(
        key="toolbox",
        title=_("Recovery toolbox"),
        order=30,
        roles=frozenset({"member"}),
        items=(
            Item("goals", _("Goals"), Goal, lambda u: Goal.objects.filter(member=u), url_name="toolbox:goals"),
            Item(
                "steps",
                _("Steps towards goals"),
                Step,
                lambda u: Step.objects.filter(goal__member=u),
                in_overview=False,
            ),
            Item(
                "activities",
                _("Planned activities"),
                Activity,
                lambda u: Activity.objects.filter(goal__member=u),
                in_overview=False,
            ),
            Item(
                "crisis_plan",
                _("Crisis plan"),
                CrisisPlan,
                lambda u: CrisisPlan.objects.filter(member=u),
                url_name="toolbox:crisis_plan",
            ),
            Item(
                "network",
                _("People in my network map"),
                NetworkPerson,
                lambda u: NetworkPerson.objects.filter(member=u),
                url_name="toolbox:network",
            ),
            Item(
                "medications",
                _("Medicines, current and past"),
                Medication,
                lambda u: Medication.objects.filter(member=u),
                url_name="toolbox:medications",
            ),
            Item(
                "check_ins",
                _("Daily check-ins"),
                CheckIn,
                lambda u: CheckIn.objects.filter(member=u),
                url_name="toolbox:checkins",
            ),
            Item(
                "exercise_notes",
                _("Favourite exercises and my notes"),
                ExerciseNote,
                lambda u: ExerciseNote.objects.filter(member=u),
                url_name="toolbox:exercises",
            ),
            Item(
                "shares",
                _("Items shared with my care team"),
                Share,
                lambda u: Share.objects.filter(member=u),
                fields=("provider__real_name", "item_type", "goal_id", "created_at"),
                url_name="toolbox:sharing",
            ),
        ),
        erase=_erase,
    )
)
