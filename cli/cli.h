/* Shared pieces of the pressdx subcommands. */
#ifndef PDX_CLI_H
#define PDX_CLI_H

#include <getopt.h>
#include <pressdx/pressdx.h>
#include <stdbool.h>

#define CLI_DEFAULT_RUBRIC "951-2023"

/* What every command that reads answers takes: rubric, files, reading options. */
typedef struct cli_inputs {
	const char *rubric_arg;
	int year;
	const char *encoding;
	char delimiter;
	bool require_evidence;
	const char *format; /* text, json or csv */
	const char *output; /* -o FILE, or NULL for stdout */

	pdx_rubric *rubric;
	pdx_answers *answers;
	pdx_diags *diags; /* file-level and unattributed row problems */
	pdx_result **results;
	size_t n_results;
	int files_rejected;
} cli_inputs;

/* getopt_long table entries and short options shared by the input commands. */
#define CLI_INPUT_LONGOPTS                                                                         \
	{"rubric", required_argument, NULL, 'r'}, {"year", required_argument, NULL, 'y'},          \
	    {"encoding", required_argument, NULL, 'E'},                                            \
	    {"delimiter", required_argument, NULL, 'D'},                                           \
	    {"require-evidence", no_argument, NULL, 'R'},                                          \
	    {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},    \
	{                                                                                          \
		"help", no_argument, NULL, 'h'                                                     \
	}
#define CLI_INPUT_SHORTOPTS "r:y:f:o:h"

#define CLI_INPUT_HELP                                                                                             \
	"  --rubric TỆP|MÃ      bộ chỉ số (rubric file or id; mặc định " CLI_DEFAULT_RUBRIC ")\n"                  \
	"  --year NĂM           năm cho các dòng để trống cột year (year of rows without one)\n"        \
	"  --encoding cp1258|tcvn3  bảng mã cũ của tệp (legacy encoding of the files)\n"                   \
	"  --delimiter ,|;|tab  dấu phân cách (delimiter; mặc định tự nhận từ dòng tiêu đề)\n" \
	"  --require-evidence   tiêu chí có điểm mà không có minh chứng được 0 điểm\n"           \
	"                       (claimed criteria without evidence score 0)\n"                                     \
	"  --format text|json|csv  định dạng kết quả (output format; mặc định text)\n"               \
	"  -o, --output TỆP     ghi kết quả vào tệp (write to FILE, atomically)\n"                        \
	"  -h, --help           trợ giúp (this help)\n"                                                         \
	"  Tệp \"-\" là đầu vào chuẩn (stdin).\n"

/* Handles one shared option; returns 0 if handled, 1 if not one of them, 2 on a bad
 * value (message printed). */
int cli_inputs_option(cli_inputs *in, const char *cmd, int opt, const char *arg);

/* Loads the rubric, reads every file, scores every assessment. Returns 0, or 2 when
 * nothing can be scored (rubric rejected, out of memory). Files that cannot be read
 * are reported and counted in files_rejected; the others are still scored. */
int cli_inputs_load(cli_inputs *in, const char *cmd, char **files, int n_files, bool score);
void cli_inputs_free(cli_inputs *in);

/* 2 when a file was rejected, else 1 when any agency (or row) had errors, else 0. */
int cli_inputs_status(const cli_inputs *in);

int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_print_diags(const pdx_diags *d);
/* A data file named by path, or by id under the rubric folders' `subdir`; malloc'd. */
char *cli_find_data(const char *arg, const char *subdir);
int cli_load_rubric(pdx_rubric **out, const char *cmd, const char *arg);
int cli_write_output(const char *path, const char *data, size_t len);
int cli_strcmp_ptr(const void *a, const void *b);
int cli_parse_year(const char *s, int *year);

/* The --format value as a pdx_format. */
pdx_format cli_format(const cli_inputs *in);

/* Parses the shared options plus the command's own (`extra` long options, handled by
 * `on_extra`, which returns 0 or an exit status). Returns -1 to go on, or the exit
 * status to return (help printed: 0; usage error: 2). */
typedef int (*cli_extra_fn)(int opt, const char *arg, void *ctx);
int cli_parse(cli_inputs *in, const char *cmd, const char *usage, int argc, char **argv,
              const struct option *extra, cli_extra_fn on_extra, void *ctx);

/* Writes a report built by a library serialiser; maps PDX_ENOMEM to exit status 2. */
int cli_emit(const cli_inputs *in, int rc, char *out, size_t len);

int cmd_score(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_summary(int argc, char **argv);
int cmd_gap(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_targets(int argc, char **argv);
int cmd_template(int argc, char **argv);
int cmd_validate(int argc, char **argv);

#endif
