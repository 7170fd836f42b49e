/* SPDX-License-Identifier: MIT */
/* Fuzz target: the rubric table importer (pdx_rubric_import_table), input = the bytes
 * of a table as a person saves it from a spreadsheet.
 *
 * Checked beyond memory safety: the return code agrees with the XML and the
 * diagnostics; XML that the importer hands back is well-formed enough for the loader
 * to judge (it may still break a rubric rule); and a rubric that loads goes round the
 * table again unchanged: export, import, load, export gives the same table. */
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pdx_diags *d = pdx_diags_new();
	if (!d)
		return 0;
	char *xml = NULL;
	size_t xlen = 0;
	int rc = pdx_rubric_import_table(&xml, &xlen, (const char *)data, size, "fuzz.csv", d);
	FUZZ_CHECK(rc == 0 || rc == PDX_EINVALID || rc == PDX_ENOMEM);
	FUZZ_CHECK((rc == 0) == (xml != NULL));
	FUZZ_CHECK(rc != PDX_EINVALID || pdx_diags_errors(d) > 0);
	pdx_rubric *r = NULL;
	if (xml) {
		FUZZ_CHECK(strlen(xml) == xlen);
		fuzz_xml_watch();
		pdx_diags *ld = pdx_diags_new();
		if (ld && pdx_rubric_load_memory(&r, xml, xlen, "fuzz.xml", ld) == 0) {
			char *t1 = NULL, *t2 = NULL, *x2 = NULL;
			size_t n1, n2, nx;
			pdx_rubric *r2 = NULL;
			if (pdx_rubric_export_table(&t1, &n1, r) == 0) {
				pdx_diags *d2 = pdx_diags_new();
				/* what export writes, import takes */
				FUZZ_CHECK(
				    pdx_rubric_import_table(&x2, &nx, t1, n1, "t1.csv", d2) == 0);
				FUZZ_CHECK(pdx_rubric_load_memory(&r2, x2, nx, "x2.xml", d2) == 0);
				FUZZ_CHECK(pdx_rubric_export_table(&t2, &n2, r2) == 0);
				FUZZ_CHECK(n1 == n2 && memcmp(t1, t2, n1) == 0);
				pdx_diags_free(d2);
			}
			pdx_free(t1);
			pdx_free(t2);
			pdx_free(x2);
			pdx_rubric_free(r2);
		}
		pdx_diags_free(ld);
		fuzz_xml_check();
	}
	pdx_rubric_free(r);
	pdx_free(xml);
	pdx_diags_free(d);
	return 0;
}
