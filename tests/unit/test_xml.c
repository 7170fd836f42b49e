/* SPDX-License-Identifier: MIT */
/* Unit tests of the byte pre-scan (engine/xml_scan.c) and of the limits it enforces on
 * rubric and plan files before libxml2 parses them.
 *
 * The scan's edge cases run against small limits, so that each case stays a line or
 * two: 3 attributes, depth 4, 10 elements, names of 16 bytes, texts of 64. What must
 * hold is in the comment of xml_scan.c: what libxml2 would parse as a tag is counted,
 * what it skips (comments, CDATA sections, processing instructions, quoted values) is
 * not, and each refusal names the limit, the line and what was found. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "xml.h"

static const pdx_xml_limits small = {"tệp thử", "test file", 4096, 10, 4, 3, 16, 64};

/* The scan of `len` bytes against `lim`; its diagnostics in *d (free them). */
static int scan_n(const char *xml, size_t len, const pdx_xml_limits *lim, pdx_diags **d)
{
	*d = pdx_diags_new();
	assert_non_null(*d);
	pdx_xml_ctx x = {*d, "t.xml", 0, 0, PDX_CODE_NONE};
	int rc = pdx_xml_prescan(&x, xml, len, lim, "thử", "test file");
	assert_int_equal(x.oom, 0);
	assert_int_equal(rc == 0, x.errors == 0);
	assert_int_equal(pdx_diags_count(*d), (size_t)x.errors);
	return rc;
}

static void passes(const char *xml)
{
	pdx_diags *d;
	int rc = scan_n(xml, strlen(xml), &small, &d);
	if (rc)
		unit_dump_diags(xml, d);
	assert_int_equal(rc, 0);
	pdx_diags_free(d);
}

/* Refused with one error at `line` (and `col`, unless negative) whose English message
 * is exactly `en`. */
static void refused_n(const char *xml, size_t len, long line, long col, const char *en)
{
	pdx_diags *d;
	int rc = scan_n(xml, len, &small, &d);
	assert_int_equal(rc, -1);
	assert_int_equal(pdx_diags_count(d), 1);
	const pdx_diag *g = pdx_diags_get(d, 0);
	if (strcmp(g->message_en, en) != 0)
		fprintf(stderr, "expected: %s\n     got: %s\n", en, g->message_en);
	assert_string_equal(g->message_en, en);
	assert_int_equal(g->line, line);
	if (col >= 0)
		assert_int_equal(g->column, col);
	assert_int_equal(g->severity, PDX_SEV_ERROR);
	pdx_diags_free(d);
}

static void refused(const char *xml, long line, const char *en)
{
	refused_n(xml, strlen(xml), line, -1, en);
}

/* ASCII text as UTF-16 (little- or big-endian, with or without a byte order mark),
 * into `out`; its length in bytes. */
static size_t utf16(const char *ascii, bool be, bool bom, char *out)
{
	size_t n = 0;
	if (bom) {
		out[n++] = be ? '\xFE' : '\xFF';
		out[n++] = be ? '\xFF' : '\xFE';
	}
	for (const char *p = ascii; *p; p++) {
		out[n++] = be ? 0 : *p;
		out[n++] = be ? *p : 0;
	}
	return n;
}

/* ---- libxml2's one-time initialisation ---- */

static pthread_barrier_t start_line;

static void *load_in_thread(void *arg)
{
	(void)arg;
	pdx_rubric *r = NULL;
	pthread_barrier_wait(&start_line);
	int rc = pdx_rubric_load_file(&r, RUBRICS_DIR "/951-2023.xml", NULL);
	size_t n = rc ? 0 : pdx_rubric_criterion_count(r);
	pdx_rubric_free(r);
	return (void *)(uintptr_t)n;
}

/* The first loads of the process, eight at once: libxml2's lazy initialisation of its
 * RELAX NG type tables is not thread-safe, so libpressdx runs it once (pthread_once)
 * before any parse. A smoke test (a race shows only sometimes); it must come first. */
static void test_first_loads_in_threads(void **state)
{
	(void)state;
	enum { N = 8 };
	pthread_t t[N];
	assert_int_equal(pthread_barrier_init(&start_line, NULL, N), 0);
	for (int i = 0; i < N; i++)
		assert_int_equal(pthread_create(&t[i], NULL, load_in_thread, NULL), 0);
	for (int i = 0; i < N; i++) {
		void *n;
		assert_int_equal(pthread_join(t[i], &n), 0);
		assert_int_equal((uintptr_t)n, 42);
	}
	pthread_barrier_destroy(&start_line);
}

/* ---- attributes ---- */

static void test_attributes(void **state)
{
	(void)state;
	passes("<r a=\"1\" b='2' c=\"3\"/>");
	refused("<r a=\"1\" b='2' c=\"3\" d=\"4\"/>", 1,
	        "test file exceeds a limit: the element on line 1 has 4 attributes (at most 3)");
	/* one "=" is one attribute, with or without blanks around it */
	refused("<r\ta = \"1\"\nb\n=\n'2' c=\"3\" d=\"4\">x</r>", 1,
	        "test file exceeds a limit: the element on line 1 has 4 attributes (at most 3)");
}

/* The brief's case, at the real limit: 100,000 attributes on one element. */
static void test_100000_attributes(void **state)
{
	(void)state;
	size_t cap = 100000 * 16 + 64, n = 0;
	char *xml = malloc(cap);
	assert_non_null(xml);
	n += (size_t)snprintf(xml + n, cap - n, "<rubric>\n<title");
	for (int i = 0; i < 100000; i++)
		n += (size_t)snprintf(xml + n, cap - n, " a%d=\"x\"", i);
	n += (size_t)snprintf(xml + n, cap - n, ">t</title>\n</rubric>\n");
	pdx_diags *d;
	assert_int_equal(scan_n(xml, n, &pdx_xml_rubric_limits, &d), -1);
	const pdx_diag *g = pdx_diags_get(d, 0);
	assert_int_equal(g->line, 2);
	assert_string_equal(g->message_en, "rubric exceeds a limit: the element on line 2 has "
	                                   "100000 attributes (at most 64)");
	assert_string_equal(g->message_vi, "tệp bộ chỉ số vượt giới hạn: phần tử ở dòng 2 có "
	                                   "100000 thuộc tính (tối đa 64)");
	pdx_diags_free(d);
	free(xml);
}

/* What libxml2 skips is not counted: comments, CDATA sections, processing
 * instructions, attribute values. */
static void test_skipped_constructs_do_not_count(void **state)
{
	(void)state;
	passes("<r><!-- <x a=\"1\" b=\"2\" c=\"3\" d=\"4\"> --></r>");
	passes("<r><![CDATA[<x a=\"1\" b=\"2\" c=\"3\" d=\"4\">]]></r>");
	passes("<r><?pi <x a=\"1\" b=\"2\" c=\"3\" d=\"4\"> ?></r>");
	passes("<r a=\"b=1 c=2 d=3 e=4\"/>");
	/* nor as elements or depth: 11 elements and 6 levels, all inside a comment */
	passes("<r><!-- <a><a><a><a><a><a></a></a></a></a></a></a><b/><b/><b/><b/><b/> --></r>");
	/* a CDATA section's "]]" does not end it; "]]>" does */
	passes("<r><![CDATA[ ]] ] ]> ]]]></r>");
	refused("<r><![CDATA[x]]><x a=\"1\" b=\"2\" c=\"3\" d=\"4\"/></r>", 1,
	        "test file exceeds a limit: the element on line 1 has 4 attributes (at most 3)");
	/* a comment ends at the first "-->" */
	refused("<r><!-- x --><x a=\"1\" b=\"2\" c=\"3\" d=\"4\"/></r>", 1,
	        "test file exceeds a limit: the element on line 1 has 4 attributes (at most 3)");
	passes("<r><!----><!-- - --><!---> x --></r>");
}

/* A ">" inside quotes does not end a tag. */
static void test_quotes_containing_gt(void **state)
{
	(void)state;
	passes("<r a=\"x>y\" b='>' c=\">>\"/>");
	refused("<r a=\">\" b='>' c=\"3\" d=\">\">x</r>", 1,
	        "test file exceeds a limit: the element on line 1 has 4 attributes (at most 3)");
	/* a quote not after "=" opens no value (libxml2 reads none either) */
	refused("<r \"x a=\"1\" b=\"2\" c=\"3\" d=\"4\">", 1,
	        "test file exceeds a limit: the element on line 1 has 4 attributes (at most 3)");
}

/* A "<" inside a value ends the value and the tag, and starts a tag: libxml2 does the
 * same ("Unescaped '<' not allowed in attribute values"). */
static void test_lt_in_value_starts_a_tag(void **state)
{
	(void)state;
	refused("<r a=\"<x b=\"1\" c=\"2\" d=\"3\" e=\"4\">\"/>", 1,
	        "test file exceeds a limit: the element on line 1 has 4 attributes (at most 3)");
	refused("<r><y a='<!DOCTYPE r>'/></r>", 1,
	        "a test file may not contain a DOCTYPE (entities and external DTDs are refused "
	        "for safety)");
}

/* A tag over several lines is reported at the line where it starts. */
static void test_tag_over_lines(void **state)
{
	(void)state;
	refused("<r>\n<x\n a=\"1\"\n b=\"2\"\n c=\"3\"\n d=\"4\"/>\n</r>\n", 2,
	        "test file exceeds a limit: the element on line 2 has 4 attributes (at most 3)");
	/* lines inside values and comments count */
	refused("<r a='\n\n'>\n<!--\n\n-->\n<x a=\"1\" b=\"2\" c=\"3\" d=\"4\"/></r>", 7,
	        "test file exceeds a limit: the element on line 7 has 4 attributes (at most 3)");
	/* a tag cut off by the end of the file is counted all the same */
	refused("<r>\n<x a=\"1\" b=\"2\" c=\"3\" d=\"4\"", 2,
	        "test file exceeds a limit: the element on line 2 has 4 attributes (at most 3)");
}

/* ---- depth, elements, names, texts ---- */

static void test_depth(void **state)
{
	(void)state;
	passes("<a><b><c><d><e/></d></c></b></a>"); /* an empty element opens nothing */
	passes("<a><b></b><b></b><b><c><d></d></c></b></a>");
	refused("<a>\n<b><c><d><e></e></d></c></b></a>", 2,
	        "test file exceeds a limit: the element on line 2 is nested 5 levels deep (at "
	        "most 4)");
}

static void test_elements(void **state)
{
	(void)state;
	passes("<r><a/><a/><a/><a/><a/><a/><a/><a/><a/></r>"); /* 10 */
	refused("<r>\n<a/><a/><a/><a/><a/>\n<a/><a/><a/><a/><a/></r>", 3,
	        "test file exceeds a limit: the file has more than 10 elements: element 11 is "
	        "on line 3 (at most 10)");
	/* end tags are not elements */
	passes("<r><a></a><a></a><a></a><a></a><a></a><a></a><a></a><a></a><a></a></r>");
}

static void test_names(void **state)
{
	(void)state;
	passes("<abcdefghijklmnop abcdefghijklmnop=\"1\"/>"); /* 16 bytes each */
	refused("<r>\n<abcdefghijklmnopq/></r>", 2,
	        "test file exceeds a limit: the name on line 2 is longer than the 16 bytes "
	        "allowed");
	refused("<r abcdefghijklmnopq=\"1\"/>", 1,
	        "test file exceeds a limit: the name on line 1 is longer than the 16 bytes "
	        "allowed");
	refused("<r><?abcdefghijklmnopq x?></r>", 1,
	        "test file exceeds a limit: the name on line 1 is longer than the 16 bytes "
	        "allowed");
}

static void test_texts(void **state)
{
	(void)state;
	char xml[400];
	char t64[65], t65[66];
	memset(t64, 'x', 64);
	t64[64] = '\0';
	memset(t65, 'x', 65);
	t65[65] = '\0';

	snprintf(xml, sizeof xml, "<r>%s</r>", t64);
	passes(xml);
	snprintf(xml, sizeof xml, "<r>\n%s</r>", t65);
	refused(xml, 1, /* the text starts right after <r>, on line 1 */
	        "test file exceeds a limit: the text starting on line 1 is longer than the 64 "
	        "bytes allowed");
	snprintf(xml, sizeof xml, "<r a=\"%s\" b='%s'/>", t64, t64);
	passes(xml);
	snprintf(xml, sizeof xml, "<r\na=\"%s\"/>", t65);
	refused(xml, 2,
	        "test file exceeds a limit: the attribute value starting on line 2 is longer "
	        "than the 64 bytes allowed");
	snprintf(xml, sizeof xml, "<r><!--%s--></r>", t65);
	refused(xml, 1,
	        "test file exceeds a limit: the comment starting on line 1 is longer than the "
	        "64 bytes allowed");
	snprintf(xml, sizeof xml, "<r><?pi %s?></r>", t65);
	refused(xml, 1,
	        "test file exceeds a limit: the processing instruction starting on line 1 is "
	        "longer than the 64 bytes allowed");
	/* text and CDATA make one text in libxml2 */
	snprintf(xml, sizeof xml, "<r>%.40s<![CDATA[%.40s]]></r>", t64, t64);
	refused(xml, 1,
	        "test file exceeds a limit: the text starting on line 1 is longer than the 64 "
	        "bytes allowed");
	/* texts between tags are counted apart */
	snprintf(xml, sizeof xml, "<r>%s<a/>%s</r>", t64, t64);
	passes(xml);
}

/* ---- characters ---- */

static void test_nul(void **state)
{
	(void)state;
	static const char xml[] = "<r>\n<a>\nabcdef\0</a></r>";
	refused_n(xml, sizeof xml - 1, 3, 7,
	          "the file contains a NUL byte at line 3, column 7: not an XML text file");
	/* columns count characters, not bytes */
	static const char vi[] = "<r>\nTiếng Việt\0</r>";
	refused_n(vi, sizeof vi - 1, 2, 11,
	          "the file contains a NUL byte at line 2, column 11: not an XML text file");
	/* UTF-16 without a byte order mark or an XML declaration */
	char u[64];
	size_t n = utf16("<r/>", false, false, u);
	refused_n(u, n, 1, 2,
	          "the file looks like UTF-16 without a byte order mark (a NUL byte at line 1, "
	          "column 2): save it as UTF-8");
	pdx_diags *d;
	assert_int_equal(scan_n(xml, sizeof xml - 1, &small, &d), -1);
	assert_string_equal(pdx_diags_get(d, 0)->message_vi,
	                    "tệp chứa byte NUL ở dòng 3, cột 7: không phải tệp XML văn bản");
	pdx_diags_free(d);
}

static void test_forbidden_characters(void **state)
{
	(void)state;
	refused_n("<r>\n ab\x01</r>", 12, 2, 4,
	          "malformed XML: control character U+0001 at line 2, column 4");
	refused_n("<r>\xEF\xBF\xBE</r>", 10, 1, 4,
	          "malformed XML: the character U+FFFE is not allowed in XML (line 1, column 4)");
	refused_n("<r>\xED\xA0\x80</r>", 10, 1, 4,
	          "malformed XML: the character U+D800 is not allowed in XML (line 1, column 4)");
	/* tabs, line breaks, letters beyond ASCII, and bytes that are not UTF-8 at all
	 * (libxml2 names those) pass */
	passes("<r>\t\r\n Hải Phòng \xF0\x9F\x98\x80</r>");
	passes("<r>B\xF4\xF2 ch\xED s\xF4\xF5</r>");
}

/* ---- encodings ---- */

static void test_utf16(void **state)
{
	(void)state;
	char u[256];
	/* (the declaration is short: its 16-bit units count twice against the 64 bytes) */
	const char *ok = "<?xml encoding=\"UTF-16\"?>\n<r a=\"1\"><!-- <x> --></r>";
	const char *bad = "<?xml version=\"1.0\"?>\n<r>\n<x a=\"1\" b=\"2\" c=\"3\" d=\"4\"/></r>";
	for (int be = 0; be < 2; be++)
		for (int bom = 0; bom < 2; bom++) {
			pdx_diags *d;
			size_t n = utf16(ok, be, bom, u);
			assert_int_equal(scan_n(u, n, &small, &d), 0);
			pdx_diags_free(d);
			n = utf16(bad, be, bom, u);
			refused_n(
			    u, n, 3, -1,
			    "test file exceeds a limit: the element on line 3 has 4 attributes "
			    "(at most 3)");
		}
	/* a NUL character, and a lone surrogate */
	size_t n = utf16("<r>ab</r>", false, true, u);
	u[2 + 2 * 4] = u[2 + 2 * 4 + 1] = 0;
	refused_n(u, n, 1, 5,
	          "the file contains a NUL byte at line 1, column 5: not an XML text file");
	n = utf16("<r>ab</r>", true, true, u);
	u[2 + 2 * 3] = '\xD8';
	refused_n(u, n, 1, 4,
	          "malformed XML: the character U+D861 is not allowed in XML (line 1, column 4)");
}

static void test_encodings_refused(void **state)
{
	(void)state;
	static const char utf32[] = "\xFF\xFE\0\0<\0\0\0";
	refused_n(utf32, sizeof utf32 - 1, 1, -1,
	          "the file is encoded in UTF-32, which is not supported: save it as UTF-8");
	static const char ucs4[] = "\0\0\0<\0\0\0?";
	refused_n(ucs4, sizeof ucs4 - 1, 1, -1,
	          "the file is encoded in UTF-32, which is not supported: save it as UTF-8");
	refused("\x4C\x6F\xA7\x94\x93\x40", 1,
	        "the file is encoded in EBCDIC, which is not supported: save it as UTF-8");
	/* UTF-7 would hide every tag from the scan: "+ADw-" is "<" */
	refused("<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADw-r/+AD4-", 1,
	        "the file declares the encoding \"UTF-7\", which is not supported: save it as "
	        "UTF-8 (accepted: UTF-8, UTF-16, US-ASCII, ISO-8859-n, windows-125n)");
	refused("<?xml version=\"1.0\" encoding='IBM037'?><r/>", 1,
	        "the file declares the encoding \"IBM037\", which is not supported: save it as "
	        "UTF-8 (accepted: UTF-8, UTF-16, US-ASCII, ISO-8859-n, windows-125n)");
	refused("<?xml version=\"1.0\" encoding=\"UTF-16LE\"?><r/>", 1,
	        "the file declares the encoding \"UTF-16LE\", which is not supported: save it as "
	        "UTF-8 (accepted: UTF-8, UTF-16, US-ASCII, ISO-8859-n, windows-125n)");
	/* one encoding only: with two, the scan could not know which libxml2 reads */
	refused("<?xml version=\"1.0\" encoding=\"UTF-8\" x=\"encoding='latin1'\"?><r/>", 1,
	        "malformed XML: the XML declaration names more than one encoding (\"latin1\" is "
	        "the second)");
	/* every "encoding" of the declaration is checked, not only the one in its place */
	refused("<?xml version=\"encoding='UTF-7'\"?><r/>", 1,
	        "the file declares the encoding \"UTF-7\", which is not supported: save it as "
	        "UTF-8 (accepted: UTF-8, UTF-16, US-ASCII, ISO-8859-n, windows-125n)");
}

static void test_encodings_accepted(void **state)
{
	(void)state;
	passes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><r/>");
	passes("<?xml version=\"1.0\" encoding=\"utf8\"?><r/>");
	passes("<?xml version=\"1.0\" encoding=\"US-ASCII\"?><r/>");
	passes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>\xE9</r>");
	passes("<?xml version=\"1.0\" encoding=\"iso-8859-15\"?><r/>");
	/* in a code page, bytes that would be forbidden in UTF-8 are letters */
	passes("<?xml version=\"1.0\" encoding=\"windows-1258\"?><r>\xEF\xBF\xBE \xF5</r>");
	passes("<?xml version=\"1.0\" encoding=\"CP1252\"?><r/>");
	passes("\xEF\xBB\xBF<?xml version=\"1.0\"?><r/>"); /* UTF-8 byte order mark */
}

/* ---- markup the scan refuses ---- */

static void test_doctype(void **state)
{
	(void)state;
	refused("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY e \"x\">]>\n<r>&e;</r>", 2,
	        "a test file may not contain a DOCTYPE (entities and external DTDs are refused "
	        "for safety)");
	passes("<r><!-- <!DOCTYPE r> --></r>");
}

static void test_comment_double_hyphen(void **state)
{
	(void)state;
	refused("<r>\n<!-- a\n -- b --></r>", 3,
	        "malformed XML: the comment starting on line 2 contains \"--\" (line 3), which "
	        "a comment may not");
	refused("<r><!-- a ---></r>", 1,
	        "malformed XML: the comment starting on line 1 contains \"--\" (line 1), which "
	        "a comment may not");
}

static void test_processing_instruction_name(void **state)
{
	(void)state;
	passes("<?xml-stylesheet href=\"a\"?><r><?a?><?_b x?><?c:d?></r>");
	refused("<r>\n<? x?></r>", 2,
	        "malformed XML: the processing instruction \"<?\" on line 2 does not start "
	        "with an ASCII name");
	refused("<r><?\xC3\xA9 x?></r>", 1,
	        "malformed XML: the processing instruction \"<?\" on line 1 does not start "
	        "with an ASCII name");
}

/* The XML declaration ends at its first ">", as libxml2's recovery from a broken one
 * does: a tag after that ">" is counted. */
static void test_declaration_ends_at_first_gt(void **state)
{
	(void)state;
	refused("<?xml version=\"1.0\" x><r a=\"1\" b=\"2\" c=\"3\" d=\"4\"/>?>", 1,
	        "test file exceeds a limit: the element on line 1 has 4 attributes (at most 3)");
	passes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<r/>");
}

/* ---- the loaders ---- */

/* A rubric over the size limit given in memory says so (it used to end in libxml2's
 * "Extra content at the end of the document"). */
static void test_size_limit_in_memory(void **state)
{
	(void)state;
	size_t len;
	char *good = unit_slurp(RUBRICS_DIR "/951-2023.xml", &len);
	size_t big = (16u << 20) + 1;
	char *data = malloc(big);
	assert_non_null(data);
	memcpy(data, good, len);
	memset(data + len, ' ', big - len);
	pdx_diags *d = pdx_diags_new();
	pdx_rubric *r = NULL;
	assert_int_equal(pdx_rubric_load_memory(&r, data, big, "big.xml", d), PDX_EINVALID);
	assert_null(r);
	assert_int_equal(pdx_diags_count(d), 1);
	assert_string_equal(pdx_diags_get(d, 0)->message_en,
	                    "rubric exceeds a limit: the file has 16777217 bytes (at most 16 MiB)");
	assert_string_equal(pdx_diags_get(d, 0)->message_vi,
	                    "tệp bộ chỉ số vượt giới hạn: tệp có 16777217 byte (tối đa 16 MiB)");
	pdx_diags_free(d);

	/* a plan: 4 MiB */
	pdx_rubric *r951 = unit_load_951();
	d = pdx_diags_new();
	pdx_plan *p = NULL;
	assert_int_equal(pdx_plan_load_memory(&p, data, (4u << 20) + 1, "big-plan.xml", r951, d),
	                 PDX_EINVALID);
	assert_string_equal(pdx_diags_get(d, 0)->message_en,
	                    "plan exceeds a limit: the file has 4194305 bytes (at most 4 MiB)");
	pdx_diags_free(d);
	pdx_rubric_free(r951);
	free(data);
	free(good);
}

/* The same from a file: refused by its size, unread. */
static void test_size_limit_of_a_file(void **state)
{
	(void)state;
	char path[] = "/tmp/pressdx-test-xml-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (16 << 20) + 10), 0);
	close(fd);
	pdx_diags *d = pdx_diags_new();
	pdx_rubric *r = NULL;
	assert_int_equal(pdx_rubric_load_file(&r, path, d), PDX_EINVALID);
	assert_string_equal(pdx_diags_get(d, 0)->message_en,
	                    "rubric exceeds a limit: the file has 16777226 bytes (at most 16 MiB)");
	unlink(path);
	pdx_diags_free(d);
}

/* Every shipped file passes the real limits, and so does the rubric in UTF-16. */
static void test_shipped_files_pass(void **state)
{
	(void)state;
	static const char *const plans[] = {"bo-noi-vu", "can-tho", "hai-phong", "lai-chau",
	                                    "tay-ninh"};
	size_t len;
	char *xml = unit_slurp(RUBRICS_DIR "/951-2023.xml", &len);
	pdx_diags *d;
	assert_int_equal(scan_n(xml, len, &pdx_xml_rubric_limits, &d), 0);
	pdx_diags_free(d);
	/* UTF-16LE with a byte order mark: the same rubric */
	pdx_rubric *a = unit_load_951(), *b = NULL;
	char *u = malloc(2 * len + 2);
	assert_non_null(u);
	u[0] = '\xFF';
	u[1] = '\xFE';
	size_t n = 2;
	const char *decl = strstr(xml, "UTF-8");
	assert_non_null(decl);
	memcpy((char *)decl, "UTF16", 5); /* same length: "UTF16" is libxml2's alias */
	for (size_t i = 0; i < len;) {
		/* UTF-8 to UTF-16LE, BMP only (the rubric has nothing beyond) */
		unsigned char c = (unsigned char)xml[i];
		unsigned v;
		if (c < 0x80) {
			v = c;
			i += 1;
		} else if (c < 0xE0) {
			v = (c & 0x1Fu) << 6 | ((unsigned char)xml[i + 1] & 0x3Fu);
			i += 2;
		} else {
			v = (c & 0x0Fu) << 12 | ((unsigned char)xml[i + 1] & 0x3Fu) << 6 |
			    ((unsigned char)xml[i + 2] & 0x3Fu);
			i += 3;
		}
		u[n++] = (char)(v & 0xFF);
		u[n++] = (char)(v >> 8);
	}
	assert_int_equal(pdx_rubric_load_memory(&b, u, n, "utf16.xml", NULL), 0);
	assert_int_equal(pdx_rubric_criterion_count(b), pdx_rubric_criterion_count(a));
	for (size_t i = 0; i < pdx_rubric_criterion_count(a); i++) {
		assert_string_equal(pdx_rubric_criterion(a, i)->name,
		                    pdx_rubric_criterion(b, i)->name);
		assert_int_equal(pdx_rubric_criterion(a, i)->evidence,
		                 pdx_rubric_criterion(b, i)->evidence);
	}
	pdx_rubric_free(b);
	pdx_rubric_free(a);
	free(u);
	free(xml);
	for (size_t i = 0; i < sizeof plans / sizeof *plans; i++) {
		char name[64];
		snprintf(name, sizeof name, "plans/%s.xml", plans[i]);
		char *path = unit_path(RUBRICS_DIR, name);
		xml = unit_slurp(path, &len);
		assert_int_equal(scan_n(xml, len, &pdx_xml_plan_limits, &d), 0);
		pdx_diags_free(d);
		free(xml);
		free(path);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_first_loads_in_threads),
	    cmocka_unit_test(test_attributes),
	    cmocka_unit_test(test_100000_attributes),
	    cmocka_unit_test(test_skipped_constructs_do_not_count),
	    cmocka_unit_test(test_quotes_containing_gt),
	    cmocka_unit_test(test_lt_in_value_starts_a_tag),
	    cmocka_unit_test(test_tag_over_lines),
	    cmocka_unit_test(test_depth),
	    cmocka_unit_test(test_elements),
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_texts),
	    cmocka_unit_test(test_nul),
	    cmocka_unit_test(test_forbidden_characters),
	    cmocka_unit_test(test_utf16),
	    cmocka_unit_test(test_encodings_refused),
	    cmocka_unit_test(test_encodings_accepted),
	    cmocka_unit_test(test_doctype),
	    cmocka_unit_test(test_comment_double_hyphen),
	    cmocka_unit_test(test_processing_instruction_name),
	    cmocka_unit_test(test_declaration_ends_at_first_gt),
	    cmocka_unit_test(test_size_limit_in_memory),
	    cmocka_unit_test(test_size_limit_of_a_file),
	    cmocka_unit_test(test_shipped_files_pass),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
