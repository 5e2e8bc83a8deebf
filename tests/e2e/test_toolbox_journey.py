"""The toolbox in a browser: a member writes and shares a crisis plan with one provider, that
provider reads it, another provider of the same care team cannot, and the member sees the visit
in the access log. axe-core checks every page visited; the network map is saved as a screenshot."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS, sign_in, sign_out
from tests.factories import (
    TEST_PASSWORD,
    TEST_TOTP_SECRET,
    CareRelationshipFactory,
    CommunityFactory,
    CrisisContactFactory,
    MemberFactory,
    ProviderFactory,
)
from tests.toolbox.factories import (
    ActivityFactory,
    CheckInFactory,
    ExerciseFactory,
    GoalFactory,
    LocalLinkFactory,
    MedicationFactory,
    NetworkPersonFactory,
    StepFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

NETWORK = [
    ("Mum", "family", 1),
    ("Anna", "friends", 1),
    ("Café group", "peers", 2),
    ("Dr. Berg", "services", 2),
    ("Boss at the library", "work", 3),
    ("Neighbour", "other", 3),
    ("Uncle Per", "family", 3),
]


def _member_world():
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    CrisisContactFactory(community=nordvik, name="Nordvik legevakt", phone="116 117")
    member = MemberFactory(email="ingrid@example.net", pseudonym="Lighthouse", community=nordvik)
    berg = ProviderFactory(email="berg@example.net", real_name="Dr. Kari Berg", community=nordvik)
    holm = ProviderFactory(email="holm@example.net", real_name="Nurse Per Holm", community=nordvik)
    CareRelationshipFactory(member=member, provider=berg)
    CareRelationshipFactory(member=member, provider=holm)
    goal = GoalFactory(member=member, text="Walk by the sea twice a week", life_area="health")
    StepFactory(goal=goal, text="Buy good shoes")
    ActivityFactory(goal=goal, title="Walk to the harbour")
    for name, kind, ring in NETWORK:
        NetworkPersonFactory(member=member, name=name, kind=kind, closeness=ring)
    MedicationFactory(member=member, name="Sertraline")
    CheckInFactory(member=member)
    ExerciseFactory(slug="breathing-space", title_en="Breathing space")
    LocalLinkFactory(community=nordvik, name="Mental Health Norway, Nordvik")
    return member, berg, holm


def test_member_shares_crisis_plan_with_one_provider(page, phone_page, axe_check, live_server):
    member, berg, holm = _member_world()

    sign_in(page, member.email, TEST_PASSWORD, axe=axe_check)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Toolbox").click()
    expect(page.get_by_role("heading", name="My toolbox")).to_be_visible()
    axe_check(page)

    # The crisis plan is one tap away from every page.
    page.get_by_role("link", name="My crisis plan").click()
    expect(page.get_by_role("heading", name="My crisis plan", exact=True)).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Write my crisis plan").click()
    axe_check(page)
    expect(page.get_by_label("Professionals and services I can contact")).to_have_value(
        re.compile(r"^Nordvik legevakt – 116 117\n")
    )
    page.get_by_label("My warning signs").fill("I stop sleeping\nI avoid my friends")
    page.get_by_label("People I can ask for help").fill("Mum – 912 34 567")
    page.get_by_role("button", name="Save my crisis plan").click()
    expect(page.get_by_text("Your crisis plan is saved.")).to_be_visible()
    expect(page.get_by_role("link", name="912 34 567")).to_have_attribute("href", "tel:91234567")
    axe_check(page)

    page.get_by_role("link", name="Change who can see this").click()
    axe_check(page)
    page.get_by_label("Dr. Kari Berg").check()
    page.get_by_role("button", name="Save sharing").click()
    # Changing who sees an item is sensitive: the member confirms with their password first,
    # and the choice is saved as soon as they have.
    page.wait_for_url("**/accounts/reauthenticate/**")
    axe_check(page)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("Crisis plan is now shared with: Dr. Kari Berg.")).to_be_visible()
    axe_check(page)

    page.goto("/toolbox/crisis-plan/print/")
    axe_check(page)
    # On paper the plan fits on one or two A4 pages.
    pdf = page.pdf(format="A4", print_background=False)
    assert 1 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2

    # Every other toolbox page passes axe too.
    for path in (
        "/toolbox/goals/",
        "/toolbox/goals/new/",
        "/toolbox/medications/",
        "/toolbox/medications/new/",
        "/toolbox/check-ins/",
        "/toolbox/exercises/",
        "/toolbox/exercises/breathing-space/",
        "/toolbox/local/",
    ):
        page.goto(path)
        axe_check(page)
    page.goto("/toolbox/goals/")
    page.get_by_role("link", name="Walk by the sea twice a week").click()
    axe_check(page)

    page.goto("/toolbox/network/")
    expect(page.get_by_role("img", name="Network map of Lighthouse")).to_be_visible()
    axe_check(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("figure.network-figure").screenshot(path=str(ARTIFACTS / "network-map.png"))
    sign_out(page)

    # The same map on a phone: the picture fits the screen.
    sign_in(phone_page, member.email, TEST_PASSWORD)
    phone_page.goto("/toolbox/network/")
    box = phone_page.get_by_role("img", name="Network map of Lighthouse").bounding_box()
    assert box["width"] <= 390
    axe_check(phone_page)
    phone_page.goto("/toolbox/crisis-plan/")
    axe_check(phone_page)
    phone_page.context.clear_cookies()

    # Dr. Berg was chosen and reads the plan.
    sign_in(page, berg.email, TEST_PASSWORD, totp_secret=TEST_TOTP_SECRET, axe=axe_check)
    page.goto(f"/provider/members/{member.pk}/toolbox/")
    axe_check(page)
    page.get_by_role("link", name="Crisis plan").click()
    expect(page.get_by_text("I avoid my friends")).to_be_visible()
    expect(page.get_by_text(re.compile("Last changed"))).to_be_visible()
    axe_check(page)
    sign_out(page)

    # Nurse Holm is in the same care team but was not chosen.
    sign_in(page, holm.email, TEST_PASSWORD, totp_secret=TEST_TOTP_SECRET, axe=axe_check)
    response = page.goto(f"/provider/members/{member.pk}/toolbox/crisis-plan/")
    assert response.status == 404
    axe_check(page)
    sign_out(page)

    # The member sees Dr. Berg's visit in the access log.
    sign_in(page, member.email, TEST_PASSWORD)
    page.goto("/me/access-log/")
    expect(page.get_by_text("Dr. Kari Berg").first).to_be_visible()
    expect(page.get_by_text("Nurse Per Holm")).to_have_count(0)
    axe_check(page)
