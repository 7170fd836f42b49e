/* SPDX-License-Identifier: MIT */
/* pressdx rank: agencies ranked by total within blocks, provinces, or overall. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "msg.h"

static const char *const usage[] = {
    N_("Usage: pressdx rank [--within block|province|none] [options] ANSWERS.csv...\n"
       "\n"
       "Ranks the agencies by total, highest first, within each block (the default), each\n"
       "province, or overall. Equal totals share a rank and the next rank is skipped (1, 2, 2,\n"
       "4); within a tie, by agency id. Agencies with errors are still ranked, but marked.\n"
       "When the data holds several years, each year is ranked on its own.\n"
       "\n"
       "  --within block|province|none  ranking group (default block)\n"
       "  --publication         the publication list in the form of the ministry's\n"
       "                        recognition decision: per block, by level from the highest,\n"
       "                        then by name (Vietnamese alphabetical order); no scores;\n"
       "                        agencies with errors are left out\n"),
    cli_provinces_help, cli_roster_help, cli_input_help, NULL};

typedef struct {
	pdx_within within;
	bool within_given, publication;
} rank_opts;

static int on_extra(int opt, const char *arg, void *ctx)
{
	rank_opts *o = ctx;
	pdx_within *w = &o->within;
	if (opt == 'P') {
		o->publication = true;
		return 0;
	}
	if (opt != 'W')
		return 2;
	o->within_given = true;
	if (strcmp(arg, "block") == 0)
		*w = PDX_WITHIN_BLOCK;
	else if (strcmp(arg, "province") == 0)
		*w = PDX_WITHIN_PROVINCE;
	else if (strcmp(arg, "none") == 0)
		*w = PDX_WITHIN_NONE;
	else
		return cli_usage("rank", N_("--within must be block, province or none, not \"%s\""),
		                 arg);
	return 0;
}

int cmd_rank(int argc, char **argv)
{
	static const struct option extra[] = {CLI_PROVINCES_LONGOPT,
	                                      CLI_ROSTER_LONGOPT,
	                                      {"within", required_argument, NULL, 'W'},
	                                      {"publication", no_argument, NULL, 'P'},
	                                      {NULL, 0, NULL, 0}};
	cli_inputs in = {0};
	rank_opts o = {PDX_WITHIN_BLOCK, false, false};
	int rc = cli_parse(&in, "rank", usage, argc, argv, extra, on_extra, &o);
	in.provinces = true; /* province names as the map writes them */
	in.per_year = true;  /* each year by its own edition */
	if (rc >= 0)
		return rc;
	if (o.publication && o.within_given)
		return cli_usage("rank",
		                 N_("--publication is always per block, not with --within"));
	if (optind >= argc)
		return cli_usage("rank", N_("no answer file given"));
	rc = cli_operands("rank", argv + optind, argc - optind, &in.files, &in.n_files);
	if (!rc)
		rc = cli_inputs_begin(&in, "rank", in.files, in.n_files, NULL, 0);
	in.totals_only = true; /* totals, level and pillars are all it reads */
	if (!rc)
		rc = cli_inputs_read(&in, in.files, in.n_files, true);
	if (!rc)
		rc = cli_roster_check(&in);
	if (!rc) {
		pdx_ranking *rk = NULL;
		pdx_publication *pub = NULL;
		char *out = NULL;
		size_t len = 0;
		int e;
		if (o.publication) {
			e = pdx_publication_build(&pub, in.results, in.n_results);
			if (!e)
				e = pdx_report_publication(&out, &len, in.rubric, pub,
				                           cli_report_format(&in));
		} else {
			e = pdx_rank(&rk, in.results, in.n_results, o.within);
			if (!e)
				e = pdx_report_rank(&out, &len, in.rubric, rk,
				                    cli_report_format(&in));
		}
		rc = cli_emit(&in, e, out, len);
		pdx_ranking_free(rk);
		pdx_publication_free(pub);
		if (!rc)
			rc = cli_inputs_status(&in);
	}
	cli_inputs_free(&in);
	return rc;
}
