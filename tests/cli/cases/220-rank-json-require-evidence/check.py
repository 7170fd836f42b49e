# SPDX-License-Identifier: MIT
import sys
from checklib import *

raw, doc = load_json(sys.argv[1])
got = [(a["agency_id"], a["rank"], a["total"]) for a in doc["groups"][0]["agencies"]]
expect("ranking", [("V1", D(1), D(3)), ("V2", D(1), D(3))], got)
v1 = doc["groups"][0]["agencies"][0]
expect("V1 pillars", [D(3), D(0), D(0), D(0), D(0)], [p["score"] for p in v1["pillars"]])
