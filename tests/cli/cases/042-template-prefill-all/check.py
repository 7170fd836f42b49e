import sys
from checklib import *

with open(sys.argv[1], "rb") as f:
    check_template(f.read(), ("HP09", "Báo Mẫu Mới", "Hải Phòng", "UBND thành phố Hải Phòng",
                              "Báo địa phương", "in|dien-tu", "2025"))
