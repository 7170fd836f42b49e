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

static const char *const main_usage[] = {
    N_("Usage: pressdx <command> [options] ...\n"
       "\n"
       "Scores press agencies against the press digital transformation maturity index\n"
       "(Decision 951/QĐ-BTTTT and the editions after it).\n"
       "\n"
       "Commands:\n"
       "  score      score answer files\n"
       "  template   write the questionnaire to fill in (CSV)\n"
       "  validate   check rubric files and answer files\n"
       "  check      send an answer file back annotated, cell by cell (.xlsx)\n"
       "  rank       rank agencies within blocks or provinces\n"
       "  summary    summaries per province, block, year...\n"
       "  gap        the roadmap to the next level\n"
       "  targets    check against the targets of a provincial or ministry plan\n"
       "  diff       compare two answer sets\n"
       "  rubrics    list the bundled rubrics\n"
       "  db         the history database: import assessments, check, agency renames\n"
       "  history    assessments year over year, from the database\n"
       "\n"
       "  pressdx <command> --help   help on a command\n"
       "  pressdx help <command>     the same; the manual: man pressdx-<command>\n"
       "  pressdx --version, -V      version\n"
       "  --lang vi|en|both          language of the messages and of the help\n"
       "                             (PRESSDX_LANG; default: the locale, else both)\n"
       "\n"
       "Exit status: 0 no errors; 1 some agency has errors in its answers (the other\n"
       "agencies are still scored); 2 usage error, rubric error or a file that cannot be\n"
       "read.\n"),
    NULL};

/* The line after a usage error: where the command's help is. */
static void see_help(const char *cmd)
{
	if (cli_lang == PDX_LANG_BOTH)
		fprintf(stderr, "Xem (see) \"pressdx %s --help\".\n", cmd);
	else
		cli_say(stderr, "", N_("See \"pressdx %s --help\"."), cmd);
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
		cli_help(stderr, main_usage);
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
		fputc('\n', stderr);
		cli_help(stderr, main_usage);
		return 2;
	}
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		cli_help(stdout, main_usage);
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
	fputc('\n', stderr);
	cli_help(stderr, main_usage);
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
