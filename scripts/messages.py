"""Extract and compile the Norwegian Bokmål translations, one catalogue per part of the portal.

Each part keeps its own catalogue (reconnect/locale for the foundation, <app>/locale for each
app), so that work on one app never rewrites another's translations. Needs GNU gettext
(`apt-get install gettext`). Run it with `make messages`, or `python scripts/messages.py forum`
for one part only.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["nb"]
# A creation date that changes on every run would make every branch conflict on it.
_STAMP = '"POT-Creation-Date: 2026-01-01 00:00+0000\\n"'
APPS = ["forum", "moderation", "messaging", "toolbox", "cafes", "reports"]


def domains() -> dict[str, tuple[Path, list[Path]]]:
    """name -> (locale folder, source folders)."""
    result = {
        "reconnect": (
            ROOT / "reconnect" / "locale",
            [ROOT / "reconnect"]
            + [p for p in (ROOT / "templates").iterdir() if p.is_dir() and p.name not in APPS]
            + list((ROOT / "templates").glob("*.html")),
        )
    }
    for app in APPS:
        sources = [ROOT / app]
        if (ROOT / "templates" / app).exists():
            sources.append(ROOT / "templates" / app)
        result[app] = (ROOT / app / "locale", sources)
    return result


def main() -> int:
    # Staged outside the project, so that makemessages writes to each part's own locale folder.
    work = Path(tempfile.mkdtemp(prefix="reconnect-i18n-"))
    python = sys.executable
    wanted = set(sys.argv[1:])
    for name, (locale_dir, sources) in domains().items():
        if wanted and name not in wanted:
            continue
        staging = work / name
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        locale_dir.mkdir(parents=True, exist_ok=True)
        (staging / "locale").symlink_to(locale_dir)
        for index, source in enumerate(sources):
            link = staging / f"src{index}_{source.name}"
            link.symlink_to(source)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "reconnect.settings", "DEBUG": "true", "PYTHONPATH": str(ROOT)}
        for language in LANGUAGES:
            subprocess.run(
                [
                    python,
                    "-m",
                    "django",
                    "makemessages",
                    "-l",
                    language,
                    "--symlinks",
                    "--no-obsolete",
                    # File names without line numbers: parallel work on one app then rarely
                    # conflicts in its catalogue.
                    "--add-location=file",
                    "--ignore=locale/*",
                    "--ignore=*/locale/*",
                    "--ignore=*/migrations/*",
                    "--ignore=*/tests/*",
                ],
                cwd=staging,
                env=env,
                check=True,
            )
        for po in locale_dir.glob("*/LC_MESSAGES/django.po"):
            text = re.sub(r'"POT-Creation-Date: [^"]*"', lambda _: _STAMP, po.read_text())
            po.write_text(text)
            subprocess.run(["msgfmt", "--check-format", "-o", str(po.with_suffix(".mo")), str(po)], check=True)
        print(f"{name}: {locale_dir.relative_to(ROOT)}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
