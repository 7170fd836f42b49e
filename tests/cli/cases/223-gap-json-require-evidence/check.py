# SPDX-License-Identifier: MIT
import sys
from checklib import *

raw, doc = load_json(sys.argv[1])
got = [(a["agency_id"], a["total"], a["level"], a["target_level"], a["points_needed"])
       for a in doc["agencies"]]
expect("agencies", [("V1", D(3), D(1), D(2), D(47)), ("V2", D(3), D(1), D(2), D(47))], got)
v1 = {i["criterion"]: i for i in doc["agencies"][0]["improvements"]}
expect("V1 1.1.2 current/gain", (D(0), D(3)), (v1["1.1.2"]["current"], v1["1.1.2"]["gain"]))
if "1.1.1" in v1:
    fail("1.1.1 (with evidence, full points) is not an improvement")
