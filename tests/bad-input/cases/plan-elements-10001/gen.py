# SPDX-License-Identifier: MIT
"""Writes @GEN@/plan.xml: rubrics/plans/hai-phong.xml with 10,000 empty elements in its
<title> (line 6): element 10,001 of the file is the 9,999th of them."""
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
lines = open(os.path.join(here, "..", "..", "..", "..", "rubrics", "plans", "hai-phong.xml"), encoding="utf-8").read().split("\n")
assert lines[5].startswith("  <title>")
lines[5] = "  <title>" + "<x/>" * 10000 + "</title>"
with open(os.path.join(sys.argv[1], "plan.xml"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines))
