# SPDX-License-Identifier: MIT
import os
import xml.etree.ElementTree as ET
from checklib import *

# The plan and answers of case 224, worked out in tests/data/analysis/EXPECTED.md
# ("Plan targets") and that case's notes: in scope P1, P2, P3 of Tỉnh Thử Nghiệm, 2025.
raw = open(os.path.join(os.environ["PDX_TMP"], "chi-tieu.html"), "rb").read()
root = ET.fromstring(raw.decode("utf-8").split("\n", 1)[1])
SVG = "{http://www.w3.org/2000/svg}"
expect("page kind", "targets", root.find("body").get("class"))
sec = root.find("body").find("main").find("section")
expect("scope heading", True, "3 cơ quan · năm đánh giá (year): 2025" in sec.find("h2").text)
rows = {tr.findall("td")[0].text: [td.text for td in tr.findall("td")]
        for tr in sec.iter("tr") if tr.find("td") is not None}
# id: achieved, eligible, share, target, result, short
expect("platforms", ["2", "3", "66.67 %", "66.60 %", "đạt", "P3"],
       rows["platforms"][2:8])
# 2/3 rounds to the target 66.67 but is below it: the share keeps the digits that show
# it (2 × 100 / 3 = 66.6666…, truncated to four decimals)
expect("ai-platform (2/3 = 66.666… < 66.67)", ["2", "3", "66.6666…%", "66.67 %", "chưa đạt"],
       rows["ai-platform"][2:7])
expect("security-level3 (dien-tu only: P1, P2)", ["1", "2", "50.00 %", "100.00 %", "chưa đạt"],
       rows["security-level3"][2:7])
expect("essential-articles: no target in or after 2025",
       ["1", "3", "33.33 %", None, "không có mục tiêu", "P2, P3"],
       rows["essential-articles"][2:8])
# a bar per indicator, with a target mark where there is a target
marks = [t.text for r in sec.iter(SVG + "rect") if r.get("class") == "target"
         for t in r.iter(SVG + "title")]
expect("target marks include platforms' 66.60", True, "mục tiêu (target) 66.60" in marks)
