# SPDX-License-Identifier: MIT
"""Writes @GEN@/plan.xml: rubrics/plans/hai-phong.xml with a NUL byte in its title, line 6,
after "  <title>Kế hoạch" (17 characters): column 18."""
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
lines = open(os.path.join(here, "..", "..", "..", "..", "rubrics", "plans", "hai-phong.xml"), encoding="utf-8").read().split("\n")
assert lines[5].startswith("  <title>Kế hoạch ")
lines[5] = lines[5].replace("Kế hoạch", "Kế hoạch\0", 1)
with open(os.path.join(sys.argv[1], "plan.xml"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines))
