"""Browser journeys: Python Playwright driving Debian's chromium against pytest-django's live server.

Every page a journey visits gets an axe-core check (`axe_check`), which fails on any violation.
"""

import importlib
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model

from tests.oidc.fixtures import live_oidc_provider, live_oidc_server  # noqa: F401 - the eID journeys' provider

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make to
# set up data are synchronous and safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-results"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Debian's chromium is needed for the browser tests: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _portal_defaults(transactional_db):
    """Put back the rows the migrations create (default crisis contacts, content pages).

    Browser tests run in transactions that are committed, and the database is emptied after each
    one; the pages they visit still expect what every real portal has from its migrations.
    """
    from django.apps import apps

    defaults = importlib.import_module("reconnect.core.migrations.0002_defaults_and_append_only_access_log")
    defaults.add_defaults(apps, None)
    crisis_list = importlib.import_module("moderation.migrations.0002_default_crisis_list")
    crisis_list.seed(apps, None)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.console_errors = errors
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="en-GB"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


_axe = Axe()


@pytest.fixture
def axe_check():
    """Run axe-core on the current page; fail with its report on any violation.

    The visited pages are also collected so that a journey can say which pages were checked.
    """
    checked: list[str] = []

    def check(page):
        results = _axe.run(page)
        assert results.violations_count == 0, f"axe-core on {page.url}:\n{results.generate_report()}"
        checked.append(page.url)

    check.checked = checked
    return check


_last_totp_window: dict[str, int] = {}


def totp_code(secret: str, *, account: str = "") -> str:
    """A code that is still valid when the browser has typed and sent it.

    allauth refuses the same code twice for one account, so a second sign-in of the same account
    within one window would fail; and a code taken in a window's last seconds must not depend on
    the tolerance setting. Wait for a fresh window instead.
    """
    period = mfa_settings.TOTP_PERIOD
    while True:
        now = time.time()
        window, left = int(now // period), period - now % period
        if left > 5 and _last_totp_window.get(account) != window:
            break
        time.sleep(left + 0.05)
    _last_totp_window[account] = window
    return format_hotp_value(hotp_value(secret, window))


def wrong_totp_code(secret: str) -> str:
    """Six digits that no window near now would accept."""
    window = int(time.time() // mfa_settings.TOTP_PERIOD)
    near = {format_hotp_value(hotp_value(secret, window + step)) for step in range(-3, 4)}
    return next(code for code in ("123456", "654321", "111111") if code not in near)


def sign_in(page, email: str, password: str, *, totp_secret: str | None = None, axe=None):
    page.goto("/accounts/login/")
    if axe:
        axe(page)
    page.get_by_label("Email").fill(email)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    if totp_secret:
        page.wait_for_url("**/accounts/2fa/authenticate/")
        if axe:
            axe(page)
        # allauth remembers used codes per account id; the same email is a new account in each test.
        account = str(get_user_model().objects.values_list("pk", flat=True).get(email__iexact=email))
        page.get_by_label("Code").fill(totp_code(totp_secret, account=account))
        page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(lambda url: "/accounts/" not in url)


def sign_out(page):
    """Sign out from the header (desktop) or from "More" in the tab bar (phone)."""
    button = page.get_by_role("button", name="Sign out")
    if not button.is_visible():
        page.locator("nav.tab-bar summary").click()
    button.click()
    page.get_by_role("banner").get_by_role("link", name="Sign in").wait_for()


def finish_onboarding(page, pseudonym: str):
    """Choose a pseudonym, accept the terms, and arrive home."""
    page.get_by_label("Pseudonym").fill(pseudonym)
    for box in page.get_by_role("checkbox").all():
        box.check()
    page.get_by_role("button", name="Start using ReConnect").click()
    page.wait_for_url(re.compile(r"/$"))
