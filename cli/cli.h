/* SPDX-License-Identifier: MIT */
/* Shared pieces of the pressdx subcommands. */
#ifndef PDX_CLI_H
#define PDX_CLI_H

#include <getopt.h>
#include <pressdx/pressdx.h>
#include <stdbool.h>

/* What every command that reads answers takes: rubric, files, reading options. */
typedef struct cli_inputs {
	const char *rubric_arg;
	int year;
	const char *encoding;
	const char *sheet; /* --sheet: a workbook's sheet */
	char delimiter;
	bool require_evidence;
	bool supersede;
	const char *format; /* text, json, csv, html or xlsx */
	const char *output; /* -o FILE, or NULL for stdout */
	const char *cmd;    /* for messages; set by cli_inputs_begin */
	char **files;       /* the answer files, folders expanded (cli_operands) */
	int n_files;

	char *rubric_path; /* the rubric file, found before anything is read */
	pdx_output *out;   /* -o or stdout, opened by cli_inputs_begin; committed by cli_emit */
	bool nothing_read; /* every answer file was rejected */
	/* per_year (score, rank, summary, gap): without --rubric, each assessment is scored
	 * by the edition of its year; `editions` holds every one used, newest first,
	 * editions[0] being `rubric` (NULL with --rubric, or when one edition serves) */
	bool per_year;
	/* rank, summary, targets: province cells normalised to the official names of the
	 * province map (rubrics/provinces/provinces.xml); provinces_to (--provinces YEAR):
	 * every year grouped under the province of that year's map (0: each its own) */
	bool provinces;
	int provinces_to;
	const char *roster; /* --roster FILE: the agencies expected to submit */

	pdx_rubric *rubric;
	pdx_rubric **editions;
	size_t n_editions;
	char *provinces_path;
	pdx_answers *answers;
	pdx_diags *diags; /* file-level and unattributed row problems */
	bool totals_only; /* score keeping totals only (rank, summary, validate) */
	pdx_result **results;
	size_t n_results, cap_results;
	size_t agencies_with_errors; /* scored so far */
	int files_rejected;
} cli_inputs;

/* getopt_long table entries and short options shared by the input commands. */
#define CLI_INPUT_LONGOPTS                                                                         \
	{"rubric", required_argument, NULL, 'r'}, {"year", required_argument, NULL, 'y'},          \
	    {"encoding", required_argument, NULL, 'E'},                                            \
	    {"delimiter", required_argument, NULL, 'D'}, {"sheet", required_argument, NULL, 'K'},  \
	    {"require-evidence", no_argument, NULL, 'R'}, {"supersede", no_argument, NULL, 'S'},   \
	    {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},    \
	{                                                                                          \
		"help", no_argument, NULL, 'h'                                                     \
	}
#define CLI_INPUT_SHORTOPTS "r:y:f:o:h"

/* --roster FILE (rank, summary, targets, history): who has not submitted. */
#define CLI_ROSTER_LONGOPT                                                                         \
	{                                                                                          \
		"roster", required_argument, NULL, 'X'                                             \
	}

/* --provinces YEAR, for the commands that group by province (cli_inputs.provinces). */
#define CLI_PROVINCES_LONGOPT                                                                      \
	{                                                                                          \
		"provinces", required_argument, NULL, 'M'                                          \
	}

/* Pieces of the commands' help texts (inputs.c), English marked N_() and translated in
 * po/vi.po; a help text is a NULL-terminated array of them, printed by cli_help. The
 * options every input command takes (without --rubric each run takes the edition in
 * force for its assessments' year, <years> in each rubric file), --provinces YEAR,
 * --roster FILE, and the -h line for the commands that end with those. */
extern const char cli_input_help[];
extern const char cli_provinces_help[];
extern const char cli_roster_help[];
extern const char cli_help_tail[];

/* The answer files the operands name: a folder stands for the answer files in it (not
 * in its subfolders; .csv .tsv .txt .xlsx .ods, and .xls to be told to save it as
 * .xlsx; not hidden files, not Excel's "~$" lock files), sorted by name; anything else
 * as given. *out (malloc'd strings) is freed with cli_operands_free. Returns 0, or 2
 * with a message (a folder without answer files, one that cannot be opened). */
int cli_operands(const char *cmd, char *const *args, int n_args, char ***out, int *n_out);
void cli_operands_free(char **v, int n);

/* Handles one shared option; returns 0 if handled, 1 if not one of them, 2 on a bad
 * value (message printed). */
int cli_inputs_option(cli_inputs *in, const char *cmd, int opt, const char *arg);

/* Before anything is read: finds the rubric, refuses an -o that names one of the inputs
 * (the answer files, the rubric, and `more`, e.g. the plan), and opens the output (on a
 * regular file nothing is replaced until cli_emit commits it). Returns 0 or 2 (message
 * printed). */
int cli_inputs_begin(cli_inputs *in, const char *cmd, char *const *files, int n_files,
                     const char *const *more, size_t n_more);

/* Loads the rubric and reads every file; with `score`, scores every assessment into
 * in->results (see cli_inputs_each). Returns 0, or 2 when nothing can be scored
 * (rubric rejected, out of memory). Files that cannot be read are reported and counted
 * in files_rejected; the others are still scored. */
int cli_inputs_load(cli_inputs *in, const char *cmd, char **files, int n_files, bool score);

/* cli_inputs_load; notes when no file at all could be read: then cli_emit writes
 * nothing to -o, and an existing -o target stays as it was. */
int cli_inputs_read(cli_inputs *in, char **files, int n_files, bool score);

/* Scores the assessments read, one at a time and in order (totals only when
 * in->totals_only): prints each one's diagnostics, counts it in agencies_with_errors,
 * and hands it to `fn`, which owns it from then on. Stops at the first non-zero value
 * of `fn` and returns it; returns 2 when memory runs out (message printed), else 0. */
typedef int (*cli_result_fn)(pdx_result *res, void *ctx);
/* The editions the results may come from: in->editions, or in->rubric alone. */
const pdx_rubric *const *cli_inputs_editions(const cli_inputs *in, size_t *n);
int cli_inputs_each(cli_inputs *in, cli_result_fn fn, void *ctx);
/* With --roster: a warning (PDX-W0257) for each agency of the roster that the results
 * read have no assessment of, per year, and their count; 0, or 2 when the roster
 * cannot be read (message printed). */
int cli_roster_check(const cli_inputs *in);
void cli_inputs_free(cli_inputs *in);

/* 2 when a file was rejected, else 1 when any agency (or row) had errors, else 0. */
int cli_inputs_status(const cli_inputs *in);

void cli_print_diags(const pdx_diags *d);
/* The folders data is looked up in, in order (data.c): $PRESSDX_RUBRIC_DIR, the
 * installed folder relative to the program, the installed folder configured at build
 * time, the source tree. */
typedef struct cli_dirs {
	char *dir[4];
	size_t n;
} cli_dirs;
void cli_dirs_get(cli_dirs *d);
void cli_dirs_free(cli_dirs *d);

/* A data file named by path, or by file name under the data folders' `subdir`
 * (plans); malloc'd. */
char *cli_find_data(const char *arg, const char *subdir);
/* The same in the data folders only (never the current folder): <dir>/<subdir>/<arg>.xml. */
char *cli_find_shipped(const char *arg, const char *subdir);
/* Every rubric that loads, folder by folder in search order and by file name, each id
 * once (the first); stops when `fn` returns non-zero. Returns that value or 0, or
 * CLI_RUBRICS_OOM when a rubric could not be loaded for want of memory. */
#define CLI_RUBRICS_OOM (-1)
/* What `fn` returns to keep the rubric it was given (its to free) and go on. */
#define CLI_RUBRICS_TAKEN 2
typedef int (*cli_rubric_fn)(const char *path, const pdx_rubric *r, void *ctx);
int cli_rubrics_each(cli_rubric_fn fn, void *ctx);
/* A rubric named by path, or by the id inside the file (as `pressdx rubrics` lists
 * it); malloc'd, NULL when none has it (or, with *oom set, when memory ran out). */
char *cli_find_rubric(const char *arg, bool *oom);
/* cli_find_rubric (NULL: the default rubric), with a message when not found. */
/* The rubric file `arg` names (a path or an id); without `arg`, the latest edition. NULL
 * (with a message) when there is none. */
char *cli_rubric_path(const char *cmd, const char *arg);
/* The edition in force for assessments of these years: each shipped edition states its
 * years (<years from to>). Years of several editions, or a year no edition covers, get a
 * warning on stderr: one run scores with one edition. n == 0: the latest edition. Each
 * edition is loaded once, the chosen one kept: *out and *path are the caller's. Returns
 * 0, or 2 with a message. */
int cli_edition_load(const char *cmd, const int *years, size_t n, pdx_rubric **out, char **path);
/* The same with `several` (score): every edition the years need, each year scored by
 * its own, newest first in *out (malloc'd, with the rubrics: the caller's); *path is
 * the chosen one's, which is (*out)[0]. Only an uncovered year is warned of. */
int cli_editions_load(const char *cmd, const int *years, size_t n, bool several, pdx_rubric ***out,
                      size_t *n_out, char **path);
/* The same, the path alone (malloc'd), or NULL with a message. */
char *cli_edition_path(const char *cmd, const int *years, size_t n);
/* Every .xml file of the rubric folders (what the default may read, which no output may
 * replace), without loading them; *n is (size_t)-1 when out of memory (said). */
char **cli_rubric_files(size_t *n);
int cli_load_rubric(pdx_rubric **out, const char *cmd, const char *arg);
int cli_strcmp_ptr(const void *a, const void *b);

/* -o and standard output (output.c). Each returns 0, or 2 after printing a message that
 * names the cause and the path. */
/* Refuses an output that is the same file (device and inode) as one of `inputs` ("-":
 * standard input; NULL entries are skipped). */
int cli_output_check(const char *cmd, const char *output, const char *const *inputs, size_t n);
/* Opens `path` (NULL or "-": stdout); *o is NULL on failure. */
int cli_output_open(pdx_output **o, const char *cmd, const char *path, unsigned flags);
/* A binary output (a workbook) is not written to a terminal: 2 and a message when
 * `path` is standard output and that is a terminal, else 0. */
int cli_output_binary(const char *cmd, const char *path);
/* Says why writing to `o` failed (rc: what the failing call returned); returns 2. */
int cli_output_failed(pdx_output *o, const char *cmd, const char *path, int rc);
/* Writes `data` and commits. The caller still frees `o`. */
int cli_output_finish(pdx_output *o, const char *cmd, const char *path, const char *data,
                      size_t len);
/* Flushes and closes stdout at the end of every command (`cmd` names it in the message,
 * "" for --help and --version): a write error is exit 2. */
int cli_stdout_close(const char *cmd);
int cli_parse_year(const char *s, int *year);

/* score --split DIR (split.c): one report per assessment, DIR/<agency_id>-<year>.<ext>
 * (the id made safe as a file name; "-2"… when two ids read the same). begin makes
 * DIR when missing and refuses a DIR that is not a folder; add writes one file (a
 * file that cannot be written is said and counted, the others go on; 2 only when out
 * of memory); end prints the count and returns 2 when a file failed. 0 or 2. */
typedef struct cli_split cli_split;
int cli_split_begin(cli_split **out, const char *dir, const cli_inputs *in,
                    const char *const *inputs, size_t n_inputs);
int cli_split_add(cli_split *s, const pdx_result *res);
int cli_split_end(cli_split *s);
void cli_split_free(cli_split *s);

/* The --format value as a pdx_format: what the command compares (==, switch). */
pdx_format cli_format(const cli_inputs *in);
/* The same with cli_lang in it (PDX_FORMAT_LANG): what the command passes to the
 * library's reports, which write their headings and labels in that language. Never
 * compared: the language bits make it equal to no plain format. */
pdx_format cli_report_format(const cli_inputs *in);

/* Parses the shared options plus the command's own (`extra` long options, handled by
 * `on_extra`, which returns 0 or an exit status); --help prints `usage` (cli_help). Returns -1 to
 * go on, or the exit status to return (help printed: 0; usage error: 2). */
typedef int (*cli_extra_fn)(int opt, const char *arg, void *ctx);
int cli_parse(cli_inputs *in, const char *cmd, const char *const *usage, int argc, char **argv,
              const struct option *extra, cli_extra_fn on_extra, void *ctx);

/* Commits in->out — unless no file could be read (nothing_read) and the output is a
 * file, which then stays as it was — or, after cli_oom, leaves it uncommitted.
 * Returns 0 or 2 (message printed). */
int cli_inputs_commit(cli_inputs *in);

/* Writes a report built by a library serialiser into in->out and commits it as
 * cli_inputs_commit does; frees `out`. Maps PDX_ENOMEM and write errors to exit
 * status 2. */
int cli_emit(cli_inputs *in, int rc, char *out, size_t len);

/* The whole program (main.c): arguments in, exit status out. main() is a call of it
 * (pressdx.c); the allocation-failure test (tests/oom) runs it in-process. */
int pressdx_main(int argc, char **argv);

/* Set when memory ran out where the program could only say so (a diagnostic that could
 * not be formatted): no output is committed afterwards and the exit status is 2. */
extern bool cli_oom;

/* The language diagnostics, the command's own messages and its help are printed in: --lang
 * vi|en|both (any place on the command line), else PRESSDX_LANG, else the locale (LC_ALL,
 * LC_MESSAGES, LANG, with GNU LANGUAGE first unless the locale is C) when it names vi or en; both
 * otherwise. */
extern pdx_lang cli_lang;

int cmd_score(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_summary(int argc, char **argv);
int cmd_gap(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_targets(int argc, char **argv);
int cmd_template(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_rubrics(int argc, char **argv);
int cmd_db(int argc, char **argv);
int cmd_history(int argc, char **argv);

#endif
