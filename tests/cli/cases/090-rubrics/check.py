import sys
from checklib import *

with open(sys.argv[1], encoding="utf-8") as f:
    lines = f.read().splitlines()
# PRESSDX_RUBRIC_DIR is the source rubrics/ folder, which holds the three editions of the
# index (issue 11); an id found in several folders is listed once, and the province map
# and plans in subfolders are no rubrics.
for rid, decision, n in (("951-2023", "951/QĐ-BTTTT", 42), ("1827-2024", "1827/QĐ-BTTTT", 43),
                         ("3560-2025", "3560/QĐ-BVHTTDL", 43)):
    rows = [l for l in lines if l.startswith(rid + " ")]
    expect(rid + " listed once", 1, len(rows))
    expect(rid + " decision and criteria", True,
           decision in rows[0] and (" %d tiêu chí " % n) in rows[0])
expect("nothing else listed", 3, sum(1 for l in lines if l and not l.startswith(" ")))
