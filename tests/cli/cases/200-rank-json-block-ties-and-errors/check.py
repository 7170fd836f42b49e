# SPDX-License-Identifier: MIT
import sys
from checklib import *

raw, doc = load_json(sys.argv[1])
check_points_text(raw)
for k in ["rubric", "groups"]:
    if k not in doc:
        fail("no top-level key " + k)
expect("rubric id", "3560-2025", doc["rubric"]["id"])
expect("within", "block", doc["within"])
WANT = {
    "Báo địa phương": [("B4", 1, "12", False), ("B1", 2, "11", False), ("B3", 2, "11", False),
                       ("E1", 2, "11", True), ("B2", 5, "8", False)],
    "Đài PT-TH": [("D1", 1, "9", False), ("D2", 2, "8", False)],
    "Tạp chí": [("T2", 1, "5", False), ("T1", 2, "3", False)],
}
groups = {}
for g in doc["groups"]:
    expect("group object", ["block"], sorted(g["group"]))
    groups[g["group"]["block"]] = g["agencies"]
expect("group keys", sorted(WANT), sorted(groups))
for key, rows in WANT.items():
    got = [(a["agency_id"], a["rank"], a["total"], a["has_errors"]) for a in groups[key]]
    expect(key, [(i, D(r), D(t), e) for i, r, t, e in rows], got)
FIELDS = ["agency_id", "agency_name", "block", "has_errors", "level", "level_name",
          "pillars", "province", "rank", "total", "year"]
MAX = [D(18), D(24), D(20), D(23), D(15)]
for key in groups:
    for a in groups[key]:
        for f in FIELDS:
            if f not in a:
                fail("%s: no field %s" % (a["agency_id"], f))
        expect(a["agency_id"] + " level", (D(1), "Yếu"), (a["level"], a["level_name"]))
        expect(a["agency_id"] + " year", D(2025), a["year"])
        expect(a["agency_id"] + " pillar ids/max", [("1", MAX[0]), ("2", MAX[1]), ("3", MAX[2]),
               ("4", MAX[3]), ("5", MAX[4])], [(p["id"], p["max"]) for p in a["pillars"]])
        expect(a["agency_id"] + " total = sum of pillars", a["total"],
               sum(p["score"] for p in a["pillars"]))
b1 = groups["Báo địa phương"][1]
expect("B1 pillars", [D(3), D(5), D(0), D(3), D(0)], [p["score"] for p in b1["pillars"]])
expect("B1 name/province", ("Báo Một (mẫu)", "Tỉnh Kênh", "Báo địa phương"),
       (b1["agency_name"], b1["province"], b1["block"]))
e1 = groups["Báo địa phương"][3]
expect("E1 pillars", [D(3), D(5), D(0), D(3), D(0)], [p["score"] for p in e1["pillars"]])
