# SPDX-License-Identifier: MIT
import sys
from checklib import *

raw, doc = load_json(sys.argv[1])
expect("no single rubric (three editions)", False, "rubric" in doc)
expect("rubrics, newest first", ["3560-2025", "1827-2024", "951-2023"],
       [r["id"] for r in doc["rubrics"]])
# per year: (edition, count, mean, levels 1..5), by hand from the totals of
# examples/EXPECTED.md (2023 under 951's bands 50/60/70/above 80; 2025) and
# examples/EXPECTED-2.md (2024 under 1827's 50/65/80/90)
want = {
    2025: ("3560-2025", 2, "70.91", [0, 1, 0, 1, 0]),   # 84.32 Tốt, 57.50 Trung bình
    2024: ("1827-2024", 5, "63.34", [1, 1, 2, 1, 0]),   # 75.10 66.53 Khá, 50.85, 85.41, 38.83
    2023: ("951-2023", 5, "70.00", [0, 1, 1, 2, 1]),    # 59.99 60.00 70.00 80.00 80.01
}
got = {int(t["year"]): (t["rubric_id"], int(t["count"]), "%.2f" % D(t["mean"]),
                        [int(t["levels"][str(l)]) for l in range(1, 6)])
       for t in doc["totals"]}
expect("totals per year", want, got)
