/* SPDX-License-Identifier: MIT */
/* Unit tests of plan files and plan targets (engine/plan.c, report_targets.c) against
 * hand computations.
 *
 * Plans: the shipped ones (rubrics/plans), the defect files of tests/data/plans (each
 * names its expected error line in its first comment), small ones written here, and
 * tests/data/analysis/plan-province.xml and plan-ministry.xml. Expected shares: the
 * Tây Ninh and Hải Phòng tables of examples/EXPECTED-2.md ("Plan targets") and
 * tests/data/analysis/EXPECTED.md for the small files. Shares are hundredths of a
 * percent: 66.67 % is 6667. */
#include <dirent.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define AN        TEST_DATA_DIR "/analysis/"
#define PLANS_DIR RUBRICS_DIR "/plans/"

static int setup(void **state)
{
	*state = unit_load_951();
	return 0;
}

static int teardown(void **state)
{
	pdx_rubric_free(*state);
	return 0;
}

/* ---- helpers ---- */

static pdx_plan *load_plan(void **state, const char *path)
{
	pdx_diags *d = pdx_diags_new();
	pdx_plan *p = NULL;
	int rc = pdx_plan_load_file(&p, path, *state, d);
	if (rc || pdx_diags_count(d))
		unit_dump_diags(path, d);
	assert_int_equal(rc, 0);
	assert_non_null(p);
	assert_int_equal(pdx_diags_count(d), 0);
	pdx_diags_free(d);
	return p;
}

typedef unit_scored scored;
#define scored_free unit_scored_free

static scored load(void **state, const char *const *paths, const char *text)
{
	return unit_score(*state, paths, text, NULL);
}

/* One indicator's expected measure. target_year 0: no target in or after the year. */
typedef struct want_target {
	const char *id;
	int target_year;
	pdx_points target_pct;
	size_t eligible, achieved;
	pdx_points achieved_pct;
	bool met, measured;
	const char *short_of; /* ids separated by spaces, in input order */
} want_target;

static void check_short(const pdx_target_result *tr, const char *want)
{
	char got[256] = "";
	size_t used = 0;
	for (size_t k = 0; k < tr->n_short && used < sizeof got; k++)
		used += (size_t)snprintf(got + used, sizeof got - used, "%s%s", k ? " " : "",
		                         tr->short_of[k]->assessment->agency_id);
	if (strcmp(got, want) != 0)
		print_error("%s: short of it \"%s\", expected \"%s\"\n", tr->indicator->id, got,
		            want);
	assert_string_equal(got, want);
}

static void check_targets(const pdx_targets *t, int year, size_t in_scope, const want_target *w,
                          size_t n)
{
	assert_int_equal(t->year, year);
	assert_int_equal(t->in_scope, in_scope);
	assert_int_equal(t->n, n);
	for (size_t i = 0; i < n; i++) {
		const pdx_target_result *tr = &t->items[i];
		const char *id = w[i].id;
		assert_string_equal(tr->indicator->id, id);
		if (w[i].target_year) {
			if (!tr->target || tr->target->year != w[i].target_year)
				print_error("%s: target year %d, expected %d\n", id,
				            tr->target ? tr->target->year : 0, w[i].target_year);
			assert_non_null(tr->target);
			assert_int_equal(tr->target->year, w[i].target_year);
			assert_int_equal(tr->target->pct, w[i].target_pct);
		} else {
			if (tr->target)
				print_error("%s: target %d, expected none\n", id, tr->target->year);
			assert_null(tr->target);
		}
		assert_int_equal(tr->indicator->measured, w[i].measured);
		if (tr->eligible != w[i].eligible || tr->achieved != w[i].achieved ||
		    tr->met != w[i].met)
			print_error("%s: %zu/%zu met %d, expected %zu/%zu met %d\n", id,
			            tr->achieved, tr->eligible, tr->met, w[i].achieved,
			            w[i].eligible, w[i].met);
		assert_int_equal(tr->eligible, w[i].eligible);
		if (!w[i].measured) {
			assert_false(tr->met);
			assert_int_equal(tr->n_short, 0);
			continue;
		}
		assert_int_equal(tr->achieved, w[i].achieved);
		assert_int_equal(tr->achieved_pct, w[i].achieved_pct);
		assert_int_equal(tr->met, w[i].met);
		check_short(tr, w[i].short_of);
	}
}

static pdx_targets *measure(const pdx_plan *p, const scored *s, int year)
{
	pdx_targets *t = NULL;
	assert_int_equal(pdx_targets_compute(&t, p, s->res, s->n, year), 0);
	assert_non_null(t);
	assert_ptr_equal(t->plan, p);
	return t;
}

/* ---- loading ---- */

static void test_plan_load_good_small(void **state)
{
	pdx_plan *p = load_plan(state, TEST_DATA_DIR "/plans/good-small.xml");
	const pdx_plan_meta *m = pdx_plan_meta_get(p);
	assert_string_equal(m->id, "test-small");
	assert_string_equal(m->title, "Kế hoạch thử nghiệm");
	assert_string_equal(m->issuer, "UBND Tỉnh Thử Nghiệm");
	assert_string_equal(m->rubric, "951-2023");
	assert_non_null(strstr(m->path, "good-small.xml"));
	assert_int_equal(m->scope, PDX_KEY_PROVINCE);
	assert_int_equal(m->n_matches, 1);
	assert_string_equal(m->matches[0], "Tỉnh Thử Nghiệm");
	assert_int_equal(pdx_plan_indicator_count(p), 2);
	const pdx_indicator *a = pdx_plan_indicator(p, 0), *b = pdx_plan_indicator(p, 1);
	assert_null(pdx_plan_indicator(p, 2));
	assert_string_equal(a->id, "platforms");
	assert_string_equal(a->name, "Cơ quan báo chí đưa nội dung lên nền tảng số");
	assert_string_equal(a->name_en, "Content on digital platforms");
	assert_null(a->media);
	assert_true(a->measured);
	assert_int_equal(a->line, 10);
	/* <answer criterion="2.1.3" in="domestic multi"/>: options 2 and 3 of none,
	 * foreign, domestic, multi */
	assert_non_null(a->condition);
	assert_int_equal(a->condition->n, 1);
	const pdx_plan_answer *ans = &a->condition->answers[0];
	assert_string_equal(ans->criterion->id, "2.1.3");
	assert_int_equal(ans->criterion_index, unit_crit(*state, "2.1.3"));
	assert_int_equal(ans->op, PDX_COND_IN);
	assert_string_equal(ans->text, "domestic multi");
	assert_int_equal(ans->n_options, 2);
	assert_int_equal(ans->options[0], 2);
	assert_int_equal(ans->options[1], 3);
	assert_int_equal(ans->line, 13);
	assert_int_equal(a->n_targets, 2);
	assert_int_equal(a->targets[0].year, 2025);
	assert_int_equal(a->targets[0].pct, 5000);
	assert_null(a->targets[0].condition);
	assert_int_equal(a->targets[0].line, 14);
	assert_int_equal(a->targets[1].year, 2030);
	assert_int_equal(a->targets[1].pct, 10000);
	assert_string_equal(b->id, "security-level3");
	assert_string_equal(b->media, "dien-tu");
	assert_int_equal(b->n_targets, 1);
	pdx_plan_free(p);
	pdx_plan_free(NULL);
	assert_non_null(strstr(pdx_plan_schema(), "grammar"));
}

static void test_plan_load_shipped(void **state)
{
	static const struct {
		const char *file, *id;
		pdx_group_key scope;
		size_t n_indicators;
	} plans[] = {{"hai-phong.xml", "hai-phong", PDX_KEY_PROVINCE, 8},
	             {"tay-ninh.xml", "tay-ninh", PDX_KEY_PROVINCE, 6},
	             {"can-tho.xml", "can-tho", PDX_KEY_PROVINCE, 6},
	             {"lai-chau.xml", "lai-chau", PDX_KEY_PROVINCE, 8},
	             {"bo-noi-vu.xml", "bo-noi-vu", PDX_KEY_OWNER, 7}};
	for (size_t i = 0; i < sizeof plans / sizeof *plans; i++) {
		char *path = unit_path(RUBRICS_DIR "/plans", plans[i].file);
		pdx_plan *p = load_plan(state, path);
		const pdx_plan_meta *m = pdx_plan_meta_get(p);
		assert_string_equal(m->id, plans[i].id);
		assert_int_equal(m->scope, plans[i].scope);
		assert_int_equal(pdx_plan_indicator_count(p), plans[i].n_indicators);
		pdx_plan_free(p);
		free(path);
	}
	/* Tây Ninh's revenue growth: no condition of its own, one per target (≥ 10 in
	 * 2024, ≥ 20 from 2025), seven yearly targets 2024…2030 */
	pdx_plan *p = load_plan(state, PLANS_DIR "tay-ninh.xml");
	const pdx_indicator *rg = pdx_plan_indicator(p, 3);
	assert_string_equal(rg->id, "revenue-growth");
	assert_null(rg->condition);
	assert_int_equal(rg->n_targets, 7);
	for (size_t k = 0; k < 7; k++) {
		assert_int_equal(rg->targets[k].year, 2024 + (int)k);
		assert_non_null(rg->targets[k].condition);
		const pdx_plan_answer *a = &rg->targets[k].condition->answers[0];
		assert_int_equal(a->op, PDX_COND_GE);
		assert_int_equal(a->value.nanos, (k == 0 ? 10 : 20) * PDX_DECIMAL_ONE);
	}
	assert_int_equal(rg->targets[0].pct, 3330);
	assert_int_equal(rg->targets[2].pct, 6660);
	pdx_plan_free(p);
	p = load_plan(state, PLANS_DIR "bo-noi-vu.xml");
	assert_string_equal(pdx_plan_meta_get(p)->matches[0], "Bộ Nội vụ");
	pdx_plan_free(p);
	p = load_plan(state, PLANS_DIR "hai-phong.xml");
	const pdx_indicator *sf = pdx_plan_indicator(p, 7);
	assert_string_equal(sf->id, "self-financing");
	assert_false(sf->measured);
	assert_null(sf->condition);
	pdx_plan_free(p);
}

/* The expected line of a defect file: "expected error at line N" in its comment. */
static long expected_line(const char *text)
{
	const char *k = strstr(text, "expected error at line ");
	assert_non_null(k);
	return strtol(k + strlen("expected error at line "), NULL, 10);
}

static void test_plan_bad_files(void **state)
{
	DIR *dir = opendir(TEST_DATA_DIR "/plans");
	assert_non_null(dir);
	size_t seen = 0;
	for (struct dirent *e; (e = readdir(dir));) {
		if (strncmp(e->d_name, "bad-", 4) != 0)
			continue;
		char *path = unit_path(TEST_DATA_DIR "/plans", e->d_name);
		char *text = unit_slurp(path, NULL);
		long line = expected_line(text);
		pdx_diags *d = pdx_diags_new();
		static char sentinel;
		pdx_plan *p = (pdx_plan *)(void *)&sentinel; /* must be reset to NULL */
		int rc = pdx_plan_load_file(&p, path, *state, d);
		const pdx_diag *g = unit_find_diag(d, PDX_SEV_ERROR, line, NULL);
		if (rc != PDX_EINVALID || !g) {
			print_error("%s: rc %d, expected an error at line %ld\n", e->d_name, rc,
			            line);
			unit_dump_diags(e->d_name, d);
		}
		assert_int_equal(rc, PDX_EINVALID);
		assert_null(p);
		assert_non_null(g);
		assert_string_equal(g->file, path);
		if (strcmp(e->d_name, "bad-doctype.xml") == 0)
			assert_non_null(strstr(g->message_en, "DOCTYPE"));
		/* and the content is not read: no /etc/passwd in any message */
		for (size_t i = 0; i < pdx_diags_count(d); i++)
			assert_null(strstr(pdx_diags_get(d, i)->message_en, "root:"));
		pdx_diags_free(d);
		free(text);
		free(path);
		seen++;
	}
	closedir(dir);
	assert_int_equal(seen, 7);
}

/* Defects written here: each plan is the same small one with one mistake, at the line
 * given in the table (line 5 is the <indicator>, 7 the first line of the body). */
#define PLAN_HEAD                                                                                  \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"             /* 1 */                         \
	"<plan format=\"1\" id=\"t\" rubric=\"951-2023\">\n"       /* 2 */                         \
	"  <title>T</title>\n"                                     /* 3 */                         \
	"  <scope by=\"province\"><match>Tỉnh T</match></scope>\n" /* 4 */
#define PLAN_TAIL "  </indicator>\n</plan>\n"

static void test_plan_defects_in_memory(void **state)
{
	static const struct {
		const char *what, *attrs, *body, *phrase;
		long line;
	} cases[] = {
	    {"years not ascending", "",
	     "    <condition><answer criterion=\"2.1.4\" equals=\"có\"/></condition>\n" /* 7 */
	     "    <target year=\"2030\" pct=\"50\"/>\n"                                 /* 8 */
	     "    <target year=\"2025\" pct=\"40\"/>\n",                                /* 9 */
	     "ascend", 9},
	    {"a year twice", "",
	     "    <condition><answer criterion=\"2.1.4\" equals=\"có\"/></condition>\n"
	     "    <target year=\"2025\" pct=\"50\"/>\n"
	     "    <target year=\"2025\" pct=\"60\"/>\n",
	     "already has a target", 9},
	    {"numeric comparison on a yesno criterion", "",
	     "    <condition><answer criterion=\"2.1.4\" ge=\"1\"/></condition>\n"
	     "    <target year=\"2025\" pct=\"50\"/>\n",
	     "numeric comparison", 7},
	    {"in on a percent criterion", "",
	     "    <condition><answer criterion=\"3.2.1\" in=\"100\"/></condition>\n"
	     "    <target year=\"2025\" pct=\"50\"/>\n",
	     "compare it with ge", 7},
	    {"not a yes/no word", "",
	     "    <condition><answer criterion=\"2.1.4\" equals=\"maybe\"/></condition>\n"
	     "    <target year=\"2025\" pct=\"50\"/>\n",
	     "is not an answer", 7},
	    {"a share with three decimals", "",
	     "    <condition><answer criterion=\"2.1.4\" equals=\"có\"/></condition>\n"
	     "    <target year=\"2025\" pct=\"66.666\"/>\n",
	     "target share", 8},
	    {"a negative share", "",
	     "    <condition><answer criterion=\"2.1.4\" equals=\"có\"/></condition>\n"
	     "    <target year=\"2025\" pct=\"-5\"/>\n",
	     "target share", 8},
	    {"a condition on a target of an unmeasured indicator", " measured=\"false\"",
	     "    <target year=\"2025\" pct=\"50\"><condition><answer criterion=\"2.1.4\" "
	     "equals=\"có\"/></condition></target>\n",
	     "measured", 7},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char xml[2048];
		snprintf(xml, sizeof xml,
		         "%s  <indicator id=\"x\"%s>\n" /* 5 */
		         "    <name>X</name>\n"         /* 6 */
		         "%s%s",
		         PLAN_HEAD, cases[i].attrs, cases[i].body, PLAN_TAIL);
		pdx_diags *d = pdx_diags_new();
		pdx_plan *p = NULL;
		int rc = pdx_plan_load_memory(&p, xml, strlen(xml), "mem.xml", *state, d);
		const pdx_diag *g =
		    unit_find_diag(d, PDX_SEV_ERROR, cases[i].line, cases[i].phrase);
		if (rc != PDX_EINVALID || !g) {
			print_error("%s: rc %d, expected an error at line %ld with \"%s\"\n",
			            cases[i].what, rc, cases[i].line, cases[i].phrase);
			unit_dump_diags(cases[i].what, d);
		}
		assert_int_equal(rc, PDX_EINVALID);
		assert_null(p);
		assert_non_null(g);
		assert_string_equal(g->file, "mem.xml");
		pdx_diags_free(d);
	}

	/* not well-formed: an error with its line, no plan */
	static const char broken[] = "<?xml version=\"1.0\"?>\n<plan format=\"1\" id=\"t\">\n"
	                             "  <title>T</title>\n  <scope by=\"province\">\n</plan>\n";
	pdx_diags *d = pdx_diags_new();
	pdx_plan *p = NULL;
	assert_int_equal(pdx_plan_load_memory(&p, broken, strlen(broken), "b.xml", *state, d),
	                 PDX_EINVALID);
	assert_null(p);
	assert_true(pdx_diags_errors(d) > 0);
	assert_true(pdx_diags_get(d, 0)->line > 0);
	pdx_diags_free(d);

	/* a plan written for another rubric id: a warning, and it loads */
	static const char other[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<plan format=\"1\" id=\"t\" rubric=\"951-2099\">\n  <title>T</title>\n"
	    "  <scope by=\"owner\"><match>Bộ T</match></scope>\n"
	    "  <indicator id=\"x\"><name>X</name>\n"
	    "    <condition><answer criterion=\"2.1.4\" equals=\"có\"/></condition>\n"
	    "    <target year=\"2025\" pct=\"50\"/>\n  </indicator>\n</plan>\n";
	d = pdx_diags_new();
	assert_int_equal(pdx_plan_load_memory(&p, other, strlen(other), "o.xml", *state, d), 0);
	assert_non_null(p);
	assert_int_equal(pdx_diags_errors(d), 0);
	assert_non_null(
	    unit_find_diag(d, PDX_SEV_WARNING, 2, "written for 951-2099, not 951-2023"));
	assert_int_equal(pdx_plan_meta_get(p)->scope, PDX_KEY_OWNER);
	pdx_plan_free(p);
	pdx_diags_free(d);

	/* a plan that lists several editions: none of them warns, another does */
	char several[sizeof other + 32];
	const char *at = strstr(other, "951-2099");
	snprintf(several, sizeof several, "%.*s%s%s", (int)(at - other), other,
	         "1827-2024  951-2023", at + strlen("951-2099"));
	d = pdx_diags_new();
	assert_int_equal(pdx_plan_load_memory(&p, several, strlen(several), "s.xml", *state, d), 0);
	assert_int_equal(pdx_diags_count(d), 0); /* *state is 951-2023 */
	pdx_plan_free(p);
	pdx_diags_free(d);
	snprintf(several, sizeof several, "%.*s%s%s", (int)(at - other), other, "1827-2024 951",
	         at + strlen("951-2099"));
	d = pdx_diags_new();
	assert_int_equal(pdx_plan_load_memory(&p, several, strlen(several), "s.xml", *state, d), 0);
	/* "951" is not "951-2023": ids are compared whole */
	assert_non_null(
	    unit_find_diag(d, PDX_SEV_WARNING, 2, "written for 1827-2024 951, not 951-2023"));
	pdx_plan_free(p);
	pdx_diags_free(d);

	/* a missing file */
	d = pdx_diags_new();
	p = NULL;
	assert_int_equal(pdx_plan_load_file(&p, AN "no-such-plan.xml", *state, d), PDX_EIO);
	assert_null(p);
	assert_int_equal(pdx_diags_errors(d), 1);
	pdx_diags_free(d);
}

/* ---- measuring: the small plans of tests/data/analysis ---- */

static const char *const t2025[] = {AN "targets-2025.csv", NULL};
static const char *const t2024[] = {AN "targets-2024.csv", NULL};
static const char *const tboth[] = {AN "targets-2024.csv", AN "targets-2025.csv", NULL};

/* targets-2025.csv against plan-province.xml, the answers' year 2025 (EXPECTED.md). */
static const want_target province_2025[] = {
    /* 2 of 3 = 66.666… ≥ 66.6: met; the same 2 of 3 misses 66.67 */
    {"platforms", 2025, 6660, 3, 2, 6667, true, true, "P3"},
    {"ai-platform", 2025, 6667, 3, 2, 6667, false, true, "P3"},
    /* electronic press only: P1 (in|dien-tu) and P2 (dien-tu); P3 (in) has 3+ but is
     * not counted */
    {"security-level3", 2025, 10000, 2, 1, 5000, false, true, "P2"},
    /* the 2025 target's own condition, 1.2.2 ≥ 10: 12 and 25 meet, 5 does not */
    {"revenue-growth", 2025, 5000, 3, 2, 6667, true, true, "P3"},
    /* 99.99 is not 100 */
    {"staff-trained", 2025, 10000, 3, 2, 6667, false, true, "P3"},
    /* no 2025 target: the next target year, 2030 */
    {"digital-trends", 2030, 10000, 3, 2, 6667, false, true, "P2"},
    /* only a 2024 target: none in or after 2025; still counted (14.9 and empty fail) */
    {"essential-articles", 0, 0, 3, 1, 3333, false, true, "P2 P3"},
    {"self-financing", 2030, 5000, 3, 0, 0, false, false, ""},
    {"remote-reach", 2025, 3000, 3, 0, 0, false, false, ""},
};

static void test_targets_province_2025(void **state)
{
	pdx_plan *p = load_plan(state, AN "plan-province.xml");
	scored s = load(state, t2025, NULL);
	assert_int_equal(s.n, 4); /* X1 of Tỉnh Khác is out of scope */
	pdx_targets *t = measure(p, &s, 0);
	check_targets(t, 2025, 3, province_2025, 9);
	pdx_targets_free(t);
	/* asking for 2025 gives the same */
	t = measure(p, &s, 2025);
	check_targets(t, 2025, 3, province_2025, 9);
	pdx_targets_free(t);
	pdx_targets_free(NULL);
	scored_free(&s);
	pdx_plan_free(p);
}

/* --year 2030 on the 2025 answers: the 2030 targets; those set only for 2025 have none. */
static void test_targets_year_2030(void **state)
{
	static const want_target w[] = {
	    {"platforms", 2030, 10000, 3, 2, 6667, false, true, "P3"},
	    {"ai-platform", 0, 0, 3, 2, 6667, false, true, "P3"},
	    {"security-level3", 0, 0, 2, 1, 5000, false, true, "P2"},
	    /* the 2030 condition, 1.2.2 ≥ 20: only P2 (25) */
	    {"revenue-growth", 2030, 5000, 3, 1, 3333, false, true, "P1 P3"},
	    {"staff-trained", 0, 0, 3, 2, 6667, false, true, "P3"},
	    {"digital-trends", 2030, 10000, 3, 2, 6667, false, true, "P2"},
	    {"essential-articles", 0, 0, 3, 1, 3333, false, true, "P2 P3"},
	    {"self-financing", 2030, 5000, 3, 0, 0, false, false, ""},
	    {"remote-reach", 0, 0, 3, 0, 0, false, false, ""},
	};
	pdx_plan *p = load_plan(state, AN "plan-province.xml");
	scored s = load(state, t2025, NULL);
	pdx_targets *t = measure(p, &s, 2030);
	check_targets(t, 2030, 3, w, 9);
	pdx_targets_free(t);
	scored_free(&s);
	pdx_plan_free(p);
}

/* 2024 answers: the plan sets 2024 only for essential-articles; every other indicator
 * takes its next target year, 2025 (or 2030). */
static const want_target province_2024[] = {
    {"platforms", 2025, 6660, 3, 1, 3333, false, true, "P2 P3"},
    {"ai-platform", 2025, 6667, 3, 1, 3333, false, true, "P1 P3"},
    {"security-level3", 2025, 10000, 2, 0, 0, false, true, "P1 P2"},
    {"revenue-growth", 2025, 5000, 3, 1, 3333, false, true, "P1 P3"},
    {"staff-trained", 2025, 10000, 3, 0, 0, false, true, "P1 P2 P3"},
    {"digital-trends", 2030, 10000, 3, 1, 3333, false, true, "P1 P2"},
    {"essential-articles", 2024, 6000, 3, 2, 6667, true, true, "P2"},
    {"self-financing", 2030, 5000, 3, 0, 0, false, false, ""},
    {"remote-reach", 2025, 3000, 3, 0, 0, false, false, ""},
};

static void test_targets_answers_2024_next_target_year(void **state)
{
	pdx_plan *p = load_plan(state, AN "plan-province.xml");
	scored s = load(state, t2024, NULL);
	pdx_targets *t = measure(p, &s, 0);
	check_targets(t, 2024, 3, province_2024, 9);
	pdx_targets_free(t);
	scored_free(&s);
	pdx_plan_free(p);
}

/* Both years read: by default each agency's latest (2025) assessment; --year 2024 takes
 * the 2024 ones. */
static void test_targets_two_years(void **state)
{
	pdx_plan *p = load_plan(state, AN "plan-province.xml");
	scored s = load(state, tboth, NULL);
	assert_int_equal(s.n, 7);
	pdx_targets *t = measure(p, &s, 0);
	check_targets(t, 2025, 3, province_2025, 9);
	pdx_targets_free(t);
	t = measure(p, &s, 2024);
	check_targets(t, 2024, 3, province_2024, 9);
	pdx_targets_free(t);
	scored_free(&s);
	pdx_plan_free(p);
}

/* A ministry plan: scope by owner. M1 (Hà Nội) and M2 (Đà Nẵng) belong to Bộ Thử
 * Nghiệm; M3 is in Hà Nội but owned by the city: out of scope. 1 of 2 = 50 ≥ 50: met. */
static void test_targets_ministry(void **state)
{
	static const want_target w[] = {
	    {"platforms", 2025, 5000, 2, 1, 5000, true, true, "M2"},
	    {"ai-platform", 2025, 5000, 2, 0, 0, false, true, "M1 M2"},
	    {"convergent-newsroom", 2025, 5000, 2, 1, 5000, true, true, "M2"},
	    {"security-level3", 2025, 10000, 2, 2, 10000, true, true, ""},
	};
	pdx_plan *p = load_plan(state, AN "plan-ministry.xml");
	assert_int_equal(pdx_plan_meta_get(p)->scope, PDX_KEY_OWNER);
	static const char *const paths[] = {AN "targets-ministry.csv", NULL};
	scored s = load(state, paths, NULL);
	pdx_targets *t = measure(p, &s, 0);
	check_targets(t, 2025, 2, w, 4);
	pdx_targets_free(t);
	/* the province plan finds none of them: nothing eligible, nothing met */
	pdx_plan *q = load_plan(state, AN "plan-province.xml");
	t = measure(q, &s, 0);
	assert_int_equal(t->in_scope, 0);
	for (size_t i = 0; i < t->n; i++) {
		assert_int_equal(t->items[i].eligible, 0);
		assert_int_equal(t->items[i].achieved, 0);
		assert_false(t->items[i].met);
		assert_int_equal(t->items[i].n_short, 0);
	}
	pdx_targets_free(t);
	scored_free(&s);
	pdx_plan_free(q);
	pdx_plan_free(p);
}

/* tests/data/plans/good-small.xml on targets-2025.csv: platforms 2 of 3 ≥ 50 met;
 * security-level3 on the electronic press, 1 of 2 < 100. */
static void test_targets_good_small(void **state)
{
	static const want_target w[] = {
	    {"platforms", 2025, 5000, 3, 2, 6667, true, true, "P3"},
	    {"security-level3", 2025, 10000, 2, 1, 5000, false, true, "P2"},
	};
	pdx_plan *p = load_plan(state, TEST_DATA_DIR "/plans/good-small.xml");
	scored s = load(state, t2025, NULL);
	pdx_targets *t = measure(p, &s, 0);
	check_targets(t, 2025, 3, w, 2);
	pdx_targets_free(t);
	scored_free(&s);
	pdx_plan_free(p);
}

/* ---- measuring: the examples (examples/EXPECTED-2.md "Plan targets") ---- */

static void test_targets_tay_ninh(void **state)
{
	pdx_plan *p = load_plan(state, PLANS_DIR "tay-ninh.xml");
	static const char *const paths[] = {EXAMPLES_DIR "/tay-ninh-2025.csv", NULL};
	scored s = load(state, paths, NULL);
	static const want_target y2025[] = {
	    {"platforms", 2025, 6660, 3, 2, 6667, true, true, "TN03"},
	    {"ai-platform", 2025, 6660, 3, 1, 3333, false, true, "TN01 TN03"},
	    {"digital-trends", 2025, 6660, 3, 3, 10000, true, true, ""},
	    {"revenue-growth", 2025, 3330, 3, 1, 3333, true, true, "TN01 TN03"},
	    {"staff-trained", 2025, 10000, 3, 1, 3333, false, true, "TN02 TN03"},
	    {"security-level3", 2025, 3330, 3, 1, 3333, true, true, "TN02 TN03"},
	};
	pdx_targets *t = measure(p, &s, 0);
	check_targets(t, 2025, 3, y2025, 6);
	pdx_targets_free(t);
	static const want_target y2024[] = {
	    {"platforms", 2024, 6660, 3, 2, 6667, true, true, "TN03"},
	    {"ai-platform", 2024, 6660, 3, 1, 3333, false, true, "TN01 TN03"},
	    {"digital-trends", 2024, 6660, 3, 3, 10000, true, true, ""},
	    /* 2024: 1.2.2 ≥ 10: TN01 15 and TN02 20 */
	    {"revenue-growth", 2024, 3330, 3, 2, 6667, true, true, "TN03"},
	    {"staff-trained", 2024, 10000, 3, 1, 3333, false, true, "TN02 TN03"},
	    {"security-level3", 2024, 3330, 3, 1, 3333, true, true, "TN02 TN03"},
	};
	t = measure(p, &s, 2024);
	check_targets(t, 2024, 3, y2024, 6);
	pdx_targets_free(t);
	static const want_target y2026[] = {
	    {"platforms", 2026, 6660, 3, 2, 6667, true, true, "TN03"},
	    {"ai-platform", 2026, 6660, 3, 1, 3333, false, true, "TN01 TN03"},
	    {"digital-trends", 2026, 6660, 3, 3, 10000, true, true, ""},
	    {"revenue-growth", 2026, 6660, 3, 1, 3333, false, true, "TN01 TN03"},
	    {"staff-trained", 0, 0, 3, 1, 3333, false, true, "TN02 TN03"},
	    {"security-level3", 0, 0, 3, 1, 3333, false, true, "TN02 TN03"},
	};
	t = measure(p, &s, 2026);
	check_targets(t, 2026, 3, y2026, 6);
	pdx_targets_free(t);
	scored_free(&s);
	pdx_plan_free(p);
}

static void test_targets_hai_phong(void **state)
{
	pdx_plan *p = load_plan(state, PLANS_DIR "hai-phong.xml");
	/* all three 2025 files: HP06's answers with errors do not meet a condition */
	static const char *const all[] = {EXAMPLES_DIR "/hai-phong-2025-bao.csv",
	                                  EXAMPLES_DIR "/hai-phong-2025-dai-tapchi.csv",
	                                  EXAMPLES_DIR "/hai-phong-2025-loi.csv", NULL};
	scored s = load(state, all, NULL);
	static const want_target w6[] = {
	    {"platforms", 2025, 7000, 6, 4, 6667, false, true, "HP02 HP05"},
	    {"ai-platform", 2025, 5000, 6, 2, 3333, false, true, "HP01 HP02 HP05 HP06"},
	    {"security-level3", 2025, 10000, 5, 2, 4000, false, true, "HP02 HP04 HP06"},
	    {"convergent-newsroom", 2025, 5000, 6, 2, 3333, false, true, "HP02 HP04 HP05 HP06"},
	    {"staff-trained", 2025, 10000, 6, 0, 0, false, true, "HP01 HP02 HP03 HP04 HP05 HP06"},
	    {"essential-articles", 2025, 10000, 6, 5, 8333, false, true, "HP05"},
	    {"revenue-growth", 2025, 5000, 6, 3, 5000, true, true, "HP02 HP04 HP05"},
	    {"self-financing", 2030, 5000, 6, 0, 0, false, false, ""},
	};
	pdx_targets *t = measure(p, &s, 0);
	check_targets(t, 2025, 6, w6, 8);
	pdx_targets_free(t);
	scored_free(&s);

	static const char *const valid[] = {EXAMPLES_DIR "/hai-phong-2025-bao.csv",
	                                    EXAMPLES_DIR "/hai-phong-2025-dai-tapchi.csv", NULL};
	s = load(state, valid, NULL);
	static const want_target w5[] = {
	    {"platforms", 2025, 7000, 5, 3, 6000, false, true, "HP02 HP05"},
	    {"ai-platform", 2025, 5000, 5, 2, 4000, false, true, "HP01 HP02 HP05"},
	    {"security-level3", 2025, 10000, 4, 2, 5000, false, true, "HP02 HP04"},
	    {"convergent-newsroom", 2025, 5000, 5, 2, 4000, false, true, "HP02 HP04 HP05"},
	    {"staff-trained", 2025, 10000, 5, 0, 0, false, true, "HP01 HP02 HP03 HP04 HP05"},
	    {"essential-articles", 2025, 10000, 5, 4, 8000, false, true, "HP05"},
	    {"revenue-growth", 2025, 5000, 5, 2, 4000, false, true, "HP02 HP04 HP05"},
	    {"self-financing", 2030, 5000, 5, 0, 0, false, false, ""},
	};
	t = measure(p, &s, 0);
	check_targets(t, 2025, 5, w5, 8);
	pdx_targets_free(t);
	scored_free(&s);

	/* 2024 answers: no 2024 target in the plan, so 2025's */
	static const char *const y24[] = {EXAMPLES_DIR "/hai-phong-2024.csv", NULL};
	s = load(state, y24, NULL);
	static const want_target w24[] = {
	    {"platforms", 2025, 7000, 5, 3, 6000, false, true, "HP02 HP05"},
	    {"ai-platform", 2025, 5000, 5, 1, 2000, false, true, "HP01 HP02 HP04 HP05"},
	    {"security-level3", 2025, 10000, 4, 1, 2500, false, true, "HP01 HP02 HP04"},
	    {"convergent-newsroom", 2025, 5000, 5, 1, 2000, false, true, "HP01 HP02 HP04 HP05"},
	    {"staff-trained", 2025, 10000, 5, 0, 0, false, true, "HP01 HP02 HP03 HP04 HP05"},
	    {"essential-articles", 2025, 10000, 5, 3, 6000, false, true, "HP02 HP05"},
	    {"revenue-growth", 2025, 5000, 5, 2, 4000, false, true, "HP02 HP04 HP05"},
	    {"self-financing", 2030, 5000, 5, 0, 0, false, false, ""},
	};
	t = measure(p, &s, 0);
	check_targets(t, 2024, 5, w24, 8);
	pdx_targets_free(t);
	scored_free(&s);
	pdx_plan_free(p);
}

/* An answer reported as an error never meets a condition, even when its number would
 * (HP06: 2.2.1 "cap 3", 3.2.1 = 120); an unanswered one neither (HP05 4.1.2). */
static void test_condition_holds(void **state)
{
	pdx_plan *p = load_plan(state, PLANS_DIR "hai-phong.xml");
	static const char *const paths[] = {EXAMPLES_DIR "/hai-phong-2025-loi.csv",
	                                    EXAMPLES_DIR "/hai-phong-2025-bao.csv", NULL};
	scored s = load(state, paths, NULL);
	const pdx_result *hp06 = NULL, *hp01 = NULL;
	for (size_t i = 0; i < s.n; i++) {
		if (strcmp(s.res[i]->assessment->agency_id, "HP06") == 0)
			hp06 = s.res[i];
		if (strcmp(s.res[i]->assessment->agency_id, "HP01") == 0)
			hp01 = s.res[i];
	}
	assert_non_null(hp06);
	assert_non_null(hp01);
	const pdx_indicator *sec = pdx_plan_indicator(p, 2), *staff = pdx_plan_indicator(p, 4),
	                    *plat = pdx_plan_indicator(p, 0);
	assert_string_equal(sec->id, "security-level3");
	assert_string_equal(staff->id, "staff-trained");
	assert_false(pdx_condition_holds(sec->condition, hp06));
	assert_false(pdx_condition_holds(staff->condition, hp06));
	assert_true(pdx_condition_holds(plat->condition, hp06)); /* domestic */
	assert_true(pdx_condition_holds(sec->condition, hp01));  /* 3+ */
	assert_false(pdx_condition_holds(NULL, hp01));
	scored_free(&s);
	/* yesno in/equals "không" holds on a "không" answer only */
	static const char plan[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<plan format=\"1\" id=\"t\"><title>T</title>"
	    "<scope by=\"province\"><match>X</match></scope>"
	    "<indicator id=\"no-ai\"><name>N</name>"
	    "<condition><answer criterion=\"5.1.1\" equals=\"không\"/>"
	    "<answer criterion=\"4.1.5\" lt=\"15\"/><answer criterion=\"1.2.2\" gt=\"0\"/>"
	    "<answer criterion=\"3.2.1\" le=\"50\"/></condition>"
	    "<target year=\"2025\" pct=\"50\"/></indicator></plan>\n";
	pdx_plan *q = NULL;
	pdx_diags *d = pdx_diags_new();
	int rc = pdx_plan_load_memory(&q, plan, strlen(plan), "q.xml", *state, d);
	if (rc)
		unit_dump_diags("q.xml", d);
	assert_int_equal(rc, 0);
	pdx_diags_free(d);
	/* A: không, 14.99 < 15, 0.01 > 0, 50 ≤ 50: holds. B: có. C: 15 is not < 15.
	 * D: 0 is not > 0. E: 50.01 > 50. F: 5.1.1 unanswered. */
	static const char csv[] =
	    "agency_id,province,criterion,answer\n"
	    "A,X,5.1.1,không\nA,X,4.1.5,\"14,99\"\nA,X,1.2.2,\"0,01\"\nA,X,3.2.1,50\n"
	    "B,X,5.1.1,có\nB,X,4.1.5,1\nB,X,1.2.2,1\nB,X,3.2.1,1\n"
	    "C,X,5.1.1,không\nC,X,4.1.5,15\nC,X,1.2.2,1\nC,X,3.2.1,1\n"
	    "D,X,5.1.1,không\nD,X,4.1.5,1\nD,X,1.2.2,0\nD,X,3.2.1,1\n"
	    "E,X,5.1.1,không\nE,X,4.1.5,1\nE,X,1.2.2,1\nE,X,3.2.1,\"50,01\"\n"
	    "F,X,5.1.1,\nF,X,4.1.5,1\nF,X,1.2.2,1\nF,X,3.2.1,1\n";
	s = load(state, NULL, csv);
	assert_int_equal(s.n, 6);
	const pdx_plan_condition *c = pdx_plan_indicator(q, 0)->condition;
	static const bool holds[] = {true, false, false, false, false, false};
	for (size_t i = 0; i < 6; i++) {
		if (pdx_condition_holds(c, s.res[i]) != holds[i])
			print_error("agency %s: holds %d\n", s.res[i]->assessment->agency_id,
			            !holds[i]);
		assert_int_equal(pdx_condition_holds(c, s.res[i]), holds[i]);
	}
	pdx_targets *t = measure(q, &s, 0);
	assert_int_equal(t->items[0].eligible, 6);
	assert_int_equal(t->items[0].achieved, 1);
	assert_int_equal(t->items[0].achieved_pct, 1667); /* 1/6 = 16.666… */
	pdx_targets_free(t);
	scored_free(&s);
	pdx_plan_free(q);
	pdx_plan_free(p);
}

/* An agency read with a year (2025) and again without one (its year unknown): by
 * default the targets measure its latest known assessment, the 2025 one, in 2025. */
static void test_targets_yearless_assessment(void **state)
{
	pdx_plan *p = load_plan(state, AN "plan-ministry.xml");
	/* the yearless row comes first: a row without a year takes the year of the agency's
	 * earlier row in the file, so a yearless row after a 2025 one would be 2025 too */
	static const char csv[] = "agency_id,owner,year,criterion,answer\n"
	                          "M9,Bộ Thử Nghiệm,,2.1.3,none\n"
	                          "M9,Bộ Thử Nghiệm,2025,2.1.3,multi\n";
	scored s = load(state, NULL, csv);
	assert_int_equal(s.n, 2);
	pdx_targets *t = measure(p, &s, 0);
	size_t in_scope = t->in_scope, achieved = t->items[0].achieved;
	int year = t->year, target_year = t->items[0].target ? t->items[0].target->year : 0;
	/* checked after everything is freed, so that a failure leaks nothing */
	pdx_targets_free(t);
	scored_free(&s);
	pdx_plan_free(p);
	if (year != 2025 || achieved != 1)
		fprintf(stderr,
		        "year %d, platforms achieved %zu: the assessment without a year was "
		        "measured instead of the 2025 one\n",
		        year, achieved);
	assert_int_equal(in_scope, 1);
	assert_int_equal(year, 2025);
	assert_int_equal(achieved, 1);
	assert_int_equal(target_year, 2025);
}

/* ---- reports ---- */

static json_object *jget(json_object *o, const char *k)
{
	json_object *v = NULL;
	if (!json_object_object_get_ex(o, k, &v))
		print_error("no key \"%s\"\n", k);
	assert_true(json_object_object_get_ex(o, k, &v));
	return v;
}

static void test_targets_reports(void **state)
{
	pdx_plan *p = load_plan(state, AN "plan-province.xml");
	scored s = load(state, t2025, NULL);
	pdx_targets *t = measure(p, &s, 0);
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(pdx_report_targets(&out, &len, *state, t, PDX_FORMAT_JSON), 0);
	json_object *root = json_tokener_parse(out);
	assert_non_null(root);
	json_object *plan = jget(root, "plan");
	assert_string_equal(json_object_get_string(jget(plan, "id")), "test-province");
	assert_string_equal(json_object_get_string(jget(plan, "title")),
	                    "Kế hoạch thử nghiệm của Tỉnh Thử Nghiệm");
	assert_int_equal(json_object_get_int(jget(root, "year")), 2025);
	json_object *inds = jget(root, "indicators");
	assert_int_equal(json_object_array_length(inds), 9);
	json_object *plat = json_object_array_get_idx(inds, 0);
	assert_string_equal(json_object_get_string(jget(plat, "id")), "platforms");
	assert_string_equal(json_object_to_json_string(jget(plat, "target_pct")), "66.6");
	assert_int_equal(json_object_get_int(jget(plat, "eligible")), 3);
	assert_int_equal(json_object_get_int(jget(plat, "achieved")), 2);
	assert_string_equal(json_object_to_json_string(jget(plat, "achieved_pct")), "66.67");
	assert_true(json_object_get_boolean(jget(plat, "met")));
	assert_true(json_object_get_boolean(jget(plat, "measured")));
	json_object *sh = jget(plat, "short");
	assert_int_equal(json_object_array_length(sh), 1);
	assert_string_equal(json_object_get_string(json_object_array_get_idx(sh, 0)), "P3");
	json_object *ai = json_object_array_get_idx(inds, 1);
	assert_false(json_object_get_boolean(jget(ai, "met")));
	json_object *ess = json_object_array_get_idx(inds, 6);
	assert_null(jget(ess, "target_pct"));
	assert_null(jget(ess, "met"));
	json_object *sf = json_object_array_get_idx(inds, 7);
	assert_string_equal(json_object_get_string(jget(sf, "id")), "self-financing");
	assert_false(json_object_get_boolean(jget(sf, "measured")));
	assert_null(jget(sf, "met"));
	assert_null(jget(sf, "achieved"));
	assert_int_equal(json_object_array_length(jget(sf, "short")), 0);
	json_object_put(root);
	free(out);

	assert_int_equal(pdx_report_targets(&out, &len, *state, t, PDX_FORMAT_CSV), 0);
	assert_non_null(strstr(out, "\r\nplatforms,"));
	assert_non_null(strstr(out, ",1,2025,66.60,3,2,66.67,1,P3\r\n"));
	assert_non_null(strstr(out, ",1,2025,66.67,3,2,66.67,0,P3\r\n"));
	assert_non_null(strstr(out, ",dien-tu,1,2025,100.00,2,1,50.00,0,P2\r\n"));
	free(out);

	assert_int_equal(pdx_report_targets(&out, &len, *state, t, PDX_FORMAT_TEXT), 0);
	assert_non_null(strstr(out, "Đạt (achieved): 2/3 = 66.67%  →  ĐẠT (met)"));
	assert_non_null(strstr(out, "not measured by the index"));
	free(out);
	pdx_targets_free(t);
	scored_free(&s);
	pdx_plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plan_load_good_small),
	    cmocka_unit_test(test_plan_load_shipped),
	    cmocka_unit_test(test_plan_bad_files),
	    cmocka_unit_test(test_plan_defects_in_memory),
	    cmocka_unit_test(test_targets_province_2025),
	    cmocka_unit_test(test_targets_year_2030),
	    cmocka_unit_test(test_targets_answers_2024_next_target_year),
	    cmocka_unit_test(test_targets_two_years),
	    cmocka_unit_test(test_targets_ministry),
	    cmocka_unit_test(test_targets_good_small),
	    cmocka_unit_test(test_targets_tay_ninh),
	    cmocka_unit_test(test_targets_hai_phong),
	    cmocka_unit_test(test_condition_holds),
	    cmocka_unit_test(test_targets_yearless_assessment),
	    cmocka_unit_test(test_targets_reports),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
