#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""po2c.py VI_PO OUT_C OUT_H [PREFIX]: the Vietnamese catalogue as a C table sorted by
English text, for a binary search: cli_tr's (cli/msg.c) with the default PREFIX "cli"
(cli_vi_catalog, cli_catalog_entry), the library's pdx_tr (engine/i18n.c) with "pdx".
Only translated, non-fuzzy entries go in.
A small reader of the PO format (msgid/msgstr with continuation lines and C escapes),
so that building pressdx needs no gettext."""
import os
import sys


def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    return s[1:-1]


def c_unescape(s):
    """The text a C string literal (or a PO string) stands for: the escapes PO uses."""
    out, i = [], 0
    simple = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in simple:
            out.append(simple[s[i + 1]])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def read_po(path):
    entries, cur, key, fuzzy = [], {}, None, False
    for raw in open(path, encoding="utf-8").read().splitlines() + [""]:
        line = raw.strip()
        if not line:
            if cur.get("msgid"):
                if not fuzzy and cur.get("msgstr"):
                    entries.append((cur["msgid"], cur["msgstr"]))
            cur, key, fuzzy = {}, None, False
            continue
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid "):
            key = "msgid"
            cur[key] = unquote(line[6:])
        elif line.startswith("msgstr "):
            key = "msgstr"
            cur[key] = unquote(line[7:])
        elif line.startswith('"') and key:
            cur[key] += unquote(line)
    return entries


def c_string(escaped):
    # the PO text is already C-escaped; UTF-8 bytes are written as they are
    return '"' + escaped + '"'


def main(argv):
    po, out_c, out_h = argv[1:4]
    pre = argv[4] if len(argv) > 4 else "cli"
    guard = "PRESSDX_%s_VI_CATALOG_H" % pre.upper() if pre != "cli" else "PRESSDX_VI_CATALOG_H"
    entries = sorted(read_po(po), key=lambda e: c_unescape(e[0]).encode("utf-8"))
    with open(out_h, "w", encoding="utf-8") as h:
        h.write("/* generated from po/vi.po by po/po2c.py: do not edit */\n"
                "#ifndef %s\n#define %s\n"
                "#include <stddef.h>\n"
                "typedef struct %s_catalog_entry {\n\tconst char *en, *vi;\n"
                "} %s_catalog_entry;\n"
                "extern const %s_catalog_entry %s_vi_catalog[];\n"
                "extern const size_t %s_vi_catalog_size;\n#endif\n"
                % (guard, guard, pre, pre, pre, pre, pre))
    with open(out_c, "w", encoding="utf-8") as c:
        c.write("/* generated from po/vi.po by po/po2c.py: do not edit */\n"
                "#include \"%s\"\n\n"
                "const %s_catalog_entry %s_vi_catalog[] = {\n"
                % (os.path.basename(out_h), pre, pre))
        for en, vi in entries:
            c.write("    {%s, %s},\n" % (c_string(en), c_string(vi)))
        if not entries:
            c.write("    {\"\", \"\"},\n")
        c.write("};\nconst size_t %s_vi_catalog_size = %d;\n" % (pre, len(entries)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
