# SPDX-License-Identifier: MIT
import os
import xml.etree.ElementTree as ET
from checklib import *

# examples/EXPECTED.md: 2024 HP01 75.10 Khá, HP02 50.85 Trung bình; 2025 HP01 84.32 Tốt,
# HP02 57.50 Trung bình. HP03–HP05 are in the 2024 file only.
raw = open(os.path.join(os.environ["PDX_TMP"], "so-sanh.html"), "rb").read()
root = ET.fromstring(raw.decode("utf-8").split("\n", 1)[1])
expect("page kind", "diff", root.find("body").get("class"))
sections = root.find("body").find("main").findall("section")
seen = []
for s in sections:
    fig = {div.get("class"): div.find("dd").text for div in s.iter("div")
           if div.find("dd") is not None}
    seen.append([s.find("h2").text.split(" ")[0], fig["before_total"], fig["after_total"],
                 fig["before_level"], fig["after_level"]])
expect("pairs", [["HP01", "75.10", "84.32", "Khá", "Tốt"],
                 ["HP02", "50.85", "57.50", "Trung bình", "Trung bình"]], seen)
notes = ["".join(p.itertext()) for p in root.iter("p") if (p.get("class") or "") == "note"]
expect("the agencies of one side", True,
       any("Chỉ có ở tệp trước: HP03, HP04, HP05" in n for n in notes))
