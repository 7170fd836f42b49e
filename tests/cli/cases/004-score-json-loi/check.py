# SPDX-License-Identifier: MIT
import sys
from checklib import *

# Year 2025 (or later, or no --year) and no --rubric: the edition in force, 3560-2025
# (checklib.CRITERIA_3560: 43 criteria).
raw, doc = load_json(sys.argv[1])
check_points_text(raw)
check_rubric(doc)
hp06 = agency(doc, "HP06")
check_agency(hp06, "HP06", "54.40", 2, "Trung bình",
             ["14.40", 14, 8, 11, 7],
             ["8.40", 6, 10, 4, 4, 4, 8, 3, 2, 5],
             [3, 3, "2.40", 2, 2, 2,
              3, 2, 2, 0, 1, 2, 0, 0, 2, 2,
              2, 2, 0, 0, 0, 1, 1, 2,
              2, 2, 1, 2, 1, 2, 0, 0, 0, 1, 0,
              2, 0, 0, 0, 2, 0, 2, 1])
k = criteria_of(hp06)
expect("criteria in error", ["2.2.1", "3.1.3", "3.2.1", "4.2.4", "5.1.3"],
       sorted(i for i, c in k.items() if c["status"] == "error"))
expect("2.2.1 answer", "cap 3", k["2.2.1"]["answer"])
expect("3.1.3 answer", "Có rồi", k["3.1.3"]["answer"])
expect("3.2.1 answer (120 > 100: 0, not 4.80)", ("120", D(0)), (k["3.2.1"]["answer"], k["3.2.1"]["points"]))
expect("5.1.3 answer", "2.5", k["5.1.3"]["answer"])
expect("4.2.4: có (line 35) and không (line 45) conflict: 0, shown with the first",
       ("có", D(0), "error"),
       (k["4.2.4"]["answer"], k["4.2.4"]["points"], k["4.2.4"]["status"]))
expect("error codes", ["PDX-E0205", "PDX-E0206", "PDX-E0301", "PDX-E0301", "PDX-E0302",
                       "PDX-E0302"], sorted(e["code"] for e in hp06["errors"]))
loi = env("EXAMPLES") + "/hai-phong-2025-loi.csv"
expect("errors (file, line, criterion)",
       [(loi, D(8), "1.2.9"), (loi, D(15), "2.2.1"), (loi, D(21), "3.1.3"),
        (loi, D(23), "3.2.1"), (loi, D(39), "5.1.3"), (loi, D(45), "4.2.4")],
       sorted((e["file"], e["line"], e["criterion"]) for e in hp06["errors"]))
expect("unanswered", [], hp06["unanswered"])
