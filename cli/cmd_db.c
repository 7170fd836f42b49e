/* SPDX-License-Identifier: MIT */
/* pressdx db import | check, and pressdx history: the history store (issue 11 §3). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "msg.h"

/* a + b, malloc'd (NULL when out of memory) */
static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 1;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s", a, b);
	return s;
}

/* The database file: --db, else PRESSDX_DB, else $XDG_DATA_HOME/pressdx/history.sqlite
 * (XDG_DATA_HOME defaulting to ~/.local/share). With `make_dir` the default folder is
 * created. malloc'd, or NULL after a message. */
static char *db_path(const char *cmd, const char *arg, bool make_dir)
{
	if (arg)
		return strdup(arg);
	const char *env = getenv("PRESSDX_DB");
	if (env && *env)
		return strdup(env);
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char *base = xdg && *xdg ? strdup(xdg) : home && *home ? join(home, "/.local/share") : NULL;
	if (!base) {
		cli_err(cmd, N_("no HOME or XDG_DATA_HOME to put the database in: give --db FILE "
		                "or PRESSDX_DB"));
		return NULL;
	}
	char *dir = join(base, "/pressdx");
	char *path = dir ? join(dir, "/history.sqlite") : NULL;
	if (make_dir && dir) {
		/* every missing folder of the path, as mkdir -p (XDG's are private: 0700) */
		for (char *s = dir + 1; *s; s++)
			if (*s == '/') {
				*s = '\0';
				mkdir(dir,
				      0700); /* exists already, or the last mkdir says why not */
				*s = '/';
			}
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			cli_err(cmd, N_("cannot create the folder %s: %s"), dir, strerror(errno));
			free(path);
			path = NULL;
		}
	}
	free(base);
	free(dir);
	return path;
}

/* The database is written: it must not be one of the answer files (the same file by
 * device and inode, whatever its name). 0 or 2. */
static int not_an_input(const char *cmd, const char *path, char *const *files, int n)
{
	struct stat db, in;
	if (stat(path, &db) != 0)
		return 0; /* not there yet: it is no input */
	for (int i = 0; i < n; i++)
		if (stat(files[i], &in) == 0 && in.st_dev == db.st_dev && in.st_ino == db.st_ino) {
			cli_err(cmd, N_("--db %s is the input file %s: an input is never written"),
			        path, files[i]);
			return 2;
		}
	return 0;
}

/* A database path must be a regular file or nothing yet: never a device, a folder or
 * a FIFO, which SQLite would open as it could. 0 or 2. */
static int db_file_ok(const char *cmd, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
		return 0;
	cli_err(cmd, N_("%s is not a regular file and cannot be a database"), path);
	return 2;
}

static int open_db(pdx_history **h, const char *cmd, const char *path, unsigned flags)
{
	if (db_file_ok(cmd, path))
		return 2;
	pdx_diags *d = pdx_diags_new();
	int rc = d ? pdx_history_open(h, path, flags, d) : PDX_ENOMEM;
	cli_print_diags(d);
	pdx_diags_free(d);
	if (rc == PDX_ENOMEM)
		cli_say(stderr, "pressdx: ", N_("out of memory"));
	return rc ? 2 : 0;
}

static const char *const import_usage[] = {
    N_("Usage: pressdx db import [--db FILE] [--stage self|appraised] [options] ANSWERS...\n"
       "\n"
       "Scores the assessments and stores them in the history database (SQLite): each\n"
       "assessment (agency × year × stage) with the rubric used, the answers, the evidence,\n"
       "the points, the name and the hash of its file. An import is one transaction: all is\n"
       "stored or nothing. Importing the same assessment again with other content keeps the\n"
       "old one as replaced; importing it unchanged changes nothing. Assessments with errors\n"
       "are not stored (exit status 1).\n"
       "\n"
       "  --db FILE             database (default PRESSDX_DB, or\n"
       "                        $XDG_DATA_HOME/pressdx/history.sqlite)\n"
       "  --stage self|appraised  the agency's self-assessment (default) or the council's\n"
       "                        appraised one\n"
       "  --rubric, --year, --encoding, --delimiter, --sheet, --require-evidence, --supersede\n"
       "                        as for pressdx score\n"
       "  -h, --help            this help\n"),
    NULL};

typedef struct db_opts {
	const char *db;
	pdx_stage stage;
	const char *agency, *province, *block;
	pdx_history_by by;
} db_opts;

static int on_db_option(int opt, const char *arg, void *ctx)
{
	db_opts *o = ctx;
	switch (opt) {
	case 'B':
		o->db = arg;
		return 0;
	case 'G':
		if (strcmp(arg, "self") == 0)
			o->stage = PDX_STAGE_SELF;
		else if (strcmp(arg, "appraised") == 0)
			o->stage = PDX_STAGE_APPRAISED;
		else
			return cli_usage("db import",
			                 N_("--stage must be self or appraised, not \"%s\""), arg);
		return 0;
	case 'A':
		o->agency = arg;
		return 0;
	case 'V':
		o->province = arg;
		return 0;
	case 'L':
		o->block = arg;
		return 0;
	case 'Y':
		if (strcmp(arg, "agency") == 0)
			o->by = PDX_HISTORY_BY_AGENCY;
		else if (strcmp(arg, "province") == 0)
			o->by = PDX_HISTORY_BY_PROVINCE;
		else if (strcmp(arg, "block") == 0)
			o->by = PDX_HISTORY_BY_BLOCK;
		else
			return cli_usage("history",
			                 N_("--by must be agency, province or block, not \"%s\""),
			                 arg);
		return 0;
	default:
		return 2;
	}
}

static int db_import(int argc, char **argv)
{
	static const struct option extra[] = {{"db", required_argument, NULL, 'B'},
	                                      {"stage", required_argument, NULL, 'G'},
	                                      {NULL, 0, NULL, 0}};
	const char *cmd = "db import";
	cli_inputs in = {0};
	db_opts o = {0};
	int rc = cli_parse(&in, cmd, import_usage, argc, argv, extra, on_db_option, &o);
	if (rc >= 0)
		return rc;
	if (in.format || in.output)
		return cli_usage(cmd, N_("--format and -o are not options of db import"));
	if (optind >= argc)
		return cli_usage(cmd, N_("no answer file given"));
	in.per_year = true;  /* each year by its own edition */
	in.provinces = true; /* province names as the map writes them */
	char *path = db_path(cmd, o.db, true);
	if (!path)
		return 2;
	rc = cli_operands(cmd, argv + optind, argc - optind, &in.files, &in.n_files);
	if (!rc)
		rc = cli_inputs_begin(&in, cmd, in.files, in.n_files, NULL, 0);
	/* the database is written: it must not be one of the inputs */
	if (!rc)
		rc = not_an_input(cmd, path, in.files, in.n_files);
	pdx_history *h = NULL;
	if (!rc)
		rc = open_db(&h, cmd, path, PDX_HISTORY_CREATE);
	if (!rc)
		rc = cli_inputs_read(&in, in.files, in.n_files, true);
	int status = rc;
	if (!rc) {
		pdx_diags *d = pdx_diags_new();
		pdx_history_counts c = {0};
		const char *epoch = getenv("SOURCE_DATE_EPOCH");
		long long now = epoch && *epoch ? atoll(epoch) : (long long)time(NULL);
		int e = d ? pdx_history_import(h, in.results, in.n_results, o.stage, now, &c, d)
		          : PDX_ENOMEM;
		cli_print_diags(d);
		pdx_diags_free(d);
		if (e == PDX_ENOMEM)
			cli_say(stderr, "pressdx: ", N_("out of memory"));
		if (e) {
			cli_err(cmd, N_("nothing stored in %s"), path);
			status = 2;
		} else {
			printf("%s (%s): ", path, pdx_stage_name(o.stage));
			cli_say(stdout, "",
			        N_("%zu added, %zu replaced, %zu unchanged, %zu not stored"),
			        c.added, c.replaced, c.unchanged, c.skipped);
			status = cli_inputs_status(&in);
			if (c.skipped && status < 1)
				status = 1;
		}
	}
	pdx_history_close(h);
	cli_inputs_free(&in);
	free(path);
	return status;
}

static const char *const check_usage[] = {
    N_("Usage: pressdx db check [--db FILE]\n"
       "\n"
       "Checks the integrity of the history database: SQLite's (integrity_check, foreign keys)\n"
       "and pressdx's (one current version of each assessment, totals equal to the sum of\n"
       "pillars and criteria, stored rubrics matching their hash). Exit status 0 when there\n"
       "is no problem, 1 when there are, 2 when it cannot be opened.\n"
       "\n"
       "  --db FILE             database (default PRESSDX_DB, or\n"
       "                        $XDG_DATA_HOME/pressdx/history.sqlite)\n"
       "  -h, --help            this help\n"),
    NULL};

static int db_check(int argc, char **argv)
{
	static const struct option extra[] = {{"db", required_argument, NULL, 'B'},
	                                      {NULL, 0, NULL, 0}};
	const char *cmd = "db check";
	cli_inputs in = {0};
	db_opts o = {0};
	int rc = cli_parse(&in, cmd, check_usage, argc, argv, extra, on_db_option, &o);
	if (rc >= 0)
		return rc;
	if (optind < argc || in.format || in.output || in.rubric_arg)
		return cli_usage(cmd, N_("db check takes --db only"));
	char *path = db_path(cmd, o.db, false);
	pdx_history *h = NULL;
	rc = path ? open_db(&h, cmd, path, PDX_HISTORY_READONLY) : 2;
	if (!rc) {
		pdx_diags *d = pdx_diags_new();
		int e = d ? pdx_history_check(h, d) : PDX_ENOMEM;
		cli_print_diags(d);
		pdx_diags_free(d);
		if (e == 0) {
			printf("%s: ", path);
			cli_say(stdout, "", N_("no problems found"));
		}
		rc = e == 0 ? 0 : e == PDX_EINVALID ? 1 : 2;
	}
	pdx_history_close(h);
	free(path);
	return rc;
}

static const char *const aliases_usage[] = {
    N_("Usage: pressdx db aliases [--db FILE] ALIASES.csv\n"
       "\n"
       "Stores the renames and mergers of agencies (2025: 778 agencies remain after the\n"
       "reorganisation): each line old_id,new_id,since (old id, new id, date YYYY-MM-DD),\n"
       "delimiter , ; or tab. The history of the new id includes the years of the old one.\n"
       "Storing is one transaction; cycles (A → B → A) are refused.\n"
       "\n"
       "  --db FILE             database (default PRESSDX_DB, or\n"
       "                        $XDG_DATA_HOME/pressdx/history.sqlite)\n"
       "  -h, --help            this help\n"),
    NULL};

/* An error of the alias file at line:column, as the library's diagnostics read: the
 * severity and the message in cli_lang. */
static void alias_error(const char *file, long line, long col, const char *en)
{
	fprintf(stderr, "%s:%ld:%ld: %s: ", file, line, col,
	        cli_lang == PDX_LANG_VI   ? "lỗi"
	        : cli_lang == PDX_LANG_EN ? "error"
	                                  : "lỗi/error");
	/* en is one of the N_() messages below, none with a conversion */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-security"
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	cli_put(stderr, en);
#pragma GCC diagnostic pop
	fputc('\n', stderr);
}

static bool is_date(const char *s)
{
	int y, m, d;
	char end;
	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 || s[4] != '-' ||
	    s[7] != '-')
		return false;
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] &&
	       (m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

/* Splits `line` (modified) at `sep` into at most 3 fields, a pair of quotes around a
 * field removed; the number of fields, or 4 when there are more. */
static int split3(char *line, char sep, char *f[3], long col[3])
{
	int n = 0;
	char *s = line;
	for (;;) {
		if (n == 3)
			return 4;
		col[n] = (long)(s - line) + 1;
		char *e = strchr(s, sep);
		if (e)
			*e = '\0';
		size_t len = strlen(s);
		while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			s[--len] = '\0';
		while (*s == ' ')
			s++, len--;
		if (len >= 2 && s[0] == '"' && s[len - 1] == '"') {
			s[len - 1] = '\0';
			s++;
		}
		f[n++] = s;
		if (!e)
			return n;
		s = e + 1;
	}
}

/* Reads ALIASES.csv: a header naming old_id, new_id, since, then a line per alias. 0 with
 * *out (malloc'd, the strings in *text), or 2 after the errors are printed. */
static int read_aliases(const char *file, pdx_agency_alias **out, size_t *n, char **text)
{
	size_t len;
	*out = NULL;
	*n = 0;
	if (pdx_read_all(text, &len, file, (size_t)64 << 20) != 0) {
		cli_err("db aliases", N_("cannot read %s: %s"), file, strerror(errno));
		return 2;
	}
	char *s = *text;
	if (strncmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	size_t lines = 1;
	for (char *p = s; *p; p++)
		lines += *p == '\n';
	pdx_agency_alias *a = calloc(lines, sizeof *a);
	if (!a)
		return 2;
	int errors = 0;
	char sep = 0;
	long lineno = 0;
	for (char *line = s; line && *line;) {
		char *next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		size_t l = strlen(line);
		if (l && line[l - 1] == '\r')
			line[--l] = '\0';
		if (!l) {
			line = next;
			continue;
		}
		if (!sep) { /* the header: its delimiter is the file's */
			sep = strchr(line, ';') ? ';' : strchr(line, '\t') ? '\t' : ',';
			char *f[3];
			long col[3];
			if (split3(line, sep, f, col) != 3 || strcmp(f[0], "old_id") != 0 ||
			    strcmp(f[1], "new_id") != 0 || strcmp(f[2], "since") != 0) {
				alias_error(file, lineno, 1,
				            N_("the header must be old_id,new_id,since"));
				free(a);
				return 2;
			}
			line = next;
			continue;
		}
		char *f[3];
		long col[3] = {1, 1, 1};
		int nf = split3(line, sep, f, col);
		if (nf != 3) {
			alias_error(file, lineno, 1, N_("expected 3 cells: old id, new id, date"));
			errors++;
		} else if (!*f[0] || !*f[1]) {
			alias_error(file, lineno, *f[0] ? col[1] : col[0],
			            N_("an agency id is missing"));
			errors++;
		} else if (!is_date(f[2])) {
			alias_error(file, lineno, col[2],
			            N_("the date must be YYYY-MM-DD, e.g. 2025-07-01"));
			errors++;
		} else {
			a[*n] = (pdx_agency_alias){f[0], f[1], f[2], file, lineno};
			(*n)++;
		}
		line = next;
	}
	if (!sep) {
		alias_error(file, 1, 1, N_("the file is empty"));
		errors++;
	}
	if (errors) {
		free(a);
		*n = 0;
		return 2;
	}
	*out = a;
	return 0;
}

static int db_aliases(int argc, char **argv)
{
	static const struct option extra[] = {{"db", required_argument, NULL, 'B'},
	                                      {NULL, 0, NULL, 0}};
	const char *cmd = "db aliases";
	cli_inputs in = {0};
	db_opts o = {0};
	int rc = cli_parse(&in, cmd, aliases_usage, argc, argv, extra, on_db_option, &o);
	if (rc >= 0)
		return rc;
	if (argc - optind != 1 || in.format || in.output || in.rubric_arg)
		return cli_usage(cmd, N_("needs exactly one alias file, and --db"));
	pdx_agency_alias *a = NULL;
	size_t n = 0;
	char *text = NULL;
	rc = read_aliases(argv[optind], &a, &n, &text);
	char *path = rc ? NULL : db_path(cmd, o.db, true);
	if (!rc && !path)
		rc = 2;
	if (!rc)
		rc = not_an_input(cmd, path, argv + optind, 1);
	pdx_history *h = NULL;
	if (!rc)
		rc = open_db(&h, cmd, path, PDX_HISTORY_CREATE);
	if (!rc) {
		pdx_diags *d = pdx_diags_new();
		int e = d ? pdx_history_set_aliases(h, a, n, d) : PDX_ENOMEM;
		cli_print_diags(d);
		pdx_diags_free(d);
		if (e == PDX_ENOMEM)
			cli_say(stderr, "pressdx: ", N_("out of memory"));
		if (!e) {
			printf("%s: ", path);
			cli_say(stdout, "",
			        n == 1 ? N_("%zu agency alias stored")
			               : N_("%zu agency aliases stored"),
			        n);
		}
		rc = e ? 2 : 0;
	}
	pdx_history_close(h);
	free(a);
	pdx_free(text);
	free(path);
	return rc;
}

int cmd_db(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "import") == 0)
		return db_import(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "check") == 0)
		return db_check(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "aliases") == 0)
		return db_aliases(argc - 1, argv + 1);
	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		/* the three subcommands' texts, a blank line apart, in each language */
		const char *const all[] = {N_("Usage: pressdx db import|check|aliases ...\n"),
		                           import_usage[0],
		                           "\n",
		                           check_usage[0],
		                           "\n",
		                           aliases_usage[0],
		                           NULL};
		cli_help(stdout, all);
		return 0;
	}
	return cli_usage("db", N_("needs import, check or aliases"));
}

static const char *const history_usage[] = {
    N_("Usage: pressdx history [--db FILE] [--agency ID] [--province PROVINCE] [--block BLOCK] "
       "[--by agency|province|block] [--format …] [-o FILE]\n"
       "\n"
       "History from the database: total, level and pillars year by year, with the change\n"
       "from the year before; each year by its own edition (across two editions: the level by\n"
       "each one's bands). For each agency × year: the appraised version if there is one,\n"
       "else the self-assessment. --by province|block: a line per province (block) and year:\n"
       "number of agencies, mean, lowest and highest total.\n"
       "\n"
       "  --db FILE             database (default PRESSDX_DB, or\n"
       "                        $XDG_DATA_HOME/pressdx/history.sqlite)\n"
       "  --agency ID           this agency only (by id, old ids that changed included)\n"
       "  --province PROVINCE   the agencies of this province only, named as in the database\n"
       "  --block BLOCK         the agencies of this block only\n"
       "  --by agency|province|block  a line per agency (default), or per province or block\n"
       "                        and year\n"
       "  --format text|json|csv|html|xlsx, -o FILE  as for pressdx score\n"),
    cli_roster_help, cli_help_tail, NULL};

int cmd_history(int argc, char **argv)
{
	static const struct option extra[] = {{"db", required_argument, NULL, 'B'},
	                                      {"agency", required_argument, NULL, 'A'},
	                                      {"province", required_argument, NULL, 'V'},
	                                      {"block", required_argument, NULL, 'L'},
	                                      {"by", required_argument, NULL, 'Y'},
	                                      CLI_ROSTER_LONGOPT,
	                                      {NULL, 0, NULL, 0}};
	const char *cmd = "history";
	cli_inputs in = {0};
	db_opts o = {0};
	int rc = cli_parse(&in, cmd, history_usage, argc, argv, extra, on_db_option, &o);
	if (rc >= 0)
		return rc;
	if (optind < argc || in.rubric_arg)
		return cli_usage(cmd, N_("history takes no answer files"));
	char *path = db_path(cmd, o.db, false);
	if (!path)
		return 2;
	const char *inputs[] = {path, in.roster};
	pdx_output *out = NULL;
	pdx_history *h = NULL;
	rc = cli_output_check(cmd, in.output, inputs, 2);
	if (!rc && cli_format(&in) == PDX_FORMAT_XLSX)
		rc = cli_output_binary(cmd, in.output);
	if (!rc)
		rc = open_db(&h, cmd, path, PDX_HISTORY_READONLY);
	if (!rc && in.roster) {
		pdx_diags *d = pdx_diags_new();
		pdx_roster *ro = NULL;
		size_t missing = 0;
		int e = d ? pdx_roster_load_file(&ro, in.roster, d) : PDX_ENOMEM;
		if (!e)
			e = pdx_history_roster_check(h, ro, &missing, d);
		cli_print_diags(d);
		if (e)
			cli_err(cmd, N_("roster %s rejected"), in.roster);
		else if (missing)
			cli_err(cmd, N_("missing submissions of roster agencies: %zu"), missing);
		pdx_roster_free(ro);
		pdx_diags_free(d);
		rc = e ? 2 : 0;
	}
	if (!rc)
		rc = cli_output_open(&out, cmd, in.output, 0);
	if (!rc) {
		pdx_history_query q = {o.agency, o.province, o.block, o.by};
		pdx_diags *d = pdx_diags_new();
		char *text = NULL;
		size_t len = 0;
		int e = d ? pdx_history_report(&text, &len, h, &q, cli_report_format(&in), d)
		          : PDX_ENOMEM;
		cli_print_diags(d);
		pdx_diags_free(d);
		if (e == PDX_ENOMEM)
			cli_say(stderr, "pressdx: ", N_("out of memory"));
		rc = e ? (e == PDX_EINVALID ? 1 : 2)
		       : cli_output_finish(out, cmd, in.output, text, len);
		pdx_free(text);
	}
	pdx_output_free(out);
	pdx_history_close(h);
	free(path);
	return rc;
}
