# SPDX-License-Identifier: MIT
import sys
from checklib import *

data = open(sys.argv[1], "rb").read()
if not data.startswith(b"\xef\xbb\xbf"):
    fail("no UTF-8 BOM")
expect("line ends", data.count(b"\n"), data.count(b"\r\n"))
rows = read_csv(data)
expect("header", ["agency_id", "year", "total", "level", "target_level", "points_needed",
                  "in_minimal_set", "criterion", "pillar", "current", "max", "gain",
                  "next_answer", "next_points", "action", "current_answer", "proposed_answer",
                  "needs_evidence"], rows[0])
body = rows[1:]
count = {}
for r in body:
    count[r[0]] = count.get(r[0], 0) + 1
expect("rows per agency", {"GA": 7, "GB": 7, "GC": 11, "GD": 4, "GE": 42}, count)
for r in body:
    want = {"GA": ("82.00", "4", "0.00"), "GB": ("85.00", "4", "0.00"), "GC": ("77.50", "3", "0.00"),
            "GD": ("93.00", "5", "0.00"), "GE": ("1.00", "1", "49.00")}[r[0]]
    expect(r[0] + " total/level/needed", (want[0], want[1], "2", want[2]), (r[2], r[3], r[4], r[5]))
in_set = [r[7] for r in body if r[6] == "1"]
expect("in the smallest set", ["2.2.1", "3.1.1", "3.2.1", "1.1.1", "1.1.2", "1.1.3", "1.2.1",
                               "1.2.2", "1.2.3", "2.1.1", "2.1.3", "4.1.2", "4.1.3",
                               "2.1.2", "2.1.4", "2.1.5", "2.1.6"], in_set)
if any(r[0] != "GE" for r in body if r[6] == "1"):
    fail("only GE has criteria in its smallest set")
def row(agency, crit):
    for r in body:
        if r[0] == agency and r[7] == crit:
            return r
    fail("no row %s %s" % (agency, crit))
expect("GC 1.2.2", ["GC", "2025", "77.50", "3", "2", "0.00", "0", "1.2.2", "1", "0.00", "3.00",
                    "3.00", "1", "1.00", "answer", "'-2", "20", "0"], row("GC", "1.2.2"))
# (a cell starting with - is neutralised for spreadsheets: '-2)
expect("GC 1.1.3", ["GC", "2025", "77.50", "3", "2", "0.00", "0", "1.1.3", "1", "1.50", "3.00",
                    "1.50", "", "", "answer", "50", "100", "0"], row("GC", "1.1.3"))
expect("GE 2.1.4", ["GE", "2025", "1.00", "1", "2", "49.00", "1", "2.1.4", "2", "0.00", "2.00",
                    "2.00", "có", "2.00", "answer", "", "có", "0"], row("GE", "2.1.4"))
expect("GE 2.1.5", ["GE", "2025", "1.00", "1", "2", "49.00", "1", "2.1.5", "2", "0.00", "2.00",
                    "2.00", "40", "1.00", "answer", "", "80", "0"], row("GE", "2.1.5"))
