# SPDX-License-Identifier: MIT
import sys
from checklib import *

text = open(sys.argv[1], encoding="utf-8").read()
NOTE = ("  Lưu ý: trước chấm theo bộ chỉ số 1827-2024, sau theo 3560-2025: mức theo hai thang "
        "ngưỡng khác nhau; tiêu chí so qua bảng đối chiếu giữa hai bộ (two editions: levels "
        "from different bands; criteria compared through the crosswalk)\n")
# HP01 and HP02 are on both sides (HP03-HP05 only before): one note each, right under
# the agency's totals line
expect("notes of two editions", 2, text.count(NOTE))
# then the pillars, before (examples/EXPECTED-2.md, 2024) and after (EXPECTED.md, 2025)
PILLARS = {"HP01": ([D("14.10"), D("19.00"), D("16.00"), D("15.00"), D("11.00")],
                    [D("14.60"), D("21.00"), D("18.72"), D("17.00"), D("13.00")]),
           "HP02": ([D("9.65"), D("13.00"), D("12.20"), D("10.00"), D("6.00")],
                    [D("10.65"), D("15.00"), D("12.85"), D("11.00"), D("8.00")])}
for agency, line in [("HP01", "  Trước (before): 75.10 · Mức 3  →  Sau (after): 84.32 · Mức 4  (+9.22)\n"),
                     ("HP02", "  Trước (before): 50.85 · Mức 2  →  Sau (after): 57.50 · Mức 2  (+6.65)\n")]:
    rows = "".join("    Trụ cột (pillar) %-3s %s → %s  (%s%s)\n" % (
        str(k + 1), b, a, "+" if a > b else "", a - b)
        for k, (b, a) in enumerate(zip(*PILLARS[agency])))
    if line + NOTE + rows not in text:
        fail("%s: the note and the pillars do not follow its totals line" % agency)
# the criteria through the crosswalk 1827-2024 -> 3560-2025 (every id to itself)
if '    2.2.1   "1-2" → "3+"   2.00 → 4.00\n' not in text:
    fail("HP01 2.2.1 not compared")
