"""Privacy in a browser: a member looks at what the portal holds, hides their profile, takes a
copy of their data (a ZIP, after confirming their password), then deletes their account keeping
their forum texts; another member then sees the posts under "Former member N". axe-core checks
every page visited, and the deletion page is checked at phone width."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS, sign_in, sign_out
from tests.factories import TEST_PASSWORD, CommunityFactory, MemberFactory
from tests.forum.factories import ThreadFactory, TopicFactory, reply
from tests.toolbox.factories import GoalFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people(settings):
    settings.MODERATION_HOLD_FIRST_POSTS = 0
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    member = MemberFactory(
        email="ingrid@example.net", pseudonym="Lighthouse", real_name="Ingrid Nilsen", community=nordvik
    )
    other = MemberFactory(email="marte@example.net", pseudonym="Birch", community=nordvik)
    thread = ThreadFactory(author=other, topic=TopicFactory(name="Everyday life"), title="Long evenings")
    for text in ("Walking helps me.", "So does calling my sister.", "And tea, lots of tea."):
        reply(thread, member, body=text)
    GoalFactory(member=member, text="Walk to the harbour every day")
    return member, other, thread


def _confirm_password_if_asked(page):
    page.wait_for_load_state()
    if "/accounts/reauthenticate/" in page.url:
        page.get_by_label("Password").fill(TEST_PASSWORD)
        page.get_by_role("button", name="Confirm").click()


def test_a_member_sees_takes_and_deletes_their_data(page, phone_page, axe_check, people):
    member, other, thread = people
    sign_in(page, member.email, TEST_PASSWORD)

    page.goto("/me/data/")
    expect(page.get_by_role("heading", name="My data", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Recovery toolbox")).to_be_visible()
    axe_check(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "my-data.png", full_page=True)

    page.goto("/me/privacy/")
    page.get_by_label("hide my profile page").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your privacy choices are saved.")).to_be_visible()
    axe_check(page)

    page.goto("/me/export/")
    axe_check(page)
    page.get_by_role("button", name="Prepare a copy of my data").click()
    _confirm_password_if_asked(page)
    expect(page.get_by_text("We are preparing a copy of your data.")).to_be_visible()
    page.reload()  # the worker runs in-process in tests: the copy is ready
    axe_check(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download ZIP").click()
    archive = zipfile.ZipFile(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    assert "index.html" in archive.namelist()
    goals = json.loads(archive.read("toolbox.json"))["goals"]
    assert goals[0]["text"] == "Walk to the harbour every day"
    # The readable page of the copy is for the person too: it must read well and pass axe-core.
    summary = page.context.new_page()
    summary.set_content(archive.read("index.html").decode())
    expect(summary.get_by_role("heading", name="My data from ReConnect")).to_be_visible()
    expect(summary.get_by_role("columnheader", name="Created").first).to_be_visible()
    axe_check(summary)
    summary.close()

    page.goto("/me/access-log/")
    expect(page.get_by_text("asked for a copy of all the data")).to_be_visible()
    axe_check(page)

    page.goto("/me/delete/")
    axe_check(page)
    # Without ticking the box nothing happens, and the choice made is still there.
    page.get_by_label("Keep their text").check()
    page.get_by_role("button", name="Delete my account").click()
    _confirm_password_if_asked(page)
    expect(page.get_by_text("Please tick the box")).to_be_visible()
    expect(page.get_by_label("Keep their text")).to_be_checked()
    axe_check(page)
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete my account").click()
    _confirm_password_if_asked(page)
    page.wait_for_url("**/me/deleted/")
    expect(page.get_by_role("heading", name="Your account is deleted")).to_be_visible()
    axe_check(page)

    # The old address and password no longer open anything.
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(member.email)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator("#id_password")).to_be_visible()

    sign_in(page, other.email, TEST_PASSWORD)
    page.goto(thread.get_absolute_url())
    expect(page.get_by_text("So does calling my sister.")).to_be_visible()
    expect(page.get_by_text("Former member").first).to_be_visible()
    assert "Lighthouse" not in page.content()
    axe_check(page)
    sign_out(page)

    # The deletion page works at phone width too.
    phone = phone_page
    sign_in(phone, other.email, TEST_PASSWORD)
    phone.goto("/me/delete/")
    expect(phone.get_by_role("button", name="Delete my account")).to_be_visible()
    phone.screenshot(path=ARTIFACTS / "delete-account-phone.png", full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    axe_check(phone)
