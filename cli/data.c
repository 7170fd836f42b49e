/* SPDX-License-Identifier: MIT */
/* Where pressdx finds its data: rubrics by id, plans by id. */
/* realpath() is XSI. */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static int is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int same_dir(const char *a, const char *b)
{
	struct stat x, y;
	if (stat(a, &x) != 0 || stat(b, &y) != 0)
		return strcmp(a, b) == 0;
	return x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

static void dirs_add(cli_dirs *d, char *dir)
{
	if (!dir)
		return;
	for (size_t i = 0; i < d->n; i++) {
		if (same_dir(d->dir[i], dir)) {
			free(dir);
			return;
		}
	}
	if (d->n < sizeof d->dir / sizeof *d->dir)
		d->dir[d->n++] = dir;
	else
		free(dir);
}

/* The installed data folder as seen from the running program: its folder (from
 * /proc/self/exe, symbolic links resolved) and the path from bindir to the rubrics
 * that meson computed at configure time. An installation moved elsewhere, or
 * staged under DESTDIR, still finds its own rubrics. */
static char *exe_rubric_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	size_t len = strlen(exe) + strlen(PDX_EXE_RUBRIC_DIR) + 2;
	char *p = malloc(len);
	if (!p)
		return NULL;
	snprintf(p, len, "%s/%s", exe, PDX_EXE_RUBRIC_DIR);
	/* "…/bin/../share/pressdx/rubrics" shown as the folder it is */
	char *real = realpath(p, NULL);
	if (real) {
		free(p);
		p = real;
	}
	return p;
}

void cli_dirs_get(cli_dirs *d)
{
	memset(d, 0, sizeof *d);
	const char *env = getenv("PRESSDX_RUBRIC_DIR");
	if (env && *env)
		dirs_add(d, strdup(env));
	dirs_add(d, exe_rubric_dir());
	dirs_add(d, strdup(PDX_RUBRIC_DIR));
	dirs_add(d, strdup(PDX_SOURCE_RUBRIC_DIR));
}

void cli_dirs_free(cli_dirs *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->dir[i]);
	d->n = 0;
}

char *cli_find_data(const char *arg, const char *subdir)
{
	if (strcmp(arg, "-") == 0 || strchr(arg, '/') || is_file(arg))
		return strdup(arg);
	return cli_find_shipped(arg, subdir);
}

char *cli_find_shipped(const char *arg, const char *subdir)
{
	cli_dirs dirs;
	cli_dirs_get(&dirs);
	char *found = NULL;
	for (size_t i = 0; !found && i < dirs.n; i++) {
		size_t len = strlen(dirs.dir[i]) + strlen(subdir) + strlen(arg) + 8;
		char *p = malloc(len);
		if (!p)
			break;
		snprintf(p, len, "%s%s%s/%s.xml", dirs.dir[i], *subdir ? "/" : "", subdir, arg);
		if (is_file(p))
			found = p;
		else
			free(p);
	}
	cli_dirs_free(&dirs);
	return found;
}

int cli_rubrics_each(cli_rubric_fn fn, void *ctx)
{
	cli_dirs dirs;
	cli_dirs_get(&dirs);
	char **seen = NULL;
	size_t n_seen = 0;
	int stop = 0;
	for (size_t i = 0; !stop && i < dirs.n; i++) {
		struct dirent **names = NULL;
		/* by name, bytewise (the program never sets a locale): the same order on
		 * every run and machine */
		int nn = scandir(dirs.dir[i], &names, NULL, alphasort);
		for (int k = 0; k < nn; k++) {
			const char *name = names[k]->d_name;
			size_t l = strlen(name);
			char *path = NULL;
			pdx_rubric *r = NULL;
			if (!stop && l > 4 && strcmp(name + l - 4, ".xml") == 0 &&
			    (path = malloc(strlen(dirs.dir[i]) + l + 2)) != NULL) {
				sprintf(path, "%s/%s", dirs.dir[i], name);
				int lr = is_file(path) ? pdx_rubric_load_file(&r, path, NULL) : 1;
				if (lr == PDX_ENOMEM)
					stop = CLI_RUBRICS_OOM; /* "not found" would be a lie */
				if (lr == 0) {
					const char *id = pdx_rubric_meta_get(r)->id;
					int dup = 0;
					for (size_t s = 0; s < n_seen; s++)
						dup |= strcmp(seen[s], id) == 0;
					char **grown =
					    dup ? NULL : realloc(seen, (n_seen + 1) * sizeof *seen);
					if (grown) {
						seen = grown;
						seen[n_seen] = strdup(id);
						if (seen[n_seen])
							n_seen++;
						stop = fn(path, r, ctx);
						if (stop == CLI_RUBRICS_TAKEN) {
							r = NULL; /* the callback owns it now */
							stop = 0;
						}
					}
				}
			}
			pdx_rubric_free(r);
			free(path);
			free(names[k]);
		}
		free(names);
	}
	for (size_t s = 0; s < n_seen; s++)
		free(seen[s]);
	free(seen);
	cli_dirs_free(&dirs);
	return stop;
}

typedef struct {
	const char *id;
	char *path;
} find_ctx;

static int match_id(const char *path, const pdx_rubric *r, void *ctx)
{
	find_ctx *f = ctx;
	if (strcmp(pdx_rubric_meta_get(r)->id, f->id) != 0)
		return 0;
	f->path = strdup(path);
	return 1;
}

char *cli_find_rubric(const char *arg, bool *oom)
{
	*oom = false;
	if (strcmp(arg, "-") == 0 || strchr(arg, '/') || is_file(arg))
		return strdup(arg);
	/* The id inside the file, as `pressdx rubrics` lists it, not the file's name: a
	 * copy saved as 951-2023-official.xml with id="951-2023-official" is found by
	 * that id, and in the same order as the listing shows. */
	find_ctx f = {arg, NULL};
	if (cli_rubrics_each(match_id, &f) == CLI_RUBRICS_OOM) {
		*oom = true;
		free(f.path);
		return NULL;
	}
	return f.path;
}

typedef struct {
	const int *years;
	size_t n;
	size_t *of;    /* the edition of years[i], as listed first; SIZE_MAX for none */
	size_t latest; /* the edition that starts last; SIZE_MAX before the first */
	char **paths;  /* every edition's path and rubric, kept (CLI_RUBRICS_TAKEN) */
	pdx_rubric **rubrics;
	size_t n_all;
	bool oom;
} edition_ctx;

static int take_edition(const char *path, const pdx_rubric *r, void *ctx)
{
	edition_ctx *e = ctx;
	const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
	if (!m->year_from)
		return 0; /* a rubric that states no years is chosen only by --rubric */
	char **gp = realloc(e->paths, (e->n_all + 1) * sizeof *e->paths);
	if (gp)
		e->paths = gp;
	pdx_rubric **gr = realloc(e->rubrics, (e->n_all + 1) * sizeof *e->rubrics);
	if (gr)
		e->rubrics = gr;
	char *copy = gp && gr ? strdup(path) : NULL;
	if (!copy) {
		e->oom = true;
		return 1;
	}
	size_t k = e->n_all++;
	e->paths[k] = copy;
	e->rubrics[k] = (pdx_rubric *)r; /* taken: cli_rubrics_each does not free it */
	if (e->latest == SIZE_MAX ||
	    m->year_from > pdx_rubric_meta_get(e->rubrics[e->latest])->year_from)
		e->latest = k;
	for (size_t i = 0; i < e->n; i++)
		if (e->of[i] == SIZE_MAX && e->years[i] >= m->year_from &&
		    (!m->year_to || e->years[i] <= m->year_to))
			e->of[i] = k;
	return CLI_RUBRICS_TAKEN;
}

/* Newest first: by the year an edition starts, descending. */
static int by_start_desc(const void *x, const void *y)
{
	int a = pdx_rubric_meta_get(*(pdx_rubric *const *)x)->year_from;
	int b = pdx_rubric_meta_get(*(pdx_rubric *const *)y)->year_from;
	return (a < b) - (a > b);
}

int cli_editions_load(const char *cmd, const int *years, size_t n, bool several, pdx_rubric ***out,
                      size_t *n_out, char **path)
{
	*out = NULL;
	*n_out = 0;
	*path = NULL;
	edition_ctx e = {years, n,    malloc((n + 1) * sizeof(size_t)), SIZE_MAX, NULL, NULL,
	                 0,     false};
	int rc = 2;
	for (size_t i = 0; e.of && i < n; i++)
		e.of[i] = SIZE_MAX;
	if (!e.of || cli_rubrics_each(take_edition, &e) == CLI_RUBRICS_OOM || e.oom) {
		cli_say(stderr, "pressdx: ", N_("out of memory"));
	} else if (e.latest == SIZE_MAX) {
		cli_err(cmd, N_("no edition states its years: use --rubric FILE|ID"));
	} else {
		/* the edition of the latest year given; the latest edition for a year that no
		 * edition covers, and when no year is given */
		size_t chosen = e.latest;
		int best = 0;
		bool *used = calloc(e.n_all, sizeof *used);
		pdx_rubric **v = malloc(e.n_all * sizeof *v);
		for (size_t i = 0; i < n; i++) {
			if (e.of[i] == SIZE_MAX)
				cli_warn(
				    cmd,
				    N_("year %d is in no edition's years; scored with the latest "
				       "edition %s"),
				    years[i], pdx_rubric_meta_get(e.rubrics[e.latest])->id);
			else if (years[i] > best)
				best = years[i], chosen = e.of[i];
		}
		/* several editions in one run only when their tables line up: the same pillar
		 * ids and level numbers (the editions of one index); otherwise, as before, one */
		for (size_t i = 0; several && i < n; i++)
			if (e.of[i] != SIZE_MAX &&
			    !pdx_rubric_compatible(e.rubrics[e.of[i]], e.rubrics[chosen]))
				several = false;
		for (size_t i = 0; several && i < n; i++)
			if (e.of[i] == SIZE_MAX &&
			    !pdx_rubric_compatible(e.rubrics[e.latest], e.rubrics[chosen]))
				several = false;
		for (size_t i = 0; !several && i < n; i++)
			if (e.of[i] != SIZE_MAX && e.of[i] != chosen)
				cli_warn(cmd,
				         N_("year %d belongs to edition %s, but the whole run is "
				            "scored with %s: score each year on its own, or choose "
				            "with --rubric"),
				         years[i], pdx_rubric_meta_get(e.rubrics[e.of[i]])->id,
				         pdx_rubric_meta_get(e.rubrics[chosen])->id);
		if (!used || !v) {
			cli_say(stderr, "pressdx: ", N_("out of memory"));
			free(v);
		} else {
			/* the chosen one; with `several`, every year's too, and the latest when
			 * a year has none (no year at all: the chosen one is the latest) */
			used[chosen] = true;
			for (size_t i = 0; several && i < n; i++)
				used[e.of[i] == SIZE_MAX ? e.latest : e.of[i]] = true;
			size_t k = 0;
			for (size_t i = 0; i < e.n_all; i++)
				if (used[i])
					v[k++] = e.rubrics[i];
			qsort(v, k, sizeof *v, by_start_desc);
			for (size_t i = 0; i < e.n_all; i++) {
				if (e.rubrics[i] == v[0]) { /* the path of the first */
					*path = e.paths[i];
					e.paths[i] = NULL;
				}
				if (used[i])
					e.rubrics[i] = NULL; /* now in v */
			}
			*out = v;
			*n_out = k;
			rc = 0;
		}
		free(used);
	}
	for (size_t i = 0; i < e.n_all; i++) {
		pdx_rubric_free(e.rubrics[i]);
		free(e.paths[i]);
	}
	free(e.rubrics);
	free(e.paths);
	free(e.of);
	return rc;
}

int cli_edition_load(const char *cmd, const int *years, size_t n, pdx_rubric **out, char **path)
{
	pdx_rubric **v;
	size_t k;
	int rc = cli_editions_load(cmd, years, n, false, &v, &k, path);
	*out = rc ? NULL : v[0];
	free(v);
	return rc;
}

char *cli_edition_path(const char *cmd, const int *years, size_t n)
{
	pdx_rubric *r;
	char *path;
	if (cli_edition_load(cmd, years, n, &r, &path))
		return NULL;
	pdx_rubric_free(r);
	return path;
}

char **cli_rubric_files(size_t *n)
{
	cli_dirs dirs;
	cli_dirs_get(&dirs);
	char **v = NULL;
	size_t k = 0;
	bool oom = false;
	for (size_t i = 0; !oom && i < dirs.n; i++) {
		struct dirent **names = NULL;
		int nn = scandir(dirs.dir[i], &names, NULL, alphasort);
		for (int j = 0; j < nn; j++) {
			const char *name = names[j]->d_name;
			size_t l = strlen(name);
			if (!oom && l > 4 && strcmp(name + l - 4, ".xml") == 0) {
				char **g = realloc(v, (k + 1) * sizeof *v);
				char *p = g ? malloc(strlen(dirs.dir[i]) + l + 2) : NULL;
				if (g)
					v = g;
				if (p) {
					sprintf(p, "%s/%s", dirs.dir[i], name);
					v[k++] = p;
				} else {
					oom = true;
				}
			}
			free(names[j]);
		}
		free(names);
	}
	cli_dirs_free(&dirs);
	if (oom) {
		for (size_t i = 0; i < k; i++)
			free(v[i]);
		free(v);
		cli_say(stderr, "pressdx: ", N_("out of memory"));
		*n = (size_t)-1;
		return NULL;
	}
	*n = k;
	return v;
}

char *cli_rubric_path(const char *cmd, const char *arg)
{
	if (!arg)
		return cli_edition_path(cmd, NULL, 0);
	bool oom;
	char *path = cli_find_rubric(arg, &oom);
	if (oom)
		cli_say(stderr, "pressdx: ", N_("out of memory"));
	else if (!path)
		cli_err(cmd,
		        N_("rubric \"%s\" not found: see \"pressdx rubrics\", or use --rubric "
		           "FILE.xml"),
		        arg);
	return path;
}

int cli_load_rubric(pdx_rubric **out, const char *cmd, const char *arg)
{
	*out = NULL;
	char *path = cli_rubric_path(cmd, arg);
	if (!path)
		return 2;
	pdx_diags *d = pdx_diags_new();
	int rc = d ? pdx_rubric_load_file(out, path, d) : PDX_ENOMEM;
	cli_print_diags(d);
	if (rc == PDX_ENOMEM)
		cli_say(stderr, "pressdx: ", N_("out of memory"));
	else if (rc)
		cli_err(cmd, N_("rubric %s rejected"), path);
	pdx_diags_free(d);
	free(path);
	return rc ? 2 : 0;
}
