import sys
from checklib import *

text = open(sys.argv[1], encoding="utf-8").read()
NOTE = ("  Lưu ý: trước chấm theo bộ chỉ số 1827-2024, sau theo 3560-2025: mức theo hai thang "
        "ngưỡng khác nhau, tiêu chí so theo mã (two editions: levels from different bands, "
        "criteria compared by id)\n")
# HP01 and HP02 are on both sides (HP03-HP05 only before): one note each, right under
# the agency's totals line
expect("notes of two editions", 2, text.count(NOTE))
for agency, line in [("HP01", "  Trước (before): 75.10 · Mức 3  →  Sau (after): 84.32 · Mức 4  (+9.22)\n"),
                     ("HP02", "  Trước (before): 50.85 · Mức 2  →  Sau (after): 57.50 · Mức 2  (+6.65)\n")]:
    if line + NOTE not in text:
        fail("%s: the note does not follow its totals line" % agency)
