#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The library's exports are a decision: the dynamic symbols libpressdx.so defines must
be exactly the committed list (tests/api/libpressdx.symbols), and the version the headers
state (pressdx/version.h) must be the project's (meson.build).

    check-symbols.py NM LIBRARY SYMBOLS_FILE VERSION_H PROJECT_VERSION [--update]
                     [--debian DEBIAN_SYMBOLS]

An addition fails as surely as a removal: a new PDX_EXTERN function is added to the list
on purpose (--update rewrites it), and the README says which changes bump the soname.
"""
import re
import subprocess
import sys

# what the linker defines in every shared object: not ours
LINKER = {"__bss_start", "_edata", "_end", "_init", "_fini"}


def exported(nm, lib):
    out = subprocess.run([nm, "-D", "--defined-only", "--format=posix", lib],
                         check=True, capture_output=True, text=True).stdout
    names = set()
    for line in out.splitlines():
        parts = line.split()
        # (names in the implementation's namespace, such as a sanitizer's "__odr_asan"
        # indicators, are the compiler's, not the API)
        if len(parts) >= 2 and parts[0] not in LINKER and not parts[0].startswith("__"):
            names.add(parts[0].split("@")[0])
    return names


def header_version(path):
    text = open(path, encoding="utf-8").read()
    got = {}
    for key in ("MAJOR", "MINOR", "PATCH"):
        m = re.search(r"#define PDX_VERSION_%s\s+(\d+)" % key, text)
        got[key] = m.group(1) if m else None
    m = re.search(r'#define PDX_VERSION_STRING\s+"([^"]*)"', text)
    got["STRING"] = m.group(1) if m else None
    return got


def main(argv):
    if len(argv) < 6:
        print(__doc__, file=sys.stderr)
        return 2
    nm, lib, listed_path, version_h, project_version = argv[1:6]
    update = "--update" in argv[6:]
    debian = argv[argv.index("--debian") + 1] if "--debian" in argv[6:] else None
    failed = False

    have = exported(nm, lib)
    if update:
        with open(listed_path, "w", encoding="utf-8") as f:
            f.write("".join(n + "\n" for n in sorted(have)))
        print("%s: %d symbols written" % (listed_path, len(have)))
        if debian:
            # a symbol keeps the version it first appeared in; a new one gets this one
            since = {}
            for l in open(debian, encoding="utf-8"):
                if l.startswith(" ") and l.strip():
                    since[l.split()[0].split("@")[0]] = l.split()[1]
            with open(debian, "w", encoding="utf-8") as f:
                f.write("libpressdx.so.0 libpressdx0 #MINVER#\n")
                f.write("* Build-Depends-Package: libpressdx-dev\n")
                f.write("".join(" %s@Base %s\n" % (n, since.get(n, project_version))
                                for n in sorted(have)))
            print("%s: written" % debian)
        return 0
    listed = {l.strip() for l in open(listed_path, encoding="utf-8") if l.strip()}
    for name in sorted(have - listed):
        print("exported but not in %s: %s (mark it PDX_EXTERN on purpose and add it, "
              "or keep it internal)" % (listed_path, name))
        failed = True
    for name in sorted(listed - have):
        print("listed in %s but no longer exported: %s (a removal breaks programs "
              "linked against libpressdx: it bumps the soname)" % (listed_path, name))
        failed = True
    stray = sorted(n for n in have if not n.startswith("pdx_"))
    for name in stray:
        print("exported without the pdx_ prefix: %s" % name)
        failed = True

    if debian:
        # the Debian symbols file (dpkg-gensymbols) lists the same names: "name@Base version"
        deb = {l.split()[0].split("@")[0] for l in open(debian, encoding="utf-8")
               if l.startswith(" ") and l.strip()}
        for name in sorted(listed ^ deb):
            print("%s and %s differ on %s" % (listed_path, debian, name))
            failed = True

    v = header_version(version_h)
    parts = project_version.split(".")
    want = {"MAJOR": parts[0], "MINOR": parts[1], "PATCH": parts[2], "STRING": project_version}
    for key in ("MAJOR", "MINOR", "PATCH", "STRING"):
        if v[key] != want[key]:
            print("%s: PDX_VERSION_%s is %r, meson.build says %r" % (version_h, key, v[key],
                                                                   want[key]))
            failed = True
    if not failed:
        print("%d exported symbols, as listed; headers at version %s" % (len(have),
                                                                        project_version))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
