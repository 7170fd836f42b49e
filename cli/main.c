/* SPDX-License-Identifier: MIT */
/* pressdx — command-line front end of libpressdx.
 *
 * A thin layer: it parses arguments, finds the rubric, calls the library and prints.
 * Exit status: 0 all agencies scored without errors; 1 some agency had answer
 * errors (every other agency is still scored and printed); 2 usage, rubric or
 * unreadable-file errors. */
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"

static const char *const main_usage =
    "Cách dùng (usage): pressdx <lệnh> [tùy chọn] ...\n"
    "\n"
    "Chấm điểm mức độ trưởng thành chuyển đổi số báo chí (Quyết định 951/QĐ-BTTTT và các\n"
    "phiên bản sau). Scores press agencies against the press digital transformation\n"
    "maturity index.\n"
    "\n"
    "Lệnh (commands):\n"
    "  score      chấm điểm các tệp câu trả lời (score answer files)\n"
    "  template   tạo phiếu khảo sát CSV để điền (write the questionnaire as CSV)\n"
    "  validate   kiểm tra tệp bộ chỉ số và tệp câu trả lời (check rubric and answer files)\n"
    "  check      gửi lại tệp câu trả lời có chú thích từng ô lỗi (.xlsx) (annotated answers)\n"
    "  rank       xếp hạng theo khối/tỉnh (rank agencies within blocks or provinces)\n"
    "  summary    tổng hợp theo tỉnh/khối/năm... (summaries per group)\n"
    "  gap        lộ trình lên mức tiếp theo (roadmap to the next level)\n"
    "  targets    đối chiếu với chỉ tiêu kế hoạch tỉnh/bộ (plan targets)\n"
    "  diff       so sánh hai bộ câu trả lời (compare two answer sets)\n"
    "  rubrics    liệt kê các bộ chỉ số có sẵn (list the bundled rubrics)\n"
    "  db         kho lịch sử: nhập phiếu, kiểm tra, đổi mã cơ quan (db import|check|aliases)\n"
    "  history    lịch sử qua các năm từ kho (assessments year over year)\n"
    "\n"
    "  pressdx <lệnh> --help   trợ giúp cho từng lệnh (help on a command), cũng là\n"
    "  pressdx help <lệnh>     (the same); trang hướng dẫn (manual): man pressdx-<lệnh>\n"
    "  pressdx --version, -V   phiên bản (version)\n"
    "  --lang vi|en|both       ngôn ngữ của thông báo lỗi (language of the messages about\n"
    "                          the files; PRESSDX_LANG; default: the locale, else both)\n"
    "\n"
    "Mã thoát (exit status): 0 không lỗi; 1 có cơ quan có câu trả lời lỗi (các cơ quan khác\n"
    "vẫn được chấm); 2 lỗi cách dùng, bộ chỉ số hoặc tệp không đọc được.\n";

/* The line after a usage error: where the command's help is. */
static void see_help(const char *cmd)
{
	if (cli_lang == PDX_LANG_BOTH)
		fprintf(stderr, "Xem (see) \"pressdx %s --help\".\n", cmd);
	else
		cli_say(stderr, "", N_("See \"pressdx %s --help\"."), cmd);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "pressdx %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	see_help(cmd);
	return 2;
}

int cli_usage(const char *cmd, const char *en_fmt, ...)
{
	char prefix[96];
	snprintf(prefix, sizeof prefix, "pressdx %s: ", cmd);
	va_list ap;
	va_start(ap, en_fmt);
	cli_vsay(stderr, prefix, en_fmt, ap);
	va_end(ap);
	see_help(cmd);
	return 2;
}

bool cli_oom;
pdx_lang cli_lang = PDX_LANG_BOTH;

/* The language of the environment: PRESSDX_LANG, else the locale as gettext reads it
 * (LANGUAGE's first entry unless the locale is C or POSIX), else both. */
static pdx_lang env_lang(void)
{
	pdx_lang l;
	const char *v = getenv("PRESSDX_LANG");
	if (v && *v) {
		if (pdx_lang_parse(v, &l) == 0)
			return l;
		cli_lang = PDX_LANG_BOTH;
		cli_say(stderr,
		        "pressdx: ", N_("PRESSDX_LANG=\"%s\" is not vi, en or both; using both"),
		        v);
		return PDX_LANG_BOTH;
	}
	const char *locale = NULL;
	const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < 3 && !locale; i++) {
		v = getenv(vars[i]);
		if (v && *v)
			locale = v;
	}
	if (!locale || strcmp(locale, "C") == 0 || strncmp(locale, "C.", 2) == 0 ||
	    strcmp(locale, "POSIX") == 0)
		return PDX_LANG_BOTH;
	v = getenv("LANGUAGE");
	if (v && *v && pdx_lang_parse(v, &l) == 0)
		return l;
	return pdx_lang_parse(locale, &l) == 0 ? l : PDX_LANG_BOTH;
}

/* Takes --lang X / --lang=X out of argv wherever it is (before a "--"), so every
 * command accepts it; returns -1 after a usage error. */
static int take_lang(int *argc, char **argv)
{
	cli_lang = env_lang();
	int out = 1;
	bool rest = false;
	for (int i = 1; i < *argc; i++) {
		const char *a = argv[i];
		if (!rest && strcmp(a, "--") == 0)
			rest = true;
		const char *value = NULL;
		if (!rest && strcmp(a, "--lang") == 0) {
			if (i + 1 >= *argc) {
				cli_say(stderr, "pressdx: ", N_("--lang needs vi, en or both"));
				return -1;
			}
			value = argv[++i];
		} else if (!rest && strncmp(a, "--lang=", 7) == 0) {
			value = a + 7;
		} else {
			argv[out++] = argv[i];
			continue;
		}
		pdx_lang l;
		if (pdx_lang_parse(value, &l) != 0 || strchr(value, ':') || strchr(value, '_') ||
		    strchr(value, '.')) {
			cli_say(stderr, "pressdx: ", N_("--lang \"%s\": expected vi, en or both"),
			        value);
			return -1;
		}
		cli_lang = l;
	}
	argv[out] = NULL;
	*argc = out;
	return 0;
}

void cli_print_diags(const pdx_diags *d)
{
	for (size_t i = 0; i < pdx_diags_count(d) && !cli_oom; i++) {
		char *line = pdx_diag_format_lang(pdx_diags_get(d, i), cli_lang);
		if (line) {
			fprintf(stderr, "%s\n", line);
		} else {
			/* a problem that cannot be shown must not pass for no problem */
			cli_say(stderr, "pressdx: ", N_("out of memory"));
			cli_oom = true;
		}
		pdx_free(line);
	}
}

int cli_strcmp_ptr(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	if (!x || !y)
		return !x - !y;
	return strcmp(x, y);
}

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
} commands[] = {{"score", cmd_score},
                {"template", cmd_template},
                {"validate", cmd_validate},
                {"check", cmd_check},
                {"rank", cmd_rank},
                {"summary", cmd_summary},
                {"gap", cmd_gap},
                {"diff", cmd_diff},
                {"targets", cmd_targets},
                {"rubrics", cmd_rubrics},
                {"db", cmd_db},
                {"history", cmd_history}};

static int run(int argc, char **argv, const char **name)
{
	if (argc < 2) {
		fputs(main_usage, stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "help") == 0 && argc > 2) {
		/* "pressdx help score" is "pressdx score --help": one text, never two that
		 * drift apart (the manual page, pressdx-score(1), says more) */
		for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
			if (strcmp(argv[2], commands[i].name) == 0) {
				char *help_argv[] = {argv[2], (char *)"--help", NULL};
				*name = commands[i].name;
				return commands[i].fn(2, help_argv);
			}
		}
		cli_say(stderr, "pressdx: ", N_("no such command \"%s\""), argv[2]);
		fprintf(stderr, "\n%s", main_usage);
		return 2;
	}
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		fputs(main_usage, stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
		printf("pressdx %s\n", pdx_version());
		return 0;
	}
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
		if (strcmp(cmd, commands[i].name) == 0) {
			*name = commands[i].name;
			return commands[i].fn(argc - 1, argv + 1);
		}
	}
	cli_say(stderr, "pressdx: ", N_("unknown command \"%s\""), cmd);
	fprintf(stderr, "\n%s", main_usage);
	return 2;
}

int pressdx_main(int argc, char **argv)
{
	/* A closed pipe is a write error like any other (EPIPE, reported, exit 2), not a
	 * silent death by SIGPIPE that a script could take for success. */
	signal(SIGPIPE, SIG_IGN);
	const char *name = "";
	int rc = take_lang(&argc, argv) ? 2 : run(argc, argv, &name);
	/* every command, --help and --version included: output that did not reach its
	 * destination is a failure */
	if (cli_stdout_close(name) != 0 || cli_oom)
		rc = 2;
	return rc;
}
