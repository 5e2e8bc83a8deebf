"""Routes of the toolbox: the member's own pages (/toolbox/) and the provider's read-only views of
what a member shares (/provider/members/<id>/toolbox/).

In the world, `provider` is in the member's care team and `other_provider` is not. Items are
owned by `member`; `other_member` asking for them by id gets a 404. Provider views are checked
with the item shared with `provider` only, so `other_provider` stands for both "outside the care
team" and "not chosen for this item"; the route rows named *_not_chosen prove the second case for
a provider who IS in the care team.
"""

from django.utils import timezone

from reconnect.accounts.models import CareRelationship
from tests.security.matrix import (
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    REAUTH,
    Redirect,
    Route,
    only,
    roles,
)
from tests.toolbox.factories import (
    ActivityFactory,
    CheckInFactory,
    CrisisPlanFactory,
    ExerciseFactory,
    GoalFactory,
    LocalLinkFactory,
    MedicationFactory,
    NetworkPersonFactory,
    ShareFactory,
    StepFactory,
)

MEMBERS = ("member", "other_member")


def mine(expectation):
    """Both members reach their own page; everyone else in the world is refused by role."""
    return only(expectation, *MEMBERS)


def owned(expectation):
    """An object of `member`: the owner gets `expectation`, the other member 404, other roles 403."""
    return roles(
        anonymous=LOGIN,
        member=expectation,
        other_member=NOT_FOUND,
        moderator=FORBIDDEN,
        provider=FORBIDDEN,
        admin=FORBIDDEN,
    )


def shared(expectation=OK):
    """A provider view of an item shared with `provider`: only that provider sees it."""
    return roles(
        anonymous=LOGIN,
        member=FORBIDDEN,
        moderator=FORBIDDEN,
        provider=expectation,
        other_provider=NOT_FOUND,
        admin=FORBIDDEN,
    )


def not_chosen():
    """A provider view of an item of `member` that is NOT shared with anyone: 404 even for the care team."""
    return roles(
        anonymous=LOGIN,
        member=FORBIDDEN,
        moderator=FORBIDDEN,
        provider=NOT_FOUND,
        other_provider=NOT_FOUND,
        admin=FORBIDDEN,
    )


def _goal(world):
    return world.objects.setdefault("goal", GoalFactory(member=world.member))


def _goal_path(suffix=""):
    return lambda world: f"/toolbox/goals/{_goal(world).pk}/{suffix}"


def _step(world):
    return StepFactory(goal=_goal(world))


def _activity(world):
    return ActivityFactory(goal=_goal(world))


def _person(world):
    return NetworkPersonFactory(member=world.member)


def _medication(world):
    return MedicationFactory(member=world.member)


def _exercise(world):
    return world.objects.setdefault("exercise", ExerciseFactory(slug="breathing-space"))


def _share(world, item_type, goal=None):
    ShareFactory(member=world.member, provider=world.provider, item_type=item_type, goal=goal)


def _provider_path(item_type, suffix, *, share=True, make=None):
    def path(world):
        if make:
            make(world)
        if share:
            _share(world, item_type)
        return f"/provider/members/{world.member.pk}/toolbox/{suffix}"

    return path


def _provider_goal(share=True):
    def path(world):
        goal = _goal(world)
        StepFactory(goal=goal)
        if share:
            _share(world, "goal", goal)
        return f"/provider/members/{world.member.pk}/toolbox/goals/{goal.pk}/"

    return path


ROUTES = {
    "toolbox:index": Route("/toolbox/", mine(OK)),
    "toolbox:goals": Route("/toolbox/goals/", mine(OK)),
    "toolbox:goal_new": Route("/toolbox/goals/new/", mine(OK)),
    "toolbox:goal": Route(_goal_path(), owned(OK)),
    "toolbox:goal_edit": Route(_goal_path("edit/"), owned(OK)),
    "toolbox:goal_delete": Route(_goal_path("delete/"), owned(Redirect("/toolbox/goals/")), method="post"),
    "toolbox:goal_reached": Route(_goal_path("reached/"), owned(Redirect("/toolbox/goals/")), method="post"),
    "toolbox:step_add": Route(
        _goal_path("steps/"), owned(Redirect("/toolbox/goals/")), method="post", data={"text": "Call Anna"}
    ),
    "toolbox:activity_add": Route(
        _goal_path("activities/"),
        owned(Redirect("/toolbox/goals/")),
        method="post",
        data={"title": "Swim", "planned_on": "2026-12-01"},
    ),
    "toolbox:step_toggle": Route(
        lambda world: f"/toolbox/steps/{_step(world).pk}/toggle/", owned(Redirect("/toolbox/goals/")), method="post"
    ),
    "toolbox:step_delete": Route(
        lambda world: f"/toolbox/steps/{_step(world).pk}/delete/", owned(Redirect("/toolbox/goals/")), method="post"
    ),
    "toolbox:activity_toggle": Route(
        lambda world: f"/toolbox/activities/{_activity(world).pk}/toggle/",
        owned(Redirect("/toolbox/goals/")),
        method="post",
    ),
    "toolbox:activity_delete": Route(
        lambda world: f"/toolbox/activities/{_activity(world).pk}/delete/",
        owned(Redirect("/toolbox/goals/")),
        method="post",
    ),
    "toolbox:crisis_plan": Route("/toolbox/crisis-plan/", mine(OK)),
    "toolbox:crisis_plan_edit": Route("/toolbox/crisis-plan/edit/", mine(OK)),
    "toolbox:crisis_plan_print": Route("/toolbox/crisis-plan/print/", mine(OK)),
    "toolbox:network": Route("/toolbox/network/", mine(OK)),
    "toolbox:person_edit": Route(lambda world: f"/toolbox/network/{_person(world).pk}/edit/", owned(OK)),
    "toolbox:person_delete": Route(
        lambda world: f"/toolbox/network/{_person(world).pk}/delete/",
        owned(Redirect("/toolbox/network/")),
        method="post",
    ),
    "toolbox:medications": Route("/toolbox/medications/", mine(OK)),
    "toolbox:medication_new": Route("/toolbox/medications/new/", mine(OK)),
    "toolbox:medication_edit": Route(lambda world: f"/toolbox/medications/{_medication(world).pk}/edit/", owned(OK)),
    "toolbox:medication_delete": Route(
        lambda world: f"/toolbox/medications/{_medication(world).pk}/delete/",
        owned(Redirect("/toolbox/medications/")),
        method="post",
    ),
    "toolbox:exercises": Route("/toolbox/exercises/", mine(OK)),
    "toolbox:exercise": Route(lambda world: f"/toolbox/exercises/{_exercise(world).slug}/", mine(OK)),
    "toolbox:exercise_favourite": Route(
        lambda world: f"/toolbox/exercises/{_exercise(world).slug}/favourite/",
        mine(Redirect("/toolbox/exercises/")),
        method="post",
    ),
    "toolbox:local_links": Route("/toolbox/local/", mine(OK)),
    "toolbox:checkins": Route("/toolbox/check-ins/", mine(OK)),
    "toolbox:sharing": Route("/toolbox/sharing/", mine(OK)),
    "toolbox:share_item": Route("/toolbox/sharing/crisis-plan/", mine(OK)),
    "toolbox:share_goal": Route(lambda world: f"/toolbox/sharing/goals/{_goal(world).pk}/", owned(OK)),
    # The provider's read-only views.
    "provider_toolbox:member": Route(lambda world: f"/provider/members/{world.member.pk}/toolbox/", shared(OK)),
    "provider_toolbox:crisis_plan": Route(
        _provider_path("crisis_plan", "crisis-plan/", make=lambda w: CrisisPlanFactory(member=w.member)), shared()
    ),
    "provider_toolbox:goal": Route(_provider_goal(), shared()),
    "provider_toolbox:network": Route(
        _provider_path("network", "network/", make=lambda w: NetworkPersonFactory(member=w.member)), shared()
    ),
    "provider_toolbox:medications": Route(
        _provider_path("medications", "medications/", make=lambda w: MedicationFactory(member=w.member)), shared()
    ),
    "provider_toolbox:checkins": Route(
        _provider_path("checkins", "check-ins/", make=lambda w: CheckInFactory(member=w.member)), shared()
    ),
}

# Extra rows that are not URL names of their own: the same URLs in the cases the issue names.
EXTRA_ROUTES = {
    # Sharing is sensitive: a member is asked to sign in again before it changes.
    "share_item_post": Route("/toolbox/sharing/crisis-plan/", mine(REAUTH), method="post", data={"providers": []}),
    "share_goal_post": Route(
        lambda world: f"/toolbox/sharing/goals/{_goal(world).pk}/", owned(REAUTH), method="post", data={"providers": []}
    ),
    "share_item_unknown": Route("/toolbox/sharing/diary/", mine(NOT_FOUND)),
    "goal_malformed": Route("/toolbox/goals/99999999999999999999/", mine(NOT_FOUND)),
    # GET on the POST-only views answers 405: rows generated from the URL map in test_url_matrix.py.
    "crisis_plan_not_chosen": Route(
        _provider_path("crisis_plan", "crisis-plan/", share=False, make=lambda w: CrisisPlanFactory(member=w.member)),
        not_chosen(),
    ),
    "goal_not_chosen": Route(_provider_goal(share=False), not_chosen()),
    "network_not_chosen": Route(_provider_path("network", "network/", share=False), not_chosen()),
    "medications_not_chosen": Route(_provider_path("medications", "medications/", share=False), not_chosen()),
    "checkins_not_chosen": Route(_provider_path("checkins", "check-ins/", share=False), not_chosen()),
    # Another member's shared item is not reachable under this member's id.
    "provider_other_member": Route(
        lambda world: f"/provider/members/{world.other_member.pk}/toolbox/", {**shared(NOT_FOUND), "other_provider": OK}
    ),
    # A care link that has ended closes every shared item at once.
    "crisis_plan_ended_link": Route(
        lambda world: (
            CrisisPlanFactory(member=world.member),
            _share(world, "crisis_plan"),
            CareRelationship.objects.filter(member=world.member).update(ended_at=timezone.now()),
            f"/provider/members/{world.member.pk}/toolbox/crisis-plan/",
        )[-1],
        not_chosen(),
    ),
}

ADMIN_SAMPLES = {
    "toolbox.exercise": lambda world: ExerciseFactory(),
    "toolbox.locallink": lambda world: LocalLinkFactory(community=world.member.community),
}
