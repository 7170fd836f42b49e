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
expect("by", ["province", "year"], doc["by"])
# a summary never mixes years: groups are ordered by year (newest first), then by mean
expect("by_year", True, doc["by_year"])
expect("keys", [{"province": "Hải Phòng", "year": D(2025)}, {"province": "Tây Ninh", "year": D(2025)},
                {"province": "Hải Phòng", "year": D(2024)}], [g["key"] for g in doc["groups"]])
g = doc["groups"]
check_stats("HP 2025", g[0], 5, "68.83", "72.03", "37.68", "92.62", [1, 1, 1, 1, 1],
            [("11.9", "66.1"), ("18.4", "76.67"), ("14.93", "74.66"), ("13.8", "60"), ("9.8", "65.33")])
check_stats("TN 2025", g[1], 3, "60.69", "69.36", "30.65", "82.05", [1, 0, 1, 1, 0],
            [("12.08", "67.13"), ("15.33", "63.89"), ("13.6", "68.02"), ("10", "43.48"), ("9.67", "64.44")])
check_stats("HP 2024", g[2], 5, "63.34", "66.53", "38.83", "85.41", [1, 1, 2, 1, 0],
            [("11.59", "64.37"), ("17.6", "73.33"), ("14.16", "70.79"), ("11.8", "51.3"), ("8.2", "54.67")])
# one total per year, never a sum over years (see notes.md for the 2025 arithmetic)
expect("no total over all years", None, doc["all"])
expect("total years", [D(2025), D(2024)], [t["year"] for t in doc["totals"]])
check_stats("all 2025", doc["totals"][0], 8, "65.78", "70.7", "30.65", "92.62", [2, 1, 2, 2, 1],
            [("11.97", "66.49"), ("17.25", "71.88"), ("14.43", "72.17"), ("12.38", "53.8"), ("9.75", "65")])
check_stats("all 2024", doc["totals"][1], 5, "63.34", "66.53", "38.83", "85.41", [1, 1, 2, 1, 0],
            [("11.59", "64.37"), ("17.6", "73.33"), ("14.16", "70.79"), ("11.8", "51.3"), ("8.2", "54.67")])
expect("unfilled", D(0), doc["unfilled"])
# each year by its own edition: totals and groups name theirs
expect("no single rubric", False, "rubric" in doc)
expect("rubrics", ["3560-2025", "1827-2024"], [r["id"] for r in doc["rubrics"]])
expect("totals' editions", ["3560-2025", "1827-2024"], [t["rubric_id"] for t in doc["totals"]])
for g in doc["groups"]:
    expect("group %r edition" % g["key"], "3560-2025" if g["key"]["year"] == 2025 else "1827-2024",
           g["rubric_id"])
