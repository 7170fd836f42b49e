# SPDX-License-Identifier: MIT
import os, re, subprocess, sys
from checklib import *

# --lang en (given on the command line, over LC_ALL=vi_VN.UTF-8 from the case's env):
# each diagnostic line in English alone. The same run in Vietnamese (--lang vi, and the
# locale alone) and in both languages (--lang both, PRESSDX_LANG=both, LC_ALL=C): the
# Vietnamese line holds no English message, the English line no Vietnamese one, and the
# two-language line is "vi (en)" of the two.
loi = os.path.join(env("EXAMPLES"), "hai-phong-2025-loi.csv")
DIAG = re.compile(r"^(\S+:\d+:\d+): (\S+(?: báo)?) \[HP06\] (\S+): (.*)$")


def no_language(e):
    """The environment without any of the variables pressdx takes its language from,
    so that each run below says all of its own."""
    for key in ("PRESSDX_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        e.pop(key, None)
    return e


def diags(args, extra_env):
    e = no_language(dict(os.environ))
    e.update(extra_env)
    p = subprocess.run([env("PRESSDX")] + args + ["--format", "csv", loi], env=e,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    expect("exit status of %s %s" % (args, extra_env), 1, p.returncode)
    out = {}
    for line in p.stderr.decode("utf-8").splitlines():
        m = DIAG.match(line)
        if m:
            out[(m.group(1), m.group(3))] = (m.group(2), m.group(4))
    return out


en = diags(["score", "--lang", "en"], {"LC_ALL": "vi_VN.UTF-8"})
vi = diags(["score", "--lang=vi"], {"LC_ALL": "C.UTF-8"})
vi_locale = diags(["score"], {"LC_ALL": "", "LANG": "vi_VN.UTF-8"})
both = diags(["score", "--lang", "both"], {"LC_ALL": "vi_VN.UTF-8"})
both_env = diags(["score"], {"PRESSDX_LANG": "both", "LANG": "vi_VN.UTF-8"})
both_c = diags(["score"], {"LC_ALL": "C", "LANG": "vi_VN.UTF-8", "LANGUAGE": "vi"})

# examples/hai-phong-2025-loi.csv has its errors on HP06 (README, EXPECTED.md): the same
# places in every language
expect("six errors", 6, len(en))
for other in (vi, vi_locale, both, both_env, both_c):
    expect("the same places", sorted(en), sorted(other))
expect("the locale alone gives Vietnamese", vi, vi_locale)
expect("PRESSDX_LANG=both", both, both_env)
expect("LC_ALL=C: both, whatever LANGUAGE says", both, both_c)
for key in en:
    sev_en, msg_en = en[key]
    sev_vi, msg_vi = vi[key]
    sev_both, msg_both = both[key]
    expect("English severity at %s" % (key,), "error", sev_en)
    expect("Vietnamese severity at %s" % (key,), "lỗi", sev_vi)
    expect("both severities at %s" % (key,), "lỗi/error", sev_both)
    expect("vi (en) at %s" % (key,), "%s (%s)" % (msg_vi, msg_en), msg_both)
    expect("no English in the Vietnamese line at %s" % (key,), False, msg_en in msg_vi)
    expect("no Vietnamese in the English line at %s" % (key,), False, msg_vi in msg_en)

# the command's own messages, from the catalogue po/vi.po: a usage error and its pointer
# to the help, in each language
def usage(lang):
    e = no_language(dict(os.environ))
    p = subprocess.run([env("PRESSDX"), "check", "--lang", lang], env=e,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    expect("check without a file, --lang %s: exit status" % lang, 2, p.returncode)
    return p.stderr.decode("utf-8")


expect("usage error in English",
       'pressdx check: no file to check given\nSee "pressdx check --help".\n', usage("en"))
expect("usage error in Vietnamese",
       'pressdx check: thiếu tệp cần kiểm tra\nXem "pressdx check --help".\n', usage("vi"))
expect("usage error in both",
       'pressdx check: thiếu tệp cần kiểm tra (no file to check given)\n'
       'Xem (see) "pressdx check --help".\n', usage("both"))
