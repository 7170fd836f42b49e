import sys
from checklib import *

raw, doc = load_json(sys.argv[1])
expect("agencies in scope", D(2), doc["agencies_in_scope"])
ind = {i["id"]: i for i in doc["indicators"]}
p = ind["platforms"]
expect("platforms", (D(2025), D(70), D(2), D(1), D(50), False, ["P2"]),
       (p["target_year"], p["target_pct"], p["eligible"], p["achieved"], p["achieved_pct"], p["met"], p["short"]))
