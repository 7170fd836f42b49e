/* SPDX-License-Identifier: MIT */
/* pressdx check: an agency's answers file checked, and sent back annotated (-o). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"

static const char *const usage =
    "Cách dùng (usage): pressdx check [tùy chọn] TỆP [-o bản-kiểm-tra.xlsx] [--force]\n"
    "\n"
    "Kiểm tra một tệp câu trả lời (.csv, .xlsx, .ods) như lệnh validate và, với -o, gửi\n"
    "lại chính bảng của cơ quan dưới dạng bảng tính .xlsx có chú thích: trang đầu là mọi ô\n"
    "của trang tính đã đọc, ô có lỗi tô đỏ, cảnh báo tô vàng, ô trả lời để trống tô xanh,\n"
    "mỗi ô kèm một ghi chú (sửa xong gửi lại, tệp được chấm nguyên trạng); trang \"Các vấn\n"
    "đề\" (mở ra đầu tiên) liệt kê mọi vấn đề (vị trí, cơ quan, tiêu chí, mức độ, mã, thông\n"
    "báo). Định dạng gốc, công thức và các trang khác không được giữ lại. Bản có chú thích\n"
    "được ghi cả khi tệp có lỗi.\n"
    "Checks one answers file as validate does and, with -o, sends the agency's own sheet\n"
    "back as an annotated .xlsx workbook: every cell of the sheet read, errors filled red,\n"
    "warnings amber, blank answer cells blue, each with a comment (corrected and sent\n"
    "back, it scores as it is), then a sheet listing every problem, the one it opens on.\n"
    "The source's formatting, formulas and other sheets are not carried over. The\n"
    "annotated copy is written even when the file has errors.\n"
    "\n"
    "  --rubric TỆP|MÃ      bộ chỉ số (rubric file or id;\n"
    "                       " CLI_RUBRIC_DEFAULT_HELP ")\n"
    "  --sheet TÊN          trang tính của tệp .xlsx/.ods (workbook sheet; mặc định trang "
    "đầu)\n"
    "  --year NĂM           năm cho các dòng để trống cột year (year of rows without one)\n"
    "  --encoding cp1258|tcvn3  bảng mã cũ của tệp (legacy encoding of the file)\n"
    "  --delimiter ,|;|tab  dấu phân cách (delimiter; mặc định tự nhận từ dòng tiêu đề)\n"
    "  -o, --output TỆP     ghi bản có chú thích (.xlsx) vào tệp (write the annotated\n"
    "                       workbook to FILE, atomically; never the input; \"-\": stdout,\n"
    "                       not a terminal)\n"
    "  --force              cho phép ghi đè tệp -o đã có (replace an existing -o file)\n"
    "  -h, --help           trợ giúp (this help)\n"
    "Các vấn đề in ra stderr như validate (problems to stderr, as validate prints them).\n"
    "Mã thoát (exit status): 0 không lỗi; 1 có lỗi trong câu trả lời; 2 lỗi cách dùng, tệp\n"
    "không đọc được hoặc bị từ chối (usage, unreadable or rejected file).\n";

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
			fprintf(say, "%s: %zu lỗi, %zu cảnh báo%s (%zu error%s, %zu warning%s%s)\n",
			        file, errors, warnings,
			        rc == PDX_EINVALID ? ", tệp bị từ chối" : "", errors,
			        errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
			        rc == PDX_EINVALID ? ", file rejected" : "");
			if (written && !to_stdout)
				fprintf(say,
				        "đã ghi bản có chú thích vào %s (annotated copy written to "
				        "%s)\n",
				        output, output);
		}
	}
	pdx_diags_free(d);
	pdx_rubric_free(r);
	pdx_output_free(o); /* not committed after a failure: the target stays as it was */
	free(rubric_path);
	return status;
}
