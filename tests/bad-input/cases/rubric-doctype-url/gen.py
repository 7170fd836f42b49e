# SPDX-License-Identifier: MIT
"""Writes @GEN@/rubric.xml: the minimal valid rubric with a DOCTYPE whose external DTD
is at http://127.0.0.1:$PDX_PORT/ (a port the test driver listens on: any fetch is seen)."""
import os, sys
good = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rubric-max-1e400", "rubric.xml"), encoding="utf-8").read()
good = good.replace('max="1e400"', 'max="3"')
decl, rest = good.split("\n", 1)
url = "http://127.0.0.1:%s/rubric.dtd" % os.environ["PDX_PORT"]
with open(os.path.join(sys.argv[1], "rubric.xml"), "w", encoding="utf-8") as f:
    f.write(decl + "\n" + '<!DOCTYPE rubric SYSTEM "%s">' % url + "\n" + rest)
