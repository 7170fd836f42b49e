# SPDX-License-Identifier: MIT
"""Writes @GEN@/rubric.xml: a valid small rubric whose title is a "billion laughs"
entity (10 levels of 10 references: 10^10 "lol"s, 30 GB if expanded)."""
import os, sys
decl = '<?xml version="1.0" encoding="UTF-8"?>'
ents = ['  <!ENTITY lol0 "lol">'] + ['  <!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1)) * 10) for i in range(1, 11)]
body = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rubric-xxe", "rubric.xml"), encoding="utf-8").read()
body = body.split("\n", 2)[2].replace("&xxe;", "&lol10;")
with open(os.path.join(sys.argv[1], "rubric.xml"), "w", encoding="utf-8") as f:
    f.write(decl + "\n<!DOCTYPE rubric [\n" + "\n".join(ents) + "\n]>\n" + body)
