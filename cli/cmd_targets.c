/* SPDX-License-Identifier: MIT */
/* pressdx targets: the agencies measured against a province's or ministry's plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "msg.h"

static const char *const usage[] = {
    N_("Usage: pressdx targets --plan FILE|ID [options] ANSWERS.csv...\n"
       "\n"
       "Checks the agencies against the targets of a provincial or ministry plan: for each\n"
       "indicator its target, the agencies that meet it out of those in scope, met or not,\n"
       "and which agencies fall short. Only the agencies in the plan's scope count\n"
       "(provincial plan: the province column; ministry plan: the owner column). --year\n"
       "chooses the targets of that year; by default the year of the answers, and when the\n"
       "plan sets no target for it, the next year with targets.\n"
       "\n"
       "  --plan FILE|ID        plan file, or an id in rubrics/plans (hai-phong, tay-ninh,\n"
       "                        can-tho, lai-chau, bo-noi-vu)\n"),
    cli_provinces_help, cli_roster_help, cli_input_help, NULL};

static int on_extra(int opt, const char *arg, void *ctx)
{
	if (opt != 'P')
		return 2;
	*(const char **)ctx = arg;
	return 0;
}

/* A plan whose province (or owner) is none of the agencies' is a mistake worth an exit
 * status: "0 agencies" would read as a measured result. Says which names the data has. */
static void no_agency_in_scope(const pdx_plan *plan, const cli_inputs *in)
{
	const pdx_plan_meta *m = pdx_plan_meta_get(plan);
	bool owner = m->scope == PDX_KEY_OWNER;
	/* the names, data in no language, gathered first: one message takes them */
	char *names = NULL, *found = NULL;
	size_t names_len = 0, found_len = 0;
	FILE *nf = open_memstream(&names, &names_len);
	FILE *ff = open_memstream(&found, &found_len);
	if (!nf || !ff) {
		if (nf)
			fclose(nf);
		if (ff)
			fclose(ff);
		free(names);
		free(found);
		cli_say(stderr, "pressdx: ", N_("out of memory"));
		cli_oom = true;
		return;
	}
	for (size_t i = 0; i < m->n_matches; i++)
		fprintf(nf, "%s%s", i ? " / " : "", m->matches[i]);
	const char *none = cli_lang == PDX_LANG_EN   ? N_("none given")
	                   : cli_lang == PDX_LANG_VI ? cli_tr(N_("none given"))
	                                             : "không ghi / none given";
	const char **seen = calloc(in->n_results + 1, sizeof(*seen));
	size_t n_seen = 0;
	for (size_t i = 0; seen && i < in->n_results; i++) {
		const pdx_assessment *a = in->results[i]->assessment;
		const char *v = owner ? a->owner : a->province;
		size_t k = 0;
		while (k < n_seen && !(v && seen[k] && strcmp(seen[k], v) == 0) &&
		       !(!v && !seen[k]))
			k++;
		if (k < n_seen)
			continue;
		seen[n_seen++] = v;
		if (v)
			fprintf(ff, "%s%s", n_seen > 1 ? ", " : "", v);
		else
			fprintf(ff, "%s(%s)", n_seen > 1 ? ", " : "", none);
	}
	free(seen);
	fclose(nf);
	fclose(ff);
	if (owner)
		cli_err("targets",
		        N_("the plan %s (owner %s) matches no agency of the input; owners in the "
		           "input: %s"),
		        m->id, names ? names : "", found ? found : "");
	else
		cli_err("targets",
		        N_("the plan %s (province %s) matches no agency of the input; provinces "
		           "in the input: %s"),
		        m->id, names ? names : "", found ? found : "");
	free(names);
	free(found);
}

int cmd_targets(int argc, char **argv)
{
	static const struct option extra[] = {CLI_PROVINCES_LONGOPT,
	                                      CLI_ROSTER_LONGOPT,
	                                      {"plan", required_argument, NULL, 'P'},
	                                      {NULL, 0, NULL, 0}};
	cli_inputs in = {0};
	const char *plan_arg = NULL;
	int rc = cli_parse(&in, "targets", usage, argc, argv, extra, on_extra, &plan_arg);
	in.provinces = true; /* province names as the map writes them */
	if (rc >= 0)
		return rc;
	if (!plan_arg)
		return cli_usage("targets", N_("missing --plan, e.g. --plan hai-phong"));
	if (optind >= argc)
		return cli_usage("targets", N_("no answer file given"));
	/* the plan is found before anything is read, so that -o cannot name it */
	char *path = cli_find_data(plan_arg, "plans");
	if (!path) {
		cli_err("targets", N_("plan \"%s\" not found"), plan_arg);
		return 2;
	}
	const char *more[] = {path};
	rc = cli_operands("targets", argv + optind, argc - optind, &in.files, &in.n_files);
	if (!rc)
		rc = cli_inputs_begin(&in, "targets", in.files, in.n_files, more, 1);
	if (!rc)
		rc = cli_inputs_read(&in, in.files, in.n_files, true);
	if (!rc)
		rc = cli_roster_check(&in);
	pdx_plan *plan = NULL;
	if (!rc) {
		pdx_diags *d = pdx_diags_new();
		int e = d ? pdx_plan_load_file(&plan, path, in.rubric, d) : PDX_ENOMEM;
		cli_print_diags(d);
		if (e == PDX_ENOMEM)
			cli_say(stderr, "pressdx: ", N_("out of memory"));
		else if (e)
			cli_err("targets", N_("plan %s rejected"), path);
		rc = e ? 2 : 0;
		pdx_diags_free(d);
	}
	free(path);
	if (!rc) {
		pdx_targets *t = NULL;
		char *out = NULL;
		size_t len = 0;
		int e = pdx_targets_compute(&t, plan, in.results, in.n_results, in.year);
		if (!e)
			e = pdx_report_targets(&out, &len, in.rubric, t, cli_report_format(&in));
		rc = cli_emit(&in, e, out, len);
		if (!rc)
			rc = cli_inputs_status(&in);
		if (!rc && t && t->in_scope + t->unfilled == 0 && in.n_results > 0) {
			no_agency_in_scope(plan, &in);
			rc = 1;
		}
		pdx_targets_free(t);
	}
	pdx_plan_free(plan);
	cli_inputs_free(&in);
	return rc;
}
