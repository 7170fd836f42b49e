# SPDX-License-Identifier: MIT
import sys
from checklib import *

raw, doc = load_json(sys.argv[1])
check_points_text(raw)
expect("agencies", ["Y1", "Y2"], [a["agency_id"] for a in doc["agencies"]])
y1 = agency(doc, "Y1")
expect("Y1 year (empty, filled by --year)", D(2024), y1["year"])
expect("Y1 total", D("7.00"), y1["total"])
expect("Y1 level", D(1), y1["level"])
expect("Y1 pillars", [D(3), D(4), D(0), D(0), D(0)], [p["score"] for p in y1["pillars"]])
y2 = agency(doc, "Y2")
expect("Y2 year (given, kept)", D(2023), y2["year"])
expect("Y2 total", D(3), y2["total"])
# years 2024 (Y1, from --year) and 2023 (Y2): each is scored by its year's edition, so
# there is no single "rubric"; "rubrics" lists both, newest first
expect("no single rubric", False, "rubric" in doc)
expect("rubrics", ["1827-2024", "951-2023"], [r["id"] for r in doc["rubrics"]])
expect("Y1 rubric_id (the year --year gave)", "1827-2024", y1["rubric_id"])
expect("Y2 rubric_id", "951-2023", y2["rubric_id"])
