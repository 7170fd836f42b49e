/* SPDX-License-Identifier: MIT */
/* pressdx template: the questionnaire as CSV, ready for Excel, as an .xlsx workbook with
 * drop-downs and locked question cells, or as an XLSForm for Kobo/ODK. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"

static const char *const usage[] = {
    N_("Usage: pressdx template [options]\n"
       "\n"
       "Writes the questionnaire as CSV (UTF-8 with a BOM, opens in Excel as it is): a line per\n"
       "criterion with the question, the valid answers and the maximum points next to the empty\n"
       "answer column. Fill in the answer (and evidence) column, then score the file with\n"
       "\"pressdx score\".\n"
       "\n"
       "  -f, --format csv|xlsx|xlsform  kind of questionnaire (default csv):\n"
       "                        xlsx: an Excel workbook with an instructions sheet,\n"
       "                        drop-down lists and locked question cells; the filled file\n"
       "                        scores as it is\n"
       "                        xlsform: an XLSForm for Kobo/ODK; the tool's export scores\n"
       "                        as it is\n"
       "  --rubric FILE|ID      rubric (default: the edition of --year, without --year the\n"
       "                        latest)\n"
       "  --agency-id ID        agency id to prefill\n"
       "  --name NAME           agency name\n"
       "  --province PROVINCE   province or city\n"
       "  --owner BODY          governing body\n"
       "  --block BLOCK         ranking block\n"
       "  --media TYPES         media types, separated by | (e.g. in|dien-tu)\n"
       "  --year YEAR           assessment year\n"
       "  -o, --output FILE     write to FILE, atomically; an existing file is left alone (a\n"
       "                        filled questionnaire is hours of work); xlsx and xlsform are\n"
       "                        not written to a terminal\n"
       "  --force               replace an existing -o file\n"
       "  -h, --help            this help\n"),
    NULL};

/* The library's writers hand their bytes to the output. */
static int to_output(void *ctx, const char *data, size_t len)
{
	return pdx_output_write(ctx, data, len);
}

int cmd_template(int argc, char **argv)
{
	static const struct option longopts[] = {{"rubric", required_argument, NULL, 'r'},
	                                         {"agency-id", required_argument, NULL, 'a'},
	                                         {"name", required_argument, NULL, 'n'},
	                                         {"province", required_argument, NULL, 'p'},
	                                         {"owner", required_argument, NULL, 'w'},
	                                         {"block", required_argument, NULL, 'b'},
	                                         {"media", required_argument, NULL, 'm'},
	                                         {"year", required_argument, NULL, 'y'},
	                                         {"output", required_argument, NULL, 'o'},
	                                         {"force", no_argument, NULL, 'F'},
	                                         {"format", required_argument, NULL, 'f'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	pdx_template_options t = {0};
	const char *rubric = NULL, *output = NULL, *format = "csv";
	bool force = false;
	int opt;
	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "r:o:f:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			cli_help(stdout, usage);
			return 0;
		case 'r':
			rubric = optarg;
			break;
		case 'a':
			t.agency_id = optarg;
			break;
		case 'n':
			t.agency_name = optarg;
			break;
		case 'p':
			t.province = optarg;
			break;
		case 'w':
			t.owner = optarg;
			break;
		case 'b':
			t.block = optarg;
			break;
		case 'm':
			t.media = optarg;
			break;
		case 'y':
			if (cli_parse_year(optarg, &t.year) != 0)
				return cli_usage("template", N_("invalid year \"%s\""), optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'F':
			force = true;
			break;
		default:
			return cli_usage("template", N_("invalid option \"%s\""), argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage("template", N_("unexpected argument \"%s\""), argv[optind]);
	bool xlsx = strcmp(format, "xlsx") == 0, xlsform = strcmp(format, "xlsform") == 0;
	if (!xlsx && !xlsform && strcmp(format, "csv") != 0)
		return cli_usage("template", N_("invalid format \"%s\": use csv, xlsx or xlsform"),
		                 format);
	/* a workbook is binary: not onto a terminal, before anything is read */
	if ((xlsx || xlsform) && cli_output_binary("template", output))
		return 2;
	/* Before anything is read: the rubric file is not the output, and an existing
	 * questionnaire (perhaps already filled in) is not replaced without --force. */
	char *rubric_path = rubric || !t.year ? cli_rubric_path("template", rubric)
	                                      : cli_edition_path("template", &t.year, 1);
	if (!rubric_path)
		return 2;
	const char *inputs[] = {rubric_path};
	pdx_output *o = NULL;
	int rc = cli_output_check("template", output, inputs, 1);
	if (!rc)
		rc = cli_output_open(&o, "template", output, force ? 0 : PDX_OUTPUT_NO_CLOBBER);
	pdx_rubric *r = NULL;
	if (!rc)
		rc = cli_load_rubric(&r, "template", rubric_path);
	char *out = NULL;
	size_t len = 0;
	if (!rc && (xlsx || xlsform)) {
		int w = xlsx ? pdx_template_xlsx(r, &t, to_output, o)
		             : pdx_template_xlsform(r, &t, to_output, o);
		if (w == PDX_EIO && pdx_output_error_get(o)->code == 0) {
			/* not the output: the workbook's temporary file */
			cli_err("template",
			        N_("cannot make the temporary workbook in $TMPDIR or /tmp"));
			rc = 2;
		} else if (w) {
			rc = cli_output_failed(o, "template", output, w);
		} else {
			rc = cli_output_finish(o, "template", output, NULL, 0);
		}
	} else if (!rc && pdx_template_csv(&out, &len, r, &t) != 0) {
		cli_say(stderr, "pressdx: ", N_("out of memory"));
		rc = 2;
	} else if (!rc) {
		rc = cli_output_finish(o, "template", output, out, len);
	}
	pdx_free(out);
	pdx_output_free(o);
	pdx_rubric_free(r);
	free(rubric_path);
	return rc;
}
