# SPDX-License-Identifier: MIT
import sys
from checklib import *

text = open(sys.argv[1], encoding="utf-8").read()
def row(label):
    for line in text.splitlines():
        if line.startswith("  " + label + " "):
            return line[len(label) + 2:].split()
    fail("no row %r in:\n%s" % (label, text))
expect("all row", ["8", "8.38", "8.50", "3.00", "12.00", "8", "0", "0", "0", "0",
                   "16.7", "9.9", "3.8", "6.0", "5.8"], row("Tất cả (all)"))
expect("dien-tu row", ["4", "9.75", "10.00", "8.00", "11.00", "4", "0", "0", "0", "0",
                       "16.7", "14.6", "5.0", "3.3", "10.0"], row("dien-tu"))
