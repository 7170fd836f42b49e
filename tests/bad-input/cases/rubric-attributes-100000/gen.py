# SPDX-License-Identifier: MIT
"""Writes @GEN@/rubric.xml: the minimal valid rubric with 100,000 attributes on its
<title> (line 3)."""
import os, sys
good = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rubric-max-1e400", "rubric.xml"), encoding="utf-8").read()
good = good.replace('max="1e400"', 'max="3"')
lines = good.split("\n")
assert lines[2].startswith("  <title>")
lines[2] = lines[2].replace("<title>", "<title" + "".join(' a%d="x"' % i for i in range(100000)) + ">")
with open(os.path.join(sys.argv[1], "rubric.xml"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines))
