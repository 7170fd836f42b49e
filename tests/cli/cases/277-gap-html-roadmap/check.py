# SPDX-License-Identifier: MIT
import os
import xml.etree.ElementTree as ET
from checklib import *

# HP01 2025 (examples/EXPECTED.md): 84.32 Tốt; 90 - 84.32 = 5.68 to Xuất sắc. Year
# 2025, no --rubric: 3560-2025, where 4.2.3 is worth 2 (not 3) and 4.2.6 (max 1) is
# added (HP01 answers both "không"; total unchanged). The largest gains are 2.1.4, 4.2.3
# and 5.1.4, +2 each (yes/no, answered "không"); every other gain is at most 1, so no
# two reach 5.68 and the fewest criteria are those three, 6 points, in rubric order
# (as in case 278).
raw = open(os.path.join(os.environ["PDX_TMP"], "lo-trinh.html"), "rb").read()
root = ET.fromstring(raw.decode("utf-8").split("\n", 1)[1])
expect("page kind", "gap", root.find("body").get("class"))
sections = root.find("body").find("main").findall("section")
expect("one section per agency", ["HP01 — Báo Cảng Xanh (mẫu) · 2025",
                                  "HP02 — Báo điện tử Phố Biển (mẫu) · 2025"],
       [s.find("h2").text for s in sections])
fig = {div.get("class"): div.find("dd").text for div in sections[0].iter("div")
       if div.find("dd") is not None}
expect("HP01 figures", {"total": "84.32", "level": "Tốt", "needed": "5.68"}, fig)


def table(sec, cls):
    return [[td.text for td in tr.findall("td")] for t in sec.iter("table")
            if t.get("class") == cls for tr in t.iter("tr") if tr.find("td") is not None]


expect("HP01 roadmap", [["2.1.4", "không", "có", "2.00"], ["4.2.3", "không", "có", "2.00"],
                        ["5.1.4", "không", "có", "2.00"]],
       [[r[0], r[2], r[3], r[4]] for r in table(sections[0], "roadmap")])
imp = table(sections[0], "improvements")
expect("HP01 improvements start with the largest gain (the first of the +2 ties by id)",
       ["2.1.4", "0.00", "2.00"], imp[0][:1] + imp[0][2:4])
