/* SPDX-License-Identifier: MIT */
/* Fuzz target: the workbook reader (engine/workbook.c: .xlsx and .ods on libzip and
 * xmlTextReader, into the CSV reader's rules), with the bundled rubric
 * rubrics/951-2023.xml fixed.
 *
 * Input: the bytes of a workbook file (a ZIP file), as an agency would send it. They are
 * written to a temporary file (libzip reads a ZIP file's directory from its end), read
 * into a fresh set, and every assessment read is scored. Checked beyond memory safety:
 * a rejected workbook reports an error and leaves the set empty; an accepted one holds
 * only assessments and answers with an agency, a place (a row, and a column for every
 * answer) and the sheet it came from; nothing is printed (libxml2 included). */
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

static char path[64];
static int fd = -1;

static void cleanup(void)
{
	if (fd >= 0) {
		close(fd);
		unlink(path);
	}
}

static int workbook_file(const uint8_t *data, size_t size)
{
	if (fd < 0) {
		snprintf(path, sizeof path, "/tmp/pressdx-fuzz-wb-XXXXXX");
		fd = mkstemp(path);
		FUZZ_CHECK(fd >= 0);
		atexit(cleanup);
	}
	if (ftruncate(fd, 0) != 0)
		return -1;
	size_t off = 0;
	while (off < size) {
		ssize_t k = pwrite(fd, data + off, size - off, (off_t)off);
		if (k <= 0)
			return -1;
		off += (size_t)k;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const pdx_rubric *r = fuzz_rubric_951();
	if (workbook_file(data, size) != 0)
		return 0;
	pdx_answers *set = pdx_answers_new(NULL);
	pdx_diags *d = pdx_diags_new();
	if (!set || !d) {
		pdx_answers_free(set);
		pdx_diags_free(d);
		return 0;
	}
	fuzz_xml_watch();
	int rc = pdx_internal_read_workbook(set, path, "fuzz.xlsx", NULL, NULL, d);
	fuzz_xml_check();
	if (rc == PDX_ENOMEM)
		goto done;
	if (rc) {
		FUZZ_CHECK(rc == PDX_EINVALID);
		FUZZ_CHECK(pdx_diags_errors(d) > 0);
		FUZZ_CHECK(pdx_answers_count(set) == 0);
	}
	fuzz_walk_diags(d);
	for (size_t i = 0; i < pdx_answers_count(set); i++) {
		const pdx_assessment *a = pdx_answers_get(set, i);
		FUZZ_CHECK(a->agency_id && a->agency_id[0] && a->file && a->line > 0 && a->sheet);
		size_t cursor = 0, rows = 0;
		pdx_answer x;
		while (pdx_assessment_next_answer(a, &cursor, &x)) {
			FUZZ_CHECK(x.criterion && x.criterion[0] && x.line > 0 && x.column > 0 &&
			           x.sheet);
			rows++;
		}
		FUZZ_CHECK(rows == a->n_answers);
		fuzz_walk_diags(a->diags);
		pdx_result *res = NULL;
		if (pdx_score_assessment(&res, r, a, NULL) == 0) {
			FUZZ_CHECK(res->total >= 0 && res->total <= pdx_rubric_meta_get(r)->total);
			pdx_result_free(res);
		}
	}
done:
	pdx_answers_free(set);
	pdx_diags_free(d);
	return 0;
}
