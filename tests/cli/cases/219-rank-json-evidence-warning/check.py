# SPDX-License-Identifier: MIT
import sys
from checklib import *

raw, doc = load_json(sys.argv[1])
expect("groups", 1, len(doc["groups"]))
got = [(a["agency_id"], a["rank"], a["total"], a["has_errors"]) for a in doc["groups"][0]["agencies"]]
expect("ranking", [("V1", D(1), D(11), False), ("V2", D(2), D(3), False)], got)
v1 = doc["groups"][0]["agencies"][0]
expect("V1 pillars", [D(6), D(3), D(2), D(0), D(0)], [p["score"] for p in v1["pillars"]])
