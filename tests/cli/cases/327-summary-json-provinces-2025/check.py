# SPDX-License-Identifier: MIT
import sys
from checklib import *

# --provinces 2025: 2024's Hải Dương and Long An agencies are grouped under Hải Phòng and
# Tây Ninh, the units they are part of since the 2025 arrangement (Nghị quyết
# 202/2025/QH15); 1.1.1 and 1.1.2 are yes/no, 3 points each.
raw, doc = load_json(sys.argv[1])
got = {(g["key"]["year"], g["key"]["province"]): (g["count"], "%.2f" % D(g["mean"]))
       for g in doc["groups"]}
want = {
    # 2024: H1 (Hải Dương) 6.00 + H2 (TP. Hải Phòng) 3.00 → 2, mean 4.50
    (2024, "Hải Phòng"): (2, "4.50"),
    # 2024: L1 (long an) 0.00 + T1 (Tây Ninh) 6.00 → 2, mean 3.00
    (2024, "Tây Ninh"): (2, "3.00"),
    # 2025: H1 6.00 + H2 6.00; L1 3.00
    (2025, "Hải Phòng"): (2, "6.00"),
    (2025, "Tây Ninh"): (1, "3.00"),
}
expect("groups (year, province) → (count, mean)", want, got)
