"""The page frame on a phone (390x844) and a desktop (1366x900), for each role's main pages.

On a phone: the page's <h1> starts within the top 200px, the main navigation is a bottom tab bar
(language and sign-out under "More"), the crisis line is one line that opens the numbers without
JavaScript, and every control is at least 44x44px measured from the layout. On a desktop: a top
navigation and no tab bar. Both schemes (light, dark) pass axe-core. Screenshots of each page are
saved to test-results/layout/ for review.
"""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS
from tests.factories import (
    TEST_PASSWORD,
    AdminFactory,
    CareRelationshipFactory,
    CommunityFactory,
    CrisisContactFactory,
    MemberFactory,
    ModeratorFactory,
    ProviderFactory,
)
from tests.forum.factories import TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
SHOTS = ARTIFACTS / "layout"

MAIN_PAGES = {
    "anonymous": ["/accounts/login/", "/accounts/signup/", "/pages/about/"],
    "member": [
        "/",
        "/forum/",
        "/messages/",
        "/toolbox/",
        "/toolbox/crisis-plan/",
        "/cafes/",
        "/notifications/",
        "/me/",
    ],
    "moderator": ["/", "/forum/", "/moderation/", "/moderation/log/", "/cafes/", "/notifications/", "/me/"],
    "provider": ["/", "/provider/", "/notifications/", "/me/"],
    "admin": ["/", "/moderation/", "/notifications/", "/me/"],
}
TABS = {
    "member": ["Home", "Forum", "Messages", "Toolbox", "More"],
    "moderator": ["Home", "Forum", "Moderation", "Cafés", "More"],
    "provider": ["Home", "Dashboard", "Notifications", "More"],
    "admin": ["Home", "Moderation", "Notifications", "More"],
}

# The section menus (forum, toolbox, moderation, my account): one row on a phone, scrolling sideways.
SECTION_MENUS = "main nav > ul.nav, main nav.toolbox-nav > ul"

# Every visible control's touch target, measured from the layout. A link inside running text is
# exempt (WCAG 2.5.8's inline exception); a radio button or checkbox counts with its label, which
# toggles it too.
TARGETS_JS = """
() => {
  const small = [];
  const controls = document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary');
  for (const el of controls) {
    const style = getComputedStyle(el);
    if (el.tagName === 'A' && style.display === 'inline') continue;
    let rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue;
    if (el.closest('.visually-hidden, .visually-hidden-focusable')) continue;
    if (el.type === 'radio' || el.type === 'checkbox') {
      const label = el.closest('label') || (el.id && document.querySelector(`label[for="${el.id}"]`));
      if (label) {
        const l = label.getBoundingClientRect();
        const left = Math.min(rect.left, l.left), top = Math.min(rect.top, l.top);
        rect = {width: Math.max(rect.right, l.right) - left, height: Math.max(rect.bottom, l.bottom) - top};
      }
    }
    if (rect.width < 43.5 || rect.height < 43.5) {
      small.push(`${el.outerHTML.slice(0, 90)} ${Math.round(rect.width)}x${Math.round(rect.height)}`);
    }
  }
  return small;
}
"""


@pytest.fixture
def people(db):
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    CrisisContactFactory(community=nordvik, name="Nordvik crisis team", phone="77 00 11 22")
    TopicFactory(name="Everyday life", slug="everyday-life")
    member = MemberFactory(email="member@example.net", pseudonym="Lighthouse", community=nordvik)
    provider = ProviderFactory(email="provider@example.net", real_name="Dr. Kari Berg", community=nordvik)
    CareRelationshipFactory(member=member, provider=provider)
    return {
        "anonymous": None,
        "member": member,
        "moderator": ModeratorFactory(email="mod@example.net", pseudonym="Lillian", community=nordvik),
        "provider": provider,
        "admin": AdminFactory(email="admin@example.net", community=None),
    }


def _context(browser, live_server, user, **options):
    """A browser context already signed in as `user` (a session made by Django's test client)."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB", **options)
    context.set_default_timeout(15_000)
    if user is not None:
        client = Client()
        client.force_login(user)
        session = client.cookies["sessionid"].value
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    return context


def _phone(browser, live_server, user, **options):
    return _context(browser, live_server, user, viewport=PHONE, is_mobile=True, has_touch=True, **options)


def _shot(page, role: str, path: str, suffix: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = path.strip("/").replace("/", "_") or "home"
    page.screenshot(path=str(SHOTS / f"{role}-{name}-{suffix}.png"))


@pytest.mark.parametrize("role", list(MAIN_PAGES))
def test_on_a_phone_every_main_page_puts_its_heading_in_the_first_200px_with_the_tab_bar_below(
    browser, live_server, people, axe_check, role
):
    context = _phone(browser, live_server, people[role])
    page = context.new_page()
    for path in MAIN_PAGES[role]:
        page.goto(path)
        heading = page.locator("main h1").first
        expect(heading).to_be_visible()
        top = heading.bounding_box()["y"]
        assert top < 200, f"{role} {path}: the <h1> starts at {top:.0f}px"

        tab_bar = page.locator("nav.tab-bar")
        if role == "anonymous":
            expect(tab_bar).to_have_count(0)
        else:
            expect(tab_bar).to_be_visible()
            bar = tab_bar.bounding_box()
            assert bar["y"] + bar["height"] == pytest.approx(PHONE["height"], abs=1), "the tab bar sits at the bottom"
            tabs = [" ".join(t.split()) for t in tab_bar.locator(":scope > ul > li").all_inner_texts()]
            assert tabs == TABS[role]
            expect(page.locator("nav.top-nav")).to_be_hidden()

        for menu in page.locator(SECTION_MENUS).all():
            tops = {round(item.bounding_box()["y"]) for item in menu.locator(":scope > li").all()}
            assert len(tops) == 1, f"{role} {path}: the section menu wraps onto {len(tops)} rows"

        small = page.evaluate(TARGETS_JS)
        assert small == [], f"{role} {path}: controls under 44x44px on a phone:\n" + "\n".join(small)
        axe_check(page)
        _shot(page, role, path, "phone")
    context.close()


@pytest.mark.parametrize("role", list(MAIN_PAGES))
def test_on_a_desktop_the_main_navigation_is_at_the_top_and_there_is_no_tab_bar(
    browser, live_server, people, axe_check, role
):
    context = _context(browser, live_server, people[role], viewport=DESKTOP)
    page = context.new_page()
    for path in MAIN_PAGES[role]:
        page.goto(path)
        expect(page.locator("main h1").first).to_be_in_viewport()
        expect(page.locator("nav.tab-bar")).to_be_hidden()
        if role != "anonymous":
            top_nav = page.get_by_role("navigation", name="Main")
            expect(top_nav).to_be_visible()
            expect(top_nav.get_by_role("link", name="My account")).to_be_visible()
            expect(page.get_by_role("button", name="Sign out")).to_be_visible()
        axe_check(page)
        _shot(page, role, path, "desktop")
    context.close()


def test_the_crisis_line_opens_the_numbers_and_the_crisis_plan_without_javascript(browser, live_server, people):
    context = _phone(browser, live_server, people["member"], java_script_enabled=False)
    page = context.new_page()
    page.goto("/forum/")
    crisis = page.get_by_role("complementary", name="Urgent help")
    line = crisis.locator("summary")
    expect(line).to_have_text("Not for emergencies — get help now")
    assert line.bounding_box()["height"] < 60, "closed, the crisis line is one line"
    call = crisis.get_by_role("link", name="Nordvik crisis team 77 00 11 22")
    expect(call).to_be_hidden()

    line.click()
    expect(call).to_be_visible()
    expect(call).to_have_attribute("href", "tel:77001122")
    links = crisis.locator("a[href^='tel:']")
    assert links.count() >= 2, "the community's number and the default ones"
    assert all(
        href.startswith("tel:")
        for href in crisis.locator("a:not(.crisis-plan-link)").evaluate_all(
            "els => els.map(e => e.getAttribute('href'))"
        )
    )
    _shot(page, "member", "crisis-line-open", "phone")
    crisis.get_by_role("link", name="My crisis plan").click()
    page.wait_for_url("**/toolbox/crisis-plan/")
    context.close()


def test_more_holds_the_other_sections_the_language_and_sign_out_on_a_phone_without_javascript(
    browser, live_server, people
):
    context = _phone(browser, live_server, people["member"], java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    tab_bar = page.get_by_role("navigation", name="Main")
    sign_out = tab_bar.get_by_role("button", name="Sign out")
    expect(sign_out).to_be_hidden()
    tab_bar.get_by_text("More").click()
    for name in ("Cafés", "Notifications", "My account"):
        expect(tab_bar.get_by_role("link", name=name)).to_be_visible()
    _shot(page, "member", "more-open", "phone")

    tab_bar.get_by_label("Language").select_option("nb")
    tab_bar.get_by_role("button", name="Change language").click()
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    tab_bar = page.get_by_role("navigation", name="Hovedmeny")
    tab_bar.get_by_text("Mer", exact=True).click()
    tab_bar.get_by_role("button", name="Logg ut").click()
    expect(page.get_by_role("banner").get_by_role("link", name="Logg inn")).to_be_visible()
    context.close()


@pytest.mark.parametrize("role", ["anonymous", "member", "moderator", "provider", "admin"])
def test_the_dark_scheme_follows_the_phone_and_passes_axe(browser, live_server, people, axe_check, role):
    context = _phone(browser, live_server, people[role], color_scheme="dark")
    page = context.new_page()
    for path in MAIN_PAGES[role]:
        page.goto(path)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        red, green, blue = (int(c) for c in background[background.index("(") + 1 : -1].split(",")[:3])
        assert max(red, green, blue) < 60, f"{path}: the page stays light in the dark scheme ({background})"
        axe_check(page)
        _shot(page, role, path, "phone-dark")
    context.close()


def test_the_sessions_table_scrolls_in_a_frame_that_the_keyboard_reaches(browser, live_server, people, axe_check):
    context = _phone(browser, live_server, people["member"])
    page = context.new_page()
    page.goto("/accounts/sessions/")
    frame = page.get_by_role("region", name="Table, scrolls sideways on a small screen")
    expect(frame).to_have_attribute("tabindex", "0")
    frame.focus()
    expect(frame).to_be_focused()
    axe_check(page)
    context.close()


def test_sign_in_speaks_of_invitations_and_the_code_field_brings_up_the_number_pad(
    browser, live_server, people, axe_check
):
    context = _phone(browser, live_server, None)
    page = context.new_page()
    page.goto("/accounts/login/")
    main = page.get_by_role("main")
    expect(main).not_to_contain_text("sign up")
    expect(main).to_contain_text("ReConnect is by invitation")
    page.get_by_label("Email").fill(people["moderator"].email)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    code = page.get_by_label("Code")
    expect(code).to_have_attribute("inputmode", "numeric")
    expect(code).to_have_attribute("autocomplete", "one-time-code")
    assert code.bounding_box()["height"] >= 44
    axe_check(page)
    _shot(page, "moderator", "2fa-authenticate", "phone")
    context.close()
