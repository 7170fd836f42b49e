# SPDX-License-Identifier: MIT
import os
import xml.etree.ElementTree as ET
from checklib import *

# examples/EXPECTED-2.md, "Summaries" (by hand): Tây Ninh 2025 3 agencies, mean 60.69,
# median 69.36, min 30.65, max 82.05, levels 1 0 1 1 0; Hải Phòng 2024 5 agencies,
# 63.34, 66.53, 38.83, 85.41, levels 1 1 2 1 0. Two years: a section each, newest first,
# and the year's "all" row equal to its only group.
raw = open(os.path.join(os.environ["PDX_TMP"], "tong-hop.html"), "rb").read()
root = ET.fromstring(raw.decode("utf-8").split("\n", 1)[1])
expect("page kind", "summary", root.find("body").get("class"))
expect("title", "Tổng hợp theo tỉnh/thành phố", root.find("body").find("header").find("h1").text)
sections = root.find("body").find("main").findall("section")
expect("sections", ["Năm 2025 — 1 nhóm", "Năm 2024 — 1 nhóm"], [s.find("h2").text for s in sections])
want = [
    [["Tây Ninh", "3", "60.69", "69.36", "30.65", "82.05"],
     ["Tất cả (all)", "3", "60.69", "69.36", "30.65", "82.05"]],
    [["Hải Phòng", "5", "63.34", "66.53", "38.83", "85.41"],
     ["Tất cả (all)", "5", "63.34", "66.53", "38.83", "85.41"]],
]
levels = ["Tây Ninh: Yếu 1 · Trung bình 0 · Khá 1 · Tốt 1 · Xuất sắc 0",
          "Hải Phòng: Yếu 1 · Trung bình 1 · Khá 2 · Tốt 1 · Xuất sắc 0"]
for i, sec in enumerate(sections):
    rows = [[td.text for td in tr.findall("td")][:6] for tr in sec.iter("tr")
            if tr.find("td") is not None]
    expect("section %d: group, count, mean, median, min, max" % i, want[i], rows)
    cap = "".join(sec.find("figure").find("figcaption").itertext())
    expect("section %d: agencies per level" % i, True, levels[i] in cap)
