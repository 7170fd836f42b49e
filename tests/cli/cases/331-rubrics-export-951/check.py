# SPDX-License-Identifier: MIT
import csv, io, sys
from checklib import *

raw = open(sys.argv[1], "rb").read()
expect("UTF-8 BOM for Excel", b"\xef\xbb\xbf", raw[:3])
rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
expect("first row", ["pressdx-rubric-table", "1"], rows[0])
head = {r[0]: r[1:] for r in rows if r and r[0] in ("id", "decision", "status", "total", "years")}
expect("head", {"id": ["951-2023"], "decision": ["951/QĐ-BTTTT"], "status": ["provisional"],
                "total": ["100"], "years": ["2023", "2023"]}, head)
# 951's bands as ICTVietnam published them (rubrics/951-2023.xml): 0, 50, 60, 70, above 80
levels = [(r[1], r[2], r[4], r[5]) for r in rows if r and r[0] == "level"]
expect("levels", [("1", "Yếu", "0", "published"), ("2", "Trung bình", "50", "published"),
                  ("3", "Khá", "60", "published"), ("4", "Tốt", "70", "published"),
                  ("5", "Xuất sắc", ">80", "published")], levels)
i = next(k for k, r in enumerate(rows) if r and r[0] == "pillar")
cols = rows[i]
table = [dict(zip(cols, r)) for r in rows[i + 1:] if r]
expect("criteria", 42, len(table))
expect("pillar maxima", {"1": "18", "2": "24", "3": "20", "4": "23", "5": "15"},
       {t["pillar"]: t["pillar_max"] for t in table})
by_id = {t["criterion"]: t for t in table}
expect("1.1.1", ("yesno", "3", "có=3; không=0", "có"),
       tuple(by_id["1.1.1"][c] for c in ("type", "points", "rule", "evidence")))
expect("1.2.1 bands", "≥10:3; ≥5:2; >0:1", by_id["1.2.1"]["rule"])
expect("4.2.3 (951: 3 points, no 4.2.6)", ("3", False), (by_id["4.2.3"]["points"], "4.2.6" in by_id))
