/* SPDX-License-Identifier: MIT */
/* pressdx rubrics: the rubrics that --rubric ID can name, in search order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"

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
	print_padded(m->provisional ? "provisional" : m->published ? "published" : "official", 12);
	print_padded(m->decision ? m->decision : "-", 18);
	/* a listing, not a message: one word in one language (Vietnamese for both) */
	printf("%zu %s  %s\n", pdx_rubric_criterion_count(r),
	       cli_lang == PDX_LANG_EN ? N_("criteria") : cli_tr(N_("criteria")), m->title);
	if (m->extends) {
		/* one word each side: "(mở rộng X, extends X)" for both */
		const char *vi = cli_tr(N_("extends"));
		if (cli_lang == PDX_LANG_BOTH)
			printf("%12s %s (%s %s, extends %s)\n", "", path, vi, m->extends,
			       m->extends);
		else
			printf("%12s %s (%s %s)\n", "", path,
			       cli_lang == PDX_LANG_EN ? "extends" : vi, m->extends);
	} else
		printf("%12s %s\n", "", path);
	*(int *)ctx = 1;
	return 0;
}

/* The whole of a table file ("-": standard input), at most 16 MiB (a rubric's limit). */
static char *slurp(const char *path, size_t *len)
{
	if (!path)
		return NULL;
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f) {
		perror(path);
		return NULL;
	}
	size_t cap = 1 << 16, n = 0, limit = (size_t)16 << 20;
	char *buf = malloc(cap + 1);
	while (buf) {
		size_t k = fread(buf + n, 1, cap - n, f);
		n += k;
		if (n < cap)
			break;
		if (cap >= limit) {
			cli_say(stderr, "", N_("%s: file over 16 MiB"), path);
			free(buf);
			buf = NULL;
			break;
		}
		cap *= 2;
		char *g = realloc(buf, cap + 1);
		if (!g)
			free(buf);
		buf = g;
	}
	if (buf && ferror(f)) {
		perror(path);
		free(buf);
		buf = NULL;
	}
	if (f != stdin)
		fclose(f);
	if (buf) {
		buf[n] = '\0';
		*len = n;
	}
	return buf;
}

/* -o FILE (or none: stdout) from argv[2..]; the one operand in *operand. */
static int sub_args(const char *cmd, int argc, char **argv, const char **operand,
                    const char **output)
{
	*operand = NULL;
	*output = NULL;
	for (int i = 2; i < argc; i++) {
		if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) &&
		    i + 1 < argc)
			*output = argv[++i];
		else if (strncmp(argv[i], "--output=", 9) == 0)
			*output = argv[i] + 9;
		else if (argv[i][0] == '-' && argv[i][1] && !*operand)
			return cli_usage(cmd, N_("invalid option \"%s\""), argv[i]);
		else if (!*operand)
			*operand = argv[i];
		else
			return cli_usage(cmd, N_("unexpected argument \"%s\""), argv[i]);
	}
	return *operand ? 0
	       : strcmp(cmd, "rubrics export") == 0
	           ? cli_usage(cmd, N_("missing operand ID|FILE"))
	           : cli_usage(cmd, N_("missing operand TABLE.csv"));
}

/* pressdx rubrics export ID|FILE [-o TABLE.csv] */
static int rubrics_export(int argc, char **argv)
{
	const char *cmd = "rubrics export", *arg, *output;
	int rc = sub_args(cmd, argc, argv, &arg, &output);
	if (rc)
		return rc;
	char *path = cli_rubric_path(cmd, arg);
	if (!path)
		return 2;
	const char *inputs[] = {path};
	pdx_output *o = NULL;
	pdx_rubric *r = NULL;
	rc = cli_output_check(cmd, output, inputs, 1);
	if (!rc)
		rc = cli_output_open(&o, cmd, output, 0);
	if (!rc)
		rc = cli_load_rubric(&r, cmd, path);
	char *out = NULL;
	size_t len = 0;
	int e = rc ? 0 : pdx_rubric_export_table(&out, &len, r);
	if (e == PDX_EINVALID) {
		cli_err(cmd, N_("an option key or label holds ';' or a line break: the table "
		                "cannot be written"));
		rc = 2;
	} else if (e) {
		cli_say(stderr, "pressdx: ", N_("out of memory"));
		rc = 2;
	} else if (!rc) {
		rc = cli_output_finish(o, cmd, output, out, len);
	}
	free(out);
	pdx_output_free(o);
	pdx_rubric_free(r);
	free(path);
	return rc;
}

/* The loader's findings on the XML made from the table, said of the table: the XML's
 * lines mean nothing to the person who typed it; the element id does. */
static void print_as_table(const pdx_diags *d, const char *table)
{
	for (size_t i = 0; i < pdx_diags_count(d); i++) {
		pdx_diag g = *pdx_diags_get(d, i);
		g.file = table;
		g.line = 0;
		g.column = 0;
		char *s = pdx_diag_format_lang(&g, cli_lang);
		if (s)
			fprintf(stderr, "%s\n", s);
		free(s);
	}
}

/* pressdx rubrics import TABLE.csv [-o EDITION.xml] */
static int rubrics_import(int argc, char **argv)
{
	const char *cmd = "rubrics import", *table, *output;
	int rc = sub_args(cmd, argc, argv, &table, &output);
	if (rc)
		return rc;
	const char *inputs[] = {table};
	rc = cli_output_check(cmd, output, inputs, 1);
	pdx_output *o = NULL;
	if (!rc)
		rc = cli_output_open(&o, cmd, output, 0);
	size_t len = 0;
	char *data = rc ? NULL : slurp(table, &len);
	if (!rc && !data)
		rc = 2;
	pdx_diags *d = pdx_diags_new();
	char *xml = NULL;
	size_t xlen = 0;
	pdx_rubric *r = NULL;
	if (!rc) {
		int e = d ? pdx_rubric_import_table(&xml, &xlen, data, len, table, d) : PDX_ENOMEM;
		cli_print_diags(d);
		if (!e) {
			/* the rubric's own rules (sums, bands, levels) by the loader itself */
			pdx_diags *ld = pdx_diags_new();
			e = ld ? pdx_rubric_load_memory(&r, xml, xlen, table, ld) : PDX_ENOMEM;
			print_as_table(ld, table);
			pdx_diags_free(ld);
		}
		if (e == PDX_ENOMEM) {
			cli_say(stderr, "pressdx: ", N_("out of memory"));
			rc = 2;
		} else if (e) {
			cli_err(cmd,
			        N_("the table %s does not make a valid rubric; nothing written"),
			        table);
			rc = 2;
		} else {
			rc = cli_output_finish(o, cmd, output, xml, xlen);
			if (!rc && output)
				cli_say(stderr, "", N_("Rubric %s (%zu criteria) written to %s"),
				        pdx_rubric_meta_get(r)->id, pdx_rubric_criterion_count(r),
				        output);
		}
	}
	pdx_rubric_free(r);
	free(xml);
	free(data);
	pdx_diags_free(d);
	pdx_output_free(o);
	return rc;
}

int cmd_rubrics(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "export") == 0)
		return rubrics_export(argc, argv);
	if (argc > 1 && strcmp(argv[1], "import") == 0)
		return rubrics_import(argc, argv);
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		static const char *const help[] = {
		    N_("Usage: pressdx rubrics\n"
		       "       pressdx rubrics export ID|FILE.xml [-o TABLE.csv]\n"
		       "       pressdx rubrics import TABLE.csv [-o EDITION.xml]\n"
		       "\n"
		       "Lists the bundled rubrics, with their id, title, decision and status\n"
		       "(official/published/provisional). Use the id with --rubric: it is the id "
		       "inside the\n"
		       "file, not its name.\n"
		       "export: the rubric as a table, a line per criterion;\n"
		       "import: a table typed from the decision's annex made into a checked rubric "
		       "file\n"
		       "(.xml; see the README).\n"
		       "  -o, --output FILE     export, import: write to FILE, atomically\n"
		       "  -h, --help            this help\n"),
		    NULL};
		cli_help(stdout, help);
		cli_put(stdout, N_("Folders searched, in order"));
		fputs(":\n", stdout);
		cli_dirs dirs;
		cli_dirs_get(&dirs);
		for (size_t i = 0; i < dirs.n; i++)
			printf("  %s\n", dirs.dir[i]);
		cli_dirs_free(&dirs);
		return 0;
	}
	if (argc > 1)
		return cli_usage("rubrics", N_("unexpected argument \"%s\""), argv[1]);
	int found = 0;
	if (cli_rubrics_each(print_rubric, &found) == CLI_RUBRICS_OOM) {
		cli_say(stderr, "pressdx: ", N_("out of memory"));
		return 2;
	}
	if (!found) {
		cli_err("rubrics", N_("no rubrics found"));
		return 2;
	}
	return 0;
}
