/* SPDX-License-Identifier: MIT */
/* Shared helpers of the pressdx unit tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

char *unit_path(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	assert_non_null(p);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

char *unit_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fprintf(stderr, "cannot open %s\n", path);
	assert_non_null(f);
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap + 1);
	assert_non_null(buf);
	for (;;) {
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap + 1);
			assert_non_null(buf);
		}
		size_t k = fread(buf + n, 1, cap - n, f);
		if (k == 0)
			break;
		n += k;
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

pdx_rubric *unit_load_951(void)
{
	return unit_load_rubric("951-2023.xml");
}

pdx_rubric *unit_load_rubric(const char *file)
{
	char *path = unit_path(RUBRICS_DIR, file);
	pdx_diags *d = pdx_diags_new();
	pdx_rubric *r = NULL;
	int rc = pdx_rubric_load_file(&r, path, d);
	if (rc)
		unit_dump_diags(file, d);
	free(path);
	pdx_diags_free(d);
	assert_int_equal(rc, 0);
	assert_non_null(r);
	return r;
}

const pdx_diag *unit_find_diag(const pdx_diags *d, pdx_severity sev, long line, const char *phrase)
{
	for (size_t i = 0; i < pdx_diags_count(d); i++) {
		const pdx_diag *g = pdx_diags_get(d, i);
		if (g->severity != sev)
			continue;
		if (line >= 0 && g->line != line)
			continue;
		if (phrase && (!g->message_en || !strstr(g->message_en, phrase)))
			continue;
		return g;
	}
	return NULL;
}

const pdx_diag *unit_find_any(const pdx_diags *file_diags, const pdx_answers *set, pdx_severity sev,
                              long line, const char *phrase)
{
	const pdx_diag *g = unit_find_diag(file_diags, sev, line, phrase);
	for (size_t i = 0; !g && set && i < pdx_answers_count(set); i++)
		g = unit_find_diag(pdx_answers_get(set, i)->diags, sev, line, phrase);
	if (!g) {
		fprintf(stderr, "no %s at line %ld containing \"%s\"\n",
		        sev == PDX_SEV_ERROR ? "error" : "warning", line, phrase ? phrase : "");
		unit_dump_all(file_diags, set);
	}
	return g;
}

void unit_dump_all(const pdx_diags *file_diags, const pdx_answers *set)
{
	unit_dump_diags("file", file_diags);
	for (size_t i = 0; set && i < pdx_answers_count(set); i++)
		unit_dump_diags(pdx_answers_get(set, i)->agency_id, pdx_answers_get(set, i)->diags);
}

size_t unit_count_errors(const pdx_diags *file_diags, const pdx_answers *set)
{
	size_t n = pdx_diags_errors(file_diags);
	for (size_t i = 0; set && i < pdx_answers_count(set); i++)
		n += pdx_diags_errors(pdx_answers_get(set, i)->diags);
	return n;
}

void unit_dump_diags(const char *title, const pdx_diags *d)
{
	fprintf(stderr, "-- diagnostics of %s (%zu):\n", title ? title : "?", pdx_diags_count(d));
	for (size_t i = 0; i < pdx_diags_count(d); i++) {
		char *s = pdx_diag_format(pdx_diags_get(d, i));
		fprintf(stderr, "   %s\n", s ? s : "(out of memory)");
		free(s);
	}
}

bool unit_answer(const pdx_assessment *a, const char *id, pdx_answer *out)
{
	size_t cursor = 0;
	while (pdx_assessment_next_answer(a, &cursor, out))
		if (out->criterion && strcmp(out->criterion, id) == 0)
			return true;
	return false;
}

size_t unit_crit(const pdx_rubric *r, const char *id)
{
	long k = pdx_rubric_find_criterion(r, id);
	if (k < 0)
		fprintf(stderr, "criterion %s not in the rubric\n", id);
	assert_true(k >= 0);
	return (size_t)k;
}

unit_scored unit_score(const pdx_rubric *r, const char *const *paths, const char *text,
                       const pdx_score_options *opts)
{
	unit_scored s;
	s.set = pdx_answers_new(NULL);
	s.diags = pdx_diags_new();
	assert_non_null(s.set);
	assert_non_null(s.diags);
	for (size_t i = 0; paths && paths[i]; i++) {
		int rc = pdx_answers_read_file(s.set, paths[i], NULL, s.diags);
		if (rc)
			unit_dump_all(s.diags, s.set);
		assert_int_equal(rc, 0);
	}
	if (text) {
		int rc =
		    pdx_answers_read_memory(s.set, text, strlen(text), "mem.csv", NULL, s.diags);
		if (rc)
			unit_dump_all(s.diags, s.set);
		assert_int_equal(rc, 0);
	}
	assert_int_equal(pdx_score_all(&s.res, &s.n, r, s.set, opts), 0);
	assert_int_equal(s.n, pdx_answers_count(s.set));
	return s;
}

void unit_scored_free(unit_scored *s)
{
	pdx_results_free(s->res, s->n);
	pdx_answers_free(s->set);
	pdx_diags_free(s->diags);
}
