#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Outputs are atomic: a pressdx killed at any instant while writing -o leaves, in the
target's folder, the old file or the complete new one and nothing else a user would
see; a hidden temporary may be left only where the next run removes it.

    atomic.py PRESSDX PRESSDX_HOOKS PRESSDX_HOOKS_NAMED

PRESSDX is the program as built. The two others are test builds (tests/limits/
meson.build) whose io.c stops itself (SIGSTOP) at the step named by
$PDX_TEST_OUTPUT_PAUSE — created, writing, written, synced, linked (between linkat and
rename), renamed — one with O_TMPFILE, one without it (named temporaries from the
start). The test:

1. kills each test build at each step, with an old report in place: while stopped
   and after SIGKILL the visible names are exactly the report, holding the old bytes
   before the rename and the new ones after; the next normal run leaves only the
   complete report (the stale hidden temporary removed);
2. does the same for `template` (no clobber: linked into place), where the target
   does not exist before;
3. checks that a run does not remove the temporary of a writer that is alive (stopped
   at a step) and that this writer then completes;
4. kills the program as built at 30 delays spread over a run (2,000 agencies, so that
   writing takes time): 15 with no file before, 15 onto an old report.

Steps 1–3 use 50 agencies (a JSON report larger than the writer's 64 KiB buffer, so
that "writing" is a step of its own): they are deterministic and need no size.
"""
import os
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402

STEPS = ["created", "writing", "written", "synced", "linked", "renamed"]
OLD = b'{"old": "an earlier report"}\n'


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def visible(folder):
    return sorted(n for n in os.listdir(folder) if not n.startswith("."))


def hidden(folder):
    return sorted(n for n in os.listdir(folder) if n.startswith("."))


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def env_for(step=None):
    env = dict(os.environ)
    env.pop("PDX_TEST_OUTPUT_PAUSE", None)
    if step:
        env["PDX_TEST_OUTPUT_PAUSE"] = step
    return env


def stop_at(argv, step):
    """Starts argv paused at `step`; returns the process once it has stopped, or None
    if it ended without reaching that step."""
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         env=env_for(step))
    _, status = os.waitpid(p.pid, os.WUNTRACED)
    if os.WIFSTOPPED(status):
        return p
    p.returncode = os.waitstatus_to_exitcode(status)
    return None


def kill(p):
    p.send_signal(signal.SIGKILL)
    p.wait()


def check_folder(folder, name, want, when):
    """The folder shows exactly `name` holding `want` (None: nothing visible), and any
    hidden entry is one of our temporaries."""
    vis = visible(folder)
    if want is None:
        if vis:
            fail("%s: the folder shows %r, expected nothing" % (when, vis))
    else:
        if vis != [name]:
            fail("%s: the folder shows %r, expected [%r]" % (when, vis, name))
        if read(os.path.join(folder, name)) != want:
            fail("%s: %s holds neither the old nor the new report as expected" % (when, name))
    for h in hidden(folder):
        if not (h.startswith(".pressdx-") and h.endswith(".tmp")):
            fail("%s: unexpected hidden entry %r" % (when, h))


def score_steps(build, label, src, folder, complete):
    out = os.path.join(folder, "report.json")
    argv = [build, "score", "--format", "json", "-o", out, src]
    for step in STEPS:
        write(out, OLD)
        p = stop_at(argv, step)
        if p is None:
            fail("%s: score never reached the step %r" % (label, step))
        want = complete if step == "renamed" else OLD
        check_folder(folder, "report.json", want, "%s stopped at %s" % (label, step))
        kill(p)
        check_folder(folder, "report.json", want, "%s killed at %s" % (label, step))
        left = hidden(folder)
        # the next run removes what the killed one left, and writes a complete report
        subprocess.run(argv, check=True, stderr=subprocess.DEVNULL, env=env_for())
        if os.listdir(folder) != ["report.json"] or read(out) != complete:
            fail("%s: after a kill at %s (leaving %r) the next run left %r"
                 % (label, step, left, sorted(os.listdir(folder))))
    os.unlink(out)


def template_steps(build, label, folder, complete):
    out = os.path.join(folder, "phieu.csv")
    argv = [build, "template", "--agency-id", "HP10", "--year", "2026", "-o", out]
    for step in ["created", "written", "synced", "linked", "renamed"]:
        p = stop_at(argv, step)
        if p is None:
            if step == "renamed":
                continue  # no rename with no clobber: the link puts it in place
            fail("%s: template never reached the step %r" % (label, step))
        want = complete if step in ("linked", "renamed") else None
        check_folder(folder, "phieu.csv", want, "%s template stopped at %s" % (label, step))
        kill(p)
        check_folder(folder, "phieu.csv", want, "%s template killed at %s" % (label, step))
        if want is not None:
            # the questionnaire exists: the next template refuses it (exit 2), and
            # even so tidies the folder
            r = subprocess.run(argv, stderr=subprocess.DEVNULL, env=env_for())
            if r.returncode != 2:
                fail("%s: template onto the existing file exited %d" % (label, r.returncode))
            os.unlink(out)
        # a run that writes removes any stale temporary
        subprocess.run(argv, check=True, stderr=subprocess.DEVNULL, env=env_for())
        if os.listdir(folder) != ["phieu.csv"] or read(out) != complete:
            fail("%s: after a template kill at %s the next run left %r"
                 % (label, step, sorted(os.listdir(folder))))
        os.unlink(out)


def live_writer_kept(build, label, src, folder, complete):
    """A run must not remove the temporary of a writer that is only slow."""
    a = os.path.join(folder, "a.json")
    b = os.path.join(folder, "b.json")
    argv = [build, "score", "--format", "json", "-o", a, src]
    p = stop_at(argv, "written")
    if p is None:
        fail("%s: never reached 'written'" % label)
    before = hidden(folder)
    subprocess.run([build, "score", "--format", "json", "-o", b, src], check=True,
                   stderr=subprocess.DEVNULL, env=env_for())
    if hidden(folder) != before:
        fail("%s: another run removed a live writer's temporary (%r → %r)"
             % (label, before, hidden(folder)))
    p.send_signal(signal.SIGCONT)
    if p.wait() != 0:
        fail("%s: the paused writer failed after it was continued" % label)
    if sorted(os.listdir(folder)) != ["a.json", "b.json"] or read(a) != complete:
        fail("%s: after both runs the folder holds %r" % (label, sorted(os.listdir(folder))))
    os.unlink(a)
    os.unlink(b)


def timed_kills(pressdx, src, folder, complete, full_time, with_old, n=15):
    out = os.path.join(folder, "report.json")
    argv = [pressdx, "score", "--format", "json", "-o", out, src]
    counts = {"old": 0, "new": 0, "none": 0}
    for i in range(n):
        if with_old:
            write(out, OLD)
        # spread over the run, the two series shifted by half a step
        delay = full_time * (i + (0.75 if with_old else 0.25)) / n
        p = subprocess.Popen(argv, stderr=subprocess.DEVNULL, env=env_for())
        time.sleep(delay)
        kill(p)
        vis = visible(folder)
        if vis == []:
            if with_old:
                fail("the old report vanished after a kill at %.3f s" % delay)
            counts["none"] += 1
        elif vis == ["report.json"]:
            data = read(out)
            if data == complete:
                counts["new"] += 1
            elif with_old and data == OLD:
                counts["old"] += 1
            else:
                fail("a partial report.json after a kill at %.3f s" % delay)
        else:
            fail("after a kill at %.3f s the folder shows %r" % (delay, vis))
        check_folder(folder, "report.json", read(out) if vis else None, "kill at %.3f s" % delay)
        if os.path.exists(out):
            os.unlink(out)
    subprocess.run(argv, check=True, stderr=subprocess.DEVNULL, env=env_for())
    if os.listdir(folder) != ["report.json"]:
        fail("after the timed kills a normal run left %r" % sorted(os.listdir(folder)))
    os.unlink(out)
    return counts


def main():
    pressdx, hooks, named = (os.path.abspath(a) for a in sys.argv[1:4])
    with tempfile.TemporaryDirectory() as tmp:
        small, src = os.path.join(tmp, "small.csv"), os.path.join(tmp, "in.csv")
        for path, n in ((small, "50"), (src, "2000")):
            sys.argv = ["gen", path, n]
            gen.main()
        folder = os.path.join(tmp, "out")
        os.mkdir(folder)
        ref = os.path.join(tmp, "ref.json")
        subprocess.run([pressdx, "score", "--format", "json", "-o", ref, small], check=True,
                       stderr=subprocess.DEVNULL)
        small_complete = read(ref)
        if len(small_complete) <= 65536:
            fail("the small report (%d bytes) must exceed the writer's buffer"
                 % len(small_complete))
        t0 = time.monotonic()
        subprocess.run([pressdx, "score", "--format", "json", "-o", ref, src], check=True,
                       stderr=subprocess.DEVNULL)
        full_time = time.monotonic() - t0
        complete = read(ref)
        subprocess.run([pressdx, "template", "--agency-id", "HP10", "--year", "2026", "-o",
                        os.path.join(tmp, "ref.csv")], check=True)
        template = read(os.path.join(tmp, "ref.csv"))

        for build, label in ((hooks, "O_TMPFILE"), (named, "named temporary")):
            score_steps(build, label, small, folder, small_complete)
            template_steps(build, label, folder, template)
            live_writer_kept(build, label, small, folder, small_complete)
        print("ok: killed at each of %s, with and without O_TMPFILE: the folder showed the "
              "old or the new file only; the next run removed what was left; a live "
              "writer's temporary was kept" % ", ".join(STEPS))
        for with_old in (False, True):
            c = timed_kills(pressdx, src, folder, complete, full_time, with_old)
            print("ok: 15 kills over %.2f s%s: %d left no file, %d the old one, %d the "
                  "complete one, none a partial one"
                  % (full_time, " onto an old report" if with_old else "", c["none"],
                     c["old"], c["new"]))


if __name__ == "__main__":
    main()
