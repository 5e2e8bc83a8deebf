"""Take the component screenshots of docs/design.md from a running portal with the demo data.

    make run   # in another terminal (or any server with `manage.py seed_demo`)
    .venv/bin/python scripts/design_screenshots.py [http://127.0.0.1:8000]

Uses Debian's chromium through Playwright at a phone's width (390px), and writes small PNGs to
docs/design/. Demo account: ingrid@example.org (member), password reconnect-demo.
"""

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "design"
PHONE = {"width": 390, "height": 844}


def sign_in(page, base: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill("ingrid@example.org")
    page.locator("#id_password").fill("reconnect-demo")
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(lambda url: "/accounts/" not in url)


def shoot(base: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--headless", "--no-sandbox"])
        for scheme in ("light", "dark"):
            context = browser.new_context(
                viewport=PHONE,
                is_mobile=True,
                has_touch=True,
                locale="en-GB",
                color_scheme=scheme,
                reduced_motion="reduce",
            )
            page = context.new_page()
            page.goto(base + "/accounts/login/")
            if scheme == "light":
                page.locator("main").screenshot(path=OUT / "sign-in.png")
            sign_in(page, base)
            page.goto(base + "/forum/")
            if scheme == "dark":
                page.screenshot(path=OUT / "dark-forum.png")
                context.close()
                continue
            page.screenshot(path=OUT / "phone-forum.png")
            page.locator("aside.crisis-line").screenshot(path=OUT / "crisis-line-closed.png")
            page.locator("aside.crisis-line summary").click()
            page.locator("aside.crisis-line").screenshot(path=OUT / "crisis-line-open.png")
            page.locator("aside.crisis-line summary").click()
            page.locator("main nav").first.screenshot(path=OUT / "section-menu.png")
            page.locator("nav.tab-bar").screenshot(path=OUT / "tab-bar.png")
            page.locator("nav.tab-bar summary").click()
            page.screenshot(path=OUT / "more.png", clip={"x": 0, "y": 444, "width": 390, "height": 400})
            page.goto(base + "/toolbox/")
            page.locator(".tile").first.screenshot(path=OUT / "tile.png")
            page.goto(base + "/toolbox/check-ins/")
            page.locator("main fieldset").first.screenshot(path=OUT / "choices.png")
            page.locator("main form .btn-primary").first.screenshot(path=OUT / "button.png")
            context.close()
        browser.close()
    print(f"Wrote {len(list(OUT.glob('*.png')))} screenshots to {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    shoot(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
