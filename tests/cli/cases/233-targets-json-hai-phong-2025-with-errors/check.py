import sys
from checklib import *

def check_indicators(doc, want):
    """want: [(id, target_year, target_pct, eligible, achieved, achieved_pct, met, measured, short)];
    None for JSON null. Numbers as strings or ints."""
    n = lambda x: None if x is None else D(x)
    expect("indicator ids", [w[0] for w in want], [i["id"] for i in doc["indicators"]])
    for w, i in zip(want, doc["indicators"]):
        for f in ["id", "name", "target_pct", "eligible", "achieved", "achieved_pct", "met",
                  "measured", "short"]:
            if f not in i:
                fail("%s: no field %s" % (i["id"], f))
        expect(w[0], (n(w[1]), n(w[2]), n(w[3]), n(w[4]), n(w[5]), w[6], w[7], w[8]),
               (n(i.get("target_year")), i["target_pct"], i["eligible"], i["achieved"],
                i["achieved_pct"], i["met"], i["measured"], i["short"]))

raw, doc = load_json(sys.argv[1])
expect("year", D(2025), doc["year"])
check_indicators(doc, [
    ("platforms", 2025, 70, 6, 4, "66.67", False, True, ["HP02", "HP05"]),
    ("ai-platform", 2025, 50, 6, 2, "33.33", False, True, ["HP01", "HP02", "HP05", "HP06"]),
    ("security-level3", 2025, 100, 5, 2, 40, False, True, ["HP02", "HP04", "HP06"]),
    ("convergent-newsroom", 2025, 50, 6, 2, "33.33", False, True, ["HP02", "HP04", "HP05", "HP06"]),
    ("staff-trained", 2025, 100, 6, 0, 0, False, True, ["HP01", "HP02", "HP03", "HP04", "HP05", "HP06"]),
    ("essential-articles", 2025, 100, 6, 5, "83.33", False, True, ["HP05"]),
    ("revenue-growth", 2025, 50, 6, 3, 50, True, True, ["HP02", "HP04", "HP05"]),
    ("self-financing", 2030, 50, 6, None, None, None, False, []),
])
