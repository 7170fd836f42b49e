# SPDX-License-Identifier: MIT
import os, sys, zipfile
from checklib import *

# a workbook (a ZIP file) whose first sheet is the answer sheet and whose cover is second
path = os.path.join(env("TMP"), "phieu.xlsx")
with zipfile.ZipFile(path) as z:
    book = z.read("xl/workbook.xml").decode("utf-8")
names = [part.split('"')[0] for part in book.split('<sheet name="')[1:]]
if names[:2] != ["Phiếu", "Hướng dẫn"]:
    sys.exit("sheets %s, want Phiếu then Hướng dẫn first" % names)
