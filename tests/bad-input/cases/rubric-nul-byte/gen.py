# SPDX-License-Identifier: MIT
"""Writes @GEN@/rubric.xml: the minimal valid rubric with a NUL byte in its title, line 3,
after "  <title>Bộ chỉ" (15 characters, 18 bytes): column 16."""
import os, sys
good = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rubric-max-1e400", "rubric.xml"), encoding="utf-8").read()
good = good.replace('max="1e400"', 'max="3"')
lines = good.split("\n")
assert lines[2].startswith("  <title>Bộ chỉ ")
lines[2] = lines[2].replace("Bộ chỉ", "Bộ chỉ\0", 1)
with open(os.path.join(sys.argv[1], "rubric.xml"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines))
