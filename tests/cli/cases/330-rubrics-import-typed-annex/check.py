# SPDX-License-Identifier: MIT
import os, sys
import xml.etree.ElementTree as ET
from checklib import *

# The XML that `rubrics import` made from annex.csv, read back element by element: what
# the table's rows say (notes.md), nothing the program chose.
root = ET.parse(os.path.join(os.environ["PDX_TMP"], "annex.xml")).getroot()
expect("root", ("rubric", "test-annex-2026", "10", "official"),
       (root.tag, root.get("id"), root.get("total"), root.get("status")))
expect("decision", "1/QĐ-THU", root.findtext("decision"))
expect("years", ("2026", None), (root.find("years").get("from"), root.find("years").get("to")))
levels = [(l.get("number"), l.get("min"), l.get("above"), l.get("status"), l.findtext("name"))
          for l in root.find("levels")]
expect("levels", [("1", "0", None, "official", "Yếu"), ("2", "5", None, "official", "Khá"),
                  ("3", None, "8", "published", "Tốt")], levels)
crit = {}
for p in root.findall("pillar"):
    for c in p.findall("component"):
        for k in c.findall("criterion"):
            crit[k.get("id")] = (p.get("id"), c.get("id"), k.get("type"), k.get("max"),
                                 k.get("evidence"), k)
expect("criteria: pillar, component, type, max, evidence",
       {"1.1.1": ("1", "1.1", "yesno", "2", "true"), "1.1.2": ("1", "1.1", "percent", "2", "true"),
        "1.2.1": ("1", "1.2", "percent", "2", "false"), "2.1.1": ("2", "2.1", "choice", "4", "true")},
       {k: v[:5] for k, v in crit.items()})
expect("1.1.2 bands", [("80", None, "2"), ("50", None, "1")],
       [(b.get("ge"), b.get("gt"), b.get("points")) for b in crit["1.1.2"][5].find("bands")])
expect("1.2.1 linear", True, crit["1.2.1"][5].find("linear") is not None)
expect("2.1.1 options", [("none", "0", "chưa có"), ("domestic", "2", "nền tảng trong nước"),
                         ("multi", "4", "từ 2 nền tảng")],
       [(o.get("key"), o.get("points"), o.text) for o in crit["2.1.1"][5].findall("option")])
