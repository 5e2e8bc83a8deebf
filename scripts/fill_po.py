"""Fill empty msgstr entries of a .po file from a Python dict of translations.

Usage: python scripts/fill_po.py path/to/django.po translations.py
where translations.py defines T = {msgid: msgstr} and optionally PLURALS = {msgid: (one, many)}.
Existing translations are kept; fuzzy flags on filled entries are removed.
"""

import runpy
import sys
from pathlib import Path


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _unquote(parts: list[str]) -> str:
    return "".join(p.strip()[1:-1] for p in parts).encode().decode("unicode_escape").encode("latin-1").decode()


def _is_fuzzy(line: str) -> bool:
    return line.startswith("#,") and "fuzzy" in line


def _fill_block(block: list[str], singles: dict, plurals: dict) -> tuple[list[str], str | None, bool]:
    """The block with its translation filled in, the msgid, and whether it was filled."""
    msgid: list[str] = []
    plural: list[str] | None = None
    current: list[str] | None = None
    msgstr_lines: list[str] = []
    for line in block:
        if line.startswith("msgid "):
            current = msgid
            msgid.append(line[6:])
        elif line.startswith("msgid_plural "):
            plural = []
            current = plural
        elif line.startswith("msgstr"):
            current = None
            msgstr_lines.append(line)
        elif line.startswith('"'):
            if current is not None:
                current.append(line)
            else:
                msgstr_lines.append(line)
    key = _unquote(msgid) if msgid else ""
    empty = all(line.endswith(' ""') for line in msgstr_lines if line.startswith("msgstr")) and not any(
        line.startswith('"') for line in msgstr_lines
    )
    if not key or not empty:
        return block, None, False
    head = [line for line in block if not line.startswith("msgstr") and not _is_fuzzy(line)]
    if plural is not None and key in plurals:
        one, many = plurals[key]
        return [*head, f"msgstr[0] {quote(one)}", f"msgstr[1] {quote(many)}"], key, True
    if plural is None and key in singles:
        return [*head, f"msgstr {quote(singles[key])}"], key, True
    return block, key, False


def main(po_path: str, table_path: str) -> int:
    table = runpy.run_path(table_path)
    singles, plurals = table.get("T", {}), table.get("PLURALS", {})
    blocks: list[list[str]] = [[]]
    for line in Path(po_path).read_text(encoding="utf-8").split("\n"):
        if line.strip() == "":
            blocks.append([])
        else:
            blocks[-1].append(line)
    out, filled, missing = [], 0, []
    for block in blocks:
        new_block, key, was_filled = _fill_block(block, singles, plurals)
        filled += was_filled
        if key and not was_filled:
            missing.append(key)
        out.append("\n".join(new_block))
    Path(po_path).write_text("\n\n".join(out).rstrip("\n") + "\n", encoding="utf-8")
    print(f"filled {filled}; still missing {len(missing)}")
    for key in missing:
        print("  " + repr(key))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
