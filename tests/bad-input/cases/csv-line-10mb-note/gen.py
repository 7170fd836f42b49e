# SPDX-License-Identifier: MIT
"""Writes @GEN@/answers.csv: a line of exactly 10 MiB (its note cell), then a normal line."""
import os, sys
MIB10 = 10 * 1024 * 1024
head, tail = "L1,1.1.1,có,x,".encode("utf-8"), b""
with open(os.path.join(sys.argv[1], "answers.csv"), "wb") as f:
    f.write(b"agency_id,criterion,answer,evidence,note\n")
    line = head + b"x" * (MIB10 - len(head) - len(tail)) + tail
    assert len(line) == MIB10
    f.write(line + b"\n")
    f.write(b"L1,2.1.3,domestic,x,\n")
