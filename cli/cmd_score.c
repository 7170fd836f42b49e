/* pressdx score: answers → points, level and pillars per agency. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *const usage =
    "Cách dùng (usage): pressdx score [tùy chọn] CÂU_TRẢ_LỜI.csv...\n"
    "\n"
    "Chấm điểm từng cơ quan (mỗi cơ quan × năm) trong các tệp câu trả lời: tổng điểm, mức\n"
    "trưởng thành và điểm từng trụ cột. Scores every agency (agency × year) in the files.\n"
    "\n" CLI_INPUT_HELP;

int cmd_score(int argc, char **argv)
{
	cli_inputs in = {0};
	int rc = cli_parse(&in, "score", usage, argc, argv, NULL, NULL, NULL);
	if (rc >= 0)
		return rc;
	if (optind >= argc)
		return cli_usage_error("score", "thiếu tệp câu trả lời (no answer file given)");
	rc = cli_inputs_begin(&in, "score", argv + optind, argc - optind, NULL, 0);
	if (!rc)
		rc = cli_inputs_read(&in, argv + optind, argc - optind);
	if (rc) {
		cli_inputs_free(&in);
		return rc;
	}
	char *out = NULL;
	size_t len = 0;
	if (cli_format(&in) == PDX_FORMAT_JSON)
		rc = pdx_report_json(&out, &len, in.rubric, in.results, in.n_results);
	else if (cli_format(&in) == PDX_FORMAT_CSV)
		rc = pdx_report_csv(&out, &len, in.rubric, in.results, in.n_results);
	else
		rc = pdx_report_text(&out, &len, in.rubric, in.results, in.n_results);
	rc = cli_emit(&in, rc, out, len);
	if (!rc)
		rc = cli_inputs_status(&in);
	cli_inputs_free(&in);
	return rc;
}
