# SPDX-License-Identifier: MIT
"""Writes @GEN@/plan.xml: rubrics/plans/hai-phong.xml with 10,000 nested elements in its
<title> (line 6)."""
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
lines = open(os.path.join(here, "..", "..", "..", "..", "rubrics", "plans", "hai-phong.xml"), encoding="utf-8").read().split("\n")
assert lines[5].startswith("  <title>")
lines[5] = "  <title>" + "<x>" * 10000 + "</x>" * 10000 + "</title>"
with open(os.path.join(sys.argv[1], "plan.xml"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines))
