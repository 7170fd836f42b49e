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
expect("plan", ("test-province", "Kế hoạch thử nghiệm của Tỉnh Thử Nghiệm"),
       (doc["plan"]["id"], doc["plan"]["title"]))
expect("year", D(2025), doc["year"])
check_indicators(doc, [
    ("platforms", 2025, "66.6", 3, 2, "66.67", True, True, ["P3"]),
    ("ai-platform", 2025, "66.67", 3, 2, "66.67", False, True, ["P3"]),
    ("security-level3", 2025, 100, 2, 1, 50, False, True, ["P2"]),
    ("revenue-growth", 2025, 50, 3, 2, "66.67", True, True, ["P3"]),
    ("staff-trained", 2025, 100, 3, 2, "66.67", False, True, ["P3"]),
    ("digital-trends", 2030, 100, 3, 2, "66.67", False, True, ["P2"]),
    ("essential-articles", None, None, 3, 1, "33.33", None, True, ["P2", "P3"]),
    ("self-financing", 2030, 50, 3, None, None, None, False, []),
    ("remote-reach", 2025, 30, 3, None, None, None, False, []),
])
