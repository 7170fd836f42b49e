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

char *cli_rubric_path(const char *cmd, const char *arg)
{
	if (!arg)
		arg = CLI_DEFAULT_RUBRIC;
	bool oom;
	char *path = cli_find_rubric(arg, &oom);
	if (oom)
		fprintf(stderr, "pressdx: hết bộ nhớ (out of memory)\n");
	else if (!path)
		fprintf(stderr,
		        "pressdx %s: không tìm thấy bộ chỉ số \"%s\" (rubric not found); xem "
		        "\"pressdx rubrics\" hoặc dùng --rubric TỆP.xml\n",
		        cmd, arg);
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
		fprintf(stderr, "pressdx: hết bộ nhớ (out of memory)\n");
	else if (rc)
		fprintf(stderr, "pressdx %s: bộ chỉ số %s không dùng được (rubric rejected)\n", cmd,
		        path);
	pdx_diags_free(d);
	free(path);
	return rc ? 2 : 0;
}
