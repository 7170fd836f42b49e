#!/usr/bin/env python3
"""Outputs are atomic: a pressdx killed at any moment while scoring and writing -o
leaves either no output file or a complete one, and nothing else in the folder.

    atomic.py PRESSDX

The input is large enough (2,000 agencies) that the writing itself takes time; the
process is killed with SIGKILL at delays spread over its whole run, 30 times."""
import os
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402


def main():
    pressdx = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "in.csv")
        sys.argv = ["gen", src, "2000"]
        gen.main()
        outdir = os.path.join(tmp, "out")
        os.mkdir(outdir)
        out = os.path.join(outdir, "report.json")
        # the complete output, for comparison
        t0 = time.monotonic()
        subprocess.run([pressdx, "score", "--format", "json", "-o", out, src], check=True,
                       stderr=subprocess.DEVNULL)
        full_time = time.monotonic() - t0
        complete = open(out, "rb").read()
        os.unlink(out)
        killed_before, killed_after = 0, 0
        for i in range(30):
            delay = full_time * (i + 0.5) / 30
            p = subprocess.Popen([pressdx, "score", "--format", "json", "-o", out, src],
                                 stderr=subprocess.DEVNULL)
            time.sleep(delay)
            p.send_signal(signal.SIGKILL)
            p.wait()
            left = sorted(os.listdir(outdir))
            if left not in ([], ["report.json"]):
                print("FAIL: after a kill at %.3f s the folder holds %r" % (delay, left))
                sys.exit(1)
            if left:
                if open(out, "rb").read() != complete:
                    print("FAIL: a partial report.json after a kill at %.3f s" % delay)
                    sys.exit(1)
                os.unlink(out)
                killed_after += 1
            else:
                killed_before += 1
        print("ok: 30 kills over %.2f s: %d left no file, %d a complete one, none a partial one"
              % (full_time, killed_before, killed_after))


if __name__ == "__main__":
    main()
