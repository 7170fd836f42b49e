/* SPDX-License-Identifier: MIT */
/* Helpers shared by the fuzz targets: the fixed inputs (the bundled rubric and plans),
 * and the checks every target applies to what the engine hands back. */
#include <csv.h>
#include <dirent.h>
#include <json-c/json.h>
#include <libxml/xmlerror.h>
#include <stdarg.h>
#include <string.h>

#include "fuzz.h"

#ifndef PDX_FUZZ_RUBRIC
#error "PDX_FUZZ_RUBRIC (path of rubrics/951-2023.xml) must be defined by tests/fuzz/meson.build"
#endif
#ifndef PDX_FUZZ_PLANS_DIR
#error "PDX_FUZZ_PLANS_DIR (path of rubrics/plans) must be defined by tests/fuzz/meson.build"
#endif

/* ---- fixed inputs ---- */

static pdx_rubric *rubric_951;
static pdx_plan **plans;
static size_t n_plans;

static void free_fixed(void)
{
	for (size_t i = 0; i < n_plans; i++)
		pdx_plan_free(plans[i]);
	free(plans);
	plans = NULL;
	n_plans = 0;
	pdx_rubric_free(rubric_951);
	rubric_951 = NULL;
}

static void setup_failed(const char *what, const char *path, const pdx_diags *d)
{
	fprintf(stderr, "fuzz set-up: cannot load %s %s\n", what, path);
	for (size_t i = 0; i < pdx_diags_count(d); i++) {
		char *s = pdx_diag_format(pdx_diags_get(d, i));
		fprintf(stderr, "  %s\n", s ? s : "(out of memory)");
		free(s);
	}
	abort();
}

const pdx_rubric *fuzz_rubric_951(void)
{
	if (rubric_951)
		return rubric_951;
	pdx_diags *d = pdx_diags_new();
	if (!d || pdx_rubric_load_file(&rubric_951, PDX_FUZZ_RUBRIC, d) != 0)
		setup_failed("rubric", PDX_FUZZ_RUBRIC, d);
	pdx_diags_free(d);
	atexit(free_fixed);
	return rubric_951;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

const pdx_plan *const *fuzz_plans(size_t *n)
{
	static int loaded;
	const pdx_rubric *r = fuzz_rubric_951();
	if (!loaded) {
		loaded = 1;
		DIR *dir = opendir(PDX_FUZZ_PLANS_DIR);
		if (!dir)
			setup_failed("plans folder", PDX_FUZZ_PLANS_DIR, NULL);
		char **names = NULL;
		size_t count = 0;
		for (struct dirent *e; (e = readdir(dir)) != NULL;) {
			size_t len = strlen(e->d_name);
			if (len < 5 || strcmp(e->d_name + len - 4, ".xml") != 0)
				continue;
			char **p = realloc(names, (count + 1) * sizeof(*p));
			if (!p || !(p[count] = pdx_strdup(e->d_name)))
				abort();
			names = p;
			count++;
		}
		closedir(dir);
		qsort(names, count, sizeof(*names), by_name);
		plans = calloc(count + 1, sizeof(*plans));
		if (!plans)
			abort();
		for (size_t i = 0; i < count; i++) {
			char *path = pdx_aprintf("%s/%s", PDX_FUZZ_PLANS_DIR, names[i]);
			pdx_diags *d = pdx_diags_new();
			if (!path || !d || pdx_plan_load_file(&plans[n_plans], path, r, d) != 0)
				setup_failed("plan", path ? path : names[i], d);
			n_plans++;
			pdx_diags_free(d);
			free(path);
			free(names[i]);
		}
		free(names);
	}
	*n = n_plans;
	return (const pdx_plan *const *)plans;
}

char *fuzz_strndup(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (s) {
		if (size)
			memcpy(s, data, size);
		s[size] = '\0';
	}
	return s;
}

/* ---- checks ---- */

int fuzz_ignored(const char *name)
{
	const char *list = getenv("FUZZ_IGNORE");
	size_t n = strlen(name);
	for (const char *p = list; p && *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && strncmp(p, name, n) == 0)
			return 1;
		p = e ? e + 1 : p + len;
	}
	return 0;
}

size_t fuzz_walk_diags(const pdx_diags *d)
{
	size_t errors = 0;
	for (size_t i = 0; i < pdx_diags_count(d); i++) {
		const pdx_diag *g = pdx_diags_get(d, i);
		FUZZ_CHECK(g != NULL);
		FUZZ_CHECK(g->severity == PDX_SEV_ERROR || g->severity == PDX_SEV_WARNING);
		FUZZ_CHECK(g->message_vi != NULL && g->message_en != NULL);
		FUZZ_CHECK(g->line >= 0 && g->column >= 0);
		/* every diagnostic the library makes has its stable code (docs/codes.md):
		 * scripts match codes, not sentences */
		FUZZ_CHECK_NAMED("diag-code", g->code != PDX_CODE_NONE);
		errors += g->severity == PDX_SEV_ERROR;
		char *s = pdx_diag_format(g);
		FUZZ_CHECK(s != NULL);
		/* all text the library hands out is UTF-8; libxml2's messages quote the
		 * input's bytes (tests/fuzz/regressions/rubric/diag-utf8-*) */
		FUZZ_CHECK_NAMED("diag-utf8", pdx_utf8_invalid(s, strlen(s)) < 0);
		free(s);
	}
	FUZZ_CHECK(pdx_diags_get(d, pdx_diags_count(d)) == NULL);
	FUZZ_CHECK(errors == pdx_diags_errors(d));
	return errors;
}

/* A CSV document the way a spreadsheet reads it: no space trimming. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void csv_cell_ok(void *s, size_t len, void *data)
{
	(void)data;
	/* every cell that a spreadsheet would run as a formula is neutralised */
	FUZZ_CHECK(len == 0 || !strchr("=+-@\t\r", ((const char *)s)[0]));
}

static void check_csv(const char *out, size_t len)
{
	const char *s = out;
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3, len -= 3;
	struct csv_parser p;
	FUZZ_CHECK(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) == 0);
	csv_set_space_func(&p, no_space);
	FUZZ_CHECK(csv_parse(&p, s, len, csv_cell_ok, NULL, NULL) == len);
	FUZZ_CHECK(csv_fini(&p, csv_cell_ok, NULL, NULL) == 0);
	csv_free(&p);
}

void fuzz_check_report(int rc, char *out, size_t len, pdx_format fmt)
{
	FUZZ_CHECK(rc == 0 || rc == PDX_ENOMEM);
	if (rc) {
		free(out);
		return;
	}
	FUZZ_CHECK(out != NULL);
	FUZZ_CHECK(strlen(out) == len);
	/* all input text is valid UTF-8 once read: so must every report be (fixed-size
	 * buffers cut long ids and keys: tests/fuzz/regressions/rubric/report-utf8-*) */
	FUZZ_CHECK_NAMED("report-utf8", pdx_utf8_invalid(out, len) < 0);
	if (fmt == PDX_FORMAT_JSON) {
		enum json_tokener_error err;
		json_object *doc = json_tokener_parse_verbose(out, &err);
		FUZZ_CHECK(doc != NULL && err == json_tokener_success);
		json_object_put(doc);
	} else if (fmt == PDX_FORMAT_CSV) {
		check_csv(out, len);
	}
	free(out);
}

void fuzz_check_result(const pdx_result *res)
{
	const pdx_rubric *r = res->rubric;
	size_t nk = pdx_rubric_criterion_count(r), nc = pdx_rubric_component_count(r),
	       np = pdx_rubric_pillar_count(r);
	pdx_points total = 0;
	size_t unanswered = 0;
	for (size_t p = 0; p < np; p++) {
		const pdx_pillar *P = pdx_rubric_pillar(r, p);
		pdx_points sum = 0;
		for (size_t k = P->first_criterion; k < P->first_criterion + P->n_criteria; k++)
			sum += res->criteria[k].points;
		FUZZ_CHECK(sum == res->pillars[p]);
		FUZZ_CHECK(sum >= 0 && sum <= P->max);
		total += sum;
	}
	for (size_t c = 0; c < nc; c++) {
		const pdx_component *C = pdx_rubric_component(r, c);
		pdx_points sum = 0;
		for (size_t k = C->first_criterion; k < C->first_criterion + C->n_criteria; k++)
			sum += res->criteria[k].points;
		FUZZ_CHECK(sum == res->components[c]);
	}
	for (size_t k = 0; k < nk; k++) {
		const pdx_criterion_result *cr = &res->criteria[k];
		FUZZ_CHECK(cr->criterion == pdx_rubric_criterion(r, k));
		FUZZ_CHECK(cr->points >= 0 && cr->points <= cr->criterion->max);
		if (cr->status == PDX_CRIT_UNANSWERED || cr->status == PDX_CRIT_ERROR ||
		    cr->status == PDX_CRIT_NO_EVIDENCE)
			FUZZ_CHECK(cr->points == 0);
		unanswered += cr->status == PDX_CRIT_UNANSWERED;
		if (cr->answer)
			FUZZ_CHECK(strcmp(cr->answer->criterion, cr->criterion->id) == 0);
		if (cr->option >= 0)
			FUZZ_CHECK((size_t)cr->option < cr->criterion->n_options);
	}
	FUZZ_CHECK(unanswered == res->n_unanswered);
	FUZZ_CHECK(total == res->total);
	FUZZ_CHECK(res->total <= pdx_rubric_meta_get(r)->total);
	FUZZ_CHECK(res->level != NULL && res->level == pdx_rubric_level_for(r, res->total));
	FUZZ_CHECK(fuzz_walk_diags(res->diags) == pdx_result_errors(res));
}

static int xml_printed;
static char xml_message[256];

static void on_xml_generic_error(void *ctx, const char *msg, ...) PDX_PRINTF(2, 3);

static void on_xml_generic_error(void *ctx, const char *msg, ...)
{
	(void)ctx;
	if (!xml_printed) {
		va_list ap;
		va_start(ap, msg);
		vsnprintf(xml_message, sizeof xml_message, msg, ap);
		va_end(ap);
	}
	xml_printed = 1;
}

void fuzz_xml_watch(void)
{
	xmlSetGenericErrorFunc(NULL, on_xml_generic_error);
	xml_printed = 0;
}

void fuzz_xml_check(void)
{
	if (xml_printed && !fuzz_ignored("xml-prints"))
		fprintf(stderr, "libxml2 would have printed: %s\n", xml_message);
	/* tests/fuzz/regressions/rubric/xml-prints-* */
	FUZZ_CHECK_NAMED("xml-prints", !xml_printed);
}

#define EACH_FORMAT(fmt) for (pdx_format fmt = PDX_FORMAT_TEXT; fmt <= PDX_FORMAT_CSV; fmt++)

static void reports_of_results(const pdx_rubric *r, pdx_result *const *results, size_t n)
{
	char *out = NULL;
	size_t len = 0;
	int rc = pdx_report_text(&out, &len, r, results, n);
	fuzz_check_report(rc, out, len, PDX_FORMAT_TEXT);
	out = NULL;
	rc = pdx_report_json(&out, &len, r, results, n);
	fuzz_check_report(rc, out, len, PDX_FORMAT_JSON);
	out = NULL;
	rc = pdx_report_csv(&out, &len, r, results, n);
	fuzz_check_report(rc, out, len, PDX_FORMAT_CSV);
}

static void rankings(const pdx_rubric *r, pdx_result *const *results, size_t n)
{
	for (int w = PDX_WITHIN_BLOCK; w <= PDX_WITHIN_NONE; w++) {
		pdx_ranking *rk = NULL;
		int rc = pdx_rank(&rk, results, n, (pdx_within)w);
		FUZZ_CHECK(rc == 0 || rc == PDX_ENOMEM);
		if (rc)
			continue;
		size_t count = 0;
		for (size_t g = 0; g < rk->n_groups; g++) {
			const pdx_rank_group *G = &rk->groups[g];
			FUZZ_CHECK(G->n > 0);
			for (size_t i = 0; i < G->n; i++) {
				/* competition ranking: 1-based, by total descending */
				FUZZ_CHECK(G->items[i].rank >= 1 && G->items[i].rank <= i + 1);
				if (i > 0)
					FUZZ_CHECK(G->items[i - 1].result->total >=
					           G->items[i].result->total);
			}
			count += G->n;
		}
		FUZZ_CHECK(count + rk->unfilled == n);
		EACH_FORMAT(fmt)
		{
			char *out = NULL;
			size_t len = 0;
			rc = pdx_report_rank(&out, &len, r, rk, fmt);
			fuzz_check_report(rc, out, len, fmt);
		}
		pdx_ranking_free(rk);
	}
}

static void summaries(const pdx_rubric *r, pdx_result *const *results, size_t n)
{
	static const pdx_group_key all_keys[] = {PDX_KEY_PROVINCE, PDX_KEY_OWNER, PDX_KEY_BLOCK,
	                                         PDX_KEY_YEAR, PDX_KEY_MEDIA};
	static const pdx_group_key block_year[] = {PDX_KEY_BLOCK, PDX_KEY_YEAR};
	static const pdx_group_key media[] = {PDX_KEY_MEDIA, PDX_KEY_MEDIA};
	const struct {
		const pdx_group_key *keys;
		size_t n;
	} sets[] = {{all_keys, 0}, {block_year, 2}, {media, 2}, {all_keys, 5}};
	for (size_t s = 0; s < sizeof sets / sizeof *sets; s++) {
		pdx_summary *sm = NULL;
		int rc = pdx_summarize(&sm, r, results, n, sets[s].keys, sets[s].n);
		FUZZ_CHECK(rc == 0 || rc == PDX_ENOMEM);
		if (rc)
			continue;
		/* every filled questionnaire in exactly one year's total; no total mixes years */
		size_t counted = 0;
		for (size_t t = 0; t < sm->n_totals; t++) {
			const pdx_stats *st = &sm->totals[t].stats;
			counted += st->count;
			FUZZ_CHECK(st->count > 0);
			FUZZ_CHECK(st->min <= st->median && st->median <= st->max &&
			           st->min <= st->mean && st->mean <= st->max);
			FUZZ_CHECK(t == 0 || sm->totals[t].year != sm->totals[t - 1].year);
		}
		FUZZ_CHECK(counted + sm->unfilled == n);
		FUZZ_CHECK(sm->by_year == (sm->n_totals > 1));
		if (!sm->by_year)
			FUZZ_CHECK(sm->all.count == counted);
		for (size_t g = 0; sm->by_year && g < sm->n_groups; g++) {
			bool found = false;
			for (size_t t = 0; t < sm->n_totals; t++)
				found |= sm->totals[t].year == sm->groups[g].year;
			FUZZ_CHECK(found);
		}
		EACH_FORMAT(fmt)
		{
			char *out = NULL;
			size_t len = 0;
			rc = pdx_report_summary(&out, &len, r, sm, fmt);
			fuzz_check_report(rc, out, len, fmt);
		}
		pdx_summary_free(sm);
	}
}

static void roadmaps(const pdx_rubric *r, pdx_result *const *results, size_t n)
{
	size_t nl = pdx_rubric_level_count(r);
	pdx_gap **gaps = calloc(n + nl + 3, sizeof(*gaps));
	FUZZ_CHECK(gaps != NULL);
	size_t ng = 0;
	for (size_t i = 0; i < n; i++) {
		int rc = pdx_gap_compute(&gaps[ng], results[i], 0);
		FUZZ_CHECK(rc == 0 || rc == PDX_ENOMEM);
		if (rc)
			continue;
		const pdx_gap *g = gaps[ng++];
		FUZZ_CHECK(g->needed >= 0);
		FUZZ_CHECK(g->n_minimal <= g->n_improvements);
		if (g->target && g->reachable) {
			pdx_points sum = 0;
			for (size_t k = 0; k < g->n_minimal; k++)
				sum += g->minimal[k].gain;
			FUZZ_CHECK(sum >= g->needed);
		}
	}
	/* every level as an explicit target of the first result, and one that is none */
	for (size_t l = 0; n && l <= nl + 1; l++) {
		int level = l <= nl ? (l < nl ? pdx_rubric_level(r, l)->number : -1) : 1000;
		if (pdx_gap_compute(&gaps[ng], results[0], level) == 0)
			ng++;
	}
	EACH_FORMAT(fmt)
	{
		char *out = NULL;
		size_t len = 0;
		int rc = pdx_report_gap(&out, &len, r, gaps, ng, fmt);
		fuzz_check_report(rc, out, len, fmt);
	}
	for (size_t i = 0; i < ng; i++)
		pdx_gap_free(gaps[i]);
	free(gaps);
}

static void diff(const pdx_rubric *r, pdx_result *const *before, size_t nb,
                 pdx_result *const *after, size_t na, int identical)
{
	pdx_diff *d = NULL;
	int rc = pdx_diff_compute(&d, before, nb, after, na);
	FUZZ_CHECK(rc == 0 || rc == PDX_ENOMEM);
	if (rc)
		return;
	FUZZ_CHECK(d->n + d->n_only_before == nb && d->n + d->n_only_after == na);
	/* a set compared with itself: every assessment pairs with itself, nothing changes */
	if (identical)
		FUZZ_CHECK(!d->differs && d->n == nb);
	EACH_FORMAT(fmt)
	{
		char *out = NULL;
		size_t len = 0;
		rc = pdx_report_diff(&out, &len, r, d, fmt);
		fuzz_check_report(rc, out, len, fmt);
	}
	pdx_diff_free(d);
}

static void targets(const pdx_rubric *r, const pdx_plan *plan, pdx_result *const *results, size_t n,
                    int year)
{
	pdx_targets *t = NULL;
	int rc = pdx_targets_compute(&t, plan, results, n, year);
	FUZZ_CHECK(rc == 0 || rc == PDX_ENOMEM);
	if (rc)
		return;
	FUZZ_CHECK(t->n == pdx_plan_indicator_count(plan) && t->in_scope <= n);
	for (size_t i = 0; i < t->n; i++) {
		const pdx_target_result *tr = &t->items[i];
		FUZZ_CHECK(tr->achieved <= tr->eligible && tr->eligible <= t->in_scope);
		FUZZ_CHECK(tr->achieved_pct >= 0 && tr->achieved_pct <= 10000);
		if (tr->indicator->measured)
			FUZZ_CHECK(tr->achieved + tr->n_short == tr->eligible);
	}
	EACH_FORMAT(fmt)
	{
		char *out = NULL;
		size_t len = 0;
		rc = pdx_report_targets(&out, &len, r, t, fmt);
		fuzz_check_report(rc, out, len, fmt);
	}
	pdx_targets_free(t);
}

void fuzz_all_reports(const pdx_rubric *r, pdx_result *const *results, size_t n,
                      pdx_result *const *other, size_t n_other, const pdx_plan *const *pl,
                      size_t n_pl)
{
	for (size_t i = 0; i < n; i++)
		fuzz_check_result(results[i]);
	reports_of_results(r, results, n);
	rankings(r, results, n);
	summaries(r, results, n);
	roadmaps(r, results, n);
	diff(r, results, n, results, n, 1);
	if (other)
		diff(r, results, n, other, n_other, 0);
	/* assessments on one side only, and pairs by agency alone across years */
	if (n > 1) {
		diff(r, results, n, results + 1, n - 1, 0);
		diff(r, results, n / 2, results + n / 2, n - n / 2, 0);
	}
	for (size_t i = 0; i < n_pl; i++)
		targets(r, pl[i], results, n, i % 2 ? 2025 : 0);
}
