/* SPDX-License-Identifier: MIT */
/* Unit tests of the province map (engine/provinces.c) against the shipped
 * rubrics/provinces/provinces.xml. Expected names are from Nghị quyết 202/2025/QH15
 * (which 63 units form which 34), not from the program: e.g. Hải Dương → Hải Phòng,
 * Long An → Tây Ninh, Sóc Trăng and Hậu Giang → Cần Thơ, Bình Dương and Bà Rịa - Vũng
 * Tàu → Hồ Chí Minh; Cao Bằng is one of the 11 units not arranged. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"

static int setup(void **state)
{
	pdx_diags *d = pdx_diags_new();
	pdx_provinces *p = NULL;
	char *path = unit_path(RUBRICS_DIR, "provinces/provinces.xml");
	int rc = pdx_provinces_load_file(&p, path, d);
	if (rc)
		unit_dump_diags(path, d);
	assert_int_equal(rc, 0);
	free(path);
	pdx_diags_free(d);
	*state = p;
	return 0;
}

static int teardown(void **state)
{
	pdx_provinces_free(*state);
	return 0;
}

static void test_counts(void **state)
{
	const pdx_provinces *p = *state;
	assert_int_equal(pdx_provinces_count(p, false), 63);
	assert_int_equal(pdx_provinces_count(p, true), 34);
	assert_int_equal(pdx_provinces_new_map_from(p), 2025);
	assert_non_null(strstr(pdx_provinces_source(p), "202/2025/QH15"));
}

/* written, year, to_now → status, name, former */
static void check(const pdx_provinces *p, const char *written, int year, bool to_now,
                  pdx_province_status status, const char *name, const char *former)
{
	pdx_province_match m;
	assert_int_equal(pdx_provinces_find(p, written, year, to_now, &m), 0);
	if (m.status != status || (name && (!m.name || strcmp(m.name, name) != 0)))
		print_error("\"%s\" %d%s → %d \"%s\", expected %d \"%s\"\n", written, year,
		            to_now ? " (to now)" : "", (int)m.status, m.name ? m.name : "(null)",
		            (int)status, name ? name : "(null)");
	assert_int_equal(m.status, status);
	if (name)
		assert_string_equal(m.name, name);
	else
		assert_null(m.name);
	if (former)
		assert_string_equal(m.former, former);
	else
		assert_null(m.former);
}

static void test_spellings(void **state)
{
	const pdx_provinces *p = *state;
	/* prefix, case, diacritics, punctuation */
	check(p, "TP. Hải Phòng", 2024, false, PDX_PROVINCE_OK, "Hải Phòng", NULL);
	check(p, "thành phố hải phòng", 2025, false, PDX_PROVINCE_OK, "Hải Phòng", NULL);
	check(p, "Hai Phong", 2025, false, PDX_PROVINCE_OK, "Hải Phòng", NULL);
	check(p, "Tỉnh Hải Dương", 2024, false, PDX_PROVINCE_OK, "Hải Dương", NULL);
	check(p, "Ba Ria-Vung Tau", 2024, false, PDX_PROVINCE_OK, "Bà Rịa - Vũng Tàu", NULL);
	/* old tone placement folds to the same name */
	check(p, "Hoà Bình", 2024, false, PDX_PROVINCE_OK, "Hòa Bình", NULL);
	check(p, "Khánh Hoà", 2025, false, PDX_PROVINCE_OK, "Khánh Hòa", NULL);
	/* aliases */
	check(p, "Thừa Thiên Huế", 2023, false, PDX_PROVINCE_OK, "Huế", NULL);
	check(p, "TP.HCM", 2025, false, PDX_PROVINCE_OK, "Hồ Chí Minh", NULL);
	check(p, "Thành phố Hồ Chí Minh", 2024, false, PDX_PROVINCE_OK, "Hồ Chí Minh", NULL);
	check(p, "Đắc Lắc", 2025, false, PDX_PROVINCE_OK, "Đắk Lắk", NULL);
}

static void test_merger(void **state)
{
	const pdx_provinces *p = *state;
	/* before 2025 a former unit is itself; with to_now, the unit it is part of now */
	check(p, "Hải Dương", 2024, false, PDX_PROVINCE_OK, "Hải Dương", NULL);
	check(p, "Hải Dương", 2024, true, PDX_PROVINCE_OK, "Hải Phòng", NULL);
	check(p, "Long An", 2023, true, PDX_PROVINCE_OK, "Tây Ninh", NULL);
	check(p, "Sóc Trăng", 2024, true, PDX_PROVINCE_OK, "Cần Thơ", NULL);
	check(p, "Hậu Giang", 2024, true, PDX_PROVINCE_OK, "Cần Thơ", NULL);
	check(p, "Bình Dương", 2024, true, PDX_PROVINCE_OK, "Hồ Chí Minh", NULL);
	check(p, "BRVT", 2024, true, PDX_PROVINCE_OK, "Hồ Chí Minh", NULL);
	check(p, "Vĩnh Phúc", 2024, true, PDX_PROVINCE_OK, "Phú Thọ", NULL);
	check(p, "Kon Tum", 2024, true, PDX_PROVINCE_OK, "Quảng Ngãi", NULL);
	check(p, "Bình Định", 2024, true, PDX_PROVINCE_OK, "Gia Lai", NULL);
	check(p, "Cao Bằng", 2024, true, PDX_PROVINCE_OK, "Cao Bằng", NULL);
	/* from 2025 a former unit is a slip: counted as the unit it is part of */
	check(p, "Hải Dương", 2025, false, PDX_PROVINCE_FORMER, "Hải Phòng", "Hải Dương");
	check(p, "tinh long an", 2026, false, PDX_PROVINCE_FORMER, "Tây Ninh", "Long An");
	/* a unit of both maps under one name is no slip */
	check(p, "Hải Phòng", 2025, false, PDX_PROVINCE_OK, "Hải Phòng", NULL);
	/* year unknown: either map, the name as written */
	check(p, "Hải Dương", 0, false, PDX_PROVINCE_OK, "Hải Dương", NULL);
}

static void test_unknown(void **state)
{
	const pdx_provinces *p = *state;
	pdx_province_match m;
	/* one letter too many: the near name is offered */
	assert_int_equal(pdx_provinces_find(p, "Hai Phongg", 2025, false, &m), 0);
	assert_int_equal(m.status, PDX_PROVINCE_UNKNOWN);
	assert_null(m.name);
	assert_string_equal(m.closest, "Hải Phòng");
	/* nothing near: none offered */
	assert_int_equal(pdx_provinces_find(p, "Tỉnh Lúa", 2025, false, &m), 0);
	assert_int_equal(m.status, PDX_PROVINCE_UNKNOWN);
	assert_null(m.closest);
	assert_int_equal(pdx_provinces_find(NULL, "x", 2025, false, &m), PDX_EINVALID);
}

/* An answer set rewritten: official names, the merger from 2025, a warning once per name
 * and map, and every year on the new map with to_now. */
static void test_apply(void **state)
{
	const pdx_provinces *p = *state;
	static const char csv[] = "agency_id,province,year,criterion,answer\n"
	                          "A1,TP. Hai Phong,2024,1.1.1,có\n"
	                          "A2,Hải Dương,2024,1.1.1,có\n"
	                          "A3,Hải Dương,2025,1.1.1,có\n"
	                          "A4,Hải Dương,2025,1.1.1,có\n"
	                          "A5,Tỉnh Lúa,2025,1.1.1,có\n";
	for (int to_now = 0; to_now < 2; to_now++) {
		pdx_answers *set = pdx_answers_new(NULL);
		pdx_diags *d = pdx_diags_new();
		assert_int_equal(
		    pdx_answers_read_memory(set, csv, sizeof csv - 1, "p.csv", NULL, NULL), 0);
		assert_int_equal(pdx_provinces_apply(p, set, to_now, d), 0);
		static const char *const want[2][5] = {
		    {"Hải Phòng", "Hải Dương", "Hải Phòng", "Hải Phòng", "Tỉnh Lúa"},
		    {"Hải Phòng", "Hải Phòng", "Hải Phòng", "Hải Phòng", "Tỉnh Lúa"}};
		assert_int_equal(pdx_answers_count(set), 5);
		for (size_t i = 0; i < 5; i++)
			assert_string_equal(pdx_answers_get(set, i)->province, want[to_now][i]);
		/* A3 and A4 wrote the same former name for 2025: one warning, at A3; A5 one */
		assert_int_equal(pdx_diags_count(d), 2);
		const pdx_diag *g = pdx_diags_get(d, 0);
		assert_int_equal(g->code, PDX_W_PROVINCE_FORMER);
		assert_string_equal(g->agency_id, "A3");
		assert_int_equal(g->line, 4);
		assert_non_null(strstr(g->message_vi, "\"Hải Dương\" đã nhập vào Hải Phòng"));
		g = pdx_diags_get(d, 1);
		assert_int_equal(g->code, PDX_W_PROVINCE_UNKNOWN);
		assert_string_equal(g->agency_id, "A5");
		pdx_diags_free(d);
		pdx_answers_free(set);
	}
}

static void test_bad_maps(void **state)
{
	(void)state;
	static const char dup[] =
	    "<provinces format=\"1\" id=\"x\" new-map-from=\"2025\" cite=\"NQ\">"
	    "<source>s</source>"
	    "<province name=\"Hải Phòng\" kind=\"city\"><former name=\"Hải Phòng\" kind=\"city\"/>"
	    "<former name=\"TP Hai Phong\" kind=\"city\"/></province></provinces>";
	pdx_diags *d = pdx_diags_new();
	pdx_provinces *p = NULL;
	assert_int_equal(pdx_provinces_load_memory(&p, dup, sizeof dup - 1, "dup.xml", d),
	                 PDX_EINVALID);
	assert_null(p);
	assert_non_null(unit_find_diag(d, PDX_SEV_ERROR, 1, "reads as that of \"Hải Phòng\""));
	pdx_diags_free(d);
	static const char doctype[] = "<!DOCTYPE provinces SYSTEM \"http://example.com/x.dtd\">"
	                              "<provinces/>";
	d = pdx_diags_new();
	assert_int_equal(pdx_provinces_load_memory(&p, doctype, sizeof doctype - 1, "dt.xml", d),
	                 PDX_EINVALID);
	assert_int_equal(pdx_diags_get(d, 0)->code, PDX_E_XML_DOCTYPE);
	pdx_diags_free(d);
	d = pdx_diags_new();
	assert_int_equal(pdx_provinces_load_memory(&p, "<provinces/>", 12, "s.xml", d),
	                 PDX_EINVALID);
	assert_int_equal(pdx_diags_get(d, 0)->code, PDX_E_XML_SCHEMA);
	pdx_diags_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_counts), cmocka_unit_test(test_spellings),
	    cmocka_unit_test(test_merger), cmocka_unit_test(test_unknown),
	    cmocka_unit_test(test_apply),  cmocka_unit_test(test_bad_maps),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
