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


def main(po_path: str, table_path: str) -> int:
    table = runpy.run_path(table_path)
    singles, plurals = table.get("T", {}), table.get("PLURALS", {})
    lines = Path(po_path).read_text(encoding="utf-8").split("\n")
    out, i, filled, missing = [], 0, 0, []
    blocks, block = [], []
    for line in lines:
        if line.strip() == "":
            blocks.append(block)
            block = []
        else:
            block.append(line)
    blocks.append(block)
    for block in blocks:
        msgid, plural, cur = [], None, None
        for line in block:
            if line.startswith("msgid "):
                cur = msgid
                msgid.append(line[6:])
            elif line.startswith("msgid_plural "):
                plural = []
                cur = plural
            elif line.startswith("msgstr"):
                cur = None
            elif line.startswith('"') and cur is not None:
                cur.append(line)
        def unq(parts):
            return "".join(p.strip()[1:-1] for p in parts).encode().decode("unicode_escape").encode("latin-1").decode()
        key = unq(msgid) if msgid else ""
        new_block = block
        if key and plural is not None and key in plurals:
            if any(l.startswith("msgstr[0] \"\"") for l in block) and not any(l.startswith('"') and block.index(l) > next(k for k, x in enumerate(block) if x.startswith("msgstr")) for l in block):
                head = [l for l in block if not l.startswith("msgstr") and not (l.startswith("#,") and "fuzzy" in l)]
                one, many = plurals[key]
                new_block = head + [f"msgstr[0] {quote(one)}", f"msgstr[1] {quote(many)}"]
                filled += 1
        elif key and plural is None:
            idx = next((k for k, x in enumerate(block) if x.startswith("msgstr ")), None)
            if idx is not None and block[idx] == 'msgstr ""' and idx == len(block) - 1:
                if key in singles:
                    head = [l for l in block[:idx] if not (l.startswith("#,") and "fuzzy" in l)]
                    new_block = head + [f"msgstr {quote(singles[key])}"]
                    filled += 1
                else:
                    missing.append(key)
        out.append("\n".join(new_block))
    Path(po_path).write_text("\n\n".join(out), encoding="utf-8")
    print(f"filled {filled}; still missing {len(missing)}")
    for key in missing:
        print("  " + repr(key))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
