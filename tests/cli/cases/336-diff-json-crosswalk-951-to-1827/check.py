# SPDX-License-Identifier: MIT
import csv, os, sys
from checklib import *

raw, doc = load_json(sys.argv[1])
check_points_text(raw)

def answers(name):
    """agency -> criterion -> answer as written, read from the example file itself"""
    out = {}
    with open(os.path.join(env("EXAMPLES"), name), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            # a blank answer is no answer (null in the JSON)
            out.setdefault(row["agency_id"], {})[row["criterion"]] = row["answer"] or None
    return out

before, after = answers("hai-phong-2023.csv"), answers("hai-phong-2024.csv")
# totals and pillars: examples/EXPECTED.md (2023, 951) and EXPECTED-2.md (2024, 1827)
WANT = {"HP01": ("80.00", 4, ["13.50", "22.00", "18.50", "15.00", "11.00"],
                 "75.10", 3, ["14.10", "19.00", "16.00", "15.00", "11.00"]),
        "HP02": ("80.01", 5, ["13.51", "22.00", "18.50", "15.00", "11.00"],
                 "50.85", 2, ["9.65", "13.00", "12.20", "10.00", "6.00"]),
        "HP03": ("70.00", 4, ["13.50", "16.00", "14.50", "15.00", "11.00"],
                 "85.41", 4, ["15.55", "24.00", "19.86", "15.00", "11.00"]),
        "HP04": ("60.00", 3, ["13.50", "16.00", "8.50", "11.00", "11.00"],
                 "66.53", 3, ["12.13", "16.00", "15.40", "15.00", "8.00"]),
        "HP05": ("59.99", 2, ["13.50", "16.00", "8.49", "11.00", "11.00"],
                 "38.83", 1, ["6.50", "16.00", "7.33", "4.00", "5.00"])}
expect("agencies", sorted(WANT), sorted(a["agency_id"] for a in doc["agencies"]))
for a in doc["agencies"]:
    i = a["agency_id"]
    bt, bl, bp, at, al, ap = WANT[i]
    expect(i + " sides", [(2023, D(bt), bl, "951-2023"), (2024, D(at), al, "1827-2024")],
           [(s["year"], s["total"], s["level"], s["rubric_id"]) for s in (a["before"], a["after"])])
    expect(i + " delta", D(at) - D(bt), a["delta"])
    # two editions joined by rubrics/crosswalk/951-2023_1827-2024.xml
    expect(i + " comparison", "crosswalk", a["comparison"])
    expect(i + " crosswalk", {"from": "951-2023", "to": "1827-2024", "status": "provisional"},
           a["crosswalk"])
    expect(i + " pillars", [(str(k + 1), D(b), D(x), D(x) - D(b)) for k, (b, x) in enumerate(zip(bp, ap))],
           [(p["id"], p["before"], p["after"], p["delta"]) for p in a["pillars"]])
    # a criterion is listed when its answer changed; 4.2.3 ("không" both years, 3 points
    # in 951 and 2 in 1827) is not; 4.2.6, new in 1827, is listed as new
    changed = sorted(c for c in before[i] if before[i][c] != after[i].get(c))
    listed = [c["criterion"] for c in a["changes"]]
    expect(i + " changes", changed + ["4.2.6"], sorted(listed[:-1]) + listed[-1:])
    for c in a["changes"]:
        expect(i + " " + c["criterion"] + " maps to itself", c["criterion"], c["after_criterion"])
        expect(i + " " + c["criterion"] + " comparable", c["criterion"] != "4.2.6",
               c["points_comparable"])
        if c["criterion"] != "4.2.6":
            expect(i + " " + c["criterion"] + " answers",
                   (before[i][c["criterion"]], after[i][c["criterion"]]),
                   (c["before_answer"], c["after_answer"]))
    new = a["changes"][-1]
    expect(i + " 4.2.6", (None, after[i]["4.2.6"], D(0)),
           (new["before_answer"], new["after_answer"], new["after_points"]))
    # every other criterion kept its answer and its points: the listed changes add up
    # to the change of the total
    expect(i + " changes add up", a["delta"],
           sum(c["after_points"] - c["before_points"] for c in a["changes"]))
