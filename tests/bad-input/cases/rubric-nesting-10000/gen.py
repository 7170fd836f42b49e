# SPDX-License-Identifier: MIT
"""Writes @GEN@/rubric.xml: the minimal valid rubric with 10,000 nested elements on
line 4 (inside <source>)."""
import os, sys
good = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rubric-max-1e400", "rubric.xml"), encoding="utf-8").read()
good = good.replace('max="1e400"', 'max="3"')
n = 10000
deep = "  <source>" + "<x>" * n + "</x>" * n + "</source>"
lines = good.split("\n")
assert lines[2].strip().startswith("<title>")
lines.insert(3, deep)
with open(os.path.join(sys.argv[1], "rubric.xml"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines))
