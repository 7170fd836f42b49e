import sys
from checklib import *

with open(sys.argv[1], "rb") as f:
    check_template(f.read())
