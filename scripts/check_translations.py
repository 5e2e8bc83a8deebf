"""Fail when a Norwegian Bokmål catalogue has untranslated or fuzzy strings, or when its compiled
.mo file does not hold every translation of its .po file (someone forgot `make messages`).

Pure Python, so that `make test` needs no gettext tools.
"""

import gettext
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse_po(path: Path) -> tuple[dict[str, str], list[str]]:
    """msgid -> msgstr (plural forms joined) and the msgids marked fuzzy."""
    entries: dict[str, str] = {}
    fuzzy: list[str] = []
    current: dict[str, list[str]] = {}
    key = None
    is_fuzzy = False

    def unquote(text: str) -> str:
        return text.strip()[1:-1].encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")

    def flush() -> None:
        nonlocal current, is_fuzzy
        if "msgid" in current:
            msgid = "".join(current["msgid"])
            if "msgctxt" in current:
                msgid = "".join(current["msgctxt"]) + "\x04" + msgid
            strs = [v for k, v in current.items() if k.startswith("msgstr")]
            if msgid:
                entries[msgid] = "|".join("".join(s) for s in strs) if all("".join(s) for s in strs) else ""
                if is_fuzzy:
                    fuzzy.append(msgid)
        current = {}
        is_fuzzy = False

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#,") and "fuzzy" in line:
            flush()
            is_fuzzy = True
            continue
        if line.startswith("#") or not line.strip():
            if line.startswith("#~"):
                continue
            if not line.strip():
                flush()
            continue
        if line.startswith(("msgid ", "msgid_plural ", "msgstr", "msgctxt ")):
            head, _, rest = line.partition(" ")
            if head == "msgid" and "msgid" in current and any(k.startswith("msgstr") for k in current):
                flush()
            key = head
            current[key] = [unquote(rest)]
        elif line.startswith('"') and key:
            current[key].append(unquote(line))
    flush()
    return entries, fuzzy


def main() -> int:
    problems = []
    catalogues = sorted(ROOT.glob("*/locale/nb/LC_MESSAGES/django.po")) + sorted(
        ROOT.glob("reconnect/*/locale/nb/LC_MESSAGES/django.po")
    )
    if not catalogues:
        problems.append("No Norwegian Bokmål catalogue found.")
    for po in catalogues:
        entries, fuzzy = parse_po(po)
        name = po.relative_to(ROOT)
        missing = [msgid for msgid, msgstr in entries.items() if not msgstr]
        for msgid in missing:
            problems.append(f"{name}: untranslated: {msgid[:80]!r}")
        for msgid in fuzzy:
            problems.append(f"{name}: fuzzy (check and remove the flag): {msgid[:80]!r}")
        mo = po.with_suffix(".mo")
        if not mo.exists():
            problems.append(f"{name}: no compiled .mo file; run `make messages`")
            continue
        with mo.open("rb") as handle:
            compiled = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
        compiled_ids = {k if isinstance(k, str) else k[0] for k in compiled}
        stale = [
            msgid for msgid, msgstr in entries.items() if msgstr and msgid not in compiled_ids and msgid not in fuzzy
        ]
        for msgid in stale[:20]:
            problems.append(f"{name}: translated in .po but not in .mo (run `make messages`): {msgid[:80]!r}")
    if problems:
        print("Translation problems:\n" + "\n".join(problems))
        return 1
    print(f"translations: {len(catalogues)} catalogues complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
