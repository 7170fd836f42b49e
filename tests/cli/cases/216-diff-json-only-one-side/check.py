# SPDX-License-Identifier: MIT
import sys
from checklib import *

raw, doc = load_json(sys.argv[1])
expect("paired", sorted(["B1", "B2", "B3", "B4", "D1", "D2", "T2"]),
       sorted(a["agency_id"] for a in doc["agencies"]))
for a in doc["agencies"]:
    expect(a["agency_id"] + " delta/changes", (D(0), []), (a["delta"], a["changes"]))
    expect(a["agency_id"] + " totals", a["before"]["total"], a["after"]["total"])
expect("only before", ["T1"], doc["only_before"])
expect("only after", [], doc["only_after"])
