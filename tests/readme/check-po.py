#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check-po.py SOURCE_ROOT: the Vietnamese catalogue of the command's messages and of
the library's report headings and labels is complete and well-formed.

- xgettext extracts every message marked N_() in cli/*.c and engine/*.c; each must have a Vietnamese
  translation in po/vi.po (not empty, not fuzzy), and po/vi.po holds no message the
  sources no longer use;
- msgfmt --check (header, and for c-format messages the same conversions in the same
  order in both languages) passes.
Skipped (exit 77) where gettext's tools are not installed."""
import glob
import os
import shutil
import subprocess
import sys
import tempfile


def po_entries(text):
    """(msgid, msgstr, fuzzy) of each entry but the header."""
    entries, cur, key, fuzzy = [], {}, None, False
    for raw in text.splitlines() + [""]:
        line = raw.strip()
        if not line:
            if cur.get("msgid"):
                entries.append((cur["msgid"], cur.get("msgstr", ""), fuzzy))
            cur, key, fuzzy = {}, None, False
        elif line.startswith("#,"):
            fuzzy = fuzzy or "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid "):
            key = "msgid"
            cur[key] = line[6:].strip()[1:-1]
        elif line.startswith("msgstr "):
            key = "msgstr"
            cur[key] = line[7:].strip()[1:-1]
        elif line.startswith('"') and key:
            cur[key] += line[1:-1]
    return entries


def main(argv):
    root = argv[1]
    if not shutil.which("xgettext") or not shutil.which("msgfmt"):
        print("gettext tools not installed (apt-get install -y gettext)")
        return 77
    sources = sorted(glob.glob(os.path.join(root, "cli", "*.c")) +
                     glob.glob(os.path.join(root, "engine", "*.c")))
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "pressdx.pot")
        subprocess.run(["xgettext", "--keyword=N_", "--language=C", "--from-code=UTF-8",
                        "--no-location", "-o", pot] + sources, check=True)
        wanted = {m for m, _, _ in po_entries(open(pot, encoding="utf-8").read())}
        check = subprocess.run(["msgfmt", "--check", "-o", os.path.join(tmp, "vi.mo"),
                                os.path.join(root, "po", "vi.po")],
                               capture_output=True, text=True)
    po = po_entries(open(os.path.join(root, "po", "vi.po"), encoding="utf-8").read())
    have = {m: (s, f) for m, s, f in po}
    problems = []
    if check.returncode != 0:
        problems.append("msgfmt --check po/vi.po:\n" + check.stderr)
    for m in sorted(wanted):
        if m not in have:
            problems.append('po/vi.po lacks "%s" (marked N_() in cli/ or engine/)' % m)
        elif not have[m][0] or have[m][1]:
            problems.append('po/vi.po: "%s" has no Vietnamese yet (empty or fuzzy)' % m)
    for m in sorted(set(have) - wanted):
        problems.append('po/vi.po: "%s" is no longer used by cli/ or engine/' % m)
    for p in problems:
        print(p)
    if not problems:
        print("%d messages, each with its Vietnamese; msgfmt --check passes" % len(wanted))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
