# SPDX-License-Identifier: MIT
import csv, os, re, sys
from checklib import *

text = open(sys.argv[1], encoding="utf-8").read()
NOTE = ("  Lưu ý: trước chấm theo bộ chỉ số 951-2023, sau theo 3560-2025: mức theo hai thang "
        "ngưỡng khác nhau; tiêu chí so qua bảng đối chiếu giữa hai bộ (two editions: levels "
        "from different bands; criteria compared through the crosswalk)\n")

def answers(name):
    out = {}
    with open(os.path.join(env("EXAMPLES"), name), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["agency_id"], {})[row["criterion"]] = row["answer"]
    return out

before, after = answers("hai-phong-2023.csv"), answers("hai-phong-2025-bao.csv")
# 2023 (951) from examples/EXPECTED.md "hai-phong-2023.csv"; 2025 (3560) from its first
# table
WANT = [("HP01", "80.00", 4, ["13.50", "22.00", "18.50", "15.00", "11.00"],
         "84.32", 4, ["14.60", "21.00", "18.72", "17.00", "13.00"]),
        ("HP02", "80.01", 5, ["13.51", "22.00", "18.50", "15.00", "11.00"],
         "57.50", 2, ["10.65", "15.00", "12.85", "11.00", "8.00"])]
blocks = text.split("\n\n")
for agency, bt, bl, bp, at, al, ap in WANT:
    dt = D(at) - D(bt)
    head = ["  Trước (before): %s · Mức %d  →  Sau (after): %s · Mức %d  (%s%s)\n" % (
        bt, bl, at, al, "+" if dt > 0 else "", dt), NOTE]
    head += ["    Trụ cột (pillar) %-3s %s → %s  (%s%s)\n" % (
        str(k + 1), b, a, "+" if D(a) > D(b) else "", D(a) - D(b)) for k, (b, a) in enumerate(zip(bp, ap))]
    block = [b for b in blocks if b.startswith(agency + "  ")]
    expect(agency + " block", 1, len(block))
    body = block[0].split("\n", 1)[1] + "\n"
    if not body.startswith("".join(head)):
        fail(agency + ": totals, note and pillars are not as expected:\n" + body)
    # then one line per criterion whose answer differs between the two files, in the
    # order of the criteria, and 4.2.6 (new in 1827, so in 3560) last
    rows = body[len("".join(head)):].splitlines()
    listed = [r.split()[0] for r in rows]
    changed = [c for c in before[agency] if before[agency][c] != after[agency].get(c)]
    expect(agency + " criteria listed", changed + ["4.2.6"], listed)
    if "tiêu chí mới của bộ sau" not in rows[-1]:
        fail(agency + ": 4.2.6 is not said to be new")
    # every other criterion kept its answer and points (4.2.3: "không" both years, 3
    # points in 951, 2 in 3560: not listed), so the changes add up to the total's
    deltas = [D(b) for b in re.findall(r"   (-?\d+\.\d\d) → ", "\n".join(rows))]
    afters = [D(a) for a in re.findall(r" → (-?\d+\.\d\d)(?:\s|$)", "\n".join(rows))]
    expect(agency + " changes add up", dt, sum(afters) - sum(deltas))
