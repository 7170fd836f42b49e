# SPDX-License-Identifier: MIT
import re, sys
from checklib import *

with open(sys.argv[1], encoding="utf-8") as f:
    rows = [l for l in f.read().splitlines() if l and not l.startswith(" ")]
ids = [r.split(" ", 1)[0] for r in rows]
if "test-minimal" not in ids or "951-2023" not in ids:
    fail("rubrics listed: %r" % ids)
# Each row: id, status, decision, "N tiêu chí", title, in columns. Every character here
# is one column wide (NFC Vietnamese, ASCII), so a column is a code-point offset.
cols = []
for row in rows:
    m = re.match(r"(\S+ +)(\S+ +)(\S+ +)([0-9]+ tiêu chí)", row)
    if not m:
        fail("unexpected row: %r" % row)
    cols.append((m.start(2), m.start(3), m.start(4)))
for row, c in zip(rows, cols):
    expect("columns of status, decision and criteria count in %r (those of the first row: %r)"
           % (row, rows[0]), cols[0], c)
