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

typedef struct stream {
	pdx_report_writer *w;
	int rc; /* the writer's failure */
} stream;

static int to_output(void *ctx, const char *data, size_t len)
{
	return pdx_output_write(ctx, data, len);
}

/* One agency at a time: scored, its diagnostics printed, written, freed — so memory
 * holds the answers and one result, never the whole report. */
static int add(pdx_result *res, void *ctx)
{
	stream *s = ctx;
	s->rc = pdx_report_writer_add(s->w, res);
	pdx_result_free(res);
	return s->rc ? 2 : 0;
}

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
		rc = cli_inputs_read(&in, argv + optind, argc - optind, false);
	pdx_format fmt = cli_format(&in);
	/* the CSV table has no per-criterion column */
	in.totals_only = fmt == PDX_FORMAT_CSV;
	stream s = {0};
	if (!rc && pdx_report_writer_new(&s.w, fmt, in.rubric, in.answers, to_output, in.out)) {
		fprintf(stderr, "pressdx: hết bộ nhớ (out of memory)\n");
		rc = 2;
	}
	if (!rc)
		rc = cli_inputs_each(&in, add, &s);
	if (!rc)
		s.rc = pdx_report_writer_finish(s.w);
	pdx_report_writer_free(s.w);
	if (s.rc == PDX_ENOMEM) {
		fprintf(stderr, "pressdx: hết bộ nhớ (out of memory)\n");
		rc = 2;
	} else if (s.rc) {
		rc = cli_output_failed(in.out, "score", in.output, s.rc);
	}
	if (!rc)
		rc = cli_emit(&in, 0, NULL, 0);
	if (!rc)
		rc = cli_inputs_status(&in);
	cli_inputs_free(&in);
	return rc;
}
