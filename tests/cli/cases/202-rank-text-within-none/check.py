# SPDX-License-Identifier: MIT
import re
import sys
from checklib import *

text = open(sys.argv[1], encoding="utf-8").read()
rows = re.findall(r"^\s+(\d+)\s+([A-Z][0-9])\s+.*?\s(\d+\.\d\d)\s+(\d) (\S+)", text, re.M)
expect("rows (rank, id, total, level)",
       [("1", "B4", "12.00", "1", "Yếu"), ("2", "B1", "11.00", "1", "Yếu"),
        ("2", "B3", "11.00", "1", "Yếu"), ("4", "D1", "9.00", "1", "Yếu"),
        ("5", "B2", "8.00", "1", "Yếu"), ("5", "D2", "8.00", "1", "Yếu"),
        ("7", "T2", "5.00", "1", "Yếu"), ("8", "T1", "3.00", "1", "Yếu")], rows)
if "(!)" in text:
    fail("an agency is flagged with errors")
