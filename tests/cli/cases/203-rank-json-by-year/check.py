# SPDX-License-Identifier: MIT
import sys
from checklib import *

raw, doc = load_json(sys.argv[1])
check_points_text(raw)
expect("within", "none", doc["within"])
groups = {}
for g in doc["groups"]:
    groups[int(g["group"]["year"])] = g["agencies"]
expect("years", [2024, 2025], sorted(groups))
WANT = {2025: [("B4", 1, "12"), ("B1", 2, "11"), ("B3", 2, "11"), ("D1", 4, "9"), ("B2", 5, "8"),
               ("D2", 5, "8"), ("T2", 7, "5"), ("T1", 8, "3")],
        2024: [("B1", 1, "6"), ("B2", 1, "6"), ("D1", 3, "5"), ("T2", 4, "3")]}
for y, want in WANT.items():
    expect(str(y), [(i, D(r), D(t)) for i, r, t in want],
           [(a["agency_id"], a["rank"], a["total"]) for a in groups[y]])
    for a in groups[y]:
        expect(a["agency_id"] + " year", D(y), a["year"])
# each year by its own edition: no single "rubric", each agency names its own
expect("no single rubric", False, "rubric" in doc)
expect("rubrics", ["3560-2025", "1827-2024"], [r["id"] for r in doc["rubrics"]])
for y, rid in ((2024, "1827-2024"), (2025, "3560-2025")):
    expect("%d rubric_id" % y, [rid] * len(groups[y]), [a["rubric_id"] for a in groups[y]])
