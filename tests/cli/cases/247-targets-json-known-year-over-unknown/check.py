# SPDX-License-Identifier: MIT
import sys
from checklib import *


raw, doc = load_json(sys.argv[1])
expect("agencies in scope", D(1), doc["agencies_in_scope"])
expect("year", D(2025), doc["year"])
check_indicators(doc, [
    ("platforms", 2025, 50, 1, 1, 100, True, True, []),
    ("ai-platform", 2025, 50, 1, 0, 0, False, True, ["M9"]),
    ("convergent-newsroom", 2025, 50, 1, 0, 0, False, True, ["M9"]),
    ("security-level3", 2025, 100, 1, 0, 0, False, True, ["M9"]),
])
