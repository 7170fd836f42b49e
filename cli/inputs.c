/* SPDX-License-Identifier: MIT */
/* Reading the inputs shared by the commands that score answers. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "msg.h"

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
			return cli_usage(cmd, N_("invalid year \"%s\""), arg);
		return 0;
	case 'E':
		if (strcmp(arg, "cp1258") != 0 && strcmp(arg, "tcvn3") != 0 &&
		    strcmp(arg, "utf-8") != 0)
			return cli_usage(
			    cmd, N_("unsupported encoding \"%s\": use cp1258, tcvn3 or utf-8"),
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
			return cli_usage(cmd, N_("the delimiter must be , ; or tab, not \"%s\""),
			                 arg);
		return 0;
	case 'K':
		in->sheet = arg;
		return 0;
	case 'R':
		in->require_evidence = true;
		return 0;
	case 'S':
		in->supersede = true;
		return 0;
	case 'f':
		if (strcmp(arg, "text") != 0 && strcmp(arg, "json") != 0 &&
		    strcmp(arg, "csv") != 0 && strcmp(arg, "html") != 0 && strcmp(arg, "xlsx") != 0)
			return cli_usage(
			    cmd, N_("the format must be text, json, csv, html or xlsx, not \"%s\""),
			    arg);
		in->format = arg;
		return 0;
	case 'o':
		in->output = arg;
		return 0;
	case 'M':
		if (cli_parse_year(arg, &in->provinces_to) != 0)
			return cli_usage(cmd, N_("invalid year \"%s\""), arg);
		return 0;
	case 'X':
		in->roster = arg;
		return 0;
	default:
		return 1;
	}
}

/* cli_inputs_each's function for the commands that need every result at once */
static int keep(pdx_result *res, void *ctx)
{
	cli_inputs *in = ctx;
	if (in->n_results == in->cap_results) {
		size_t cap = in->cap_results ? in->cap_results * 2 : 64;
		pdx_result **p = realloc(in->results, cap * sizeof(*p));
		if (!p) {
			pdx_result_free(res);
			cli_say(stderr, "pressdx: ", N_("out of memory"));
			return 2;
		}
		in->results = p;
		in->cap_results = cap;
	}
	in->results[in->n_results++] = res;
	return 0;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Without --rubric: the edition in force for the years the answers give, chosen once
 * they are read (the answer set is not tied to an edition). */
static int load_edition(cli_inputs *in, const char *cmd)
{
	size_t n = pdx_answers_count(in->answers), k = 0;
	int *years = malloc((n + 1) * sizeof *years);
	if (!years) {
		cli_say(stderr, "pressdx: ", N_("out of memory"));
		return 2;
	}
	for (size_t i = 0; i < n; i++)
		if (pdx_answers_get(in->answers, i)->year) /* unknown years have their warning */
			years[k++] = pdx_answers_get(in->answers, i)->year;
	qsort(years, k, sizeof *years, cmp_int);
	size_t u = 0;
	for (size_t i = 0; i < k; i++)
		if (!u || years[u - 1] != years[i])
			years[u++] = years[i];
	char *path;
	pdx_rubric **v;
	size_t nv;
	int rc = cli_editions_load(cmd, years, u, in->per_year, &v, &nv, &path);
	free(years);
	if (rc)
		return rc;
	in->rubric = v[0];
	if (nv > 1) {
		in->editions = v;
		in->n_editions = nv;
	} else {
		free(v);
	}
	free(in->rubric_path);
	in->rubric_path = path;
	return 0;
}

const pdx_rubric *const *cli_inputs_editions(const cli_inputs *in, size_t *n)
{
	if (in->editions) {
		*n = in->n_editions;
		return (const pdx_rubric *const *)in->editions;
	}
	*n = 1;
	return (const pdx_rubric *const *)&in->rubric;
}

/* The edition in force for `year` among those loaded (the first, the newest, for a
 * year none covers: cli_editions_load loaded the latest edition for it). */
static size_t edition_for(const cli_inputs *in, int year)
{
	for (size_t e = 0; e < in->n_editions; e++) {
		const pdx_rubric_meta *m = pdx_rubric_meta_get(in->editions[e]);
		if (year >= m->year_from && (!m->year_to || year <= m->year_to))
			return e;
	}
	return 0;
}

/* Province cells → official names of the map (issue 11 §4), before anything groups by
 * them; with --provinces YEAR, under the unit of that year's map. */
static int normalise_provinces(cli_inputs *in, const char *cmd)
{
	pdx_diags *d = pdx_diags_new();
	pdx_provinces *map = NULL;
	int rc = d ? pdx_provinces_load_file(&map, in->provinces_path, d) : PDX_ENOMEM;
	bool loaded = rc == 0;
	if (loaded && in->provinces_to && in->provinces_to < pdx_provinces_new_map_from(map)) {
		int from = pdx_provinces_new_map_from(map);
		pdx_provinces_free(map);
		pdx_diags_free(d);
		return cli_usage(cmd,
		                 N_("--provinces %d: only the map from %d groups earlier years"),
		                 in->provinces_to, from);
	}
	if (loaded)
		rc = pdx_provinces_apply(map, in->answers, in->provinces_to != 0, d);
	if (rc == PDX_ENOMEM) {
		cli_say(stderr, "pressdx: ", N_("out of memory"));
	} else {
		cli_print_diags(d); /* the map's problems, or the provinces' warnings */
		if (rc)
			cli_err(cmd, N_("cannot load the province map %s"), in->provinces_path);
	}
	pdx_provinces_free(map);
	pdx_diags_free(d);
	return rc ? 2 : 0;
}

int cli_inputs_load(cli_inputs *in, const char *cmd, char **files, int n_files, bool score)
{
	int rc = in->rubric_arg ? cli_load_rubric(&in->rubric, cmd, in->rubric_arg) : 0;
	if (rc)
		return rc;
	pdx_answers_options ao = {in->supersede};
	in->answers = pdx_answers_new(&ao);
	in->diags = pdx_diags_new();
	if (!in->answers || !in->diags) {
		cli_say(stderr, "pressdx: ", N_("out of memory"));
		return 2;
	}
	pdx_read_options ro = {in->encoding, in->delimiter, in->year, in->sheet};
	for (int i = 0; i < n_files; i++) {
		rc = pdx_answers_read_file(in->answers, files[i], &ro, in->diags);
		if (rc == PDX_ENOMEM) {
			cli_say(stderr, "pressdx: ", N_("out of memory"));
			return 2;
		}
		if (rc)
			in->files_rejected++;
	}
	cli_print_diags(in->diags);
	if (in->provinces && (rc = normalise_provinces(in, cmd)) != 0)
		return rc;
	if (!in->rubric && (rc = load_edition(in, cmd)) != 0)
		return rc;
	return score ? cli_inputs_each(in, keep, in) : 0;
}

int cli_inputs_each(cli_inputs *in, cli_result_fn fn, void *ctx)
{
	pdx_score_options so = {.require_evidence = in->require_evidence,
	                        .totals_only = in->totals_only};
	size_t n = pdx_answers_count(in->answers), ne;
	const pdx_rubric *const *ed = cli_inputs_editions(in, &ne);
	pdx_scorer **scorers = calloc(ne, sizeof *scorers);
	int status = scorers ? 0 : 2;
	for (size_t e = 0; !status && e < ne; e++)
		if (pdx_scorer_new(&scorers[e], ed[e], &so))
			status = 2;
	if (status) {
		for (size_t e = 0; scorers && e < ne; e++)
			pdx_scorer_free(scorers[e]);
		free(scorers);
		cli_say(stderr, "pressdx: ", N_("out of memory"));
		return 2;
	}
	for (size_t i = 0; i < n && !status; i++) {
		pdx_result *res;
		const pdx_assessment *a = pdx_answers_get(in->answers, i);
		pdx_scorer *scorer = scorers[ne > 1 ? edition_for(in, a->year) : 0];
		if (pdx_scorer_score(scorer, &res, a)) {
			cli_say(stderr, "pressdx: ", N_("out of memory"));
			status = 2;
			break;
		}
		/* reading problems were attached to the assessment; print them once, here,
		 * together with the answer errors found while scoring */
		cli_print_diags(res->diags);
		if (pdx_result_errors(res))
			in->agencies_with_errors++;
		status = fn(res, ctx);
	}
	for (size_t e = 0; e < ne; e++)
		pdx_scorer_free(scorers[e]);
	free(scorers);
	return status;
}

void cli_inputs_free(cli_inputs *in)
{
	cli_operands_free(in->files, in->n_files);
	in->files = NULL;
	in->n_files = 0;
	pdx_output_free(in->out); /* not committed: the target stays as it was */
	in->out = NULL;
	free(in->rubric_path);
	in->rubric_path = NULL;
	free(in->provinces_path);
	in->provinces_path = NULL;
	for (size_t i = 0; i < in->n_results; i++)
		pdx_result_free(in->results[i]);
	free(in->results);
	in->results = NULL;
	in->n_results = in->cap_results = 0;
	pdx_answers_free(in->answers);
	pdx_diags_free(in->diags);
	for (size_t e = 1; e < in->n_editions; e++) /* editions[0] is in->rubric */
		pdx_rubric_free(in->editions[e]);
	free(in->editions);
	in->editions = NULL;
	in->n_editions = 0;
	pdx_rubric_free(in->rubric);
}

int cli_inputs_status(const cli_inputs *in)
{
	if (in->files_rejected)
		return 2;
	if (pdx_diags_errors(in->diags) || in->agencies_with_errors)
		return 1;
	for (size_t i = 0; in->answers && i < pdx_answers_count(in->answers); i++)
		if (pdx_diags_errors(pdx_answers_get(in->answers, i)->diags))
			return 1;
	return 0;
}

/* Whether a folder entry is an answer file: by its extension, any case; not hidden,
 * not the lock files Excel ("~$phieu.xlsx") and LibreOffice (".~lock.…#") leave while
 * a workbook is open. .xls is taken so that its reader says to save it as .xlsx. */
static bool answer_file_name(const char *name)
{
	static const char *const ext[] = {".csv", ".tsv", ".txt", ".xlsx", ".ods", ".xls"};
	if (name[0] == '.' || strncmp(name, "~$", 2) == 0)
		return false;
	size_t n = strlen(name);
	for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
		size_t k = strlen(ext[i]);
		if (n > k && strcasecmp(name + n - k, ext[i]) == 0)
			return true;
	}
	return false;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int push(char ***v, size_t *n, size_t *cap, char *s)
{
	if (!s)
		return -1;
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		char **p = realloc(*v, c * sizeof(*p));
		if (!p) {
			free(s);
			return -1;
		}
		*v = p;
		*cap = c;
	}
	(*v)[(*n)++] = s;
	return 0;
}

int cli_operands(const char *cmd, char *const *args, int n_args, char ***out, int *n_out)
{
	char **v = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	*out = NULL;
	*n_out = 0;
	for (int i = 0; i < n_args && !rc; i++) {
		struct stat st;
		if (strcmp(args[i], "-") == 0 || stat(args[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
			/* as given: the reader names what is wrong with it */
			rc = push(&v, &n, &cap, strdup(args[i]));
			continue;
		}
		DIR *d = opendir(args[i]);
		if (!d) {
			cli_err(cmd, N_("cannot open the folder %s: %s"), args[i], strerror(errno));
			rc = 2;
			break;
		}
		size_t first = n;
		const char *sep = args[i][strlen(args[i]) - 1] == '/' ? "" : "/";
		struct dirent *e;
		while (!rc && (e = readdir(d))) {
			if (!answer_file_name(e->d_name))
				continue;
			size_t len = strlen(args[i]) + strlen(sep) + strlen(e->d_name) + 1;
			char *path = malloc(len);
			if (path)
				snprintf(path, len, "%s%s%s", args[i], sep, e->d_name);
			/* a folder named like a file, or a broken link: not an answer file */
			struct stat fs;
			if (path && (stat(path, &fs) != 0 || !S_ISREG(fs.st_mode))) {
				free(path);
				continue;
			}
			rc = push(&v, &n, &cap, path);
		}
		closedir(d);
		if (!rc && n == first) {
			cli_err(cmd, N_("the folder %s holds no answer file (.csv, .xlsx, .ods)"),
			        args[i]);
			rc = 2;
		}
		/* the same order on every machine and every run */
		if (!rc)
			qsort(v + first, n - first, sizeof(*v), by_name);
	}
	if (rc < 0)
		cli_say(stderr, "pressdx: ", N_("out of memory"));
	if (rc) {
		cli_operands_free(v, (int)n);
		return 2;
	}
	*out = v;
	*n_out = (int)n;
	return 0;
}

void cli_operands_free(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

pdx_format cli_format(const cli_inputs *in)
{
	if (in->format && strcmp(in->format, "json") == 0)
		return PDX_FORMAT_JSON;
	if (in->format && strcmp(in->format, "csv") == 0)
		return PDX_FORMAT_CSV;
	if (in->format && strcmp(in->format, "html") == 0)
		return PDX_FORMAT_HTML;
	if (in->format && strcmp(in->format, "xlsx") == 0)
		return PDX_FORMAT_XLSX;
	return PDX_FORMAT_TEXT;
}

pdx_format cli_report_format(const cli_inputs *in)
{
	return PDX_FORMAT_LANG(cli_format(in), cli_lang);
}

/* The help of the options every input command shares, and of --provinces, --roster:
 * pieces of the commands' help texts (cli_help), each in the catalogue once. */
const char cli_input_help[] =
    N_("  --rubric FILE|ID      rubric file or id (default: the edition of the assessment\n"
       "                        year)\n"
       "  --year YEAR           year of the rows that leave the year column empty\n"
       "  --encoding cp1258|tcvn3  legacy encoding of the files\n"
       "  --delimiter ,|;|tab   delimiter (default: detected from the header line)\n"
       "  --sheet NAME          sheet of an .xlsx/.ods workbook (default: the first)\n"
       "  --require-evidence    claimed criteria without evidence score 0\n"
       "  --supersede           later files replace earlier files' assessments (agency ×\n"
       "                        year) whole\n"
       "  --format text|json|csv|html|xlsx  output format (default text; html: a\n"
       "                        self-contained page; xlsx: an Excel workbook, a sheet per\n"
       "                        table)\n"
       "  -o, --output FILE     write the results to FILE, atomically; never an input\n"
       "  -h, --help            this help\n"
       "  The file \"-\" is standard input.\n");
const char cli_provinces_help[] =
    N_("  --provinces YEAR      group every year under the province map of YEAR (2025: the\n"
       "                        34 provinces and cities after the reorganisation)\n");
const char cli_roster_help[] =
    N_("  --roster FILE         the agencies expected to submit (CSV: agency_id,\n"
       "                        agency_name, province, block): lists those that have not\n"
       "                        submitted, year by year\n");
const char cli_help_tail[] = N_("  -h, --help            this help\n");

int cli_parse(cli_inputs *in, const char *cmd, const char *const *usage, int argc, char **argv,
              const struct option *extra, cli_extra_fn on_extra, void *ctx)
{
	static const struct option shared[] = {CLI_INPUT_LONGOPTS};
	size_t ns = sizeof shared / sizeof *shared, ne = 0;
	while (extra && extra[ne].name)
		ne++;
	struct option *all = calloc(ns + ne + 1, sizeof(*all));
	if (!all)
		return 2;
	memcpy(all, shared, sizeof shared);
	if (ne)
		memcpy(all + ns, extra, ne * sizeof(*extra));
	int opt, status = -1;
	optind = 1;
	opterr = 0;
	while (status < 0 &&
	       (opt = getopt_long(argc, argv, CLI_INPUT_SHORTOPTS, all, NULL)) != -1) {
		if (opt == 'h') {
			cli_help(stdout, usage);
			status = 0;
		} else if (opt == '?' || opt == ':') {
			status = cli_usage(cmd, N_("invalid option or missing value \"%s\""),
			                   argv[optind - 1]);
		} else {
			int rc = cli_inputs_option(in, cmd, opt, optarg);
			if (rc == 1)
				rc = on_extra ? on_extra(opt, optarg, ctx) : 2;
			if (rc)
				status = rc;
		}
	}
	free(all);
	return status;
}

int cli_inputs_begin(cli_inputs *in, const char *cmd, char *const *files, int n_files,
                     const char *const *more, size_t n_more)
{
	in->cmd = cmd;
	/* Before anything is read: the rubric that --rubric names, or every edition the
	 * answers' years may choose, is an input that no output may replace. */
	size_t n_ed = 0;
	char **editions = NULL;
	if (in->rubric_arg) {
		in->rubric_path = cli_rubric_path(cmd, in->rubric_arg);
		if (!in->rubric_path)
			return 2;
		in->rubric_arg = in->rubric_path;
	} else {
		editions = cli_rubric_files(&n_ed);
		if (n_ed == (size_t)-1)
			return 2;
		if (!editions)
			n_ed = 0; /* no rubric folder holds a file */
	}
	if (in->provinces) {
		in->provinces_path = cli_find_shipped("provinces", "provinces");
		if (!in->provinces_path) {
			cli_err(cmd, N_("the province map provinces/provinces.xml is in none of "
			                "the data folders"));
			for (size_t i = 0; i < n_ed; i++)
				free(editions[i]);
			free(editions);
			return 2;
		}
	}
	size_t n = (size_t)n_files + 3 + n_more + n_ed;
	const char **inputs = calloc(n, sizeof *inputs);
	if (!inputs) {
		cli_say(stderr, "pressdx: ", N_("out of memory"));
		for (size_t i = 0; i < n_ed; i++)
			free(editions[i]);
		free(editions);
		return 2;
	}
	size_t k = 0;
	for (int i = 0; i < n_files; i++)
		inputs[k++] = files[i];
	if (in->rubric_path)
		inputs[k++] = in->rubric_path;
	if (in->provinces_path)
		inputs[k++] = in->provinces_path;
	if (in->roster)
		inputs[k++] = in->roster;
	for (size_t i = 0; i < n_more; i++)
		inputs[k++] = more[i];
	for (size_t i = 0; i < n_ed; i++)
		inputs[k++] = editions[i];
	int rc = cli_output_check(cmd, in->output, inputs, k);
	free(inputs);
	for (size_t i = 0; i < n_ed; i++)
		free(editions[i]);
	free(editions);
	if (!rc && cli_format(in) == PDX_FORMAT_XLSX)
		rc = cli_output_binary(cmd, in->output);
	if (!rc)
		rc = cli_output_open(&in->out, cmd, in->output, 0);
	return rc;
}

int cli_inputs_read(cli_inputs *in, char **files, int n_files, bool score)
{
	int rc = cli_inputs_load(in, in->cmd, files, n_files, score);
	in->nothing_read = n_files > 0 && in->files_rejected >= n_files;
	return rc;
}

/* No file could be read and the output is a file: an earlier report there is kept. */
static bool keeps_old_output(const cli_inputs *in)
{
	return in->nothing_read && in->output && strcmp(in->output, "-") != 0;
}

int cli_inputs_commit(cli_inputs *in)
{
	if (keeps_old_output(in)) {
		/* A report of nothing must not replace an earlier report: the output is
		 * left uncommitted, so the file stays as it was. (On stdout the empty
		 * report is still printed: it replaces nothing.) */
		cli_err(in->cmd, N_("no file could be read; %s is left as it was"), in->output);
		return 0;
	}
	return cli_output_finish(in->out, in->cmd, in->output, NULL, 0);
}

int cli_emit(cli_inputs *in, int rc, char *out, size_t len)
{
	if (rc) {
		cli_say(stderr, "pressdx: ", N_("out of memory"));
		pdx_free(out);
		return 2;
	}
	if (!keeps_old_output(in) && !cli_oom && pdx_output_write(in->out, out, len) != 0) {
		pdx_free(out);
		return cli_output_failed(in->out, in->cmd, in->output, PDX_EIO);
	}
	pdx_free(out);
	return cli_inputs_commit(in);
}

int cli_roster_check(const cli_inputs *in)
{
	if (!in->roster)
		return 0;
	pdx_diags *d = pdx_diags_new();
	pdx_roster *ro = NULL;
	int rc = d ? pdx_roster_load_file(&ro, in->roster, d) : PDX_ENOMEM;
	size_t missing = 0;
	if (!rc) /* each year the answers give (or --year), on its own */
		rc = pdx_roster_check_results(ro, in->results, in->n_results, 0, &missing, d);
	cli_print_diags(d);
	if (rc == PDX_ENOMEM)
		cli_say(stderr, "pressdx: ", N_("out of memory"));
	else if (rc)
		cli_err(in->cmd, N_("roster %s rejected"), in->roster);
	else if (missing)
		cli_err(in->cmd, N_("roster agencies without a submission: %zu"), missing);
	pdx_roster_free(ro);
	pdx_diags_free(d);
	return rc ? 2 : 0;
}
