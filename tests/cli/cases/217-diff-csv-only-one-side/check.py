# SPDX-License-Identifier: MIT
import sys
from checklib import *

data = open(sys.argv[1], "rb").read()
rows = read_csv(data)
expect("header", ["agency_id", "before_total", "before_level", "after_total", "after_level",
                  "delta", "criterion", "before_answer", "after_answer", "before_points",
                  "after_points", "comparison"], rows[0])
paired = [r for r in rows[1:] if r[3] != ""]
expect("paired agencies", sorted(["B1", "B2", "B3", "B4", "D1", "D2", "T2"]),
       sorted(r[0] for r in paired))
for r in paired:
    # one edition on both sides (2025): compared criterion by criterion
    expect(r[0] + " delta/criterion/comparison", ("0.00", "", "criteria"), (r[5], r[6], r[11]))
ids = [r[0] for r in rows[1:]]
if "T1" not in ids:
    fail("T1 (before only) is not listed in the CSV diff; rows: %s" % ids)
