# SPDX-License-Identifier: MIT
"""Writes @GEN@/rubric.xml: the minimal valid rubric, 100,000 attributes on its <title>,
in UTF-7, where "<" is written "+ADw-": a scan of the bytes for "<" would see no tag at
all, while libxml2 (through iconv) would read every one."""
import base64, os, sys
good = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rubric-max-1e400", "rubric.xml"), encoding="utf-8").read()
good = good.replace('max="1e400"', 'max="3"').replace('encoding="UTF-8"', 'encoding="UTF-7"')
decl, body = good.split("\n", 1)
body = body.replace("<title>", "<title" + "".join(' a%d="x"' % i for i in range(100000)) + ">", 1)

def utf7(ch):
    """One character in UTF-7: markup and non-ASCII characters base64-encoded."""
    if ch == "+":
        return "+-"
    if ord(ch) < 128 and ch not in '<>="/':
        return ch
    return "+" + base64.b64encode(ch.encode("utf-16-be")).decode().rstrip("=") + "-"

with open(os.path.join(sys.argv[1], "rubric.xml"), "w", encoding="ascii") as f:
    f.write(decl + "\n" + "".join(utf7(ch) for ch in body))
