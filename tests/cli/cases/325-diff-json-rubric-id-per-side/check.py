# SPDX-License-Identifier: MIT
import json, sys
from checklib import *

doc = json.load(open(sys.argv[1], encoding="utf-8"))
expect("rubric", "3560-2025", doc["rubric"]["id"])
ags = {a["agency_id"]: a for a in doc["agencies"]}
expect("agencies on both sides", ["HP01", "HP02"], sorted(ags))
for a in ags.values():
    # --rubric: both sides on one edition, named on each side
    expect(a["agency_id"] + " before rubric_id", "3560-2025", a["before"]["rubric_id"])
    expect(a["agency_id"] + " after rubric_id", "3560-2025", a["after"]["rubric_id"])
expect("HP01 before total", 75.10, ags["HP01"]["before"]["total"])
expect("HP01 after total", 84.32, ags["HP01"]["after"]["total"])
