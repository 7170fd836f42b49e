/* SPDX-License-Identifier: MIT */
/* pressdx summary: count, mean, median, levels and pillar means per group. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"

static const char *const usage[] = {
    N_("Usage: pressdx summary --by KEY[,KEY...] [options] ANSWERS.csv...\n"
       "\n"
       "Summary per group: number of agencies, mean, median, lowest and highest total, number\n"
       "of agencies at each level, mean points of each pillar (points and share of the\n"
       "maximum); groups by mean total, highest first, the last row for all. Several keys\n"
       "(--by province,year) give one row per combination.\n"
       "\n"
       "  --by province|owner|block|year|media[,...]  group keys\n"),
    cli_provinces_help, cli_roster_help, cli_input_help, NULL};

typedef struct {
	pdx_group_key keys[8];
	size_t n;
} keys_t;

static int on_extra(int opt, const char *arg, void *ctx)
{
	keys_t *k = ctx;
	if (opt != 'B')
		return 2;
	k->n = 0;
	char *copy = strdup(arg), *save = NULL;
	if (!copy)
		return 2;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		if (k->n == 8 || pdx_group_key_parse(t, &k->keys[k->n]) != 0) {
			int rc =
			    cli_usage("summary",
			              N_("invalid --by key \"%s\": use province, owner, block, "
			                 "year, media"),
			              t);
			free(copy);
			return rc;
		}
		k->n++;
	}
	free(copy);
	return k->n ? 0 : cli_usage("summary", N_("--by needs at least one key"));
}

int cmd_summary(int argc, char **argv)
{
	static const struct option extra[] = {CLI_PROVINCES_LONGOPT,
	                                      CLI_ROSTER_LONGOPT,
	                                      {"by", required_argument, NULL, 'B'},
	                                      {NULL, 0, NULL, 0}};
	cli_inputs in = {0};
	keys_t keys = {{PDX_KEY_PROVINCE}, 0};
	int rc = cli_parse(&in, "summary", usage, argc, argv, extra, on_extra, &keys);
	in.provinces = true; /* province names as the map writes them */
	in.per_year = true;  /* each year by its own edition */
	if (rc >= 0)
		return rc;
	if (!keys.n)
		return cli_usage("summary", N_("missing --by, e.g. --by province"));
	if (optind >= argc)
		return cli_usage("summary", N_("no answer file given"));
	rc = cli_operands("summary", argv + optind, argc - optind, &in.files, &in.n_files);
	if (!rc)
		rc = cli_inputs_begin(&in, "summary", in.files, in.n_files, NULL, 0);
	in.totals_only = true; /* totals, level and pillars are all it reads */
	if (!rc)
		rc = cli_inputs_read(&in, in.files, in.n_files, true);
	if (!rc)
		rc = cli_roster_check(&in);
	if (!rc) {
		pdx_summary *s = NULL;
		char *out = NULL;
		size_t len = 0;
		int e = pdx_summarize(&s, in.rubric, in.results, in.n_results, keys.keys, keys.n);
		if (!e)
			e = pdx_report_summary(&out, &len, in.rubric, s, cli_report_format(&in));
		rc = cli_emit(&in, e, out, len);
		pdx_summary_free(s);
		if (!rc)
			rc = cli_inputs_status(&in);
	}
	cli_inputs_free(&in);
	return rc;
}
