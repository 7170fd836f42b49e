/* SPDX-License-Identifier: MIT */
/* pressdx validate: check rubric and answer files without scoring. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"

static const char *const usage[] = {
    N_("Usage: pressdx validate [options] FILE...\n"
       "\n"
       "Checks rubric files (.xml) and answer files (.csv) without scoring: every problem is\n"
       "reported with its file:line:column. Answers are checked against --rubric.\n"
       "\n"
       "  --rubric FILE|ID      rubric to check the answers against (default: the edition\n"
       "                        of the assessment year)\n"
       "  --year YEAR           year of the rows that leave the year column empty\n"
       "  --encoding cp1258|tcvn3  legacy encoding of the files\n"
       "  --delimiter ,|;|tab   delimiter\n"
       "  --sheet NAME          sheet of an .xlsx/.ods workbook (default: the first)\n"
       "  --supersede           later files replace earlier files' assessments (agency ×\n"
       "                        year) whole\n"
       "  --resolved            print the whole rubric (XML) of a file written as an\n"
       "                        extension (extends=), to the screen or to -o FILE.xml\n"
       "  -h, --help            this help\n"
       "The results of the check go to standard output, the problems to standard error.\n"),
    NULL};

static int looks_like_xml(const char *path)
{
	size_t n = strlen(path);
	return n > 4 && strcmp(path + n - 4, ".xml") == 0;
}

/* validate keeps nothing of a result but its diagnostics, printed and counted */
static int drop(pdx_result *res, void *ctx)
{
	(void)ctx;
	pdx_result_free(res);
	return 0;
}

static int on_extra(int opt, const char *arg, void *ctx)
{
	(void)arg;
	*(bool *)ctx = opt == 'Z';
	return opt == 'Z' ? 0 : 2;
}

/* validate --resolved RUBRIC.xml [-o FILE]: the rubric as one whole file, what an
 * edition written as differences (extends=) amounts to; checked before anything is
 * written, so a rubric that does not load writes nothing. */
static int print_resolved(const cli_inputs *in, const char *path)
{
	const char *cmd = "validate --resolved";
	const char *inputs[] = {path};
	pdx_output *o = NULL;
	pdx_rubric *r = NULL;
	int rc = cli_output_check(cmd, in->output, inputs, 1);
	if (!rc)
		rc = cli_output_open(&o, cmd, in->output, 0);
	if (!rc)
		rc = cli_load_rubric(&r, cmd, path);
	if (!rc) {
		size_t len;
		const char *xml = pdx_rubric_resolved_xml(r, &len);
		rc = cli_output_finish(o, cmd, in->output, xml, len);
	}
	pdx_output_free(o);
	pdx_rubric_free(r);
	return rc;
}

int cmd_validate(int argc, char **argv)
{
	static const struct option extra[] = {{"resolved", no_argument, NULL, 'Z'},
	                                      {NULL, 0, NULL, 0}};
	cli_inputs in = {0};
	bool resolved = false;
	int rc = cli_parse(&in, "validate", usage, argc, argv, extra, on_extra, &resolved);
	if (rc >= 0)
		return rc;
	if (resolved) {
		if (in.format || in.require_evidence || argc - optind != 1 ||
		    !looks_like_xml(argv[optind]))
			return cli_usage(
			    "validate",
			    N_("--resolved takes exactly one rubric file (.xml), and -o"));
		rc = print_resolved(&in, argv[optind]);
		cli_inputs_free(&in);
		return rc;
	}
	/* validate writes no report: output options would be silently ignored */
	if (in.format || in.output || in.require_evidence)
		return cli_usage(
		    "validate",
		    N_("--format, -o and --require-evidence are not options of validate"));
	if (optind >= argc)
		return cli_usage("validate", N_("no file to check given"));
	int status = 0;
	char **csvs = calloc((size_t)argc, sizeof(char *));
	int n_csv = 0;
	if (!csvs)
		return 2;
	for (int i = optind; i < argc; i++) {
		if (!looks_like_xml(argv[i])) {
			csvs[n_csv++] = argv[i];
			continue;
		}
		pdx_diags *d = pdx_diags_new();
		pdx_rubric *r = NULL;
		rc = d ? pdx_rubric_load_file(&r, argv[i], d) : PDX_ENOMEM;
		cli_print_diags(d);
		if (rc == PDX_ENOMEM)
			cli_say(stderr, "pressdx: ", N_("out of memory"));
		if (rc) {
			status = 2;
		} else {
			const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
			size_t n = pdx_rubric_criterion_count(r);
			printf("%s: ", argv[i]);
			if (m->extends && m->provisional)
				cli_say(stdout, "",
				        N_("valid: rubric %s, %zu criteria, provisional content, "
				           "written as an extension of %s"),
				        m->id, n, m->extends);
			else if (m->extends)
				cli_say(
				    stdout, "",
				    N_("valid: rubric %s, %zu criteria, official, written as an "
				       "extension of %s"),
				    m->id, n, m->extends);
			else if (m->provisional)
				cli_say(stdout, "",
				        N_("valid: rubric %s, %zu criteria, provisional content"),
				        m->id, n);
			else
				cli_say(stdout, "", N_("valid: rubric %s, %zu criteria, official"),
				        m->id, n);
		}
		pdx_rubric_free(r);
		pdx_diags_free(d);
	}
	if (n_csv) {
		/* Scoring is what finds unparsable answers, so validate scores and keeps only
		 * the diagnostics. */
		in.totals_only = true;
		/* a folder stands for its answer files, as for score */
		rc = cli_operands("validate", csvs, n_csv, &in.files, &in.n_files);
		if (!rc)
			rc = cli_inputs_load(&in, "validate", in.files, in.n_files, false);
		if (!rc)
			rc = cli_inputs_each(&in, drop, NULL);
		if (rc) {
			status = 2;
		} else {
			int st = cli_inputs_status(&in);
			if (st > status)
				status = st;
			size_t na = pdx_answers_count(in.answers);
			size_t bad = in.agencies_with_errors;
			cli_say(stdout, "",
			        /* counts after a colon: English needs no plural of its own */
			        N_("answer files: %d, assessments: %zu, with errors: %zu, files "
			           "rejected: %d"),
			        in.n_files, na, bad, in.files_rejected);
		}
	}
	cli_inputs_free(&in);
	free(csvs);
	return status;
}
