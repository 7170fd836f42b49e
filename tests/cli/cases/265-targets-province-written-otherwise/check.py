# SPDX-License-Identifier: MIT
import sys
from checklib import *

raw, doc = load_json(sys.argv[1])
# P3's "Tỉnh Hải Dương" in 2025 is Hải Phòng on the 34-province map: in scope
expect("agencies in scope", D(3), doc["agencies_in_scope"])
ind = {i["id"]: i for i in doc["indicators"]}
p = ind["platforms"]
expect("platforms", (D(2025), D(70), D(3), D(2), D("66.67"), False, ["P2"]),
       (p["target_year"], p["target_pct"], p["eligible"], p["achieved"], p["achieved_pct"], p["met"], p["short"]))
