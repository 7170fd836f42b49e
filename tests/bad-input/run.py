#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs bad-input cases of pressdx (folders under tests/bad-input/cases/).

usage: run.py PRESSDX CASE_DIR... [--root DIR]

Each case folder holds its input file(s) and a `case` file of `key: value` lines
(README.md in this folder describes them). In short:

  # ...                    comment; the first comment lines say what the case proves
  cmd: ARGS                the arguments after `pressdx`, shell-like quoting; required
  exit: N                  the expected exit status; required
  stderr: LINE             one line of stderr, exactly (repeat the key, one per line).
                           stderr must consist of exactly the `stderr:` and
                           `stderr-prefix:` lines, in that order; no key = empty stderr
  stderr-prefix: TEXT      one line of stderr that starts with TEXT (for a line whose
                           tail is not ours to fix, such as a 10 MB value)
  stderr-max-bytes: N      stderr is at most N bytes long
  stdout: LINE             a line that must occur in stdout, exactly (any order)
  stdout-absent: TEXT      TEXT must not occur anywhere in stdout
  files: NAME...           the files the command must leave in @TMP@ (default: none,
                           so a run that must not write its -o file proves it)
  file-line: NAME :: LINE  a line that must occur in the file NAME of @TMP@
  generate: SCRIPT         run `python3 SCRIPT @GEN@` in the case folder first; the
                           big inputs are made at test time, never committed
  stdin: FILE              FILE (placeholders expanded; relative to the repository
                           root) is written to pressdx's standard input through a
                           pipe, as `cat FILE | pressdx ...` would; default: nothing
  listen: yes              @PORT@ is a TCP port on 127.0.0.1 that this driver listens
                           on; the case fails if pressdx connects to it (nothing may be
                           fetched). The generator sees it as $PDX_PORT.

Placeholders, replaced in cmd and in every expected line (after splitting cmd):
@CASE@ the case folder relative to the repository root (the working directory, so
that messages name files stably), @GEN@ the folder of generated inputs, @TMP@ an empty
folder for outputs, @EXAMPLES@ (examples), @RUBRICS@ (rubrics), @PORT@.

Every case runs with a timeout: 10 s (a hang is a failure). PRESSDX_TEST_WRAP, when set,
is a command prefix the program runs under (valgrind with --error-exitcode=99, as for
tests/cli); the timeout is then multiplied by PRESSDX_TEST_TIMEOUT_FACTOR (default 12).
A sanitizer build sets the factor alone (.ci/run: 4): a 10 MiB cell under AddressSanitizer
on a busy 2-core machine took 12 s.

Exit status: 0 every case passed, 1 some case failed, 2 a case folder is malformed.
"""
import argparse
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile

TIMEOUT = 10  # seconds, natively; every case takes well under one second
KEYS = {"cmd", "exit", "stderr", "stderr-prefix", "stderr-max-bytes", "stdout",
        "stdout-absent", "files", "file-line", "generate", "listen", "stdin"}


class Broken(Exception):
    pass


def visible(text):
    """Shows what a terminal would hide or obey: CR, ESC and other raw controls as
    <CR>, <0x1b>, a BOM as <BOM> (so that a raw ESC differs from the text "\\x1b")."""
    out = []
    for ch in text:
        if ch == "\r":
            out.append("<CR>")
        elif ch == "\ufeff":
            out.append("<BOM>")
        elif ch in "\n\t" or (ch >= " " and ch != "\x7f"):
            out.append(ch)
        else:
            out.append("<0x%02x>" % ord(ch))
    return "".join(out)


def shorten(text, limit=2000):
    if len(text) <= limit:
        return text
    return text[:limit] + "\n[... %d more characters ...]\n" % (len(text) - limit)


def decode(data):
    return data.decode("utf-8", errors="backslashreplace")


def read_spec(path):
    """The `case` file as a list of (key, value) in order."""
    spec = []
    with open(path, "rb") as f:
        text = f.read().decode("utf-8")
    for n, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or key not in KEYS:
            raise Broken("%s:%d: unknown line %r" % (path, n, line))
        # one space after the colon is the separator; the rest is the value, verbatim
        spec.append((key, value[1:] if value.startswith(" ") else value))
    return spec


class Case:
    def __init__(self, folder, root, pressdx):
        self.dir = os.path.abspath(folder)
        self.name = os.path.basename(self.dir.rstrip("/"))
        self.root = root
        self.pressdx = os.path.abspath(pressdx)
        self.spec = read_spec(os.path.join(self.dir, "case"))
        self.failures = []
        self.subst = {
            "@CASE@": os.path.relpath(self.dir, root),
            "@EXAMPLES@": "examples",
            "@RUBRICS@": "rubrics",
        }

    def values(self, key):
        return [v for k, v in self.spec if k == key]

    def one(self, key, default=None):
        vals = self.values(key)
        if len(vals) > 1:
            raise Broken("%s: `%s` given twice" % (self.name, key))
        return vals[0] if vals else default

    def expand(self, text):
        for key in sorted(self.subst, key=len, reverse=True):
            text = text.replace(key, self.subst[key])
        return text

    def fail(self, message):
        self.failures.append(message.rstrip("\n") + "\n")

    def check_stderr(self, err):
        text = decode(err)
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        elif text:
            self.fail("stderr does not end with a newline")
        want = [(k, self.expand(v)) for k, v in self.spec if k in ("stderr", "stderr-prefix")]
        ok = len(lines) == len(want)
        for (kind, exp), got in zip(want, lines):
            ok &= got == exp if kind == "stderr" else got.startswith(exp)
        if not ok:
            exp_text = "".join(("  " if k == "stderr" else "  (prefix) ") + visible(v) + "\n"
                               for k, v in want) or "  (nothing)\n"
            self.fail("stderr differs.\n--- expected stderr lines:\n%s--- actual stderr:\n%s"
                      % (exp_text, shorten(visible(text)) or "  (nothing)\n"))
        limit = self.one("stderr-max-bytes")
        if limit is not None and len(err) > int(limit):
            self.fail("stderr is %d bytes long, more than %s: a message must not echo a "
                      "whole oversized input" % (len(err), limit))

    def check_stdout(self, out):
        text = decode(out)
        lines = set(l.rstrip("\r") for l in text.split("\n"))
        for want in self.values("stdout"):
            want = self.expand(want)
            if want not in lines:
                self.fail("stdout lacks the line:\n  %s\n--- stdout was:\n%s"
                          % (visible(want), shorten(visible(text))))
        for bad in self.values("stdout-absent"):
            bad = self.expand(bad)
            if bad in text:
                self.fail("stdout contains what it must not:\n  %s\n--- stdout was:\n%s"
                          % (visible(bad), shorten(visible(text))))

    def check_tmp(self, outer, tmp):
        beside = sorted(set(os.listdir(outer)) - {"tmp", "gen"})
        if beside:
            self.fail("files left beside @TMP@: %s" % ", ".join(beside))
        left = sorted(os.path.relpath(os.path.join(b, f), tmp)
                      for b, ds, fs in os.walk(tmp) for f in fs + [d + "/" for d in ds])
        want = sorted(" ".join(self.values("files")).split())
        if left != want:
            self.fail("files in @TMP@ after the run: expected [%s], found [%s] (a rejected "
                      "run must write no output; a temporary file must not be left)"
                      % (", ".join(want), ", ".join(left)))
        for spec in self.values("file-line"):
            fname, sep, line = spec.partition(" :: ")
            if not sep:
                raise Broken("%s: file-line needs `NAME :: LINE`" % self.name)
            path = os.path.join(tmp, fname)
            if not os.path.isfile(path):
                continue  # already reported above
            with open(path, "rb") as f:
                content = decode(f.read())
            if self.expand(line) not in set(l.rstrip("\r") for l in content.split("\n")):
                self.fail("%s lacks the line:\n  %s\n--- it was:\n%s"
                          % (fname, visible(self.expand(line)), shorten(visible(content))))

    def run(self):
        for key in ("cmd", "exit"):
            if self.one(key) is None:
                raise Broken("%s: the case file needs `%s:`" % (self.name, key))
        outer = tempfile.mkdtemp(prefix="pressdx-bad-")
        listener = None
        try:
            tmp, gen = os.path.join(outer, "tmp"), os.path.join(outer, "gen")
            os.mkdir(tmp)
            os.mkdir(gen)
            self.subst["@TMP@"], self.subst["@GEN@"] = tmp, gen
            env = dict(os.environ)
            env["PRESSDX_RUBRIC_DIR"] = os.path.join(self.root, "rubrics")
            env["LC_ALL"] = "C.UTF-8"
            if (self.one("listen") or "").strip() == "yes":
                listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                listener.bind(("127.0.0.1", 0))
                listener.listen(8)
                listener.setblocking(False)
                self.subst["@PORT@"] = str(listener.getsockname()[1])
                env["PDX_PORT"] = self.subst["@PORT@"]
            script = self.one("generate")
            if script:
                g = subprocess.run([sys.executable, script, gen], cwd=self.dir, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   timeout=120)
                if g.returncode != 0:
                    raise Broken("%s: %s failed:\n%s" % (self.name, script, decode(g.stdout)))
            wrap = shlex.split(os.environ.get("PRESSDX_TEST_WRAP", ""))
            timeout = TIMEOUT
            factor = os.environ.get("PRESSDX_TEST_TIMEOUT_FACTOR")
            if wrap or factor:
                timeout *= float(factor or "12")
            argv = wrap + [self.pressdx] + [self.expand(w) for w in shlex.split(self.one("cmd"))]
            self.argv = argv
            feed = self.one("stdin")
            data = None
            if feed is not None:
                with open(os.path.join(self.root, self.expand(feed)), "rb") as f:
                    data = f.read()
            # its own process group, so that a timeout ends the wrapper and all it started
            child = subprocess.Popen(argv, stdin=subprocess.DEVNULL if data is None else
                                     subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=self.root, env=env,
                                     start_new_session=True)
            try:
                # a program that stops reading early closes the pipe: communicate()
                # then drops the rest of the input, as a shell pipeline would
                out, err = child.communicate(input=data, timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.communicate()
                self.fail("timed out after %g s: pressdx hangs (or is far too slow) on "
                          "this input" % timeout)
                return self.report()
            proc = subprocess.CompletedProcess(argv, child.returncode, out, err)
            want = int(self.one("exit"))
            if proc.returncode != want:
                how = ("killed by signal %d (a crash)" % -proc.returncode
                       if proc.returncode < 0 else "exit %d" % proc.returncode)
                if proc.returncode == 99 and wrap:
                    how += " (the wrapper's error exit: a memory error or a leak)"
                self.fail("exit status: expected %d, got %s" % (want, how))
            self.check_stderr(proc.stderr)
            self.check_stdout(proc.stdout)
            self.check_tmp(outer, tmp)
            if listener is not None:
                try:
                    conn, addr = listener.accept()
                    conn.close()
                    self.fail("pressdx connected to 127.0.0.1:%s: it tried to fetch "
                              "something named in the input" % self.subst["@PORT@"])
                except (BlockingIOError, InterruptedError):
                    pass
            return self.report()
        finally:
            if listener is not None:
                listener.close()
            shutil.rmtree(outer, ignore_errors=True)

    def report(self):
        shown = " ".join(shlex.quote(a) for a in self.argv)
        if not self.failures:
            print("PASS %s: %s" % (self.name, shown))
            return 0
        print("FAIL %s: %s" % (self.name, shown))
        for f in self.failures:
            sys.stdout.write(f)
        return 1


def main():
    ap = argparse.ArgumentParser(description="Runs pressdx bad-input cases.")
    ap.add_argument("pressdx", help="the pressdx executable")
    ap.add_argument("cases", nargs="+", help="case folders")
    ap.add_argument("--root", help="repository root (default: two levels above this file)")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(args.root or os.path.join(here, "..", ".."))
    status = 0
    for folder in args.cases:
        try:
            status = max(status, Case(folder, root, args.pressdx).run())
        except Broken as e:
            print("BROKEN CASE %s" % e)
            status = 2
    sys.stdout.flush()
    return status


if __name__ == "__main__":
    sys.exit(main())
