#!/usr/bin/env python3
"""Runs one CLI test case of pressdx (a folder under tests/cli/cases/).

usage: run-case.py PRESSDX CASE_DIR [--data DIR] [--examples DIR] [--rubrics DIR]
                   [--root DIR]

A case folder holds the command and what it must produce; tests/cli/README.md
describes every file. In short:

  cmd                       one line: the arguments after `pressdx`, shell-like quoting
  stdin                     (optional) bytes fed to standard input (else it is empty)
  env                       (optional) KEY=VALUE lines to set, -KEY lines to unset
  expected-exit             the exit status (an integer); required
  expected-stdout           exact bytes of stdout
  expected-stdout-contains  each line must be a substring of stdout
  expected-stderr           exact bytes of stderr
  expected-stderr-contains  each line must be a substring of stderr
  expected-file-name        the one file the command must write in @TMP@ (nothing
                            else may be left there, nor beside @TMP@)
  expected-file             exact bytes of that file (without it, only its existence
                            is checked here; check.py may read it)
  check.py                  (optional) run as `python3 check.py STDOUT_FILE` afterwards,
                            in the case folder, with PDX_DATA, PDX_EXAMPLES, PDX_RUBRICS,
                            PDX_CASE, PDX_CASEREL, PDX_ROOT and PDX_TMP set and
                            tests/cli on PYTHONPATH (for checklib.py)
  notes.md                  how the expected numbers were worked out (not read here)

Placeholders, replaced in `cmd` (after splitting it into words), in `env` and in
the expected-* files: @DATA@ (tests/data), @EXAMPLES@, @RUBRICS@, @CASE@ (the case
folder, absolute), @CASEREL@ (the case folder relative to the repository root),
@ROOT@ (the repository root) and @TMP@ (a fresh empty directory per run).

The command runs with its working directory set to the repository root, so that
file names given as relative paths (examples/x.csv, @CASEREL@/in.csv) appear as
such, and stably, in messages. PRESSDX_RUBRIC_DIR is set to @RUBRICS@ so that the
rubric ids resolve to the source tree, not to an installed copy.

PRESSDX_TEST_WRAP, when set, is a command line the program runs under (CI sets it to
valgrind with --error-exitcode=99, so that a memory error fails the case even when the
expected exit status is met by chance).

Exit status: 0 pass, 1 fail (with a unified diff of every mismatch), 2 a broken case.
"""
import argparse
import difflib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

TIMEOUT = 120  # seconds; each case takes well under one, but CI runs them under valgrind


def visible(text):
    """Makes the characters a diff would hide visible: CR, BOM, other controls."""
    out = []
    for ch in text:
        if ch == "\r":
            out.append("\\r")
        elif ch == "\ufeff":
            out.append("<BOM>")
        elif ch in "\n\t" or ch >= " ":
            out.append(ch)
        else:
            out.append("\\x%02x" % ord(ch))
    return "".join(out)


def decode(data):
    return data.decode("utf-8", errors="backslashreplace")


def diff(name, expected, actual):
    exp = visible(decode(expected)).splitlines(keepends=True)
    act = visible(decode(actual)).splitlines(keepends=True)
    lines = list(difflib.unified_diff(exp, act, "expected " + name, "actual " + name))
    text = "".join(l if l.endswith("\n") else l + "\n\\ No newline at end\n" for l in lines)
    return text or "(%s differs only in bytes that cannot be shown)\n" % name


class Case:
    def __init__(self, args):
        self.dir = os.path.abspath(args.case)
        self.name = os.path.basename(self.dir.rstrip("/"))
        here = os.path.dirname(os.path.abspath(__file__))
        self.root = os.path.abspath(args.root or os.path.join(here, "..", ".."))
        self.subst = {
            "@DATA@": os.path.abspath(args.data or os.path.join(self.root, "tests", "data")),
            "@EXAMPLES@": os.path.abspath(args.examples or os.path.join(self.root, "examples")),
            "@RUBRICS@": os.path.abspath(args.rubrics or os.path.join(self.root, "rubrics")),
            "@CASEREL@": os.path.relpath(self.dir, self.root),
            "@CASE@": self.dir,
            "@ROOT@": self.root,
        }
        self.failures = []

    def path(self, name):
        return os.path.join(self.dir, name)

    def has(self, name):
        return os.path.isfile(self.path(name))

    def read(self, name):
        with open(self.path(name), "rb") as f:
            return f.read()

    def expand(self, text):
        # longest placeholder first, so that none can eat part of another
        for key in sorted(self.subst, key=len, reverse=True):
            text = text.replace(key, self.subst[key])
        return text

    def expected(self, name):
        """An expected-* file (UTF-8 text) with the placeholders replaced, as bytes."""
        return self.expand(self.read(name).decode("utf-8")).encode("utf-8")

    def fail(self, message):
        self.failures.append(message if message.endswith("\n") else message + "\n")

    def command(self):
        lines = [l for l in self.read("cmd").decode("utf-8").splitlines()
                 if l.strip() and not l.lstrip().startswith("#")]
        if len(lines) > 1:
            raise SystemExit("%s: cmd must hold one command line" % self.name)
        # an empty cmd (or one of comments only) runs pressdx without arguments
        return [self.expand(w) for w in shlex.split(lines[0])] if lines else []

    def environment(self):
        env = dict(os.environ)
        env["PRESSDX_RUBRIC_DIR"] = self.subst["@RUBRICS@"]
        env.setdefault("LC_ALL", "C.UTF-8")
        if self.has("env"):
            for line in self.read("env").decode("utf-8").splitlines():
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                if line.startswith("-"):
                    env.pop(line[1:], None)
                else:
                    key, _, value = line.partition("=")
                    env[key] = self.expand(value)
        return env

    def check_contains(self, stream, actual, name):
        text = decode(actual)
        for needle in self.expected(name).decode("utf-8").splitlines():
            if needle and needle not in text:
                self.fail("%s does not contain the line:\n  %s\n--- %s was:\n%s"
                          % (stream, visible(needle), stream, visible(text)))

    def check_stream(self, stream, actual):
        if self.has("expected-" + stream):
            expected = self.expected("expected-" + stream)
            if expected != actual:
                self.fail(diff(stream, expected, actual))
        if self.has("expected-%s-contains" % stream):
            self.check_contains(stream, actual, "expected-%s-contains" % stream)

    def check_tmp(self, outer, tmp):
        """@TMP@ holds the expected file and nothing else; nothing appears beside it."""
        beside = sorted(set(os.listdir(outer)) - {"tmp"})
        if beside:
            self.fail("files left beside @TMP@ (temporary files?): %s" % ", ".join(beside))
        left = []
        for base, dirs, files in os.walk(tmp):
            for f in files + [d + "/" for d in dirs]:
                left.append(os.path.relpath(os.path.join(base, f), tmp))
        want = None
        if self.has("expected-file") and not self.has("expected-file-name"):
            raise SystemExit("%s: expected-file needs expected-file-name" % self.name)
        if self.has("expected-file-name"):
            # expected-file-name alone: the file must exist (check.py reads it)
            want = self.read("expected-file-name").decode("utf-8").strip()
            target = os.path.join(tmp, want)
            if not os.path.isfile(target):
                self.fail("the command did not write @TMP@/%s" % want)
            elif self.has("expected-file"):
                with open(target, "rb") as f:
                    actual = f.read()
                expected = self.expected("expected-file")
                if expected != actual:
                    self.fail(diff(want, expected, actual))
        extra = sorted(f for f in left if f != want)
        if extra:
            self.fail("unexpected files left in @TMP@: %s" % ", ".join(extra))

    def run(self, pressdx):
        if not self.has("cmd") or not self.has("expected-exit"):
            raise SystemExit("%s: a case needs cmd and expected-exit" % self.name)
        outer = tempfile.mkdtemp(prefix="pressdx-cli-")
        try:
            tmp = os.path.join(outer, "tmp")
            os.mkdir(tmp)
            self.subst["@TMP@"] = tmp
            wrap = shlex.split(os.environ.get("PRESSDX_TEST_WRAP", ""))
            argv = wrap + [os.path.abspath(pressdx)] + self.command()
            stdin = self.read("stdin") if self.has("stdin") else b""
            try:
                proc = subprocess.run(argv, input=stdin, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, cwd=self.root,
                                      env=self.environment(), timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                self.fail("timed out after %d s" % TIMEOUT)
                return self.report(argv)
            want_exit = int(self.read("expected-exit").decode("utf-8").strip())
            if proc.returncode != want_exit:
                how = ("killed by signal %d" % -proc.returncode if proc.returncode < 0
                       else "exit %d" % proc.returncode)
                self.fail("exit status: expected %d, got %s\n--- stderr was:\n%s"
                          % (want_exit, how, visible(decode(proc.stderr))))
            self.check_stream("stdout", proc.stdout)
            self.check_stream("stderr", proc.stderr)
            self.check_tmp(outer, tmp)
            if self.has("check.py"):
                out_file = os.path.join(outer, "stdout")
                with open(out_file, "wb") as f:
                    f.write(proc.stdout)
                env = dict(os.environ)
                for key, value in self.subst.items():
                    env["PDX_" + key.strip("@")] = value
                # check.py can `from checklib import *` (tests/cli/checklib.py)
                here = os.path.dirname(os.path.abspath(__file__))
                env["PYTHONPATH"] = os.pathsep.join(
                    p for p in (here, env.get("PYTHONPATH")) if p)
                env["PYTHONDONTWRITEBYTECODE"] = "1"  # no __pycache__ in the source tree
                chk = subprocess.run([sys.executable, self.path("check.py"), out_file],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     cwd=self.dir, env=env, timeout=TIMEOUT)
                if chk.returncode != 0:
                    self.fail("check.py failed:\n" + decode(chk.stdout))
            return self.report(argv)
        finally:
            shutil.rmtree(outer, ignore_errors=True)

    def report(self, argv):
        shown = " ".join(shlex.quote(a) for a in argv)
        if not self.failures:
            print("PASS %s: %s" % (self.name, shown))
            return 0
        print("FAIL %s: %s" % (self.name, shown))
        for f in self.failures:
            sys.stdout.write(f)
        return 1


def main():
    ap = argparse.ArgumentParser(description="Runs one pressdx CLI test case.")
    ap.add_argument("pressdx", help="the pressdx executable")
    ap.add_argument("case", help="the case folder")
    ap.add_argument("--data", help="tests/data (for @DATA@)")
    ap.add_argument("--examples", help="examples/ (for @EXAMPLES@)")
    ap.add_argument("--rubrics", help="rubrics/ (for @RUBRICS@)")
    ap.add_argument("--root", help="repository root (the working directory)")
    args = ap.parse_args()
    try:
        return Case(args).run(args.pressdx)
    except SystemExit as e:
        if isinstance(e.code, str):
            print("BROKEN CASE " + e.code)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
