/* SPDX-License-Identifier: MIT */
/* pressdx rubrics: the rubrics that --rubric ID can name, in search order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

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

static int print_rubric(const char *path, const pdx_rubric *r, void *ctx)
{
	const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
	/* pad by characters, not bytes: "QĐ" is two characters but three bytes */
	print_padded(m->id, 12);
	print_padded(m->provisional ? "provisional" : "official", 12);
	print_padded(m->decision ? m->decision : "-", 18);
	printf("%zu tiêu chí  %s\n", pdx_rubric_criterion_count(r), m->title);
	printf("%12s %s\n", "", path);
	*(int *)ctx = 1;
	return 0;
}

int cmd_rubrics(int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs("Cách dùng (usage): pressdx rubrics\n\n"
		      "Liệt kê các bộ chỉ số có sẵn, với mã, tên, quyết định và trạng thái\n"
		      "(official/provisional). Lists the bundled rubrics. Dùng mã với --rubric\n"
		      "(use the id with --rubric: it is the id inside the file, not its name).\n"
		      "Thư mục tìm kiếm, theo thứ tự (search order):\n",
		      stdout);
		cli_dirs dirs;
		cli_dirs_get(&dirs);
		for (size_t i = 0; i < dirs.n; i++)
			printf("  %s\n", dirs.dir[i]);
		cli_dirs_free(&dirs);
		return 0;
	}
	if (argc > 1)
		return cli_usage_error("rubrics", "đối số thừa (unexpected argument) \"%s\"",
		                       argv[1]);
	int found = 0;
	if (cli_rubrics_each(print_rubric, &found) == CLI_RUBRICS_OOM) {
		fprintf(stderr, "pressdx: hết bộ nhớ (out of memory)\n");
		return 2;
	}
	if (!found) {
		fprintf(stderr,
		        "pressdx rubrics: không tìm thấy bộ chỉ số nào (no rubrics found)\n");
		return 2;
	}
	return 0;
}
