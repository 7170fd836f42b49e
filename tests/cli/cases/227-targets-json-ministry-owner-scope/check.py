# SPDX-License-Identifier: MIT
import sys
from checklib import *


raw, doc = load_json(sys.argv[1])
expect("plan id", "test-ministry", doc["plan"]["id"])
check_indicators(doc, [
    ("platforms", 2025, 50, 2, 1, 50, True, True, ["M2"]),
    ("ai-platform", 2025, 50, 2, 0, 0, False, True, ["M1", "M2"]),
    ("convergent-newsroom", 2025, 50, 2, 1, 50, True, True, ["M2"]),
    ("security-level3", 2025, 100, 2, 2, 100, True, True, []),
])
