# SPDX-License-Identifier: MIT
import sys
from checklib import *

# 2023 + 2024 + 2025 in one run, no --rubric: each assessment by its year's edition.
raw, doc = load_json(sys.argv[1])
check_points_text(raw)
expect("no single rubric (three editions)", False, "rubric" in doc)
expect("rubrics, newest first", ["3560-2025", "1827-2024", "951-2023"],
       [r["id"] for r in doc["rubrics"]])
for r in doc["rubrics"]:
    # every edition shipped has provisional parts, and says so
    expect(r["id"] + " status", "provisional", r["status"])
    expect(r["id"] + " notice names provisional parts", True, "Tạm thời:" in r["notice"])

# (agency, year) → (edition, total, level, level name), from the hand tables:
# 2023 examples/EXPECTED.md "Hải Phòng 2023" (951 bands 50/60/70/above 80),
# 2024 examples/EXPECTED-2.md (1827 bands 50/65/80/90),
# 2025 examples/EXPECTED.md (3560 bands 50/65/80/90).
want = {
    ("HP01", 2023): ("951-2023", "80.00", 4, "Tốt"),
    ("HP02", 2023): ("951-2023", "80.01", 5, "Xuất sắc"),
    ("HP03", 2023): ("951-2023", "70.00", 4, "Tốt"),
    ("HP04", 2023): ("951-2023", "60.00", 3, "Khá"),
    ("HP05", 2023): ("951-2023", "59.99", 2, "Trung bình"),
    ("HP01", 2024): ("1827-2024", "75.10", 3, "Khá"),
    ("HP02", 2024): ("1827-2024", "50.85", 2, "Trung bình"),
    ("HP03", 2024): ("1827-2024", "85.41", 4, "Tốt"),
    ("HP04", 2024): ("1827-2024", "66.53", 3, "Khá"),
    ("HP05", 2024): ("1827-2024", "38.83", 1, "Yếu"),
    ("HP01", 2025): ("3560-2025", "84.32", 4, "Tốt"),
    ("HP02", 2025): ("3560-2025", "57.50", 2, "Trung bình"),
}
got = {}
for a in doc["agencies"]:
    got[(a["agency_id"], int(a["year"]))] = (a["rubric_id"], "%.2f" % D(a["total"]),
                                             int(a["level"]), a["level_name"])
expect("every assessment, its edition, total and level", want, got)
# the criteria listed are the edition's own: 42 under 951, 43 under 1827 and 3560
for a in doc["agencies"]:
    n = sum(len(c["criteria"]) for p in a["pillars"] for c in p["components"])
    expect("%s %s criteria" % (a["agency_id"], a["year"]), 42 if a["year"] == 2023 else 43, n)
