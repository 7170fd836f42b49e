/* SPDX-License-Identifier: MIT */
/* The thread-safety rule of pressdx.h, exercised: one loaded rubric shared by THREADS
 * threads, each reading its own answers, scoring them and writing reports, while each
 * also loads rubrics of its own (libxml2 parse and RELAX NG validation, a derived edition
 * resolved on its base) at the same time as the others.
 *
 * The threads' first loads happen before the main thread has touched libxml2, and before
 * any pdx_global_init: the lazy initialisation is what is under test there. Then every
 * thread's reports must be the bytes the main thread wrote alone (among them the text
 * report in English and in Vietnamese, which the threads write in turns, so that two
 * languages are written at once), and its own rubric loads must give the sha256 the
 * main thread's did. CI runs this program under helgrind as well (.ci/run, step
 * valgrind), which reports any data race among the threads: in libpressdx or in the
 * libraries it drives, which ThreadSanitizer, seeing only instrumented code, would miss.
 *
 *   test_threads RUBRICS_DIR EXAMPLES_DIR [ROUNDS] */
#define _POSIX_C_SOURCE 200809L /* pthread_barrier_t */
#include <pressdx/pressdx.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 8

static const char *rubrics_dir, *examples_dir;
static int rounds = 3;
static const pdx_rubric *shared;
static char want_sha_1827[65];

typedef struct reports {
	char *text, *json, *csv;
	size_t text_len, json_len, csv_len;
	/* the text report in one language each, written at the same time by threads that
	 * chose different ones: the language is an argument, not a state they share */
	char *text_en, *text_vi;
	size_t text_en_len, text_vi_len;
} reports;

static reports want;
/* THREADS + the main thread: after the first loads, and once the reference exists */
static pthread_barrier_t first_loads, reference_ready;

typedef struct job {
	int index;
	char first_sha[65];
	char failure[512];
} job;

static void path_of(char *out, size_t size, const char *dir, const char *name)
{
	snprintf(out, size, "%s/%s", dir, name);
}

/* A growing buffer for a report writer's bytes. */
typedef struct sink {
	char *data;
	size_t len, cap;
} sink;

static int collect(void *ctx, const char *data, size_t len)
{
	sink *k = ctx;
	if (k->len + len + 1 > k->cap) {
		size_t cap = (k->len + len + 1) * 2;
		char *p = realloc(k->data, cap);
		if (!p)
			return PDX_ENOMEM;
		k->data = p;
		k->cap = cap;
	}
	memcpy(k->data + k->len, data, len);
	k->len += len;
	k->data[k->len] = '\0';
	return 0;
}

/* The text report of `res` in `lang` through a writer; 0 or a PDX_E code. */
static int text_in(char **out, size_t *len, const pdx_rubric *r, pdx_result *const *res, size_t n,
                   pdx_lang lang)
{
	sink k = {0};
	pdx_report_writer *w = NULL;
	int rc =
	    pdx_report_writer_new(&w, PDX_FORMAT_LANG(PDX_FORMAT_TEXT, lang), r, NULL, collect, &k);
	for (size_t i = 0; !rc && i < n; i++)
		rc = pdx_report_writer_add(w, res[i]);
	if (!rc)
		rc = pdx_report_writer_finish(w);
	pdx_report_writer_free(w);
	if (rc)
		free(k.data);
	*out = rc ? NULL : k.data;
	*len = rc ? 0 : k.len;
	return rc;
}

/* The reports of the 2025 Hải Phòng example scored with `r`, the text one in English
 * before Vietnamese or after (`en_first`); 0 or a PDX_E code. */
static int make_reports(reports *out, const pdx_rubric *r, int en_first)
{
	char path[4096];
	path_of(path, sizeof path, examples_dir, "hai-phong-2025-bao.csv");
	memset(out, 0, sizeof *out);
	pdx_diags *d = pdx_diags_new();
	pdx_answers *set = pdx_answers_new(NULL);
	pdx_result **res = NULL;
	size_t n = 0;
	int rc = !d || !set ? PDX_ENOMEM : pdx_answers_read_file(set, path, NULL, d);
	if (!rc)
		rc = pdx_score_all(&res, &n, r, set, NULL);
	if (!rc)
		rc = pdx_report_text(&out->text, &out->text_len, r, res, n);
	if (!rc)
		rc = pdx_report_json(&out->json, &out->json_len, r, res, n);
	if (!rc)
		rc = pdx_report_csv(&out->csv, &out->csv_len, r, res, n);
	for (int k = 0; k < 2 && !rc; k++)
		rc = k == !en_first
		         ? text_in(&out->text_en, &out->text_en_len, r, res, n, PDX_LANG_EN)
		         : text_in(&out->text_vi, &out->text_vi_len, r, res, n, PDX_LANG_VI);
	pdx_results_free(res, n);
	pdx_answers_free(set);
	pdx_diags_free(d);
	return rc;
}

static void reports_free(reports *r)
{
	pdx_free(r->text);
	pdx_free(r->json);
	pdx_free(r->csv);
	free(r->text_en);
	free(r->text_vi);
}

static int same(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen == blen && memcmp(a, b, alen) == 0;
}

static int load(pdx_rubric **r, const char *file)
{
	char path[4096];
	path_of(path, sizeof path, rubrics_dir, file);
	pdx_diags *d = pdx_diags_new();
	int rc = d ? pdx_rubric_load_file(r, path, d) : PDX_ENOMEM;
	pdx_diags_free(d);
	return rc;
}

static void *run(void *arg)
{
	job *j = arg;
	/* every thread's first use of the library at once */
	pdx_rubric *first = NULL;
	int rc = load(&first, "1827-2024.xml");
	if (rc)
		snprintf(j->failure, sizeof j->failure, "first load of 1827-2024.xml: %s",
		         pdx_strerror(rc));
	else
		memcpy(j->first_sha, pdx_rubric_meta_get(first)->sha256, sizeof j->first_sha);
	pdx_rubric_free(first);
	pthread_barrier_wait(&first_loads);
	pthread_barrier_wait(&reference_ready);
	if (!j->failure[0] && strcmp(j->first_sha, want_sha_1827) != 0)
		snprintf(j->failure, sizeof j->failure, "first load: 1827-2024 sha256 %s, not %s",
		         j->first_sha, want_sha_1827);
	for (int round = 0; round < rounds && !j->failure[0]; round++) {
		/* a rubric of its own, loaded while the other threads load theirs */
		pdx_rubric *own = NULL;
		rc = load(&own, "1827-2024.xml");
		if (rc)
			snprintf(j->failure, sizeof j->failure, "loading 1827-2024.xml: %s",
			         pdx_strerror(rc));
		else if (strcmp(pdx_rubric_meta_get(own)->sha256, want_sha_1827) != 0)
			snprintf(j->failure, sizeof j->failure, "1827-2024 sha256 %s, not %s",
			         pdx_rubric_meta_get(own)->sha256, want_sha_1827);
		pdx_rubric_free(own);
		if (j->failure[0])
			break;
		/* the shared one, scored with by every thread at once */
		reports got;
		rc = make_reports(&got, shared, j->index % 2);
		if (rc)
			snprintf(j->failure, sizeof j->failure, "scoring: %s", pdx_strerror(rc));
		else if (!same(got.text, got.text_len, want.text, want.text_len))
			snprintf(j->failure, sizeof j->failure, "the text report differs");
		else if (!same(got.json, got.json_len, want.json, want.json_len))
			snprintf(j->failure, sizeof j->failure, "the JSON report differs");
		else if (!same(got.csv, got.csv_len, want.csv, want.csv_len))
			snprintf(j->failure, sizeof j->failure, "the CSV report differs");
		else if (!same(got.text_en, got.text_en_len, want.text_en, want.text_en_len))
			snprintf(j->failure, sizeof j->failure, "the English text report differs");
		else if (!same(got.text_vi, got.text_vi_len, want.text_vi, want.text_vi_len))
			snprintf(j->failure, sizeof j->failure,
			         "the Vietnamese text report differs");
		reports_free(&got);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: test_threads RUBRICS_DIR EXAMPLES_DIR [ROUNDS]\n");
		return 2;
	}
	rubrics_dir = argv[1];
	examples_dir = argv[2];
	if (argc > 3)
		rounds = atoi(argv[3]);
	int failed = 0;
	pthread_barrier_init(&first_loads, NULL, THREADS + 1);
	pthread_barrier_init(&reference_ready, NULL, THREADS + 1);

	job jobs[THREADS];
	pthread_t tid[THREADS];
	for (int i = 0; i < THREADS; i++) {
		memset(&jobs[i], 0, sizeof jobs[i]);
		jobs[i].index = i;
		if (pthread_create(&tid[i], NULL, run, &jobs[i]) != 0) {
			/* the barriers would wait for it for ever */
			printf("pthread_create failed for thread %d\n", i);
			return 1;
		}
	}
	pthread_barrier_wait(&first_loads);

	/* the reference, made alone while the threads wait */
	pdx_rubric *r = NULL, *r1827 = NULL;
	int rc = load(&r, "3560-2025.xml");
	if (!rc)
		rc = load(&r1827, "1827-2024.xml");
	if (!rc)
		rc = make_reports(&want, r, 1);
	if (rc) {
		printf("the single-threaded reference failed: %s\n", pdx_strerror(rc));
		return 1;
	}
	memcpy(want_sha_1827, pdx_rubric_meta_get(r1827)->sha256, sizeof want_sha_1827);
	pdx_rubric_free(r1827);
	/* the worked example of examples/EXPECTED.md is in it: the reference is a real report */
	if (!strstr(want.csv, "HP01,") || !strstr(want.csv, ",84.32,4,")) {
		printf("the reference CSV does not hold HP01 at 84.32 (level 4):\n%s\n", want.csv);
		failed = 1;
	}
	/* level 4 of the 2025 edition is Tốt, "Good" in its name-en */
	if (!strstr(want.text_en, "Total: 84.32/100 · Level 4: Good") ||
	    !strstr(want.text_vi, "Tổng điểm: 84.32/100 · Mức 4: Tốt")) {
		printf("the reference text reports are not in their languages:\n%s\n%s\n",
		       want.text_en, want.text_vi);
		failed = 1;
	}
	shared = r;
	pthread_barrier_wait(&reference_ready);

	int started = THREADS;
	for (int i = 0; i < started; i++) {
		pthread_join(tid[i], NULL);
		if (jobs[i].failure[0]) {
			printf("thread %d: %s\n", i, jobs[i].failure);
			failed = 1;
		}
	}
	reports_free(&want);
	pdx_rubric_free(r);
	pthread_barrier_destroy(&first_loads);
	pthread_barrier_destroy(&reference_ready);

	/* the calls nest and are counted */
	int a = pdx_global_init(), b = pdx_global_init(), c = pdx_global_cleanup();
	int d = pdx_global_cleanup(), e = pdx_global_cleanup();
	if (a != 1 || b != 2 || c != 1 || d != 0 || e != PDX_EARG) {
		printf("pdx_global_init, init, cleanup, cleanup, cleanup returned %d, %d, %d, %d, "
		       "%d; expected 1, 2, 1, 0, %d\n",
		       a, b, c, d, e, PDX_EARG);
		failed = 1;
	}
	if (!failed)
		printf("%d threads x %d rounds: every report equal to the single-threaded one\n",
		       THREADS, rounds);
	return failed;
}
