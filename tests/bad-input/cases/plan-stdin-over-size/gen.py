# SPDX-License-Identifier: MIT
"""Writes @GEN@/plan.xml: rubrics/plans/hai-phong.xml followed by a comment that brings it
to 5 MiB, over the 4 MiB limit of a plan."""
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
good = open(os.path.join(here, "..", "..", "..", "..", "rubrics", "plans", "hai-phong.xml"), "rb").read()
pad = (5 << 20) - len(good) - len(b"<!--\n-->\n")
with open(os.path.join(sys.argv[1], "plan.xml"), "wb") as f:
    f.write(good + b"<!--" + (b"x" * 99 + b"\n") * (pad // 100) + b"x" * (pad % 100) + b"\n-->\n")
