#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check-codes.py DIAG_H CODES_MD: every diagnostic code of the pdx_code enum is listed in
the documentation with its constant and a meaning in both languages, and nothing else is.

A code is a promise to scripts: one added to the enum without a line in docs/codes.md,
or a documented one that no longer exists, fails here."""
import re
import sys


def enum_codes(path):
    text = open(path, encoding="utf-8").read()
    body = text[text.index("typedef enum pdx_code {"):text.index("} pdx_code;")]
    codes = {}
    for name, num in re.findall(r"\b(PDX_[EW]_[A-Z0-9_]+)\s*=\s*(\d+)", body):
        kind = "E" if name.startswith("PDX_E_") else "W"
        codes["PDX-%s%04d" % (kind, int(num))] = name
    return codes


def documented(path):
    rows = {}
    problems = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        m = re.match(r"\|\s*`(PDX-[EW]\d{4})`\s*\|\s*`([A-Z0-9_]+)`\s*\|(.*)\|(.*)\|\s*$", line)
        if not m:
            continue
        code, name, vi, en = m.group(1), m.group(2), m.group(3).strip(), m.group(4).strip()
        if code in rows:
            problems.append("%s:%d: %s listed twice" % (path, n, code))
        if not vi or not en:
            problems.append("%s:%d: %s lacks its Vietnamese or English meaning" % (path, n, code))
        rows[code] = name
    return rows, problems


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    codes = enum_codes(argv[1])
    rows, problems = documented(argv[2])
    for code in sorted(set(codes) - set(rows)):
        problems.append("%s (%s) is not documented in %s" % (code, codes[code], argv[2]))
    for code in sorted(set(rows) - set(codes)):
        problems.append("%s is documented but is not in %s" % (code, argv[1]))
    for code in sorted(set(rows) & set(codes)):
        if rows[code] != codes[code]:
            problems.append("%s is %s in the header, %s in the documentation" %
                            (code, codes[code], rows[code]))
    for p in problems:
        print(p)
    if not problems:
        print("%d codes, each documented in both languages" % len(codes))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
