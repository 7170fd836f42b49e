/* pressdx — command-line front end of libpressdx.
 *
 * A thin layer: it parses arguments, finds the rubric, calls the library and prints.
 * Exit status: 0 all agencies scored without errors; 1 some agency had answer
 * errors (every other agency is still scored and printed); 2 usage, rubric or
 * unreadable-file errors. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char *const main_usage =
    "Cách dùng (usage): pressdx <lệnh> [tùy chọn] ...\n"
    "\n"
    "Chấm điểm mức độ trưởng thành chuyển đổi số báo chí (Quyết định 951/QĐ-BTTTT và các\n"
    "phiên bản sau). Scores press agencies against the press digital transformation\n"
    "maturity index.\n"
    "\n"
    "Lệnh (commands):\n"
    "  score      chấm điểm các tệp câu trả lời (score answer files)\n"
    "  template   tạo phiếu khảo sát CSV để điền (write the questionnaire as CSV)\n"
    "  validate   kiểm tra tệp bộ chỉ số và tệp câu trả lời (check rubric and answer files)\n"
    "  rank       xếp hạng theo khối/tỉnh (rank agencies within blocks or provinces)\n"
    "  summary    tổng hợp theo tỉnh/khối/năm... (summaries per group)\n"
    "  gap        lộ trình lên mức tiếp theo (roadmap to the next level)\n"
    "  targets    đối chiếu với chỉ tiêu kế hoạch tỉnh/bộ (plan targets)\n"
    "  diff       so sánh hai bộ câu trả lời (compare two answer sets)\n"
    "  rubrics    liệt kê các bộ chỉ số có sẵn (list the bundled rubrics)\n"
    "\n"
    "  pressdx <lệnh> --help   trợ giúp cho từng lệnh (help on a command)\n"
    "  pressdx --version       phiên bản (version)\n"
    "\n"
    "Mã thoát (exit status): 0 không lỗi; 1 có cơ quan có câu trả lời lỗi (các cơ quan khác\n"
    "vẫn được chấm); 2 lỗi cách dùng, bộ chỉ số hoặc tệp không đọc được.\n";

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "pressdx %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nXem (see) \"pressdx %s --help\".\n", cmd);
	return 2;
}

void cli_print_diags(const pdx_diags *d)
{
	for (size_t i = 0; i < pdx_diags_count(d); i++) {
		char *line = pdx_diag_format(pdx_diags_get(d, i));
		if (line)
			fprintf(stderr, "%s\n", line);
		free(line);
	}
}

/* The places a rubric id is looked up, in order: $PRESSDX_RUBRIC_DIR, the installed
 * data folder, and the source tree this binary was built from (so that a build
 * works before `meson install`). */
static size_t rubric_dirs(const char **dirs)
{
	size_t n = 0;
	const char *env = getenv("PRESSDX_RUBRIC_DIR");
	if (env && *env)
		dirs[n++] = env;
	dirs[n++] = PDX_RUBRIC_DIR;
	dirs[n++] = PDX_SOURCE_RUBRIC_DIR;
	return n;
}

static int is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *cli_find_data(const char *arg, const char *subdir)
{
	if (strcmp(arg, "-") == 0 || strchr(arg, '/') || is_file(arg))
		return strdup(arg);
	const char *dirs[4];
	size_t n = rubric_dirs(dirs);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(dirs[i]) + strlen(subdir) + strlen(arg) + 8;
		char *p = malloc(len);
		if (!p)
			return NULL;
		snprintf(p, len, "%s%s%s/%s.xml", dirs[i], *subdir ? "/" : "", subdir, arg);
		if (is_file(p))
			return p;
		free(p);
	}
	return NULL;
}

int cli_load_rubric(pdx_rubric **out, const char *cmd, const char *arg)
{
	*out = NULL;
	if (!arg)
		arg = CLI_DEFAULT_RUBRIC;
	char *path = cli_find_data(arg, "");
	if (!path) {
		fprintf(stderr,
		        "pressdx %s: không tìm thấy bộ chỉ số \"%s\" (rubric not found); xem "
		        "\"pressdx rubrics\" hoặc dùng --rubric TỆP.xml\n",
		        cmd, arg);
		return 2;
	}
	pdx_diags *d = pdx_diags_new();
	int rc = d ? pdx_rubric_load_file(out, path, d) : PDX_ENOMEM;
	cli_print_diags(d);
	if (rc == PDX_ENOMEM)
		fprintf(stderr, "pressdx: hết bộ nhớ (out of memory)\n");
	else if (rc)
		fprintf(stderr, "pressdx %s: bộ chỉ số %s không dùng được (rubric rejected)\n", cmd,
		        path);
	pdx_diags_free(d);
	free(path);
	return rc ? 2 : 0;
}

int cli_write_output(const char *path, const char *data, size_t len)
{
	if (!path || strcmp(path, "-") == 0) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
			fprintf(stderr,
			        "pressdx: không ghi được kết quả (cannot write output): %s\n",
			        strerror(errno));
			return 2;
		}
		return 0;
	}
	if (pdx_write_atomic(path, data, len) != 0) {
		fprintf(stderr, "pressdx: không ghi được %s (cannot write): %s\n", path,
		        strerror(errno));
		return 2;
	}
	return 0;
}

static void print_padded(const char *s, size_t width)
{
	size_t w = 0;
	for (const char *p = s; *p; p++)
		w += ((unsigned char)*p & 0xc0) != 0x80;
	fputs(s, stdout);
	do
		putchar(' ');
	while (++w < width + 1);
}

static int cmd_rubrics(int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs("Cách dùng (usage): pressdx rubrics\n\n"
		      "Liệt kê các bộ chỉ số có sẵn, với mã, tên, quyết định và trạng thái\n"
		      "(official/provisional). Lists the bundled rubrics. Dùng mã với --rubric.\n"
		      "Thư mục tìm kiếm (search order): $PRESSDX_RUBRIC_DIR, " PDX_RUBRIC_DIR
		      ", thư mục nguồn.\n",
		      stdout);
		return 0;
	}
	if (argc > 1)
		return cli_usage_error("rubrics", "đối số thừa (unexpected argument) \"%s\"",
		                       argv[1]);
	const char *dirs[4];
	size_t n = rubric_dirs(dirs);
	char seen[64][128];
	size_t n_seen = 0;
	int found = 0;
	for (size_t i = 0; i < n; i++) {
		DIR *dir = opendir(dirs[i]);
		if (!dir)
			continue;
		struct dirent *e;
		char *names[256] = {0};
		size_t nn = 0;
		while ((e = readdir(dir)) && nn < 256) {
			size_t l = strlen(e->d_name);
			if (l > 4 && strcmp(e->d_name + l - 4, ".xml") == 0)
				names[nn++] = strdup(e->d_name);
		}
		closedir(dir);
		qsort(names, nn, sizeof *names, cli_strcmp_ptr);
		for (size_t k = 0; k < nn; k++) {
			if (!names[k])
				continue;
			char path[4096];
			snprintf(path, sizeof path, "%s/%s", dirs[i], names[k]);
			pdx_rubric *r = NULL;
			if (pdx_rubric_load_file(&r, path, NULL) == 0) {
				const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
				int dup = 0;
				for (size_t s = 0; s < n_seen; s++)
					dup |= strcmp(seen[s], m->id) == 0;
				if (!dup) {
					if (n_seen < 64)
						snprintf(seen[n_seen++], sizeof seen[0], "%s",
						         m->id);
					/* pad by characters, not bytes: "QĐ" is two
					 * characters but three bytes */
					print_padded(m->id, 12);
					print_padded(m->provisional ? "provisional" : "official",
					             12);
					print_padded(m->decision ? m->decision : "-", 18);
					printf("%zu tiêu chí  %s\n", pdx_rubric_criterion_count(r),
					       m->title);
					printf("%12s %s\n", "", path);
					found = 1;
				}
			}
			pdx_rubric_free(r);
			free(names[k]);
		}
	}
	if (!found) {
		fprintf(stderr,
		        "pressdx rubrics: không tìm thấy bộ chỉ số nào (no rubrics found)\n");
		return 2;
	}
	return 0;
}

int cli_strcmp_ptr(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	if (!x || !y)
		return !x - !y;
	return strcmp(x, y);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(main_usage, stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		fputs(main_usage, stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
		printf("pressdx %s\n", pdx_version());
		return 0;
	}
	if (strcmp(cmd, "score") == 0)
		return cmd_score(argc - 1, argv + 1);
	if (strcmp(cmd, "template") == 0)
		return cmd_template(argc - 1, argv + 1);
	if (strcmp(cmd, "validate") == 0)
		return cmd_validate(argc - 1, argv + 1);
	if (strcmp(cmd, "rank") == 0)
		return cmd_rank(argc - 1, argv + 1);
	if (strcmp(cmd, "summary") == 0)
		return cmd_summary(argc - 1, argv + 1);
	if (strcmp(cmd, "gap") == 0)
		return cmd_gap(argc - 1, argv + 1);
	if (strcmp(cmd, "diff") == 0)
		return cmd_diff(argc - 1, argv + 1);
	if (strcmp(cmd, "targets") == 0)
		return cmd_targets(argc - 1, argv + 1);
	if (strcmp(cmd, "rubrics") == 0)
		return cmd_rubrics(argc - 1, argv + 1);
	fprintf(stderr, "pressdx: lệnh không biết \"%s\" (unknown command)\n\n%s", cmd, main_usage);
	return 2;
}
