# SPDX-License-Identifier: MIT
import os, re, subprocess
from checklib import *

# The command's own messages and help in one language (issue 12 §4): --lang en has the
# English text and no Vietnamese, --lang vi the Vietnamese and not the English; --lang
# both keeps "vi (en)" for messages, and for help the Vietnamese, a blank line, the
# English. LC_ALL=vi_VN.UTF-8 (the case's env) is overridden by --lang.
VIETNAMESE = re.compile("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
                        re.I)


def run(*args):
    e = dict(os.environ)
    for key in ("PRESSDX_LANG", "LANGUAGE", "LC_MESSAGES", "LANG"):
        e.pop(key, None)
    e["LC_ALL"] = "vi_VN.UTF-8"
    p = subprocess.run([env("PRESSDX")] + list(args), env=e, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


# a usage error with an argument
usage = {lang: run("--lang", lang, "rank", "--within", "tinh", "x.csv") for lang in
         ("en", "vi", "both")}
for lang, (rc, out, err) in usage.items():
    expect("rank --within tinh, --lang %s: exit status" % lang, 2, rc)
    expect("rank --within tinh, --lang %s: stdout" % lang, "", out)
expect("usage error in English",
       'pressdx rank: --within must be block, province or none, not "tinh"\n'
       'See "pressdx rank --help".\n', usage["en"][2])
expect("usage error in Vietnamese",
       'pressdx rank: --within phải là block, province hoặc none, không phải "tinh"\n'
       'Xem "pressdx rank --help".\n', usage["vi"][2])
expect("usage error in both",
       'pressdx rank: --within phải là block, province hoặc none, không phải "tinh" '
       '(--within must be block, province or none, not "tinh")\n'
       'Xem (see) "pressdx rank --help".\n', usage["both"][2])

# a file error: -o in a folder that does not exist (two messages on one line, each in
# the language asked for); nothing is created
target = os.path.join(env("TMP"), "no-such-folder", "report.txt")
folder = os.path.dirname(target)
answers = os.path.join(env("EXAMPLES"), "hai-phong-2025-bao.csv")
files = {lang: run("--lang", lang, "score", "-o", target, answers) for lang in
         ("en", "vi", "both")}
for lang, (rc, out, err) in files.items():
    expect("score -o in a missing folder, --lang %s: exit status" % lang, 2, rc)
    expect("nothing created, --lang %s" % lang, False, os.path.exists(folder))
line = {lang: [l for l in err.splitlines() if l.startswith("pressdx score: ")]
        for lang, (rc, out, err) in files.items()}
expect("file error in English",
       ["pressdx score: cannot write %s: folder %s does not exist" % (target, folder)],
       line["en"])
expect("file error in Vietnamese",
       ["pressdx score: không ghi được %s: không có thư mục %s" % (target, folder)],
       line["vi"])
expect("file error in both",
       ["pressdx score: không ghi được %s (cannot write %s): không có thư mục %s (folder %s "
        "does not exist)" % (target, target, folder, folder)], line["both"])

# score --help
helps = {lang: run("--lang", lang, "score", "--help") for lang in ("en", "vi", "both")}
for lang, (rc, out, err) in helps.items():
    expect("score --help, --lang %s: exit status" % lang, 0, rc)
    expect("score --help, --lang %s: stderr" % lang, "", err)
en, vi, both = helps["en"][1], helps["vi"][1], helps["both"][1]
expect("English help starts with its usage line", True,
       en.startswith("Usage: pressdx score [options] ANSWERS.csv...\n"))
expect("English help has no Vietnamese", [], VIETNAMESE.findall(en))
expect("English help names the shared options", True,
       "  --require-evidence    claimed criteria without evidence score 0\n" in en)
expect("Vietnamese help starts with its usage line", True,
       vi.startswith("Cách dùng: pressdx score [tùy chọn] CÂU_TRẢ_LỜI.csv...\n"))
expect("Vietnamese help names the shared options", True,
       "  --require-evidence    tiêu chí có điểm mà không có minh chứng được 0 điểm\n" in vi)
for english in ("Usage", "Scores every agency", "this help", "claimed criteria",
                "output format", "standard input"):
    expect("no \"%s\" in the Vietnamese help" % english, False, english in vi)
expect("both: the Vietnamese help, a blank line, the English help", vi + "\n" + en, both)
# every option in both texts, the same
opts = lambda t: sorted(set(re.findall(r"(?:^|[\[\] ,|(])(--?[a-z][a-z-]*)", t, re.M)))
expect("the same options in both languages", opts(en), opts(vi))
