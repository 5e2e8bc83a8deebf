"""Rebuild the vendored typeface and icon sprite from their npm packages, reproducibly.

    python scripts/vendor_assets.py

Fetches the two pinned packages with `npm pack` into a temporary folder, checks each tarball
against the integrity hash pinned here, and writes:

- static/fonts/atkinson-hyperlegible-next-*.woff2 (latin and latin-ext, regular and bold), their
  licence, and static/css/fonts.css with the @font-face rules (unicode ranges from the package);
- static/icons/sprite.svg with only the Lucide icons in ICONS (one <symbol> each), and the licence.

Nothing is loaded from a CDN at run time: the portal serves these files itself. To add an icon,
add its Lucide name to ICONS and run the script again; to upgrade, change the version and hash.
"""

import base64
import hashlib
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "static"

# (name, version, the tarball's sha512 integrity as the registry lists it)
FONT_PACKAGE = (
    "@fontsource/atkinson-hyperlegible-next",
    "5.3.0",
    "sha512-8p1tHVoPDo6oYwSO3sMw5snGwFwSf3TmeSF9Gcj792GXdsg6oqvhoItbj6Hj/XZIk0Xs+Cwu6pkLBAl3Q5HrwA==",
)
ICON_PACKAGE = (
    "lucide-static",
    "1.62.0",
    "sha512-WBZA/m2PvkFpMGHDtsBck5P2A9G4ehLlYu4GwwICcmEm1BvYVgj00lCDxKRWLlbMlOibLaiwdQ88G5pHkSWgwA==",
)
FONT_WEIGHTS = (400, 700)
FONT_SUBSETS = ("latin-ext", "latin")

# Only the icons the templates use (`{% icon "name" %}`); the sprite stays small.
ICONS = (
    "bell",
    "calendar-heart",
    "chevron-down",
    "circle-user-round",
    "ellipsis",
    "house",
    "heart-handshake",
    "languages",
    "layout-dashboard",
    "life-buoy",
    "log-in",
    "log-out",
    "mail",
    "messages-square",
    "phone",
    "shield-check",
    "toolbox",
)

SVG_NS = "http://www.w3.org/2000/svg"
DRAWING = ' fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"'


def npm_pack(name: str, version: str, pinned: str, workdir: Path) -> Path:
    """Download one package tarball with npm's own client; return the folder it unpacks to."""
    out = subprocess.run(
        ["npm", "pack", f"{name}@{version}", "--json", "--pack-destination", str(workdir)],
        check=True,
        capture_output=True,
        text=True,
        cwd=workdir,
    ).stdout
    filename = re.search(r'"filename":\s*"([^"]+)"', out)
    integrity = re.search(r'"integrity":\s*"([^"]+)"', out)
    if not filename or not integrity:
        sys.exit(f"npm pack {name}@{version} printed no filename or integrity")
    tarball = workdir / filename.group(1)
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if digest != integrity.group(1) or digest != pinned:
        sys.exit(f"{tarball.name}: its hash {digest} is not the one pinned in this script")
    target = workdir / name.replace("/", "+")
    with tarfile.open(tarball) as archive:
        archive.extractall(target, filter="data")
    return target / "package"


def vendor_font(package: Path) -> None:
    fonts = STATIC / "fonts"
    fonts.mkdir(exist_ok=True)
    for old in fonts.glob("atkinson-hyperlegible-next-*.woff2"):
        old.unlink()
    shutil.copyfile(package / "LICENSE", fonts / "OFL-atkinson-hyperlegible-next.txt")
    rules = [
        "/* Atkinson Hyperlegible Next (SIL Open Font License 1.1, static/fonts/OFL-atkinson-hyperlegible-next.txt),",
        "   from the npm package @fontsource/atkinson-hyperlegible-next; written by scripts/vendor_assets.py. */",
    ]
    for weight in FONT_WEIGHTS:
        css = (package / f"{weight}.css").read_text()
        for subset in FONT_SUBSETS:
            stem = f"atkinson-hyperlegible-next-{subset}-{weight}-normal"
            block = re.search(r"/\* " + re.escape(stem) + r" \*/\s*@font-face \{(.*?)\}", css, re.S)
            if block is None:
                sys.exit(f"{weight}.css has no rule for {stem}")
            unicode_range = re.search(r"unicode-range:\s*([^;]+);", block.group(1)).group(1)
            shutil.copyfile(package / "files" / f"{stem}.woff2", fonts / f"{stem}.woff2")
            rules.append(
                "@font-face {\n"
                "  font-family: 'Atkinson Hyperlegible Next';\n"
                "  font-style: normal;\n"
                "  font-display: swap;\n"
                f"  font-weight: {weight};\n"
                f"  src: url('../fonts/{stem}.woff2') format('woff2');\n"
                f"  unicode-range: {unicode_range};\n"
                "}"
            )
    (STATIC / "css" / "fonts.css").write_text("\n".join(rules) + "\n")


def vendor_icons(package: Path) -> None:
    icons = STATIC / "icons"
    icons.mkdir(exist_ok=True)
    shutil.copyfile(package / "LICENSE", icons / "LICENSE-lucide.txt")
    symbols = []
    for name in ICONS:
        # Lucide's files are plain: one <svg ...> with path-like children; the sprite keeps the children.
        svg = (package / "icons" / f"{name}.svg").read_text()
        view_box = re.search(r'viewBox="([^"]+)"', svg).group(1)
        body = re.search(r"<svg[^>]*>(.*)</svg>", svg, re.S).group(1)
        children = "".join(line.strip() for line in body.splitlines())
        # The drawing attributes sit on each symbol: a <use> of an external sprite does not
        # inherit them from the sprite's root element.
        symbols.append(f'<symbol id="{name}" viewBox="{view_box}"{DRAWING}>{children}</symbol>')
    sprite = (
        "<!-- Lucide icons (ISC licence, static/icons/LICENSE-lucide.txt), from the npm package lucide-static;"
        " written by scripts/vendor_assets.py. -->\n"
        f'<svg xmlns="{SVG_NS}">\n' + "\n".join(symbols) + "\n</svg>\n"
    )
    (icons / "sprite.svg").write_text(sprite)


def main() -> None:
    if shutil.which("npm") is None:
        sys.exit("npm is needed to fetch the packages (apt-get install npm)")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        vendor_font(npm_pack(*FONT_PACKAGE, workdir))
        vendor_icons(npm_pack(*ICON_PACKAGE, workdir))
    print(f"Wrote static/fonts/, static/css/fonts.css and static/icons/sprite.svg ({len(ICONS)} icons).")


if __name__ == "__main__":
    main()
