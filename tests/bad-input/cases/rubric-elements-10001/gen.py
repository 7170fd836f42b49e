# SPDX-License-Identifier: MIT
"""Writes @GEN@/rubric.xml: the minimal valid rubric with 10,000 empty elements inside
a <source> on line 4 (element 10,001 of the file is the 9,998th of them)."""
import os, sys
good = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rubric-max-1e400", "rubric.xml"), encoding="utf-8").read()
good = good.replace('max="1e400"', 'max="3"')
lines = good.split("\n")
assert lines[2].startswith("  <title>")
lines.insert(3, "  <source>" + "<x/>" * 10000 + "</source>")
with open(os.path.join(sys.argv[1], "rubric.xml"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines))
