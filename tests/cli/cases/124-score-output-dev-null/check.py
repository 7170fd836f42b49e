# SPDX-License-Identifier: MIT
import os, stat
from checklib import *

st = os.lstat("/dev/null")
expect("/dev/null is a character device", True, stat.S_ISCHR(st.st_mode))
expect("/dev/null is still 1,3", (1, 3), (os.major(st.st_rdev), os.minor(st.st_rdev)))
