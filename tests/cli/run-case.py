#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
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
  setup                     (optional) what to prepare before the command, one action a
                            line (files, links, a FIFO, modes, the umask, where stdout
                            goes, running as nobody or on a read-only mount); see
                            SETUP_HELP below and README.md
  expected-tmp              (optional) every entry @TMP@ must hold afterwards, with its
                            type, mode, link target or "same bytes as"; nothing else
  expected-fifo             (optional) exact bytes the command wrote into the FIFO
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

Exit status: 0 pass, 1 fail (with a unified diff of every mismatch), 2 a broken case,
77 skipped (a case that needs root, to run as nobody or to mount, where it cannot).
"""
import argparse
import difflib
import os
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import threading

TIMEOUT = 120  # seconds; each case takes well under one, but CI runs them under valgrind
SKIP = 77  # meson's "skipped"

SETUP_HELP = """setup actions (paths relative to @TMP@ unless absolute; placeholders expanded):
  copy SRC NAME          copy the file SRC (e.g. @CASE@/in.csv) to NAME
  write NAME TEXT        a file holding TEXT and a line break
  mkdir NAME             a folder
  symlink TARGET NAME    NAME -> TARGET (TARGET kept as written)
  hardlink FILE NAME     a second name for FILE
  fifo NAME              a FIFO, read while the command runs (see expected-fifo)
  chmod MODE NAME        octal mode, e.g. 600
  umask MODE             the command's umask, e.g. 027
  stdin NAME             standard input from the file NAME (instead of `stdin`)
  stdout full|closed-pipe   stdout to /dev/full, or a pipe nobody reads (EPIPE)
  run-as nobody          run the command as nobody (needs root; else skipped)
  read-only NAME         NAME is a read-only mount (needs root and unshare; else skipped)"""


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


def hermetic_env():
    """The environment a case runs in: the caller's, but with the language of the
    expected files whatever the caller's locale says. pressdx reads LANGUAGE,
    LC_ALL, LC_MESSAGES and LANG (as gettext does, LANGUAGE first): a developer's
    LANGUAGE=en must not turn a case's Vietnamese into English. A case that tests the
    locale sets its own (its `env` file, or check.py)."""
    env = dict(os.environ)
    for key in [k for k in env if k == "LANGUAGE" or k == "LANG" or k.startswith("LC_")]:
        del env[key]
    env["LC_ALL"] = "C.UTF-8"
    env["PRESSDX_LANG"] = "both"
    return env


class Skip(Exception):
    """The case cannot run here (not root, no unshare)."""


class FifoReader:
    """Reads a FIFO in a thread while the command runs. A write end of our own is
    held open so that the reader sees end-of-file only after finish(), not when
    nobody has opened the FIFO yet (or when the command replaced it)."""

    def __init__(self, path):
        self.data = b""
        self.rfd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        self.wfd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        os.set_blocking(self.rfd, True)
        self.thread = threading.Thread(target=self.read, daemon=True)
        self.thread.start()

    def read(self):
        chunks = []
        while True:
            chunk = os.read(self.rfd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
        self.data = b"".join(chunks)

    def finish(self):
        os.close(self.wfd)
        self.thread.join(TIMEOUT)
        os.close(self.rfd)


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
            # for check.py only (PDX_PRESSDX): expected outputs never name the binary
            "@PRESSDX@": os.path.abspath(args.pressdx),
        }
        self.failures = []
        self.skipped = None

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
        env = hermetic_env()
        env["PRESSDX_RUBRIC_DIR"] = self.subst["@RUBRICS@"]
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
        allowed = set()
        if self.has("expected-tmp"):
            allowed = self.check_entries(tmp)
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
        extra = sorted(f for f in left if f != want and f not in allowed)
        if extra:
            self.fail("unexpected files left in @TMP@: %s" % ", ".join(extra))

    def setup(self, tmp):
        """Runs the `setup` actions in @TMP@; returns the run options they set."""
        opts = {"umask": None, "stdin": None, "stdout": None, "prefix": [], "fifo": None}
        if not self.has("setup"):
            return opts

        def at(name):
            return name if os.path.isabs(name) else os.path.join(tmp, name)

        for line in self.read("setup").decode("utf-8").splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            words = [self.expand(w) for w in shlex.split(line)]
            op, args = words[0], words[1:]
            want = {"copy": 2, "write": 2, "mkdir": 1, "symlink": 2, "hardlink": 2,
                    "fifo": 1, "chmod": 2, "umask": 1, "stdin": 1, "stdout": 1,
                    "run-as": 1, "read-only": 1}
            if op not in want or len(args) != want[op]:
                raise SystemExit("%s: bad setup line %r\n%s" % (self.name, line, SETUP_HELP))
            if op == "copy":
                shutil.copyfile(at(args[0]), at(args[1]))
            elif op == "write":
                with open(at(args[0]), "w", encoding="utf-8") as f:
                    f.write(args[1] + "\n")
            elif op == "mkdir":
                os.mkdir(at(args[0]))
            elif op == "symlink":
                os.symlink(args[0], at(args[1]))
            elif op == "hardlink":
                os.link(at(args[0]), at(args[1]))
            elif op == "fifo":
                os.mkfifo(at(args[0]))
                opts["fifo"] = at(args[0])
            elif op == "chmod":
                os.chmod(at(args[1]), int(args[0], 8))
            elif op == "umask":
                opts["umask"] = int(args[0], 8)
            elif op == "stdin":
                opts["stdin"] = at(args[0])
            elif op == "stdout":
                if args[0] not in ("full", "closed-pipe"):
                    raise SystemExit("%s: stdout full|closed-pipe" % self.name)
                opts["stdout"] = args[0]
            elif op == "run-as":
                if args[0] != "nobody":
                    raise SystemExit("%s: only run-as nobody" % self.name)
                if os.geteuid() != 0 or not shutil.which("setpriv"):
                    raise Skip("needs root and setpriv to run as nobody")
                # nobody must reach @TMP@ (mkdtemp makes it 0700)
                os.chmod(tmp, 0o777)
                os.chmod(os.path.dirname(tmp), 0o755)
                opts["prefix"] += ["setpriv", "--reuid=65534", "--regid=65534",
                                   "--clear-groups"]
            elif op == "read-only":
                if os.geteuid() != 0 or not shutil.which("unshare"):
                    raise Skip("needs root and unshare for a read-only mount")
                os.mkdir(at(args[0]))
                probe = subprocess.run(["unshare", "-m", "true"], stderr=subprocess.DEVNULL)
                if probe.returncode != 0:
                    raise Skip("unshare -m is not allowed here")
                opts["prefix"] = ["unshare", "-m", "sh", "-c",
                                  'mount -t tmpfs -o ro tmpfs "$0" && exec "$@"',
                                  at(args[0])] + opts["prefix"]
        return opts

    def check_entries(self, tmp):
        """Each line of expected-tmp: NAME TYPE [mode=OCTAL] [same=PATH] [target=TEXT],
        TYPE one of file, dir, symlink, fifo. Returns the names that may be in
        @TMP@."""
        names = set()
        for line in self.expected("expected-tmp").decode("utf-8").splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            words = shlex.split(line)
            name, kind, attrs = words[0], words[1], dict(w.split("=", 1) for w in words[2:])
            path = os.path.join(tmp, name)
            names.add(name)
            try:
                st = os.lstat(path)
            except FileNotFoundError:
                self.fail("@TMP@/%s does not exist (expected a %s)" % (name, kind))
                continue
            test = {"file": stat.S_ISREG, "dir": stat.S_ISDIR, "symlink": stat.S_ISLNK,
                    "fifo": stat.S_ISFIFO}[kind]
            if not test(st.st_mode):
                self.fail("@TMP@/%s is not a %s (mode %o)" % (name, kind, st.st_mode))
                continue
            if "mode" in attrs and stat.S_IMODE(st.st_mode) != int(attrs["mode"], 8):
                self.fail("@TMP@/%s has mode %04o, expected %s"
                          % (name, stat.S_IMODE(st.st_mode), attrs["mode"]))
            if "target" in attrs and os.readlink(path) != attrs["target"]:
                self.fail("@TMP@/%s points to %r, expected %r"
                          % (name, os.readlink(path), attrs["target"]))
            if "same" in attrs:
                with open(path, "rb") as f, open(attrs["same"], "rb") as g:
                    if f.read() != g.read():
                        self.fail("@TMP@/%s is not byte-identical to %s"
                                  % (name, attrs["same"]))
        return names

    def run(self, pressdx):
        if not self.has("cmd") or not self.has("expected-exit"):
            raise SystemExit("%s: a case needs cmd and expected-exit" % self.name)
        outer = tempfile.mkdtemp(prefix="pressdx-cli-")
        try:
            tmp = os.path.join(outer, "tmp")
            os.mkdir(tmp)
            self.subst["@TMP@"] = tmp
            opts = self.setup(tmp)
            wrap = shlex.split(os.environ.get("PRESSDX_TEST_WRAP", ""))
            argv = opts["prefix"] + wrap + [os.path.abspath(pressdx)] + self.command()
            stdin = self.read("stdin") if self.has("stdin") else b""
            reader = FifoReader(opts["fifo"]) if opts["fifo"] else None
            proc = self.execute(argv, stdin, opts)
            if reader:
                reader.finish()
            if proc is None:
                return self.report(argv)
            want_exit = int(self.read("expected-exit").decode("utf-8").strip())
            if proc.returncode != want_exit:
                how = ("killed by signal %d" % -proc.returncode if proc.returncode < 0
                       else "exit %d" % proc.returncode)
                self.fail("exit status: expected %d, got %s\n--- stderr was:\n%s"
                          % (want_exit, how, visible(decode(proc.stderr))))
            self.check_stream("stdout", proc.stdout)
            self.check_stream("stderr", proc.stderr)
            if self.has("expected-fifo"):
                expected = self.expected("expected-fifo")
                if expected != reader.data:
                    self.fail(diff("FIFO", expected, reader.data))
            self.check_tmp(outer, tmp)
            if self.has("check.py"):
                out_file = os.path.join(outer, "stdout")
                with open(out_file, "wb") as f:
                    f.write(proc.stdout)
                env = hermetic_env()
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

    def execute(self, argv, stdin, opts):
        """Runs the command; stdout captured, or sent where `setup` said (then it
        reads as empty). Returns the CompletedProcess, or None after a timeout."""
        out, closed, pipe_fd = subprocess.PIPE, [], None
        if opts["stdout"] == "full":
            out = open("/dev/full", "wb")
            closed.append(out)
        elif opts["stdout"] == "closed-pipe":
            r, w = os.pipe()
            os.close(r)  # nobody reads: the first write fails with EPIPE
            out = pipe_fd = w
        stdin_file = open(opts["stdin"], "rb") if opts["stdin"] else None
        try:
            proc = subprocess.run(argv, input=None if stdin_file else stdin,
                                  stdin=stdin_file, stdout=out, stderr=subprocess.PIPE,
                                  cwd=self.root, env=self.environment(), timeout=TIMEOUT,
                                  umask=-1 if opts["umask"] is None else opts["umask"])
        except subprocess.TimeoutExpired:
            self.fail("timed out after %d s" % TIMEOUT)
            return None
        finally:
            for f in closed:
                f.close()
            if pipe_fd is not None:
                os.close(pipe_fd)
            if stdin_file:
                stdin_file.close()
        if proc.stdout is None:
            proc.stdout = b""
        return proc

    def report(self, argv):
        if self.skipped:
            print("SKIP %s: %s" % (self.name, self.skipped))
            return SKIP
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
    case = Case(args)
    try:
        return case.run(args.pressdx)
    except Skip as e:
        case.skipped = str(e)
        return case.report([args.pressdx])
    except SystemExit as e:
        if isinstance(e.code, str):
            print("BROKEN CASE " + e.code)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
