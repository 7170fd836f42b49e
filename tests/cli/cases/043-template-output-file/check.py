import os, sys
import re
from checklib import *

# The template's edition: --year 2025 or later, or no --year, gives 3560-2025 (the
# latest). Its criteria are the 42 of the 951 tables (CRITERIA_951) with 4.2.3 worth 2
# instead of 3 and 4.2.6 (yes/no, max 1) added after 4.2.5: 43 criteria, read by hand
# from rubrics/3560-2025.xml.
CRITERIA_3560 = []
for _cid, _typ, _mx in CRITERIA_951:
    CRITERIA_3560.append((_cid, _typ, 2 if _cid == "4.2.3" else _mx))
    if _cid == "4.2.5":
        CRITERIA_3560.append(("4.2.6", "yesno", 1))
QUESTIONS_3560 = {
    "1.1.1": "Có kế hoạch/đề án chuyển đổi số được cơ quan chủ quản phê duyệt",
    "2.1.3": "Đưa nội dung lên các nền tảng số",
    "3.2.1": "Tỷ lệ lãnh đạo, phóng viên, biên tập viên được đào tạo về chuyển đổi số báo chí (%)",
    "4.2.6": "Đo lường, phân tích hành vi độc giả trên các nền tảng số bằng công cụ phân tích dữ liệu",
    "5.2.4": "Đo lường hiệu quả nội dung theo thời gian thực",
}


def check_template_3560(data, prefill=("", "", "", "", "", "", "")):
    """checklib's check_template for the 43 criteria of 3560-2025."""
    if not data.startswith(b"\xef\xbb\xbf"):
        fail("the template does not start with a UTF-8 BOM: %r" % data[:8])
    first = data[3:].split(b"\r\n", 1)[0].decode("utf-8")
    expect("header line", TEMPLATE_HEADER, first)
    expect("line ends (every LF preceded by CR)", data.count(b"\n"), data.count(b"\r\n"))
    rows = read_csv(data)
    expect("header", TEMPLATE_HEADER.split(","), rows[0])
    crit = [r for r in rows[1:] if re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", r[7])]
    other = [r for r in rows[1:] if r not in crit]
    expect("criterion rows", [c[0] for c in CRITERIA_3560], [r[7] for r in crit])
    for r in rows[1:]:
        expect("cells in the row of " + r[7], 15, len(r))
        expect("agency columns of " + r[7], list(prefill), r[:7])
        expect("answer/evidence/note of " + r[7], ["", "", ""], r[12:15])
        if not r[8]:
            fail("no question text for " + r[7])
        if not r[10]:
            fail("no allowed answers for " + r[7])
    for (cid, typ, mx), r in zip(CRITERIA_3560, crit):
        expect("answer_type of " + cid, typ, r[9])
        expect("max_points of " + cid, D(mx), D(r[11]))
        if cid in QUESTIONS_3560:
            expect("question of " + cid, QUESTIONS_3560[cid], r[8])
    for r in other:
        if not r[7].startswith("ctx.") or r[11] != "":
            fail("unexpected row (neither a criterion nor a context question): %r" % r)
    return rows

with open(os.path.join(env("TMP"), "phieu-khao-sat.csv"), "rb") as f:
    check_template_3560(f.read(), ("HP10", "", "", "", "", "", "2026"))
