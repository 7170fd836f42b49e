# SPDX-License-Identifier: MIT
import sys
from checklib import *

raw, doc = load_json(sys.argv[1])
check_points_text(raw)
for k in ["agencies", "only_before", "only_after"]:
    if k not in doc:
        fail("no key " + k)
ags = {a["agency_id"]: a for a in doc["agencies"]}
expect("paired agencies", ["B1", "B2", "D1", "T2"], sorted(ags))
WANT = {"D1": ("5", "9", "4", [("2.2.2", None, "có", "0", "2"), ("2.2.3", None, "có", "0", "2")]),
        "B2": ("6", "8", "2", [("2.1.1", None, "không", "0", "0"), ("5.1.1", None, "có", "0", "2")]),
        "T2": ("3", "5", "2", [("3.2.4", None, "có", "0", "2")]),
        "B1": ("6", "11", "5", [("2.1.2", None, "có", "0", "2"), ("4.2.3", None, "có", "0", "2"),
                                ("4.2.6", None, "có", "0", "1")])}
for i, (b, a, delta, changes) in WANT.items():
    x = ags[i]
    expect(i + " before", (D(b), D(1)), (x["before"]["total"], x["before"]["level"]))
    expect(i + " after", (D(a), D(1)), (x["after"]["total"], x["after"]["level"]))
    expect(i + " delta", D(delta), x["delta"])
    expect(i + " changes", [(c, ba, aa, D(bp), D(ap)) for c, ba, aa, bp, ap in changes],
           [(c["criterion"], c["before_answer"], c["after_answer"], c["before_points"],
             c["after_points"]) for c in x["changes"]])
expect("only before", [], doc["only_before"])
expect("only after", ["B3", "D2", "B4", "T1"], doc["only_after"])
