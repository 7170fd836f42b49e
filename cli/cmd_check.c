/* SPDX-License-Identifier: MIT */
/* pressdx check: an agency's answers file checked, and sent back annotated (-o). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"

static const char *const usage[] = {
    N_("Usage: pressdx check [options] FILE [-o checked.xlsx] [--force]\n"
       "\n"
       "Checks one answer file (.csv, .xlsx, .ods) as validate does and, with -o, sends the\n"
       "agency's own sheet back as an annotated .xlsx workbook: the first sheet holds every\n"
       "cell of the sheet read, errors filled red, warnings amber, blank answer cells blue,\n"
       "each with a comment (corrected and sent back, the file scores as it is); the sheet\n"
       "\"Các vấn đề\" (the one it opens on) lists every problem (place, agency, criterion,\n"
       "severity, code, message). The source's formatting, formulas and other sheets are not\n"
       "carried over. The annotated copy is written even when the file has errors.\n"
       "\n"
       "  --rubric FILE|ID      rubric file or id (default: the edition of the assessment\n"
       "                        year)\n"
       "  --sheet NAME          sheet of an .xlsx/.ods workbook (default: the first)\n"
       "  --year YEAR           year of the rows that leave the year column empty\n"
       "  --encoding cp1258|tcvn3  legacy encoding of the file\n"
       "  --delimiter ,|;|tab   delimiter (default: detected from the header line)\n"
       "  -o, --output FILE     write the annotated workbook (.xlsx) to FILE, atomically;\n"
       "                        never the input; \"-\": standard output, not a terminal\n"
       "  --force               replace an existing -o file\n"
       "  -h, --help            this help\n"
       "The problems go to standard error, as validate prints them.\n"
       "Exit status: 0 no errors; 1 errors in the answers; 2 usage error, or a file that\n"
       "cannot be read or is rejected.\n"),
    NULL};

static int on_extra(int opt, const char *arg, void *ctx)
{
	(void)arg;
	if (opt != 'F')
		return 2;
	*(bool *)ctx = true;
	return 0;
}

static int to_output(void *ctx, const char *data, size_t len)
{
	return pdx_output_write(ctx, data, len);
}

/* without -o: the diagnostics only (the workbook is made and dropped) */
static int discard(void *ctx, const char *data, size_t len)
{
	(void)ctx;
	(void)data;
	(void)len;
	return 0;
}

/* Without --rubric: the edition of the years the file gives, read once for them (the
 * file's problems are reported by the check itself, not here). */
static char *edition_of_file(const char *file, const cli_inputs *in)
{
	pdx_answers *set = pdx_answers_new(NULL);
	if (!set) {
		cli_say(stderr, "pressdx: ", N_("out of memory"));
		return NULL;
	}
	pdx_read_options ro = {in->encoding, in->delimiter, in->year, in->sheet};
	(void)pdx_answers_read_file(set, file, &ro, NULL);
	size_t n = pdx_answers_count(set), k = 0;
	int *years = malloc((n + 1) * sizeof *years);
	char *path = NULL;
	if (years) {
		for (size_t i = 0; i < n; i++) {
			int y = pdx_answers_get(set, i)->year;
			bool seen = y == 0;
			for (size_t j = 0; j < k && !seen; j++)
				seen = years[j] == y;
			if (!seen)
				years[k++] = y;
		}
		path = cli_edition_path("check", years, k);
	} else {
		cli_say(stderr, "pressdx: ", N_("out of memory"));
	}
	free(years);
	pdx_answers_free(set);
	return path;
}

int cmd_check(int argc, char **argv)
{
	static const struct option extra[] = {{"force", no_argument, NULL, 'F'},
	                                      {NULL, 0, NULL, 0}};
	cli_inputs in = {0};
	bool force = false;
	int rc = cli_parse(&in, "check", usage, argc, argv, extra, on_extra, &force);
	if (rc >= 0)
		return rc;
	if (in.format || in.require_evidence || in.supersede)
		return cli_usage(
		    "check",
		    N_("--format, --require-evidence and --supersede are not options of check"));
	if (optind >= argc)
		return cli_usage("check", N_("no file to check given"));
	if (optind + 1 < argc)
		return cli_usage("check", N_("checks one file at a time"));
	const char *file = argv[optind];
	const char *output = in.output;
	bool to_stdout = output && strcmp(output, "-") == 0;
	if (to_stdout && cli_output_binary("check", output))
		return 2;
	char *rubric_path =
	    in.rubric_arg ? cli_rubric_path("check", in.rubric_arg) : edition_of_file(file, &in);
	if (!rubric_path)
		return 2;
	const char *inputs[] = {file, rubric_path};
	rc = output ? cli_output_check("check", output, inputs, 2) : 0;
	pdx_output *o = NULL;
	if (!rc && output)
		rc = cli_output_open(&o, "check", output, force ? 0 : PDX_OUTPUT_NO_CLOBBER);
	pdx_rubric *r = NULL;
	if (!rc)
		rc = cli_load_rubric(&r, "check", rubric_path);
	pdx_diags *d = NULL;
	int status = rc;
	if (!rc) {
		d = pdx_diags_new();
		pdx_read_options ro = {in.encoding, in.delimiter, in.year, in.sheet};
		rc = d ? pdx_answers_annotate(file, &ro, r, o ? to_output : discard, o, d)
		       : PDX_ENOMEM;
		cli_print_diags(d);
		bool write_failed = o && pdx_output_error_get(o)->code != 0;
		if (rc == PDX_ENOMEM) {
			cli_say(stderr, "pressdx: ", N_("out of memory"));
			status = 2;
		} else if (write_failed || (rc && rc != PDX_EINVALID && rc != PDX_EIO)) {
			status = cli_output_failed(o, "check", output, rc);
		} else if (rc == PDX_EIO) {
			status = 2; /* not read (or too large for a worksheet): said above */
		} else {
			size_t errors = pdx_diags_errors(d);
			size_t warnings = pdx_diags_count(d) - errors;
			status = rc == PDX_EINVALID ? 2 : errors ? 1 : 0;
			bool written = false;
			if (o && cli_output_finish(o, "check", output, NULL, 0))
				status = 2;
			else
				written = o != NULL;
			/* a workbook on standard output: the summary goes with the diagnostics */
			FILE *say = to_stdout ? stderr : stdout;
			fprintf(say, "%s: ", file);
			/* English has singular and plural, Vietnamese one form: a message per
			 * case, [rejected][errors != 1][warnings != 1] */
			static const char *const counts[2][2][2] = {
			    {{N_("%zu error, %zu warning"), N_("%zu error, %zu warnings")},
			     {N_("%zu errors, %zu warning"), N_("%zu errors, %zu warnings")}},
			    {{N_("%zu error, %zu warning, file rejected"),
			      N_("%zu error, %zu warnings, file rejected")},
			     {N_("%zu errors, %zu warning, file rejected"),
			      N_("%zu errors, %zu warnings, file rejected")}}};
			const char *fmt = counts[rc == PDX_EINVALID][errors != 1][warnings != 1];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
			cli_say(say, "", fmt, errors, warnings);
#pragma GCC diagnostic pop
			if (written && !to_stdout)
				cli_say(say, "", N_("annotated copy written to %s"), output);
		}
	}
	pdx_diags_free(d);
	pdx_rubric_free(r);
	pdx_output_free(o); /* not committed after a failure: the target stays as it was */
	free(rubric_path);
	return status;
}
