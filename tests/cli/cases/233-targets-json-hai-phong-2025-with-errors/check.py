# SPDX-License-Identifier: MIT
import sys
from checklib import *


raw, doc = load_json(sys.argv[1])
expect("year", D(2025), doc["year"])
check_indicators(doc, [
    ("platforms", 2025, 70, 6, 4, "66.67", False, True, ["HP02", "HP05"]),
    ("ai-platform", 2025, 50, 6, 2, "33.33", False, True, ["HP01", "HP02", "HP05", "HP06"]),
    ("security-level3", 2025, 100, 5, 2, 40, False, True, ["HP02", "HP04", "HP06"]),
    ("convergent-newsroom", 2025, 50, 6, 2, "33.33", False, True, ["HP02", "HP04", "HP05", "HP06"]),
    ("staff-trained", 2025, 100, 6, 0, 0, False, True, ["HP01", "HP02", "HP03", "HP04", "HP05", "HP06"]),
    ("essential-articles", 2025, 100, 6, 5, "83.33", False, True, ["HP05"]),
    ("revenue-growth", 2025, 50, 6, 3, 50, True, True, ["HP02", "HP04", "HP05"]),
    ("self-financing", 2030, 50, 6, None, None, None, False, []),
])
