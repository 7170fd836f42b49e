/* Reading the inputs shared by the commands that score answers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_parse_year(const char *s, int *year)
{
	char *end;
	long y = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || y < 1900 || y > 2999)
		return -1;
	*year = (int)y;
	return 0;
}

int cli_inputs_option(cli_inputs *in, const char *cmd, int opt, const char *arg)
{
	switch (opt) {
	case 'r':
		in->rubric_arg = arg;
		return 0;
	case 'y':
		if (cli_parse_year(arg, &in->year) != 0)
			return cli_usage_error(cmd, "năm không hợp lệ (invalid year) \"%s\"", arg);
		return 0;
	case 'E':
		if (strcmp(arg, "cp1258") != 0 && strcmp(arg, "tcvn3") != 0 &&
		    strcmp(arg, "utf-8") != 0)
			return cli_usage_error(
			    cmd,
			    "bảng mã không hỗ trợ (unsupported encoding) \"%s\"; "
			    "dùng cp1258, tcvn3 hoặc utf-8",
			    arg);
		in->encoding = arg;
		return 0;
	case 'D':
		if (strcmp(arg, ",") == 0 || strcmp(arg, ";") == 0)
			in->delimiter = arg[0];
		else if (strcmp(arg, "tab") == 0 || strcmp(arg, "\t") == 0 ||
		         strcmp(arg, "\\t") == 0)
			in->delimiter = '\t';
		else
			return cli_usage_error(
			    cmd, "dấu phân cách phải là , ; hoặc tab (delimiter) \"%s\"", arg);
		return 0;
	case 'R':
		in->require_evidence = true;
		return 0;
	case 'f':
		if (strcmp(arg, "text") != 0 && strcmp(arg, "json") != 0 && strcmp(arg, "csv") != 0)
			return cli_usage_error(
			    cmd, "định dạng phải là text, json hoặc csv (format) \"%s\"", arg);
		in->format = arg;
		return 0;
	case 'o':
		in->output = arg;
		return 0;
	default:
		return 1;
	}
}

int cli_inputs_load(cli_inputs *in, const char *cmd, char **files, int n_files, bool score)
{
	int rc = cli_load_rubric(&in->rubric, cmd, in->rubric_arg);
	if (rc)
		return rc;
	in->answers = pdx_answers_new(in->rubric);
	in->diags = pdx_diags_new();
	if (!in->answers || !in->diags) {
		fprintf(stderr, "pressdx: hết bộ nhớ (out of memory)\n");
		return 2;
	}
	pdx_read_options ro = {in->encoding, in->delimiter, in->year};
	for (int i = 0; i < n_files; i++) {
		rc = pdx_answers_read_file(in->answers, files[i], &ro, in->diags);
		if (rc == PDX_ENOMEM) {
			fprintf(stderr, "pressdx: hết bộ nhớ (out of memory)\n");
			return 2;
		}
		if (rc)
			in->files_rejected++;
	}
	cli_print_diags(in->diags);
	if (!score)
		return 0;
	pdx_score_options so = {in->require_evidence};
	if (pdx_score_all(&in->results, &in->n_results, in->rubric, in->answers, &so) != 0) {
		fprintf(stderr, "pressdx: hết bộ nhớ (out of memory)\n");
		return 2;
	}
	for (size_t i = 0; i < in->n_results; i++) {
		/* reading problems were attached to the assessment; print them once, here,
		 * together with the answer errors found while scoring */
		cli_print_diags(in->results[i]->diags);
	}
	return 0;
}

void cli_inputs_free(cli_inputs *in)
{
	pdx_results_free(in->results, in->n_results);
	pdx_answers_free(in->answers);
	pdx_diags_free(in->diags);
	pdx_rubric_free(in->rubric);
}

int cli_inputs_status(const cli_inputs *in)
{
	if (in->files_rejected)
		return 2;
	if (pdx_diags_errors(in->diags))
		return 1;
	for (size_t i = 0; i < in->n_results; i++)
		if (pdx_result_errors(in->results[i]))
			return 1;
	for (size_t i = 0; in->answers && i < pdx_answers_count(in->answers); i++)
		if (pdx_diags_errors(pdx_answers_get(in->answers, i)->diags))
			return 1;
	return 0;
}
