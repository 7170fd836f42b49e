# SPDX-License-Identifier: MIT
import sys
from checklib import *

with open(sys.argv[1], encoding="utf-8") as f:
    lines = f.read().splitlines()
# PRESSDX_RUBRIC_DIR is the source rubrics/ folder, which holds the three editions of the
# index (issue 11); an id found in several folders is listed once, and the province map
# and plans in subfolders are no rubrics.
for rid, decision, n in (("951-2023", "951/QĐ-BTTTT", 42), ("1827-2024", "1827/QĐ-BTTTT", 43),
                         ("3560-2025", "3560/QĐ-BVHTTDL", 43)):
    rows = [l for l in lines if l.startswith(rid + " ")]
    expect(rid + " listed once", 1, len(rows))
    expect(rid + " decision and criteria", True,
           decision in rows[0] and (" %d tiêu chí " % n) in rows[0])
expect("nothing else listed", 3, sum(1 for l in lines if l and not l.startswith(" ")))
# 1827 and 3560 are written as differences (extends=): the line under each names the base
for path, base in (("1827-2024.xml", "951-2023"), ("3560-2025.xml", "1827-2024")):
    rows = [l for l in lines if l.strip().startswith(env("RUBRICS") + "/" + path)]
    expect(path + " extends", ["%s/%s (mở rộng %s, extends %s)" % (env("RUBRICS"), path, base, base)],
           [r.strip() for r in rows])
rows = [l for l in lines if l.strip().startswith(env("RUBRICS") + "/951-2023.xml")]
expect("951-2023.xml is written whole", [env("RUBRICS") + "/951-2023.xml"], [r.strip() for r in rows])
