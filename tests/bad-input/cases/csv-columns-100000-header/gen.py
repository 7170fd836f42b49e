# SPDX-License-Identifier: MIT
"""Writes @GEN@/answers.csv: a header of 100,000 columns and one data row."""
import os, sys
names = ["agency_id", "criterion", "answer", "evidence"] + ["c%d" % i for i in range(5, 100001)]
assert len(names) == 100000
with open(os.path.join(sys.argv[1], "answers.csv"), "w", encoding="utf-8", newline="") as f:
    f.write(",".join(names) + "\n")
    f.write("W1,1.1.1,có,x\n")
