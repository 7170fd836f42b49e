/* SPDX-License-Identifier: MIT */
/* Benchmark baseline: the least any CSV reader must do — read the file and tokenize
 * it with libcsv, counting fields. pressdx's reading and scoring are reported as a
 * multiple of this, measured in the same run on the same file. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

static void on_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	++*(size_t *)data;
}

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	FILE *f = fopen(argv[1], "rb");
	if (!f)
		return 2;
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT) != 0)
		return 2;
	char buf[65536];
	size_t n, fields = 0;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (csv_parse(&p, buf, n, on_field, NULL, &fields) != n)
			return 1;
	csv_fini(&p, on_field, NULL, &fields);
	csv_free(&p);
	fclose(f);
	printf("%zu fields\n", fields);
	return 0;
}
