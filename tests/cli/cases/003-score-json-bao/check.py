# SPDX-License-Identifier: MIT
import sys
from checklib import *

# Year 2025 (or later, or no --year) and no --rubric: the edition in force, 3560-2025
# (checklib.CRITERIA_3560: 43 criteria).
raw, doc = load_json(sys.argv[1])
check_points_text(raw)
expect("top-level keys", ["agencies", "files", "rubric", "rubrics"], sorted(doc))
# one edition: "rubric" kept, and "rubrics" lists that one
expect("rubrics", [doc["rubric"]], doc["rubrics"])
# the one file read, and the encoding it was read with
expect("files", [{"file": env("EXAMPLES") + "/hai-phong-2025-bao.csv", "encoding": "utf-8"}],
       doc["files"])
check_rubric(doc)
expect("agencies", ["HP01", "HP02"], [a["agency_id"] for a in doc["agencies"]])

hp01 = agency(doc, "HP01")
expect("HP01 name", "Báo Cảng Xanh (mẫu)", hp01["agency_name"])
expect("HP01 province", "Hải Phòng", hp01["province"])
expect("HP01 owner", "Thành ủy Hải Phòng", hp01["owner"])
expect("HP01 block", "Báo địa phương", hp01["block"])
expect("HP01 media", "in|dien-tu", hp01["media"])
expect("HP01 rubric_id", "3560-2025", hp01["rubric_id"])
expect("HP01 year", D(2025), hp01["year"])
check_agency(hp01, "HP01", "84.32", 4, "Tốt",
             ["14.60", 21, "18.72", 17, 13],
             ["8.60", 6, 11, 10, 10, "8.72", 10, 7, 6, 7],
             [3, 3, "2.60", 2, 2, 2,
              3, 2, 3, 0, 1, 2, 4, 2, 2, 2,
              4, 2, 2, 2, "3.72", 1, 2, 2,
              2, 3, 2, 2, 1, 2, 2, 0, 2, 1, 0,
              2, 2, 2, 0, 2, 2, 2, 1])
k = criteria_of(hp01)
expect("HP01 1.1.3 answer as written", "86,5", k["1.1.3"]["answer"])
expect("HP01 4.1.2 answer as written", "24,3", k["4.1.2"]["answer"])
expect("HP01 2.1.3 answer", "multi", k["2.1.3"]["answer"])
expect("HP01 statuses", {"ok"}, {c["status"] for c in k.values()})
expect("HP01 errors", [], hp01["errors"])
expect("HP01 warnings", [], hp01["warnings"])
expect("HP01 unanswered", [], hp01["unanswered"])

hp02 = agency(doc, "HP02")
expect("HP02 media", "dien-tu", hp02["media"])
check_agency(hp02, "HP02", "57.50", 2, "Trung bình",
             ["10.65", 15, "12.85", 11, 8],
             ["7.65", 3, 9, 6, 8, "4.85", 7, 4, 3, 5],
             [3, 3, "1.65", 1, 1, 1,
              3, 2, 1, 0, 1, 2, 2, 0, 2, 2,
              2, 2, 2, 2, "1.85", 0, 1, 2,
              2, 1, 1, 2, 1, 2, 2, 0, 0, 0, 0,
              2, 0, 1, 0, 2, 0, 2, 1])
expect("HP02 3.2.1 answer as written", "46,25", criteria_of(hp02)["3.2.1"]["answer"])
expect("HP02 errors", [], hp02["errors"])
