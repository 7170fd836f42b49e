# SPDX-License-Identifier: MIT
import sys
from checklib import *

def check_stats(what, g, count, mean, median, mn, mx, levels, pillars):
    """pillars: [(mean, mean_pct)] for pillars 1..5, as strings."""
    expect(what + " count/mean/median/min/max", [D(count), D(mean), D(median), D(mn), D(mx)],
           [g["count"], g["mean"], g["median"], g["min"], g["max"]])
    expect(what + " levels", {str(i + 1): D(n) for i, n in enumerate(levels)}, g["levels"])
    expect(what + " pillars", [(str(i + 1), D(m), D(p)) for i, (m, p) in enumerate(pillars)],
           [(p["id"], p["mean"], p["mean_pct"]) for p in g["pillars"]])

raw, doc = load_json(sys.argv[1])
check_points_text(raw)
for k in ["rubric", "by", "groups", "all"]:
    if k not in doc:
        fail("no top-level key " + k)
expect("by", ["media"], doc["by"])
expect("group keys in order", [{"media": m} for m in ["dien-tu", "phat-thanh", "truyen-hinh", "in"]],
       [g["key"] for g in doc["groups"]])
g = doc["groups"]
check_stats("dien-tu", g[0], 4, "9.75", "10", 8, 11, [4, 0, 0, 0, 0],
            [("3", "16.67"), ("3.5", "14.58"), ("1", "5"), ("0.75", "3.26"), ("1.5", "10")])
check_stats("phat-thanh", g[1], 1, 9, 9, 9, 9, [1, 0, 0, 0, 0],
            [("0", "0"), ("9", "37.5"), ("0", "0"), ("0", "0"), ("0", "0")])
check_stats("truyen-hinh", g[2], 2, "8.5", "8.5", 8, 9, [2, 0, 0, 0, 0],
            [("0", "0"), ("5.5", "22.92"), ("0", "0"), ("2.5", "10.87"), ("0.5", "3.33")])
check_stats("in", g[3], 5, "8.4", 11, 3, 12, [5, 0, 0, 0, 0],
            [("3.6", "20"), ("1.6", "6.67"), ("1.2", "6"), ("1.2", "5.22"), ("0.8", "5.33")])
check_stats("all", doc["all"], 8, "8.38", "8.5", 3, 12, [8, 0, 0, 0, 0],
            [("3", "16.67"), ("2.38", "9.9"), ("0.75", "3.75"), ("1.38", "5.98"), ("0.88", "5.83")])
