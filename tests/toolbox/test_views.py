"""What members and providers can do in the toolbox, and how bad input is met."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from reconnect.accounts.models import CareRelationship
from reconnect.core.models import AccessLogEntry
from tests.factories import CareRelationshipFactory, CrisisContactFactory, ProviderFactory
from tests.toolbox.factories import (
    ActivityFactory,
    CheckInFactory,
    CrisisPlanFactory,
    ExerciseFactory,
    GoalFactory,
    MedicationFactory,
    NetworkPersonFactory,
    ShareFactory,
    StepFactory,
)
from toolbox import services
from toolbox.models import MAX_NETWORK_PEOPLE, CheckIn, CrisisPlan, Goal, Medication, NetworkPerson, Share

pytestmark = pytest.mark.django_db


def test_member_writes_a_goal_in_their_own_words(login, member):
    client = login(member)
    response = client.post("/toolbox/goals/new/", {"text": "Go to the café once a month", "life_area": "connectedness"})
    goal = Goal.objects.get(member=member)
    assert response.headers["Location"] == f"/toolbox/goals/{goal.pk}/"
    assert goal.text == "Go to the café once a month"
    assert "Go to the café once a month" in client.get("/toolbox/goals/").content.decode()


def test_goal_text_is_encrypted_at_rest(member):
    goal = GoalFactory(member=member, text="A very private hope")
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM toolbox_goal WHERE id = %s", [goal.pk])
        raw = cursor.fetchone()[0]
    assert "private hope" not in raw


def test_goal_without_life_area_is_refused_and_keeps_the_text(login, member):
    response = login(member).post("/toolbox/goals/new/", {"text": "Sleep better", "life_area": ""})
    assert response.status_code == 400
    assert "Sleep better" in response.content.decode()
    assert not Goal.objects.exists()


def test_steps_and_activities_are_planned_and_ticked_off(login, member, goal):
    client = login(member)
    client.post(f"/toolbox/goals/{goal.pk}/steps/", {"text": "Buy walking shoes"})
    client.post(f"/toolbox/goals/{goal.pk}/activities/", {"title": "Walk to the harbour", "planned_on": "2026-12-02"})
    step = goal.steps.get()
    activity = goal.activities.get()
    client.post(f"/toolbox/steps/{step.pk}/toggle/")
    client.post(f"/toolbox/activities/{activity.pk}/toggle/")
    step.refresh_from_db()
    activity.refresh_from_db()
    assert step.done_at and activity.done_at
    page = client.get("/toolbox/goals/").content.decode()
    assert "2 of 2 steps and activities done" in page
    # Progress over time: this week counts two things done.
    assert "<td>\n              <meter" in page or "meter" in page


def test_activity_with_a_bad_date_is_refused_and_nothing_is_saved(login, member, goal):
    response = login(member).post(
        f"/toolbox/goals/{goal.pk}/activities/", {"title": "Swim", "planned_on": "31.31.2026"}
    )
    assert response.status_code == 400
    assert "Enter a valid date" in response.content.decode()
    assert "Swim" in response.content.decode()
    assert not goal.activities.exists()


def test_editing_another_members_goal_by_id_is_404(login, other_member, goal):
    client = login(other_member)
    assert client.post(f"/toolbox/goals/{goal.pk}/edit/", {"text": "Hijack", "life_area": "hope"}).status_code == 404
    step = StepFactory(goal=goal)
    assert client.post(f"/toolbox/steps/{step.pk}/toggle/").status_code == 404
    goal.refresh_from_db()
    step.refresh_from_db()
    assert goal.text != "Hijack" and step.done_at is None


def test_other_members_medicine_and_person_are_404(login, other_member, member):
    medicine = MedicationFactory(member=member)
    person = NetworkPersonFactory(member=member)
    client = login(other_member)
    assert client.post(f"/toolbox/medications/{medicine.pk}/edit/", {"name": "X", "dose": "1"}).status_code == 404
    assert client.post(f"/toolbox/network/{person.pk}/delete/").status_code == 404
    assert NetworkPerson.objects.filter(pk=person.pk).exists()


# ---- crisis plan -------------------------------------------------------------------------------


def test_new_crisis_plan_is_prefilled_with_the_communitys_crisis_contacts(login, member):
    CrisisContactFactory(community=member.community, name="Nordvik legevakt", phone="116 117")
    page = login(member).get("/toolbox/crisis-plan/edit/").content.decode()
    assert "Nordvik legevakt – 116 117" in page


def test_crisis_plan_is_saved_encrypted_and_shows_phone_links(login, member):
    client = login(member)
    response = client.post(
        "/toolbox/crisis-plan/edit/",
        {"warning_signs": "I stop sleeping\nI avoid people", "helpers": "Mum – 912 34 567", "professionals": ""},
    )
    assert response.headers["Location"] == "/toolbox/crisis-plan/"
    plan = CrisisPlan.objects.get(member=member)
    assert plan.warning_signs == "I stop sleeping\nI avoid people"
    with connection.cursor() as cursor:
        cursor.execute("SELECT warning_signs FROM toolbox_crisisplan WHERE id = %s", [plan.pk])
        assert "sleeping" not in cursor.fetchone()[0]
    page = client.get("/toolbox/crisis-plan/").content.decode()
    assert "<li>I avoid people</li>" in page
    assert '<a href="tel:91234567">912 34 567</a>' in page


def test_empty_crisis_plan_sections_are_allowed_and_said_clearly(login, member):
    client = login(member)
    assert client.post("/toolbox/crisis-plan/edit/", {}).status_code == 302
    page = client.get("/toolbox/crisis-plan/").content.decode()
    assert page.count("Not filled in yet.") == 7
    assert "every section is empty" in page


def test_crisis_plan_print_view_has_print_styles(login, member, plan):
    page = login(member).get("/toolbox/crisis-plan/print/").content.decode()
    assert "toolbox/toolbox.css" in page
    assert "I stop answering the phone" in page


def test_crisis_plan_link_is_on_every_member_page(login, member):
    page = login(member).get("/toolbox/medications/").content.decode()
    assert re.search(r'<a class="crisis-plan-link[^"]*" href="/toolbox/crisis-plan/">.*?My crisis plan</a>', page)


# ---- network map -------------------------------------------------------------------------------


def test_member_adds_a_person_through_an_ordinary_form(login, member):
    client = login(member)
    response = client.post("/toolbox/network/", {"name": "Anna", "kind": "friends", "closeness": "1", "note": ""})
    assert response.status_code == 302
    assert NetworkPerson.objects.get(member=member).closeness == 1


def test_a_full_network_map_refuses_more_people_clearly(login, member):
    NetworkPerson.objects.bulk_create(
        [NetworkPerson(member=member, name=f"P{i}", kind="peers", closeness=3) for i in range(MAX_NETWORK_PEOPLE)]
    )
    response = login(member).post("/toolbox/network/", {"name": "One more", "kind": "friends", "closeness": "1"})
    assert response.status_code == 400
    assert "the most it can hold" in response.content.decode()
    assert NetworkPerson.objects.filter(member=member).count() == MAX_NETWORK_PEOPLE


# ---- medicines ---------------------------------------------------------------------------------


def medicine(**extra):
    data = {"name": "Sertraline", "strength": "50 mg", "dose": "1", "dose_unit": "tablet", "times": "morning"}
    data.update(extra)
    return data


def test_member_adds_a_medicine(login, member):
    response = login(member).post("/toolbox/medications/new/", medicine(dose="0.5", notes="Makes me tired"))
    assert response.status_code == 302
    saved = Medication.objects.get(member=member)
    assert str(saved.dose) == "0.50" and saved.notes == "Makes me tired"


def test_end_date_before_start_date_is_refused_and_nothing_is_saved(login, member):
    response = login(member).post("/toolbox/medications/new/", medicine(start_date="2026-05-01", end_date="2026-04-01"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "The end date cannot be before the start date." in page
    assert 'value="Sertraline"' in page
    assert not Medication.objects.exists()


def test_a_dose_that_is_not_a_number_is_refused(login, member):
    response = login(member).post("/toolbox/medications/new/", medicine(dose="two"))
    assert response.status_code == 400
    assert "Please write the dose as a number" in response.content.decode()
    assert not Medication.objects.exists()


def test_ended_medicines_stay_as_history(login, member):
    MedicationFactory(member=member, name="Old pill", end_date=timezone.localdate() - timedelta(days=10))
    MedicationFactory(member=member, name="Current pill")
    page = login(member).get("/toolbox/medications/").content.decode()
    assert page.index("Current pill") < page.index("Earlier medicines") < page.index("Old pill")


# ---- check-ins, exercises ----------------------------------------------------------------------


def test_one_check_in_per_day_a_second_one_replaces_the_first(login, member):
    client = login(member)
    client.post("/toolbox/check-ins/", {"mood": "2", "sleep": "3", "activity": "4", "note": "Rainy"})
    client.post("/toolbox/check-ins/", {"mood": "4", "sleep": "3", "activity": "4", "note": ""})
    checkin = CheckIn.objects.get(member=member)
    assert checkin.mood == 4 and checkin.day == timezone.localdate()


def test_crisis_words_in_a_check_in_note_bring_help_and_tell_nobody(login, member):
    from moderation.models import QueueItem
    from reconnect.core.models import Notification
    from tests.factories import CrisisContactFactory

    CrisisContactFactory(community=member.community, name="Nordvik crisis team", phone="77 00 11 22")
    client = login(member)
    response = client.post(
        "/toolbox/check-ins/", {"mood": "1", "sleep": "1", "activity": "1", "note": "I don't want to be alive"}
    )
    assert response.status_code == 302 and response["Location"] == "/toolbox/check-ins/?support=1"
    page = client.get(response["Location"]).content.decode()
    assert "Nordvik crisis team" in page and "/toolbox/crisis-plan/" in page and "nobody is told" in page
    # Private text: nothing reaches the moderators or anyone else.
    assert not QueueItem.objects.exists() and not Notification.objects.exists()
    assert CheckIn.objects.get(member=member).note == "I don't want to be alive"


def test_an_ordinary_check_in_note_brings_no_crisis_box(login, member):
    client = login(member)
    response = client.post("/toolbox/check-ins/", {"mood": "3", "sleep": "3", "activity": "3", "note": "Tired"})
    assert response["Location"] == "/toolbox/check-ins/"
    assert "nobody is told" not in client.get(response["Location"]).content.decode()


def test_check_in_scores_outside_one_to_five_are_refused(login, member):
    response = login(member).post("/toolbox/check-ins/", {"mood": "9", "sleep": "3", "activity": "x"})
    assert response.status_code == 400
    assert not CheckIn.objects.exists()


def test_check_in_page_draws_the_chart_without_javascript(login, member):
    CheckInFactory(member=member, day=timezone.localdate() - timedelta(days=1))
    page = login(member).get("/toolbox/check-ins/?weeks=8").content.decode()
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg"') == 3 and 'role="img"' in page
    assert "1 check-in; lowest 3, highest 3 of 5." in page


def test_exercise_is_shown_in_norwegian_and_keeps_a_private_note(login, member, client):
    exercise = ExerciseFactory(slug="breathing", title_en="Breathing space", title_nb="Pustepause")
    client = login(member)
    client.post(f"/toolbox/exercises/{exercise.slug}/", {"note": "Helps at night"})
    client.post(f"/toolbox/exercises/{exercise.slug}/favourite/")
    client.cookies["django_language"] = "nb"
    page = client.get("/toolbox/exercises/", headers={"accept-language": "nb"}).content.decode()
    assert "Pustepause" in page
    note = exercise.notes.get(member=member)
    assert note.note == "Helps at night" and note.favourite


# ---- sharing and the provider side -------------------------------------------------------------


def test_sharing_asks_for_reauthentication_before_changing(login, member, provider):
    response = login(member).post("/toolbox/sharing/crisis-plan/", {"providers": [provider.pk]})
    assert response.status_code == 302 and response.headers["Location"].startswith("/accounts/reauthenticate/")
    assert not Share.objects.exists()


def test_member_shares_and_withdraws_and_the_next_request_is_refused(client, member, provider, plan):
    services.set_sharing(member=member, item_type="crisis_plan", providers=[provider])
    client.force_login(provider)
    url = f"/provider/members/{member.pk}/toolbox/crisis-plan/"
    response = client.get(url)
    assert response.status_code == 200
    assert "I stop answering the phone" in response.content.decode()
    services.set_sharing(member=member, item_type="crisis_plan", providers=[])
    assert client.get(url).status_code == 404


def test_sharing_only_with_the_care_team(member, other_provider):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.set_sharing(member=member, item_type="network", providers=[other_provider])
    assert not Share.objects.exists()


def test_every_provider_view_writes_an_access_log_entry(client, member, provider, plan, goal):
    for item_type in ("crisis_plan", "network", "medications", "checkins"):
        ShareFactory(member=member, provider=provider, item_type=item_type)
    ShareFactory(member=member, provider=provider, item_type="goal", goal=goal)
    client.force_login(provider)
    base = f"/provider/members/{member.pk}/toolbox/"
    for suffix in ("crisis-plan/", f"goals/{goal.pk}/", "network/", "medications/", "check-ins/"):
        assert client.get(base + suffix).status_code == 200
    entries = AccessLogEntry.objects.filter(subject=member, actor=provider)
    assert entries.count() == 5
    # The goal's own words never land in the unencrypted access log.
    assert not entries.filter(object_label__icontains="walk").exists()


def test_provider_sees_only_the_chosen_goal(client, member, provider):
    shared_goal, private_goal = GoalFactory(member=member), GoalFactory(member=member)
    ShareFactory(member=member, provider=provider, item_type="goal", goal=shared_goal)
    client.force_login(provider)
    base = f"/provider/members/{member.pk}/toolbox/goals/"
    assert client.get(f"{base}{shared_goal.pk}/").status_code == 200
    assert client.get(f"{base}{private_goal.pk}/").status_code == 404


def test_second_provider_in_the_care_team_not_chosen_gets_404(client, member, provider, shared_plan):
    colleague = ProviderFactory()
    CareRelationshipFactory(member=member, provider=colleague)
    client.force_login(colleague)
    assert client.get(f"/provider/members/{member.pk}/toolbox/crisis-plan/").status_code == 404


def test_ended_care_link_ends_sharing(client, member, provider, shared_plan):
    CareRelationship.objects.filter(member=member, provider=provider).update(ended_at=timezone.now())
    client.force_login(provider)
    assert client.get(f"/provider/members/{member.pk}/toolbox/crisis-plan/").status_code == 404
    assert client.get(f"/provider/members/{member.pk}/toolbox/").status_code == 404


def test_provider_overview_lists_shared_items_with_last_changed(client, member, provider, shared_plan):
    client.force_login(provider)
    page = client.get(f"/provider/members/{member.pk}/toolbox/").content.decode()
    assert "Crisis plan" in page and "last changed" in page
    assert "Network map" not in page


def test_dashboard_panel_lists_what_each_member_shares(member, provider, shared_plan):
    from reconnect.core.dashboard import member_panels

    panel = member_panels(provider, [member])
    assert [str(item.label) for item in panel[member.pk]] == ["Crisis plan"]
    assert panel[member.pk][0].url == f"/provider/members/{member.pk}/toolbox/crisis-plan/"


def test_deleting_a_goal_removes_its_steps_activities_and_shares(login, member, provider, goal):
    StepFactory(goal=goal)
    ActivityFactory(goal=goal, planned_on=date(2026, 12, 1))
    ShareFactory(member=member, provider=provider, item_type="goal", goal=goal)
    login(member).post(f"/toolbox/goals/{goal.pk}/delete/")
    assert not Goal.objects.exists() and not Share.objects.exists()


def test_crisis_plan_factory_helper_is_usable(member):
    assert CrisisPlanFactory(member=member).helpers.startswith("Mum")
