# SPDX-License-Identifier: MIT
import os
from checklib import *

# Worked by hand from tests/data/rubrics/good-minimal.xml (see notes.md).
HEAD = ("agency_id,agency_name,province,owner,block,year,total,level,level_name,"
        "pillar_1,pillar_2,errors\r\n")
want = {
    "HP_01-2025.csv": "HP/01,Báo A,Hải Phòng,UBND A,Báo địa phương,2025,8.00,2,Tốt,7.00,1.00,0\r\n",
    "HP_01-2025-2.csv": "HP 01,Báo B,Hải Phòng,UBND B,Báo địa phương,2025,1.50,1,Yếu,1.50,0.00,0\r\n",
    "B02-2024.csv": "B02,Tạp chí C,Huế,Hội C,Tạp chí,2024,7.00,2,Tốt,4.00,3.00,0\r\n",
    "B02-2025.csv": "B02,Tạp chí C,Huế,Hội C,Tạp chí,2025,7.60,2,Tốt,4.60,3.00,0\r\n",
}
folder = os.path.join(os.environ["PDX_TMP"], "bao-cao")
expect("files in the folder", sorted(want), sorted(os.listdir(folder)))
for name, row in want.items():
    got = open(os.path.join(folder, name), encoding="utf-8", newline="").read()
    expect(name, HEAD + row, got)
