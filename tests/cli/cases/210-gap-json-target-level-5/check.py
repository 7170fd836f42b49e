# SPDX-License-Identifier: MIT
import sys
from checklib import *
from gapcheck import *


raw, doc = load_json(sys.argv[1])
ags = {a["agency_id"]: a for a in doc["agencies"]}
WANT = {"GA": ("8", ["2.2.1", "3.1.1"], GA_IMP),
        "GB": ("5", ["3.1.1", "1.1.1"], GB_IMP),
        "GC": ("12.5", ["1.2.2", "4.1.2", "4.1.3", "1.2.3", "2.1.3"], GC_IMP),
        "GD": ("0", [], GD_IMP),
        "GE": ("89", [c for c, p, cur, mx, g, n in GE_IMP[:37]], GE_IMP)}
for i, (needed, mins, imp) in WANT.items():
    a = ags[i]
    expect(i + " target level", D(5), a["target_level"])
    expect(i + " points needed", D(needed), a["points_needed"])
    expect(i + " minimal set", mins, minimal(a))
    check_minimal_gains(a, imp)
    check_improvements(a, imp)
expect("GE minimal gains", D(90), sum(m["gain"] for m in ags["GE"]["minimal_set"]))
