import os
from checklib import *

with open(os.path.join(env("TMP"), "phieu.csv"), "rb") as f:
    check_template(f.read(), ("HP10", "", "", "", "", "", "2026"))
