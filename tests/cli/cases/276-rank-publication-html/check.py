# SPDX-License-Identifier: MIT
import os
import xml.etree.ElementTree as ET
from checklib import *

# The page of case 270's list (levels and order worked out there by hand), read back
# as XML: the writer closes every element, so a strict parser reads it.
path = os.path.join(os.environ["PDX_TMP"], "danh-sach.html")
raw = open(path, "rb").read()
expect("doctype", b"<!DOCTYPE html>\n", raw[:16])
expect("no character references (UTF-8 as is)", False, b"&#" in raw)
root = ET.fromstring(raw.decode("utf-8").split("\n", 1)[1])
expect("lang", "vi", root.get("lang"))
expect("nothing fetched or run", [],
       [e.tag for e in root.iter() if e.tag in ("script", "link", "img", "iframe")]
       + [a for e in root.iter() for a in e.attrib if a in ("src", "href")])
notice = [p for p in root.iter("p") if p.get("class") == "notice"]
expect("provisional notice", True, len(notice) == 1 and "TẠM THỜI" in notice[0].text)
sections = list(root.iter("section"))
expect("headings", ["Khối (block): Báo địa phương — 7 cơ quan",
                    "Khối (block): Đài PT-TH — 1 cơ quan",
                    "Khối (block): Tạp chí — 1 cơ quan"],
       [s.find("h2").text for s in sections])
rows = [[td.text for td in tr.findall("td")] for tr in sections[0].iter("tr")
        if tr.find("td") is not None]
expect("Báo địa phương, in order", [
    ["1", "Báo Ánh Dương", "Hội Nhà báo Đắk Lắk", "Tốt", "Báo địa phương"],
    ["2", "Báo Bắc Ninh", "UBND tỉnh Bắc Ninh", "Tốt", "Báo địa phương"],
    ["3", "Báo Hà Nam", "UBND tỉnh Ninh Bình", "Tốt", "Báo địa phương"],
    ["4", "Báo Hàm Yên", "UBND tỉnh Tuyên Quang", "Tốt", "Báo địa phương"],
    ["5", "Báo Dân Tộc", "Ủy ban Dân tộc", "Yếu", "Báo địa phương"],
    ["6", "Báo Đà Nẵng", "Thành ủy Đà Nẵng", "Yếu", "Báo địa phương"],
    ["7", "Báo Êa Súp", "UBND huyện Ea Súp", "Yếu", "Báo địa phương"]], rows)
notes = [p.text for p in root.iter("p") if (p.get("class") or "").startswith("note ")]
expect("the note on what was left out",
       ['Không đưa vào danh sách 1 cơ quan có lỗi trong câu trả lời; xem "pressdx validate" '],
       notes)
