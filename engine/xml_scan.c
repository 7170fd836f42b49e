/* SPDX-License-Identifier: MIT */
/* The limits of rubric and plan files, and the byte pre-scan that enforces them before
 * libxml2 sees a byte (see pdx_xml_prescan in xml.h). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xml.h"

/* ---- limits ---- */

/* The one place where the limits are defined (the README's table repeats them).
 *
 * Real files are far below every one: rubrics/951-2023.xml has 19 KB, 244 elements,
 * a depth of 6, at most 5 attributes on an element, names of at most 9 bytes and texts
 * of at most 388; the plans of rubrics/plans/ have at most 82 elements, a depth of 5 and
 * 3 attributes. An edition with ten times the criteria stays far inside.
 *
 * What each limit bounds: attributes, libxml2's duplicate-attribute check, quadratic in
 * the attributes of one element (100,000 of them took 122 s); elements, the schema
 * validation and the loaders' checks for duplicate ids, quadratic in the ids; depth,
 * recursion; name and text, libxml2's own limits (50,000 bytes for a name, 10,000,000 for
 * a text), which it reports in ways that hide the cause (a comment over its limit ends
 * in "Extra content at the end of the document"). The file sizes are those the loaders
 * have always had. */
const pdx_xml_limits pdx_xml_rubric_limits = {
    "tệp bộ chỉ số", "rubric", 16u << 20, 10000, 32, 64, 256, 1u << 20,
};

const pdx_xml_limits pdx_xml_plan_limits = {
    "tệp kế hoạch", "plan", 4u << 20, 10000, 32, 64, 256, 1u << 20,
};

/* "16 MiB", "1 MiB", "4 KiB" or "100 <byte_word>": a limit as people read it. */
static void size_text(size_t n, const char *byte_word, char *out, size_t cap)
{
	if (n >= (1u << 20) && n % (1u << 20) == 0)
		snprintf(out, cap, "%zu MiB", n >> 20);
	else if (n >= 1024 && n % 1024 == 0)
		snprintf(out, cap, "%zu KiB", n >> 10);
	else
		snprintf(out, cap, "%zu %s", n, byte_word);
}

/* A limit exceeded: "<what> vượt giới hạn: <detail>". Takes the details and frees them. */
static void limit_error(pdx_xml_ctx *x, const pdx_xml_limits *lim, long line, char *vi, char *en)
{
	char *v = vi && en ? pdx_aprintf("%s vượt giới hạn: %s", lim->what_vi, vi) : NULL;
	char *e = vi && en ? pdx_aprintf("%s exceeds a limit: %s", lim->what_en, en) : NULL;
	pdx_free(vi);
	pdx_free(en);
	pdx_xml_error_owned(x, line, 0, v, e);
}

/* `found` bytes, or more than the limit when 0 (a stream read up to the limit). */
void pdx_xml_too_big(pdx_xml_ctx *x, const pdx_xml_limits *lim, size_t found)
{
	pdx_code was = x->code;
	x->code = PDX_E_FILE_TOO_LARGE;
	char vi[32], en[32];
	size_text(lim->bytes, "byte", vi, sizeof vi);
	size_text(lim->bytes, "bytes", en, sizeof en);
	if (found)
		limit_error(x, lim, 0, pdx_aprintf("tệp có %zu byte (tối đa %s)", found, vi),
		            pdx_aprintf("the file has %zu bytes (at most %s)", found, en));
	else
		limit_error(x, lim, 0, pdx_aprintf("tệp lớn hơn %s", vi),
		            pdx_aprintf("the file is larger than %s", en));
	x->code = was;
}

/* ---- the byte pre-scan ----
 *
 * libxml2 does its quadratic work (the duplicate-attribute check) while parsing a start
 * tag, before any callback could stop it, so the limits are checked on the bytes first,
 * by a scan that reads just enough XML: tags, quoted attribute values, comments,
 * processing instructions, CDATA sections and the XML declaration.
 *
 * The scan is only worth something if it reads the bytes as libxml2 will, so that no
 * start tag libxml2 parses is hidden from it inside what it took for a comment or a
 * value. libxml2 goes on parsing after an error (it only stops calling back), and its
 * recovery differs from the grammar in places, so the scan follows libxml2 2.9's own
 * rules where they matter and refuses what it cannot follow exactly:
 *
 * - a quoted value starts only after "=" (libxml2 needs the "="), and ends at its quote
 *   or at a "<", where libxml2 ends it too ("Unescaped '<' not allowed in attribute
 *   values") and starts a tag; so every "<" outside comments, CDATA sections and
 *   processing instructions is read as markup by both;
 * - a comment ends at the first "-->"; a "--" elsewhere in it is refused (libxml2's
 *   two readers of comments disagree on "--->");
 * - a processing instruction needs an ASCII name (libxml2 goes back to reading content
 *   when the name is not one it accepts, and the scan would not know which those are);
 * - libxml2 ends any of these at a character XML forbids: the scan refuses those (NUL,
 *   other control characters, U+FFFE, U+FFFF, lone surrogates, and UTF-8 sequences for
 *   them), as libxml2 would refuse the file anyway;
 * - names and texts are limited far below libxml2's own limits (50,000 and 10,000,000
 *   bytes), whose error paths give up in the middle of a comment, a CDATA section or an
 *   instruction and read the rest as content;
 * - the XML declaration ends at its first ">", as libxml2's error recovery ends it;
 * - encodings where "<" is not the byte 0x3C would let libxml2 read tags the scan does
 *   not see: UTF-32 and EBCDIC are refused, UTF-16 is scanned in 16-bit units, and a
 *   declared encoding must be UTF-8, UTF-16, US-ASCII, ISO-8859-n or windows-125n
 *   (UTF-7, for one, would hide every tag);
 * - a DOCTYPE is refused here already (and again in xml.c, where the parser stops at the
 *   first sight of one).
 *
 * Counting is generous where libxml2 would refuse the file anyway: every "=" outside a
 * value counts as an attribute, every "<" not starting something else as an element. */

#define END_OF_INPUT 0xFFFFFFFFu

typedef struct scan {
	pdx_xml_ctx *x;
	const pdx_xml_limits *lim;
	const unsigned char *p; /* first unit after any byte order mark */
	size_t n;               /* number of units */
	unsigned w;             /* bytes per unit: 1, or 2 for UTF-16 */
	bool be;                /* UTF-16 big-endian */
	bool utf8;              /* 1-byte units are UTF-8 (no code page declared) */
	long line;              /* line of the unit being read */
	size_t line_start;      /* its first unit */
	size_t checked;         /* units before this one have been checked as characters */
	char max_vi[32];        /* lim->text as people read it */
	char max_en[32];

	/* what is being read, and the counts the limits apply to */
	enum { IN_CONTENT, IN_TAG, IN_VALUE, IN_COMMENT, IN_CDATA, IN_PI, IN_DECLARATION } in;
	size_t elements, depth;
	size_t attrs;   /* "=" outside values in the current tag */
	size_t name;    /* units of the name being read */
	size_t run;     /* units of the current value, comment, instruction or declaration */
	size_t text;    /* units of the current text, with its CDATA sections */
	long tag_line;  /* where the current tag starts */
	long part_line; /* where the current value, comment or instruction starts */
	long text_line; /* where the current text starts */
	bool end_tag;   /* the current tag is an end tag */
	bool after_eq;  /* a "=" was the last thing read in the tag (blanks aside) */
	bool in_target; /* reading a processing instruction's name */
	uint32_t quote; /* of the current value */
} scan;

static uint32_t unit(const scan *s, size_t i)
{
	if (i >= s->n)
		return END_OF_INPUT;
	if (s->w == 1)
		return s->p[i];
	const unsigned char *q = s->p + 2 * i;
	return s->be ? (uint32_t)q[0] << 8 | q[1] : (uint32_t)q[1] << 8 | q[0];
}

static bool at(const scan *s, size_t i, const char *lit)
{
	for (; *lit; lit++, i++)
		if (unit(s, i) != (unsigned char)*lit)
			return false;
	return true;
}

static bool is_blank(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool ascii_name_start(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

/* Column of unit i in characters, from 1. */
static long column(const scan *s, size_t i)
{
	long col = 1;
	for (size_t k = s->line_start; k < i; k++) {
		uint32_t u = unit(s, k);
		if (s->w == 1 && s->utf8 && (u & 0xC0) == 0x80)
			continue;
		if (s->w == 2 && u >= 0xDC00 && u <= 0xDFFF)
			continue;
		col++;
	}
	return col;
}

/* Units as bytes, for the limits (which are in bytes). */
static size_t bytes(const scan *s, size_t units)
{
	return units * s->w;
}

/* Refusals that are not limits; both formats take the same arguments. */
#define SCAN_ERR(s, line, col, vi_fmt, en_fmt, ...)                                                \
	(pdx_xml_error_owned((s)->x, (line), (col), pdx_aprintf(vi_fmt, __VA_ARGS__),              \
	                     pdx_aprintf(en_fmt, __VA_ARGS__)),                                    \
	 -1)

#define LIMIT_ERR(s, line, vi_fmt, en_fmt, ...)                                                    \
	(limit_error((s)->x, (s)->lim, (line), pdx_aprintf(vi_fmt, __VA_ARGS__),                   \
	             pdx_aprintf(en_fmt, __VA_ARGS__)),                                            \
	 -1)

static int nul_error(const scan *s, size_t i)
{
	long col = column(s, i);
	/* "<\0?\0" is UTF-16 that libxml2 recognises; "<\0r\0" is not */
	if (s->w == 1 && i <= 1 && s->n >= 2 && (s->p[0] == 0) != (s->p[1] == 0))
		return SCAN_ERR(s, s->line, col,
		                "tệp có vẻ là UTF-16 không có BOM (byte NUL ở dòng %ld, cột %ld): "
		                "hãy lưu lại dưới dạng UTF-8",
		                "the file looks like UTF-16 without a byte order mark (a NUL byte "
		                "at line %ld, column %ld): save it as UTF-8",
		                s->line, col);
	return SCAN_ERR(
	    s, s->line, col, "tệp chứa byte NUL ở dòng %ld, cột %ld: không phải tệp XML văn bản",
	    "the file contains a NUL byte at line %ld, column %ld: not an XML text file", s->line,
	    col);
}

static int char_error(const scan *s, size_t i, uint32_t c)
{
	long col = column(s, i);
	if (c < 0x20)
		return SCAN_ERR(s, s->line, col,
		                "XML không hợp lệ: ký tự điều khiển U+%04X ở dòng %ld, cột %ld",
		                "malformed XML: control character U+%04X at line %ld, column %ld",
		                (unsigned)c, s->line, col);
	return SCAN_ERR(s, s->line, col,
	                "XML không hợp lệ: ký tự U+%04X không được phép trong XML (dòng %ld, cột "
	                "%ld)",
	                "malformed XML: the character U+%04X is not allowed in XML (line %ld, "
	                "column %ld)",
	                (unsigned)c, s->line, col);
}

/* A UTF-8 sequence as libxml2 2.9 decodes it (xmlCurrentChar); false where libxml2
 * reports an encoding error instead (and from then on reads bytes as Latin-1). */
static bool utf8_like_libxml2(const scan *s, size_t i, uint32_t *val, size_t *len)
{
	uint32_t c = unit(s, i), c1 = unit(s, i + 1), c2 = unit(s, i + 2), c3 = unit(s, i + 3);
	uint32_t v;
	if (!(c & 0x40) || c == 0xC0 || (c1 & 0xC0) != 0x80)
		return false;
	if ((c & 0xE0) == 0xE0) {
		if ((c2 & 0xC0) != 0x80)
			return false;
		if ((c & 0xF0) == 0xF0) {
			if ((c & 0xF8) != 0xF0 || (c3 & 0xC0) != 0x80)
				return false;
			*len = 4;
			v = (c & 7) << 18 | (c1 & 0x3F) << 12 | (c2 & 0x3F) << 6 | (c3 & 0x3F);
			if (v < 0x10000)
				return false;
		} else {
			*len = 3;
			v = (c & 0xF) << 12 | (c1 & 0x3F) << 6 | (c2 & 0x3F);
			if (v < 0x800)
				return false;
		}
	} else {
		*len = 2;
		v = (c & 0x1F) << 6 | (c1 & 0x3F);
		if (v < 0x80)
			return false;
	}
	*val = v;
	return true;
}

static bool xml_char(uint32_t v)
{
	return (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) ||
	       (v >= 0x10000 && v <= 0x10FFFF) || v == 0x9 || v == 0xA || v == 0xD;
}

/* Checks the character starting at unit i (once per character); 0 or -1. */
static int check_char(scan *s, size_t i)
{
	if (i < s->checked)
		return 0;
	uint32_t c = unit(s, i);
	s->checked = i + 1;
	if (c == 0)
		return nul_error(s, i);
	if (c < 0x20 && !is_blank(c))
		return char_error(s, i, c);
	if (s->w == 2) {
		if (c >= 0xD800 && c <= 0xDBFF) {
			uint32_t d = unit(s, i + 1);
			if (d >= 0xDC00 && d <= 0xDFFF) {
				s->checked = i + 2;
				return 0;
			}
			return char_error(s, i, c);
		}
		if ((c >= 0xDC00 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF)
			return char_error(s, i, c);
		return 0;
	}
	uint32_t v;
	size_t len;
	if (c >= 0x80 && s->utf8 && utf8_like_libxml2(s, i, &v, &len)) {
		s->checked = i + len;
		if (!xml_char(v))
			return char_error(s, i, v);
	}
	return 0;
}

/* The encodings whose bytes 0x00-0x7F are ASCII, one byte each, as libxml2 (through
 * iconv) decodes them; `cp` is set for a code page (not UTF-8). */
static bool ascii_compatible(const char *name, bool utf16, bool be, bool *cp)
{
	static const char *const same[] = {"UTF-8", "UTF8", "UTF-16", "UTF16"};
	*cp = false;
	for (size_t i = 0; i < sizeof same / sizeof *same; i++)
		if (strcasecmp(name, same[i]) == 0)
			return true; /* libxml2 keeps what it detected */
	if (utf16)
		return strcasecmp(name, be ? "UTF-16BE" : "UTF-16LE") == 0 ||
		       strcasecmp(name, be ? "UTF16BE" : "UTF16LE") == 0;
	*cp = true;
	if (strcasecmp(name, "US-ASCII") == 0 || strcasecmp(name, "ASCII") == 0 ||
	    strcasecmp(name, "LATIN1") == 0)
		return true;
	static const char *const numbered[] = {"ISO-8859-", "ISO8859-", "ISO_8859-", "WINDOWS-",
	                                       "CP"};
	for (size_t i = 0; i < sizeof numbered / sizeof *numbered; i++) {
		size_t k = strlen(numbered[i]);
		if (strncasecmp(name, numbered[i], k) != 0)
			continue;
		const char *d = name + k;
		if (!*d || strspn(d, "0123456789") != strlen(d) || strlen(d) > 4)
			return false;
		long v = atol(d);
		return i < 3 ? v >= 1 && v <= 16 && v != 12 : v >= 1250 && v <= 1258;
	}
	return false;
}

/* The XML declaration (units [0, end)): every encoding it names must be one whose
 * markup bytes the scan reads as libxml2 will. libxml2 reads one encoding declaration,
 * after the version; checking every "encoding" in the declaration is simpler than
 * knowing which one it reads, and a declaration that names two is refused, since the
 * scan could not know whether libxml2 reads UTF-8 or a code page. */
static int check_declaration(scan *s, size_t end)
{
	size_t names = 0;
	for (size_t i = 5; i + 8 < end; i++) {
		if (!at(s, i, "encoding"))
			continue;
		size_t j = i + 8;
		while (j < end && is_blank(unit(s, j)))
			j++;
		if (unit(s, j) != '=')
			continue;
		for (j++; j < end && is_blank(unit(s, j)); j++)
			;
		uint32_t q = unit(s, j);
		if (q != '"' && q != '\'')
			continue;
		char name[65];
		size_t k = 0;
		/* libxml2's EncName: [A-Za-z] ([A-Za-z0-9._] | '-')* */
		for (j++; j < end && k < sizeof name - 1; j++, k++) {
			uint32_t c = unit(s, j);
			bool ok =
			    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (k > 0 && ((c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'));
			if (!ok)
				break;
			name[k] = (char)c;
		}
		name[k] = '\0';
		bool cp;
		if (k == 0)
			continue; /* libxml2 refuses the name and switches nothing */
		if (k == sizeof name - 1 || !ascii_compatible(name, s->w == 2, s->be, &cp))
			return SCAN_ERR(
			    s, 1, 0,
			    "tệp khai báo bảng mã \"%s\", không được hỗ trợ: hãy lưu "
			    "dưới dạng UTF-8 (được nhận: UTF-8, UTF-16, US-ASCII, "
			    "ISO-8859-n, windows-125n)",
			    "the file declares the encoding \"%s\", which is not supported: "
			    "save it as UTF-8 (accepted: UTF-8, UTF-16, US-ASCII, "
			    "ISO-8859-n, windows-125n)",
			    name);
		if (++names > 1)
			return SCAN_ERR(
			    s, 1, 0,
			    "XML không hợp lệ: khai báo XML nêu hơn một bảng mã (\"%s\" "
			    "là bảng mã thứ hai)",
			    "malformed XML: the XML declaration names more than one "
			    "encoding (\"%s\" is the second)",
			    name);
		if (cp)
			s->utf8 = false;
	}
	return 0;
}

/* The encoding family from the first bytes, as libxml2's xmlDetectCharEncoding sees it
 * (plus the UTF-32 byte order marks, which it does not know). */
static int detect(scan *s, const unsigned char *d, size_t len)
{
	static const unsigned char ucs4[][4] = {{0, 0, 0, 0x3C},    {0x3C, 0, 0, 0},
	                                        {0, 0, 0x3C, 0},    {0, 0x3C, 0, 0},
	                                        {0, 0, 0xFE, 0xFF}, {0xFF, 0xFE, 0, 0}};
	static const unsigned char ebcdic[4] = {0x4C, 0x6F, 0xA7, 0x94};
	s->p = d;
	s->n = len;
	s->w = 1;
	s->utf8 = true;
	if (len >= 4) {
		for (size_t i = 0; i < sizeof ucs4 / sizeof *ucs4; i++)
			if (memcmp(d, ucs4[i], 4) == 0)
				return SCAN_ERR(
				    s, 1, 0,
				    "tệp mã hóa %s, không được hỗ trợ: hãy lưu lại dưới "
				    "dạng UTF-8",
				    "the file is encoded in %s, which is not supported: save "
				    "it as UTF-8",
				    "UTF-32");
		if (memcmp(d, ebcdic, 4) == 0)
			return SCAN_ERR(
			    s, 1, 0,
			    "tệp mã hóa %s, không được hỗ trợ: hãy lưu lại dưới dạng "
			    "UTF-8",
			    "the file is encoded in %s, which is not supported: save it "
			    "as UTF-8",
			    "EBCDIC");
		if (memcmp(d, "<\0?\0", 4) == 0 || memcmp(d, "\0<\0?", 4) == 0) {
			s->w = 2;
			s->be = d[0] == 0;
		}
	}
	if (len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0) {
		s->p = d + 3;
		s->n = len - 3;
	} else if (len >= 2 && (memcmp(d, "\xFE\xFF", 2) == 0 || memcmp(d, "\xFF\xFE", 2) == 0)) {
		s->w = 2;
		s->be = d[0] == 0xFE;
		s->p = d + 2;
		s->n = len - 2;
	}
	if (s->w == 2)
		s->n /= 2; /* a last odd byte is libxml2's to refuse */
	return 0;
}

/* ---- what exceeds a limit ---- */

/* `what` (text, comment...) starting on `line` is longer than lim->text. */
static int too_long(scan *s, long line, const char *what_vi, const char *what_en)
{
	/* both formats take both languages' words; "%.0s" skips the other's */
	return LIMIT_ERR(s, line, "%s%.0s bắt đầu ở dòng %ld dài hơn mức tối đa %s%.0s",
	                 "the %.0s%s starting on line %ld is longer than the %.0s%s allowed",
	                 what_vi, what_en, line, s->max_vi, s->max_en);
}

static int name_too_long(scan *s, long line)
{
	return LIMIT_ERR(s, line, "tên ở dòng %ld dài hơn mức tối đa %zu byte",
	                 "the name on line %ld is longer than the %zu bytes allowed", line,
	                 s->lim->name);
}

/* Adds one unit to a length counted against `max` bytes. */
static bool grows_past(const scan *s, size_t *units, size_t max)
{
	return bytes(s, ++*units) > max;
}

/* ---- the reading, one unit at a time ---- */

/* A "<" outside comments, CDATA sections and instructions: what starts here. */
static int markup(scan *s, size_t *i, long line, const char *kind_vi, const char *kind_en)
{
	if (at(s, *i, "<![CDATA[")) {
		if (s->text == 0)
			s->text_line = line; /* libxml2 adds it to the text around it */
		s->in = IN_CDATA;
		*i += 8;
		return 0;
	}
	s->text = 0;
	if (at(s, *i, "<!--")) {
		s->in = IN_COMMENT;
		s->part_line = line;
		s->run = 0;
		*i += 3;
	} else if (at(s, *i, "<!DOCTYPE")) {
		pdx_xml_doctype_error(s->x, line, kind_vi, kind_en);
		return -1;
	} else if (unit(s, *i + 1) == '?') {
		if (!ascii_name_start(unit(s, *i + 2)))
			return SCAN_ERR(
			    s, line, 0,
			    "XML không hợp lệ: chỉ thị xử lý \"<?\" ở dòng %ld không bắt "
			    "đầu bằng một tên ASCII",
			    "malformed XML: the processing instruction \"<?\" on line %ld "
			    "does not start with an ASCII name",
			    line);
		s->in = IN_PI;
		s->part_line = line;
		s->run = s->name = 0;
		s->in_target = true;
		*i += 1;
	} else {
		s->in = IN_TAG;
		s->tag_line = line;
		s->attrs = s->name = 0;
		s->after_eq = false;
		s->end_tag = unit(s, *i + 1) == '/';
		if (s->end_tag)
			*i += 1;
		else if (++s->elements > s->lim->elements)
			return LIMIT_ERR(
			    s, line,
			    "tệp có hơn %zu phần tử: phần tử thứ %zu ở dòng %ld (tối đa "
			    "%zu)",
			    "the file has more than %zu elements: element %zu is on line "
			    "%ld (at most %zu)",
			    s->lim->elements, s->elements, line, s->lim->elements);
	}
	return 0;
}

/* The end of a tag at unit i: its ">", or a "<" where libxml2 gives up on the tag and
 * reads a new one (libxml2 checks the attributes it has read either way). */
static int tag_end(scan *s, size_t i)
{
	if (!s->end_tag && s->attrs > s->lim->attributes)
		return LIMIT_ERR(s, s->tag_line,
		                 "phần tử ở dòng %ld có %zu thuộc tính (tối đa %zu)",
		                 "the element on line %ld has %zu attributes (at most %zu)",
		                 s->tag_line, s->attrs, s->lim->attributes);
	s->in = IN_CONTENT;
	if (unit(s, i) != '>')
		return 0; /* unfinished: libxml2 does not open the element either */
	if (s->end_tag) {
		s->depth -= s->depth > 0;
	} else if (unit(s, i - 1) != '/' && ++s->depth > s->lim->depth) {
		return LIMIT_ERR(s, s->tag_line, "phần tử ở dòng %ld lồng sâu %zu cấp (tối đa %zu)",
		                 "the element on line %ld is nested %zu levels deep (at most %zu)",
		                 s->tag_line, s->depth, s->lim->depth);
	}
	return 0;
}

static int in_tag(scan *s, uint32_t c, long line)
{
	if (c == '=') {
		s->attrs++;
		s->after_eq = true;
		s->name = 0;
	} else if (c == '"' || c == '\'') {
		/* a value only after "=": libxml2 reads no other quote as one */
		if (s->after_eq) {
			s->in = IN_VALUE;
			s->quote = c;
			s->part_line = line;
			s->run = 0;
		}
		s->after_eq = false;
		s->name = 0;
	} else if (is_blank(c)) {
		s->name = 0;
	} else {
		s->after_eq = false;
		if (c == '/')
			s->name = 0;
		else if (grows_past(s, &s->name, s->lim->name))
			return name_too_long(s, line);
	}
	return 0;
}

static int scan_bytes(pdx_xml_ctx *x, const char *data, size_t len, const pdx_xml_limits *lim,
                      const char *kind_vi, const char *kind_en)
{
	scan s = {.x = x, .lim = lim, .line = 1, .in = IN_CONTENT};
	if (detect(&s, (const unsigned char *)data, len) != 0)
		return -1;
	size_text(lim->text, "byte", s.max_vi, sizeof s.max_vi);
	size_text(lim->text, "bytes", s.max_en, sizeof s.max_en);
	size_t i = 0;
	if (at(&s, 0, "<?xml") && is_blank(unit(&s, 5))) {
		size_t end = 5;
		while (end < s.n && unit(&s, end) != '>')
			end++;
		if (check_declaration(&s, end) != 0)
			return -1;
		s.in = IN_DECLARATION;
		i = 5;
	}
	for (; i < s.n; i++) {
		if (check_char(&s, i) != 0)
			return -1;
		uint32_t c = unit(&s, i);
		long line = s.line;
		if (c == '\n') {
			s.line++;
			s.line_start = i + 1;
		}
		int rc = 0;
		switch (s.in) {
		case IN_DECLARATION:
			if (c == '>')
				s.in = IN_CONTENT;
			else if (grows_past(&s, &s.run, lim->text))
				rc = too_long(&s, 1, "khai báo XML", "XML declaration");
			break;
		case IN_CONTENT:
			if (c == '<') {
				rc = markup(&s, &i, line, kind_vi, kind_en);
			} else {
				if (s.text == 0)
					s.text_line = line;
				if (grows_past(&s, &s.text, lim->text))
					rc = too_long(&s, s.text_line, "văn bản", "text");
			}
			break;
		case IN_TAG:
		case IN_VALUE:
			if (c == '>' && s.in == IN_TAG) {
				rc = tag_end(&s, i);
			} else if (c == '<') {
				/* in a value too: libxml2 ends the value and the tag here
				 * ("Unescaped '<' not allowed in attribute values") */
				rc = tag_end(&s, i);
				if (!rc)
					rc = markup(&s, &i, line, kind_vi, kind_en);
			} else if (s.in == IN_TAG) {
				rc = in_tag(&s, c, line);
			} else if (c == s.quote) {
				s.in = IN_TAG;
			} else if (grows_past(&s, &s.run, lim->text)) {
				rc = too_long(&s, s.part_line, "giá trị thuộc tính",
				              "attribute value");
			}
			break;
		case IN_COMMENT:
			if (c == '-' && unit(&s, i + 1) == '-') {
				if (unit(&s, i + 2) != '>')
					return SCAN_ERR(
					    &s, line, 0,
					    "XML không hợp lệ: chú thích bắt đầu ở dòng %ld chứa "
					    "\"--\" "
					    "(dòng %ld); chú thích không được có hai dấu gạch liền "
					    "nhau",
					    "malformed XML: the comment starting on line %ld "
					    "contains "
					    "\"--\" (line %ld), which a comment may not",
					    s.part_line, line);
				s.in = IN_CONTENT;
				i += 2;
			} else if (grows_past(&s, &s.run, lim->text)) {
				rc = too_long(&s, s.part_line, "chú thích", "comment");
			}
			break;
		case IN_CDATA:
			if (c == ']' && at(&s, i + 1, "]>")) {
				s.in = IN_CONTENT;
				i += 2;
			} else if (grows_past(&s, &s.text, lim->text)) {
				rc = too_long(&s, s.text_line, "văn bản", "text");
			}
			break;
		case IN_PI:
			if (s.in_target && (is_blank(c) || c == '?'))
				s.in_target = false;
			if (s.in_target && grows_past(&s, &s.name, lim->name)) {
				rc = name_too_long(&s, line);
			} else if (c == '?' && unit(&s, i + 1) == '>') {
				s.in = IN_CONTENT;
				i += 1;
			} else if (grows_past(&s, &s.run, lim->text)) {
				rc = too_long(&s, s.part_line, "chỉ thị xử lý",
				              "processing instruction");
			}
			break;
		}
		if (rc)
			return rc;
	}
	/* a start tag cut off by the end of the file: libxml2 still checks its attributes */
	if (s.in == IN_TAG || s.in == IN_VALUE)
		return tag_end(&s, s.n);
	return 0;
}

int pdx_xml_prescan(pdx_xml_ctx *x, const char *data, size_t len, const pdx_xml_limits *lim,
                    const char *kind_vi, const char *kind_en)
{
	/* what this scan refuses is over a limit, or bytes libxml2 would read otherwise
	 * (a DOCTYPE keeps its own code) */
	pdx_code was = x->code;
	x->code = PDX_E_XML_LIMIT;
	int rc = scan_bytes(x, data, len, lim, kind_vi, kind_en);
	x->code = was;
	return rc;
}
