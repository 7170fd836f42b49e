# SPDX-License-Identifier: MIT
"""Writes @GEN@/answers.csv: a normal header, a row of 100,000 cells, a normal row."""
import os, sys
with open(os.path.join(sys.argv[1], "answers.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("agency_id,criterion,answer,evidence\n")
    f.write("W1,1.1.1,có,x" + "," * (100000 - 4) + "\n")
    f.write("W1,1.1.2,có,x\n")
