/* SPDX-License-Identifier: MIT */
/* score --split DIR: one report file per assessment, for a department that sends each
 * agency its own. Each file is a whole report (the rubric header and its provisional
 * notice, the agency, the end), written through the same safe writer as -o: put in
 * place only when complete, never over an input. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "msg.h"

/* File names already given in this run, so that two ids that read the same once made
 * safe ("HP/01", "HP 01") do not write over each other: open addressing. */
typedef struct names {
	char **slot;
	size_t n, cap;
} names;

static size_t hash(const char *s)
{
	size_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static bool names_has(const names *t, const char *s)
{
	if (!t->cap)
		return false;
	for (size_t i = hash(s) & (t->cap - 1); t->slot[i]; i = (i + 1) & (t->cap - 1))
		if (strcmp(t->slot[i], s) == 0)
			return true;
	return false;
}

static int names_add(names *t, char *s)
{
	if ((t->n + 1) * 2 > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		char **slot = calloc(cap, sizeof(*slot));
		if (!slot)
			return -1;
		for (size_t i = 0; i < t->cap; i++) {
			if (!t->slot[i])
				continue;
			size_t k = hash(t->slot[i]) & (cap - 1);
			while (slot[k])
				k = (k + 1) & (cap - 1);
			slot[k] = t->slot[i];
		}
		free(t->slot);
		t->slot = slot;
		t->cap = cap;
	}
	size_t k = hash(s) & (t->cap - 1);
	while (t->slot[k])
		k = (k + 1) & (t->cap - 1);
	t->slot[k] = s;
	t->n++;
	return 0;
}

static void names_free(names *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->slot[i]);
	free(t->slot);
}

struct cli_split {
	const char *dir;
	const char *ext;
	pdx_format fmt;
	const cli_inputs *in;
	const char *const *inputs; /* never written over */
	size_t n_inputs;
	names used;
	size_t written, failed;
	bool ready; /* the folder is there (made, when missing, by the first report) */
};

int cli_split_begin(cli_split **out, const char *dir, const cli_inputs *in,
                    const char *const *inputs, size_t n_inputs)
{
	*out = NULL;
	struct stat st;
	if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		cli_err("score", N_("--split %s is not a folder"), dir);
		return 2;
	}
	cli_split *s = calloc(1, sizeof(*s));
	if (!s) {
		cli_say(stderr, "pressdx: ", N_("out of memory"));
		return 2;
	}
	s->dir = dir;
	s->fmt = cli_format(in);
	s->ext = s->fmt == PDX_FORMAT_CSV    ? ".csv"
	         : s->fmt == PDX_FORMAT_JSON ? ".json"
	         : s->fmt == PDX_FORMAT_HTML ? ".html"
	         : s->fmt == PDX_FORMAT_XLSX ? ".xlsx"
	                                     : ".txt";
	s->in = in;
	s->inputs = inputs;
	s->n_inputs = n_inputs;
	*out = s;
	return 0;
}

/* "<id>-<year>" made safe as a file name: ASCII letters, digits, '-' and '_' kept,
 * anything else '_' (no '/', no "..", no control character, no leading '.'), at most
 * 80 bytes of the id; "-2", "-3"… when the name was given already. NULL: no memory. */
static char *file_name(cli_split *s, const pdx_assessment *a)
{
	char base[128];
	size_t n = 0;
	for (const char *p = a->agency_id; *p && n < 80; p++) {
		unsigned char c = (unsigned char)*p;
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		          (c >= '0' && c <= '9') || c == '-' || c == '_';
		base[n++] = ok ? (char)c : '_';
	}
	if (n == 0)
		base[n++] = '_';
	base[n] = '\0';
	if (a->year)
		snprintf(base + n, sizeof base - n, "-%d", a->year);
	size_t cap = strlen(s->dir) + strlen(base) + strlen(s->ext) + 16;
	for (unsigned k = 1;; k++) {
		char *name = malloc(cap);
		if (!name)
			return NULL;
		if (k == 1)
			snprintf(name, cap, "%s/%s%s", s->dir, base, s->ext);
		else
			snprintf(name, cap, "%s/%s-%u%s", s->dir, base, k, s->ext);
		if (names_has(&s->used, name)) {
			free(name);
			continue;
		}
		if (names_add(&s->used, name)) {
			free(name);
			return NULL;
		}
		return name; /* owned by s->used */
	}
}

static int to_output(void *ctx, const char *data, size_t len)
{
	return pdx_output_write(ctx, data, len);
}

/* Makes the folder when missing, with the first report: a run that reads nothing
 * leaves no empty folder behind. */
static int make_dir(cli_split *s)
{
	if (s->ready)
		return 0;
	if (mkdir(s->dir, 0777) != 0 && errno != EEXIST) {
		int e = errno;
		cli_err("score", N_("cannot create the folder %s: %s"), s->dir, strerror(e));
		return 2;
	}
	s->ready = true;
	return 0;
}

int cli_split_add(cli_split *s, const pdx_result *res)
{
	if (make_dir(s))
		return 2;
	const char *path = file_name(s, res->assessment);
	if (!path) {
		cli_say(stderr, "pressdx: ", N_("out of memory"));
		return 2;
	}
	/* one agency's file that cannot be written does not stop the others */
	if (cli_output_check("score", path, s->inputs, s->n_inputs)) {
		s->failed++;
		return 0;
	}
	pdx_output *o = NULL;
	/* the folder is tidied of stale temporaries once, by the first open */
	if (cli_output_open(&o, "score", path, s->written + s->failed ? PDX_OUTPUT_NO_TIDY : 0)) {
		s->failed++;
		return 0;
	}
	pdx_report_writer *w = NULL;
	int rc = pdx_report_writer_new(&w, PDX_FORMAT_LANG(s->fmt, cli_lang), res->rubric,
	                               s->in->answers, to_output, o);
	if (!rc)
		rc = pdx_report_writer_add(w, res);
	if (!rc)
		rc = pdx_report_writer_finish(w);
	pdx_report_writer_free(w);
	if (rc == PDX_ENOMEM) {
		pdx_output_free(o);
		cli_say(stderr, "pressdx: ", N_("out of memory"));
		return 2;
	}
	rc = rc ? cli_output_failed(o, "score", path, rc)
	        : cli_output_finish(o, "score", path, NULL, 0);
	pdx_output_free(o);
	if (rc)
		s->failed++;
	else
		s->written++;
	return 0;
}

int cli_split_end(cli_split *s)
{
	if (!s)
		return 0;
	cli_say(stdout, "",
	        s->written == 1 ? N_("%zu report written to %s") : N_("%zu reports written to %s"),
	        s->written, s->dir);
	if (s->failed)
		cli_err("score",
		        s->failed == 1
		            ? N_("%zu report could not be written; see the messages above")
		            : N_("%zu reports could not be written; see the messages above"),
		        s->failed);
	return s->failed ? 2 : 0;
}

void cli_split_free(cli_split *s)
{
	if (!s)
		return;
	names_free(&s->used);
	free(s);
}
