# SPDX-License-Identifier: MIT
import os, sys
from checklib import *

raw, doc = load_json(sys.argv[1])
check_points_text(raw)
r = doc["rubric"]
expect("rubric id", "test-official", r["id"])
expect("rubric status", "official", r["status"])
expect("no notice", None, r.get("notice"))
expect("no decision", None, r.get("decision"))
expect("sha256", canonical_sha256(os.path.join(env("CASE"), "official-minimal.xml")), r["sha256"])
if r["sha256"] == sha256_of(os.path.join(env("CASE"), "official-minimal.xml")):
    fail("sha256 is the file's bytes', not the canonical table's")
a = agency(doc, "M1")
expect("total", D("6.50"), a["total"])
expect("level", (D(2), "Tốt"), (a["level"], a["level_name"]))
expect("pillars", [("1", D("5.50"), D(7)), ("2", D(1), D(3))],
       [(p["id"], p["score"], p["max"]) for p in a["pillars"]])
k = criteria_of(a)
expect("criterion points", [D(4), D("1.50"), D(1)], [k[i]["points"] for i in ("1.1.1", "1.1.2", "2.1.1")])
