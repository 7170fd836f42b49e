# SPDX-License-Identifier: MIT
import sys
from checklib import *

raw, doc = load_json(sys.argv[1])
got = {(g["key"]["year"], g["key"]["province"]): (g["count"], "%.2f" % D(g["mean"]))
       for g in doc["groups"]}
want = {
    # 2024, the 63-province map: Hải Dương is its own province
    (2024, "Hải Dương"): (1, "3.00"),                # H1 có
    (2024, "Hải Phòng"): (2, "1.50"),                # H2 có 3, H3 không 0
    # 2025, the 34-province map: H1's "Hải Dương" counts for Hải Phòng (warned)
    (2025, "Hải Phòng"): (2, "3.00"),                # H1, H2 có
    (2025, "Hai Phongg"): (1, "0.00"),               # unknown: kept as written (warned)
}
expect("groups (year, province) → (count, mean)", want, got)
