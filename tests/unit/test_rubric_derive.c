/* SPDX-License-Identifier: MIT */
/* Editions written as differences (extends=): the shipped 1827 and 3560, written that
 * way, against the same editions written whole (tests/data/rubrics/whole-*.xml, the
 * files as they were before); every operation on a small base, with the expected
 * result worked out from the base by hand; and the mistakes a derived file can make. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"

static char *table_of(const pdx_rubric *r)
{
	char *t;
	size_t len;
	assert_int_equal(pdx_rubric_export_table(&t, &len, r), 0);
	return t;
}

static pdx_rubric *load_path(const char *dir, const char *name)
{
	char *path = unit_path(dir, name);
	pdx_diags *d = pdx_diags_new();
	pdx_rubric *r = NULL;
	int rc = pdx_rubric_load_file(&r, path, d);
	if (rc)
		unit_dump_diags(path, d);
	assert_int_equal(rc, 0);
	assert_int_equal(pdx_diags_count(d), 0);
	pdx_diags_free(d);
	free(path);
	return r;
}

/* The shipped derived edition is the whole one, element for element. */
static void same_as_whole(const char *edition, const char *whole, const char *base)
{
	char name[64];
	snprintf(name, sizeof name, "%s.xml", edition);
	pdx_rubric *derived = load_path(RUBRICS_DIR, name);
	pdx_rubric *w = load_path(TEST_DATA_DIR "/rubrics", whole);
	const pdx_rubric_meta *dm = pdx_rubric_meta_get(derived), *wm = pdx_rubric_meta_get(w);
	assert_string_equal(dm->extends, base);
	assert_null(wm->extends);
	char *a = table_of(derived), *b = table_of(w);
	assert_string_equal(a, b);
	assert_string_equal(dm->sha256, wm->sha256);
	assert_string_equal(dm->notice, wm->notice);
	assert_true(pdx_rubric_same(derived, w));

	/* its resolved XML is a whole rubric of the same content */
	size_t len;
	const char *xml = pdx_rubric_resolved_xml(derived, &len);
	assert_non_null(xml);
	assert_null(strstr(xml, "extends="));
	assert_null(strstr(xml, "<!--"));
	pdx_rubric *again = NULL;
	assert_int_equal(pdx_rubric_load_memory(&again, xml, len, "resolved.xml", NULL), 0);
	assert_string_equal(pdx_rubric_meta_get(again)->sha256, wm->sha256);
	pdx_rubric_free(again);
	free(a);
	free(b);
	pdx_rubric_free(derived);
	pdx_rubric_free(w);
}

static void test_1827_is_951_with_its_differences(void **state)
{
	(void)state;
	same_as_whole("1827-2024", "whole-1827-2024.xml", "951-2023");
	/* and the differences are those the file says, read from the model */
	pdx_rubric *r = load_path(RUBRICS_DIR, "1827-2024.xml");
	assert_int_equal(pdx_rubric_criterion_count(r), 43);
	long k = pdx_rubric_find_criterion(r, "4.2.3");
	assert_int_equal(pdx_rubric_criterion(r, (size_t)k)->max, 200);
	long k6 = pdx_rubric_find_criterion(r, "4.2.6");
	assert_int_equal(k6, pdx_rubric_find_criterion(r, "4.2.5") + 1);
	assert_int_equal(pdx_rubric_criterion(r, (size_t)k6)->max, 100);
	assert_int_equal(pdx_rubric_level(r, 2)->min, 6500);
	assert_int_equal(pdx_rubric_pillar(r, 0)->status, PDX_PUBLISHED);
	pdx_rubric_free(r);
}

static void test_3560_is_1827_with_its_differences(void **state)
{
	(void)state;
	same_as_whole("3560-2025", "whole-3560-2025.xml", "1827-2024");
	pdx_rubric *r = load_path(RUBRICS_DIR, "3560-2025.xml");
	assert_int_equal(pdx_rubric_level(r, 0)->status, PDX_PROVISIONAL);
	assert_null(pdx_rubric_level(r, 3)->source);                        /* dropped */
	assert_int_equal(pdx_rubric_pillar(r, 1)->status, PDX_PROVISIONAL); /* pillar 2 */
	assert_int_equal(pdx_rubric_pillar(r, 3)->status, PDX_PUBLISHED);   /* pillar 4 */
	assert_int_equal(pdx_rubric_meta_get(r)->year_from, 2025);
	pdx_rubric_free(r);
}

/* ---- the operations, on tests/data/rubrics/good-minimal.xml ---- */

static pdx_rubric *minimal(void)
{
	return load_path(TEST_DATA_DIR "/rubrics", "good-minimal.xml");
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

static int derive(pdx_rubric **out, const pdx_rubric *base, const char *xml, pdx_diags *d)
{
	return pdx_rubric_load_memory_base(out, xml, strlen(xml), "derived.xml", base, d);
}

static void test_change_remove_add(void **state)
{
	(void)state;
	pdx_rubric *base = minimal();
	/* 1.1.2 goes (3 points), 1.1.1 grows to 5 and takes a new English name and no
	 * evidence, 1.1.3 (2 points, after 1.1.1) comes: 1.1 keeps 7 = 5 + 2; level 2 moves
	 * to "above 6"; a level 3 from 9 is added; the title changes. */
	const char *xml = HEAD
	    "<rubric format=\"1\" id=\"test-derived\" extends=\"test-minimal\">\n"
	    "  <title>Bộ chỉ số dẫn xuất</title>\n"
	    "  <years from=\"2030\"/>\n"
	    "  <remove ref=\"1.1.2\"/>\n"
	    "  <change ref=\"1.1.1\" max=\"5\" evidence=\"false\" status=\"official\">\n"
	    "    <name-en>Approved plan</name-en>\n"
	    "  </change>\n"
	    "  <add after=\"1.1.1\">\n"
	    "    <criterion id=\"1.1.3\" type=\"yesno\" max=\"2\"><name>Mới</name></criterion>\n"
	    "  </add>\n"
	    "  <change level=\"2\" above=\"6\"/>\n"
	    "  <add><level number=\"3\" min=\"9\"><name>Xuất sắc</name></level></add>\n"
	    "</rubric>\n";
	pdx_diags *d = pdx_diags_new();
	pdx_rubric *r = NULL;
	int rc = derive(&r, base, xml, d);
	if (rc)
		unit_dump_diags("derived", d);
	assert_int_equal(rc, 0);
	const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
	assert_string_equal(m->id, "test-derived");
	assert_string_equal(m->extends, "test-minimal");
	assert_string_equal(m->title, "Bộ chỉ số dẫn xuất");
	assert_int_equal(m->total, 1000); /* the base's */
	assert_int_equal(m->year_from, 2030);
	assert_int_equal(pdx_rubric_criterion_count(r), 3);
	const pdx_criterion *c = pdx_rubric_criterion(r, 0);
	assert_string_equal(c->id, "1.1.1");
	assert_int_equal(c->max, 500);
	assert_false(c->evidence);
	assert_int_equal(c->status, PDX_OFFICIAL);
	assert_string_equal(c->name, "Có kế hoạch chuyển đổi số được phê duyệt"); /* kept */
	assert_string_equal(c->name_en, "Approved plan");
	assert_string_equal(pdx_rubric_criterion(r, 1)->id, "1.1.3");
	assert_string_equal(pdx_rubric_criterion(r, 2)->id, "2.1.1");
	assert_int_equal(pdx_rubric_level_count(r), 3);
	assert_true(pdx_rubric_level(r, 1)->above);
	assert_int_equal(pdx_rubric_level(r, 1)->min, 600);
	assert_int_equal(pdx_rubric_level(r, 2)->min, 900);
	/* 6.00 stays level 1, 6.01 is level 2 */
	assert_int_equal(pdx_rubric_level_for(r, 600)->number, 1);
	assert_int_equal(pdx_rubric_level_for(r, 601)->number, 2);
	pdx_rubric_free(r);
	pdx_diags_free(d);
	pdx_rubric_free(base);
}

static void test_replace_and_add_pillar(void **state)
{
	(void)state;
	pdx_rubric *base = minimal();
	/* pillar 2 (3 points) replaced by one of 1 point with a count criterion, a pillar 3
	 * of 2 points added: total 7 + 1 + 2 = 10 */
	const char *xml = HEAD
	    "<rubric format=\"1\" id=\"d2\" extends=\"test-minimal\">\n"
	    "  <replace ref=\"2\">\n"
	    "    <pillar id=\"2\" max=\"1\"><name>Hạ tầng</name>\n"
	    "      <component id=\"2.9\" max=\"1\"><name>K</name>\n"
	    "        <criterion id=\"2.9.1\" type=\"yesno\" max=\"1\"><name>A</name></criterion>\n"
	    "      </component>\n"
	    "    </pillar>\n"
	    "  </replace>\n"
	    "  <add>\n"
	    "    <pillar id=\"3\" max=\"2\"><name>Độc giả</name>\n"
	    "      <component id=\"3.1\" max=\"2\"><name>T</name>\n"
	    "        <criterion id=\"3.1.1\" type=\"yesno\" max=\"2\"><name>B</name></criterion>\n"
	    "      </component>\n"
	    "    </pillar>\n"
	    "  </add>\n"
	    "</rubric>\n";
	pdx_rubric *r = NULL;
	assert_int_equal(derive(&r, base, xml, NULL), 0);
	assert_int_equal(pdx_rubric_pillar_count(r), 3);
	assert_string_equal(pdx_rubric_pillar(r, 1)->name, "Hạ tầng");
	assert_int_equal(pdx_rubric_pillar(r, 2)->max, 200);
	assert_int_equal(pdx_rubric_criterion_count(r), 4);
	assert_int_equal(pdx_rubric_find_criterion(r, "2.1.1"), -1);
	assert_int_equal(pdx_rubric_find_criterion(r, "3.1.1"), 3);
	pdx_rubric_free(r);
	pdx_rubric_free(base);
}

/* The derived file's mistakes, each at its line, and nothing loaded. */
static void expect_error(const pdx_rubric *base, const char *xml, long line, const char *phrase)
{
	pdx_diags *d = pdx_diags_new();
	pdx_rubric *r = NULL;
	assert_int_equal(derive(&r, base, xml, d), PDX_EINVALID);
	assert_null(r);
	if (!unit_find_diag(d, PDX_SEV_ERROR, line, phrase)) {
		unit_dump_diags(phrase, d);
		fail_msg("no error at line %ld with \"%s\"", line, phrase);
	}
	pdx_diags_free(d);
}

static void test_mistakes(void **state)
{
	(void)state;
	pdx_rubric *base = minimal();
	expect_error(base,
	             HEAD "<rubric format=\"1\" id=\"x\" extends=\"test-minimal\">\n"
	                  "  <remove ref=\"9.9\"/>\n</rubric>\n",
	             3, "\"9.9\"");
	expect_error(base,
	             HEAD "<rubric format=\"1\" id=\"x\" extends=\"test-minimal\">\n"
	                  "  <change level=\"7\" min=\"1\"/>\n</rubric>\n",
	             3, "level 7");
	/* an id the base has: add is not replace */
	expect_error(base,
	             HEAD "<rubric format=\"1\" id=\"x\" extends=\"test-minimal\">\n"
	                  "  <add to=\"1.1\">\n"
	                  "    <criterion id=\"1.1.2\" type=\"yesno\" max=\"1\"><name>A</name>"
	                  "</criterion>\n  </add>\n</rubric>\n",
	             4, "already has");
	/* the result breaks component 1.1's sum: said of 1.1, without a line (1.1 is the
	 * base's, and its line is in another file) */
	expect_error(base,
	             HEAD "<rubric format=\"1\" id=\"x\" extends=\"test-minimal\">\n\n"
	                  "  <change ref=\"1.1.1\" max=\"5\"/>\n</rubric>\n",
	             0, "sum to 8, not to its max 7");
	/* an operation the grammar does not know */
	expect_error(base,
	             HEAD "<rubric format=\"1\" id=\"x\" extends=\"test-minimal\">\n"
	                  "  <rename ref=\"1\"/>\n</rubric>\n",
	             3, "rename");
	/* the wrong base */
	expect_error(base, HEAD "<rubric format=\"1\" id=\"x\" extends=\"951-2023\">\n</rubric>\n",
	             2, "951-2023");
	/* no base at all */
	pdx_diags *d = pdx_diags_new();
	pdx_rubric *r = NULL;
	const char *xml = HEAD "<rubric format=\"1\" id=\"x\" extends=\"test-minimal\"/>\n";
	assert_int_equal(pdx_rubric_load_memory(&r, xml, strlen(xml), "x.xml", d), PDX_EINVALID);
	assert_non_null(unit_find_diag(d, PDX_SEV_ERROR, 2, "test-minimal.xml"));
	pdx_diags_free(d);
	pdx_rubric_free(base);
}

/* ---- bases found beside the file ---- */

static char *dir_with(const char *const *names, const char *const *texts, size_t n)
{
	char tmpl[] = "/tmp/pdx-derive-XXXXXX";
	char *dir = mkdtemp(tmpl);
	assert_non_null(dir);
	for (size_t i = 0; i < n; i++) {
		char *p = unit_path(dir, names[i]);
		FILE *f = fopen(p, "w");
		assert_non_null(f);
		fputs(texts[i], f);
		fclose(f);
		free(p);
	}
	return strdup(dir);
}

static void remove_dir(char *dir, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *p = unit_path(dir, names[i]);
		unlink(p);
		free(p);
	}
	rmdir(dir);
	free(dir);
}

static void test_chain_in_a_folder(void **state)
{
	(void)state;
	char *minimal_path = unit_path(TEST_DATA_DIR "/rubrics", "good-minimal.xml");
	size_t len;
	char *whole = unit_slurp(minimal_path, &len);
	const char *names[] = {"test-minimal.xml", "b.xml",     "c.xml",
	                       "loop1.xml",        "loop2.xml", "up.xml"};
	const char *texts[] = {whole,
	                       HEAD "<rubric format=\"1\" id=\"b\" extends=\"test-minimal\">\n"
	                            "  <change ref=\"1\"><source>B</source></change>\n</rubric>\n",
	                       HEAD
	                       "<rubric format=\"1\" id=\"c\" extends=\"b\" status=\"official\">\n"
	                       "  <decision>C/QĐ</decision>\n</rubric>\n",
	                       HEAD "<rubric format=\"1\" id=\"loop1\" extends=\"loop2\"/>\n",
	                       HEAD "<rubric format=\"1\" id=\"loop2\" extends=\"loop1\"/>\n",
	                       HEAD "<rubric format=\"1\" id=\"up\" extends=\"../etc\"/>\n"};
	size_t n = sizeof names / sizeof *names;
	char *dir = dir_with(names, texts, n);

	/* c extends b extends test-minimal: both differences are there */
	pdx_rubric *c = load_path(dir, "c.xml");
	const pdx_rubric_meta *m = pdx_rubric_meta_get(c);
	assert_string_equal(m->extends, "b");
	assert_string_equal(m->decision, "C/QĐ");
	assert_int_equal(m->status, PDX_OFFICIAL);
	assert_string_equal(pdx_rubric_pillar(c, 0)->source, "B");
	assert_int_equal(pdx_rubric_criterion_count(c), 3);
	pdx_rubric_free(c);

	/* a loop ends, with an error */
	pdx_diags *d = pdx_diags_new();
	pdx_rubric *r = NULL;
	char *p = unit_path(dir, "loop1.xml");
	assert_int_equal(pdx_rubric_load_file(&r, p, d), PDX_EINVALID);
	assert_null(r);
	assert_non_null(unit_find_diag(d, PDX_SEV_ERROR, 0, "a loop?"));
	free(p);
	pdx_diags_free(d);

	/* an id that would lead out of the folder is not a file name */
	d = pdx_diags_new();
	p = unit_path(dir, "up.xml");
	assert_int_equal(pdx_rubric_load_file(&r, p, d), PDX_EINVALID);
	assert_non_null(unit_find_diag(d, PDX_SEV_ERROR, 0, "cannot name a file"));
	free(p);
	pdx_diags_free(d);

	remove_dir(dir, names, n);
	free(whole);
	free(minimal_path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_1827_is_951_with_its_differences),
	    cmocka_unit_test(test_3560_is_1827_with_its_differences),
	    cmocka_unit_test(test_change_remove_add),
	    cmocka_unit_test(test_replace_and_add_pillar),
	    cmocka_unit_test(test_mistakes),
	    cmocka_unit_test(test_chain_in_a_folder),
	};
	return cmocka_run_group_tests_name("rubric: derived editions", tests, NULL, NULL);
}
