/* SPDX-License-Identifier: MIT */
/* pressdx score: answers → points, level and pillars per agency. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"

static const char *const usage[] = {
    N_("Usage: pressdx score [options] ANSWERS.csv...\n"
       "\n"
       "Scores every agency (each agency × year) in the answer files: total, maturity level\n"
       "and the points of each pillar.\n"
       "\n"
       "  --split FOLDER        one report file per agency × year in FOLDER, named\n"
       "                        <agency_id>-<year>.txt|.csv|.json, for sending each agency\n"
       "                        its own\n"),
    cli_input_help, NULL};

typedef struct stream {
	pdx_report_writer *w;
	int rc; /* the writer's failure */
	cli_split *split;
} stream;

enum { OPT_SPLIT = 256 }; /* no short option: above every char */

static int on_extra(int opt, const char *arg, void *ctx)
{
	const char **split = ctx;
	if (opt != OPT_SPLIT)
		return 2;
	*split = arg;
	return 0;
}

static int to_output(void *ctx, const char *data, size_t len)
{
	return pdx_output_write(ctx, data, len);
}

/* One agency at a time: scored, its diagnostics printed, written, freed — so memory
 * holds the answers and one result, never the whole report. */
static int add(pdx_result *res, void *ctx)
{
	stream *s = ctx;
	int rc = 0;
	if (s->split)
		rc = cli_split_add(s->split, res);
	else
		s->rc = pdx_report_writer_add(s->w, res);
	pdx_result_free(res);
	return rc || s->rc ? 2 : 0;
}

int cmd_score(int argc, char **argv)
{
	static const struct option extra[] = {{"split", required_argument, NULL, OPT_SPLIT},
	                                      {NULL, 0, NULL, 0}};
	cli_inputs in = {0};
	const char *split = NULL;
	int rc = cli_parse(&in, "score", usage, argc, argv, extra, on_extra, &split);
	in.per_year = true; /* a batch of several years: each by its own edition */
	if (rc >= 0)
		return rc;
	if (optind >= argc)
		return cli_usage("score", N_("no answer file given"));
	if (split && in.output)
		return cli_usage("score", N_("--split writes a file per agency: not with -o"));
	rc = cli_operands("score", argv + optind, argc - optind, &in.files, &in.n_files);
	if (!rc)
		rc = cli_inputs_begin(&in, "score", in.files, in.n_files, NULL, 0);
	stream s = {0};
	const char **inputs = NULL; /* what a split file must never be: the answers, the rubric */
	if (!rc && split) {
		size_t n = (size_t)in.n_files;
		inputs = calloc(n + 1, sizeof(*inputs));
		if (!inputs) {
			cli_say(stderr, "pressdx: ", N_("out of memory"));
			rc = 2;
		} else {
			for (size_t i = 0; i < n; i++)
				inputs[i] = in.files[i];
			inputs[n] = in.rubric_path; /* NULL when the years choose the edition */
			rc = cli_split_begin(&s.split, split, &in, inputs,
			                     n + (in.rubric_path != NULL));
		}
	}
	if (!rc)
		rc = cli_inputs_read(&in, in.files, in.n_files, false);
	pdx_format fmt = cli_format(&in);
	/* the CSV table has no per-criterion column */
	in.totals_only = fmt == PDX_FORMAT_CSV;
	size_t n_ed;
	const pdx_rubric *const *ed = cli_inputs_editions(&in, &n_ed);
	if (!rc && !s.split &&
	    pdx_report_writer_new_editions(&s.w, cli_report_format(&in), ed, n_ed, in.answers,
	                                   to_output, in.out)) {
		cli_say(stderr, "pressdx: ", N_("out of memory"));
		rc = 2;
	}
	if (!rc)
		rc = cli_inputs_each(&in, add, &s);
	if (!rc && !s.split)
		s.rc = pdx_report_writer_finish(s.w);
	if (!rc && s.split)
		rc = cli_split_end(s.split);
	cli_split_free(s.split);
	free(inputs);
	pdx_report_writer_free(s.w);
	if (s.rc == PDX_ENOMEM) {
		cli_say(stderr, "pressdx: ", N_("out of memory"));
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
