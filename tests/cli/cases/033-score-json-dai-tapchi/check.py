# SPDX-License-Identifier: MIT
import sys
from checklib import *


raw, doc = load_json(sys.argv[1])
check_points_text(raw)
expect("agencies", ["HP03", "HP04", "HP05"], [a["agency_id"] for a in doc["agencies"]])
for ident, total, level, name, pillars in [
        ("HP03", "92.62", 5, "Xuất sắc", ["16.76", 24, "19.86", 19, 13]),
        ("HP04", "72.03", 3, "Khá", ["12.13", 18, "15.90", 16, 10]),
        ("HP05", "37.68", 1, "Yếu", ["5.35", 14, "7.33", 6, 5])]:
    a = agency(doc, ident)
    expect(ident + " total", D(total), a["total"])
    expect(ident + " level", (D(level), name), (a["level"], a["level_name"]))
    expect(ident + " pillars", [D(x) for x in pillars], [p["score"] for p in a["pillars"]])
    expect(ident + " errors", [], a["errors"])
hp05 = agency(doc, "HP05")
expect("HP05 unanswered", ["4.1.2", "4.1.3"], hp05["unanswered"])
k = criteria_of(hp05)
for cid in ("4.1.2", "4.1.3"):
    expect("HP05 " + cid, (None, D(0), "unanswered"),
           (k[cid]["answer"], k[cid]["points"], k[cid]["status"]))
expect("HP05 3.2.1 (33.3 → 1.332 → 1.33)", D("1.33"), k["3.2.1"]["points"])
expect("HP05 1.2.2 (-4: no band)", D(0), k["1.2.2"]["points"])
expect("HP04 unanswered", [], agency(doc, "HP04")["unanswered"])
