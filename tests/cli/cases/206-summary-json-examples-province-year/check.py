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
expect("keys", [{"province": "Hải Phòng", "year": D(2025)}, {"province": "Hải Phòng", "year": D(2024)},
                {"province": "Tây Ninh", "year": D(2025)}], [g["key"] for g in doc["groups"]])
g = doc["groups"]
check_stats("HP 2025", g[0], 5, "68.83", "72.03", "37.68", "92.62", [1, 1, 1, 1, 1],
            [("11.9", "66.1"), ("18.4", "76.67"), ("14.93", "74.66"), ("13.8", "60"), ("9.8", "65.33")])
check_stats("HP 2024", g[1], 5, "63.34", "66.53", "38.83", "85.41", [1, 1, 2, 1, 0],
            [("11.59", "64.37"), ("17.6", "73.33"), ("14.16", "70.79"), ("11.8", "51.3"), ("8.2", "54.67")])
check_stats("TN 2025", g[2], 3, "60.69", "69.36", "30.65", "82.05", [1, 0, 1, 1, 0],
            [("12.08", "67.13"), ("15.33", "63.89"), ("13.6", "68.02"), ("10", "43.48"), ("9.67", "64.44")])
check_stats("all", doc["all"], 13, "64.84", "69.36", "30.65", "92.62", [3, 2, 4, 3, 1],
            [("11.82", "65.67"), ("17.38", "72.44"), ("14.33", "71.64"), ("12.15", "52.84"), ("9.15", "61.03")])
