# SPDX-License-Identifier: MIT
import sys
from checklib import *
from gapcheck import *


raw, doc = load_json(sys.argv[1])
check_points_text(raw)
ags = {a["agency_id"]: a for a in doc["agencies"]}
expect("agencies", ["GA", "GB", "GC", "GD", "GE"], [a["agency_id"] for a in doc["agencies"]])
for a in doc["agencies"]:
    for f in ["agency_id", "total", "level", "target_level", "points_needed", "minimal_set",
              "improvements"]:
        if f not in a:
            fail("%s: no field %s" % (a["agency_id"], f))
WANT = {"GA": ("82", 4, 5, "8", ["2.2.1", "3.1.1"], GA_IMP),
        "GB": ("85", 4, 5, "5", ["3.1.1", "1.1.1"], GB_IMP),
        "GC": ("77.5", 3, 4, "2.5", ["1.2.2"], GC_IMP),
        "GD": ("93", 5, None, "0", [], GD_IMP),
        "GE": ("1", 1, 2, "49", [c for c, p, cur, mx, g, n in GE_IMP[:17]], GE_IMP)}
for i, (total, level, target, needed, mins, imp) in WANT.items():
    a = ags[i]
    expect(i + " total/level/target/needed",
           (D(total), D(level), None if target is None else D(target), D(needed)),
           (a["total"], a["level"], a["target_level"], a["points_needed"]))
    expect(i + " minimal set", mins, minimal(a))
    check_minimal_gains(a, imp)
    check_improvements(a, imp)
