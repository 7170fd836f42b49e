/* SPDX-License-Identifier: MIT */
/* pressdx gap: each agency's roadmap to its next maturity level. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"

static const char *const usage[] = {
    N_("Usage: pressdx gap [--target-level N] [options] ANSWERS.csv...\n"
       "\n"
       "A roadmap to the next level (or level N) for each agency: the points still missing,\n"
       "the fewest criteria that reach it with full points (on a tie, the most points), then\n"
       "every criterion with points left by possible gain, with the answer that reaches its\n"
       "next threshold. Agencies at the top level are shown their weakest pillars.\n"
       "\n"
       "  --target-level N      level to reach (default: the next one)\n"),
    cli_input_help, NULL};

static int on_extra(int opt, const char *arg, void *ctx)
{
	int *level = ctx;
	char *end;
	long v = strtol(arg, &end, 10);
	if (opt != 'T')
		return 2;
	if (*arg == '\0' || *end != '\0' || v < 1 || v > 100)
		return cli_usage("gap", N_("--target-level needs a level number, not \"%s\""), arg);
	*level = (int)v;
	return 0;
}

int cmd_gap(int argc, char **argv)
{
	static const struct option extra[] = {{"target-level", required_argument, NULL, 'T'},
	                                      {NULL, 0, NULL, 0}};
	cli_inputs in = {0};
	int target = 0;
	int rc = cli_parse(&in, "gap", usage, argc, argv, extra, on_extra, &target);
	if (rc >= 0)
		return rc;
	in.per_year = true; /* each roadmap towards its own edition's bands */
	if (optind >= argc)
		return cli_usage("gap", N_("no answer file given"));
	rc = cli_operands("gap", argv + optind, argc - optind, &in.files, &in.n_files);
	if (!rc)
		rc = cli_inputs_begin(&in, "gap", in.files, in.n_files, NULL, 0);
	if (!rc)
		rc = cli_inputs_read(&in, in.files, in.n_files, true);
	if (!rc && target) {
		bool found = false;
		for (size_t l = 0; l < pdx_rubric_level_count(in.rubric); l++)
			found |= pdx_rubric_level(in.rubric, l)->number == target;
		if (!found)
			rc = cli_usage("gap", N_("the rubric has no level %d"), target);
	}
	if (!rc) {
		pdx_gap **gaps = calloc(in.n_results + 1, sizeof(*gaps));
		int e = gaps ? 0 : PDX_ENOMEM;
		for (size_t i = 0; !e && i < in.n_results; i++)
			e = pdx_gap_compute(&gaps[i], in.results[i], target);
		char *out = NULL;
		size_t len = 0;
		if (!e)
			e = pdx_report_gap(&out, &len, in.rubric, gaps, in.n_results,
			                   cli_report_format(&in));
		rc = cli_emit(&in, e, out, len);
		for (size_t i = 0; gaps && i < in.n_results; i++)
			pdx_gap_free(gaps[i]);
		free(gaps);
		if (!rc)
			rc = cli_inputs_status(&in);
	}
	cli_inputs_free(&in);
	return rc;
}
