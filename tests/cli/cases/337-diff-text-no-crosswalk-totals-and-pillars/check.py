import sys
from checklib import *

text = open(sys.argv[1], encoding="utf-8").read()
NOTE = ("  Lưu ý: trước chấm theo bộ chỉ số 951-2023, sau theo 3560-2025: mức theo hai thang "
        "ngưỡng khác nhau; không có bảng đối chiếu tiêu chí giữa hai bộ, chỉ so tổng điểm và "
        "trụ cột (two editions, no crosswalk: totals and pillars compared, not criteria)\n")
# 2023 (951) from examples/EXPECTED.md "hai-phong-2023.csv"; 2025 (3560) from its first
# table. No crosswalk joins 951 and 3560 (only 951->1827 and 1827->3560 are shipped,
# and they are not chained): no criterion line follows the pillars.
WANT = [("HP01", "80.00", 4, ["13.50", "22.00", "18.50", "15.00", "11.00"],
         "84.32", 4, ["14.60", "21.00", "18.72", "17.00", "13.00"]),
        ("HP02", "80.01", 5, ["13.51", "22.00", "18.50", "15.00", "11.00"],
         "57.50", 2, ["10.65", "15.00", "12.85", "11.00", "8.00"])]
blocks = text.split("\n\n")
for agency, bt, bl, bp, at, al, ap in WANT:
    dt = D(at) - D(bt)
    lines = ["  Trước (before): %s · Mức %d  →  Sau (after): %s · Mức %d  (%s%s)\n" % (
        bt, bl, at, al, "+" if dt > 0 else "", dt), NOTE]
    lines += ["    Trụ cột (pillar) %-3s %s → %s  (%s%s)\n" % (
        str(k + 1), b, a, "+" if D(a) > D(b) else "", D(a) - D(b)) for k, (b, a) in enumerate(zip(bp, ap))]
    block = [b for b in blocks if b.startswith(agency + "  ")]
    expect(agency + " block", 1, len(block))
    expect(agency + " totals, note, pillars and nothing else", "".join(lines).rstrip("\n"),
           block[0].split("\n", 1)[1])
if "Chỉ có ở tệp trước (only before): HP03 HP04 HP05\n" not in text:
    fail("HP03-HP05 (2023 only) are not listed")
