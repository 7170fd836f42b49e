# SPDX-License-Identifier: MIT
import sys
from checklib import *

data = open(sys.argv[1], "rb").read()
if not data.startswith(b"\xef\xbb\xbf"):
    fail("no UTF-8 BOM")
expect("line ends (every LF preceded by CR)", data.count(b"\n"), data.count(b"\r\n"))
rows = read_csv(data)
expect("header", ["group", "rank", "agency_id", "agency_name", "province", "block", "year",
                  "total", "level", "level_name", "pillar_1", "pillar_2", "pillar_3",
                  "pillar_4", "pillar_5", "has_errors"], rows[0])
groups = {}
for r in rows[1:]:
    groups.setdefault(r[0], []).append(r)
WANT = {
    "Tỉnh Kênh": [("1", "B4", "12.00", "0"), ("2", "B1", "11.00", "0"), ("2", "E1", "11.00", "1"),
                  ("4", "D1", "9.00", "0"), ("5", "T1", "3.00", "0")],
    "Tỉnh Lúa": [("1", "B3", "11.00", "0"), ("2", "B2", "8.00", "0"), ("2", "D2", "8.00", "0"),
                 ("4", "T2", "5.00", "0")],
}
expect("groups", sorted(WANT), sorted(groups))
for key, want in WANT.items():
    expect(key, want, [(r[1], r[2], r[7], r[15]) for r in groups[key]])
    for r in groups[key]:
        expect(r[2] + " province column", key, r[4])
e1 = groups["Tỉnh Kênh"][2]
expect("E1 row", ["Tỉnh Kênh", "2", "E1", "Báo Lỗi (mẫu)", "Tỉnh Kênh", "Báo địa phương", "2025",
                  "11.00", "1", "Yếu", "3.00", "5.00", "0.00", "3.00", "0.00", "1"], e1)
