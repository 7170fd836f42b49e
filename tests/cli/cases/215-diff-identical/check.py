# SPDX-License-Identifier: MIT
import sys
from checklib import *

text = open(sys.argv[1], encoding="utf-8").read()
expect("agencies without changes", 8, text.count("Không có thay đổi (no changes)"))
expect("deltas of 0.00", 8, text.count("(0.00)"))
for word in ["only before", "only after", "differences found"]:
    if word in text:
        fail("unexpected: " + word)
