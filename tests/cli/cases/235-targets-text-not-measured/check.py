# SPDX-License-Identifier: MIT
import sys
from checklib import *

text = open(sys.argv[1], encoding="utf-8").read()
blocks = {}
for part in text.split("\n\n")[1:]:
    head = part.split("\n", 1)[0]
    blocks[head.split(" — ")[0]] = part
for ind, target in [("self-financing", "Mục tiêu (target) 2030: 50%"),
                    ("remote-reach", "Mục tiêu (target) 2025: 30%")]:
    b = blocks.get(ind)
    if b is None:
        fail("no block for %s in:\n%s" % (ind, text))
    if target not in b or "not measured by the index" not in b:
        fail("%s block:\n%s" % (ind, b))
    if "Đạt (achieved)" in b:
        fail("%s is not measured, yet has an achieved share:\n%s" % (ind, b))
ess = blocks["essential-articles"]
if "Đạt (achieved): 1/3 = 33.33%\n" not in ess or "(met)" in ess:
    fail("essential-articles block:\n" + ess)
