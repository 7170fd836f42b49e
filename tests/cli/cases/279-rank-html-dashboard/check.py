# SPDX-License-Identifier: MIT
import os
import xml.etree.ElementTree as ET
from checklib import *

# examples/EXPECTED.md (2025, by hand): Báo địa phương HP01 84.32 Tốt, TN01 69.36 Khá,
# HP02 57.50 Trung bình, HP06 54.40 Trung bình (6 errors); Tạp chí TN03 30.65 Yếu;
# Đài PT-TH TN02 (tay-ninh-2025.csv). Ranks by total within each block.
raw = open(os.path.join(os.environ["PDX_TMP"], "xep-hang.html"), "rb").read()
root = ET.fromstring(raw.decode("utf-8").split("\n", 1)[1])
SVG = "{http://www.w3.org/2000/svg}"
expect("page kind", "rank", root.find("body").get("class"))
sections = root.find("body").find("main").findall("section")
heads = [s.find("h2").text for s in sections]
bao = sections[heads.index("Khối (block): Báo địa phương — 4 cơ quan")]
rows = [[td.text for td in tr.findall("td")] for tr in bao.iter("tr") if tr.find("td") is not None]
expect("Báo địa phương: rank, id, total, level, errors",
       [["1", "HP01", "84.32", "Tốt", "0"], ["2", "TN01", "69.36", "Khá", "0"],
        ["3", "HP02", "57.50", "Trung bình", "0"], ["4", "HP06", "54.40", "Trung bình", "6"]],
       [[r[0], r[1], r[3], r[4], r[-1]] for r in rows])
# the level distribution: TB 2, Khá 1, Tốt 1 — three segments, their counts in titles
segs = [t.text for t in bao.iter(SVG + "title") if ":" in (t.text or "")]
expect("distribution segments", ["Trung bình: 2", "Khá: 1", "Tốt: 1"], segs)
cap = "".join(bao.find("figure").find("figcaption").itertext())
expect("distribution written out", True,
       "Yếu 0 · Trung bình 2 · Khá 1 · Tốt 1 · Xuất sắc 0" in cap)
expect("no score hidden: pillars shown", "TC1",
       [th.text for th in bao.iter("th")][5])
