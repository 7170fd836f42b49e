/* SPDX-License-Identifier: MIT */
/* Bytes of a text file → UTF-8, streaming.
 *
 * Files reach a province from Excel ("CSV UTF-8", "Unicode Text" = UTF-16 with a BOM),
 * from LibreOffice, from old Vietnamese tools in Windows-1258 or TCVN3, and by mistake
 * as workbooks. The encoding is decided per file, never for a whole run:
 *
 *   - a byte-order mark says it (UTF-8, UTF-16 LE/BE; UTF-32 is refused by name);
 *   - workbooks (.xlsx/.ods are ZIP files, .xls an OLE file) are recognised by their
 *     magic bytes and refused with what to do;
 *   - otherwise the first MiB decides: valid UTF-8 is read as UTF-8 whatever --encoding
 *     says (one run can mix a CP1258 export with UTF-8 files); bytes that are not UTF-8
 *     are read in the legacy encoding when one is named, else refused with a hint. A
 *     first MiB of pure ASCII decides nothing yet: the first non-ASCII byte does.
 *
 * A file taken as UTF-8 that turns out invalid later is rejected whole (the caller
 * rolls back what it read) with a hint to name the encoding. Positions in messages
 * are those of the decoded text: line, and column in characters. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"

#define HEAD_BYTES ((size_t)1 << 20)

typedef enum { D_START, D_ASCII, D_UTF8, D_ICONV, D_FAILED } mode_t_;

struct pdx_decoder {
	mode_t_ mode;
	const char *legacy_cs;   /* iconv's name of the legacy encoding, or NULL */
	const char *legacy_name; /* as reported: "cp1258", "tcvn3" */
	const char *encoding;    /* decided encoding, or NULL */
	pdx_buf head;            /* bytes held until the encoding is decided */
	iconv_t cd;
	bool cd_open;
	bool utf16;    /* iconv from UTF-16 (byte offsets in messages) */
	char carry[8]; /* an incomplete sequence at the end of a feed */
	size_t n_carry;
	unsigned long long offset;     /* input bytes consumed before `carry` */
	unsigned long long decided_at; /* input offset where the head ended */
	/* place of the next character of the text */
	long line, col;
	bool last_cr;
	pdx_decode_error err;
};

int pdx_decoder_new(pdx_decoder **out, const char *legacy)
{
	*out = NULL;
	const char *cs = NULL, *name = NULL;
	if (legacy && (strcmp(legacy, "cp1258") == 0 || strcmp(legacy, "windows-1258") == 0))
		cs = "CP1258", name = "cp1258";
	else if (legacy && (strcmp(legacy, "tcvn3") == 0 || strcmp(legacy, "tcvn") == 0))
		cs = "TCVN5712-1", name = "tcvn3";
	else if (legacy && strcmp(legacy, "utf-8") != 0 && strcmp(legacy, "utf8") != 0)
		return PDX_EARG;
	pdx_decoder *d = pdx_calloc(1, sizeof(*d));
	if (!d)
		return PDX_ENOMEM;
	d->legacy_cs = cs;
	d->legacy_name = name;
	d->line = 1;
	*out = d;
	return 0;
}

void pdx_decoder_free(pdx_decoder *d)
{
	if (!d)
		return;
	if (d->cd_open)
		iconv_close(d->cd);
	pdx_buf_free(&d->head);
	pdx_free(d->err.vi);
	pdx_free(d->err.en);
	pdx_free(d);
}

const char *pdx_decoder_encoding(const pdx_decoder *d)
{
	return d->encoding;
}

const pdx_decode_error *pdx_decoder_error(const pdx_decoder *d)
{
	return d->mode == D_FAILED ? &d->err : NULL;
}

/* Records the error at the current place (or none when `placed` is false). Takes the
 * messages (NULL: out of memory). */
static int fail(pdx_decoder *d, pdx_code code, bool placed, char *vi, char *en)
{
	d->mode = D_FAILED;
	if (!vi || !en) {
		pdx_free(vi);
		pdx_free(en);
		return PDX_ENOMEM;
	}
	d->err.code = code;
	d->err.line = placed ? d->line : 0;
	d->err.column = placed ? d->col + 1 : 0;
	d->err.vi = vi;
	d->err.en = en;
	return PDX_EINVALID;
}

/* Appends decoded text and moves the place past it. Lines end at LF, CR or CRLF. */
/* Code points in s[0..n): the bytes that do not continue a sequence. */
static long count_chars(const char *s, size_t n)
{
	long c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* Keeps the place (line, column) of the end of the text emitted, for the message of a
 * later bad byte: CR, LF and CRLF end a line. Line breaks are found eight bytes at a
 * time; only the last line's characters are counted. */
static void track(pdx_decoder *d, const char *s, size_t n)
{
	size_t i = 0, line_start = 0;
	bool broke = false;
	while (i < n) {
		i += pdx_find_break(s + i, n - i);
		if (i == n)
			break;
		bool after_cr = i > 0 ? s[i - 1] == '\r' : d->last_cr;
		if (s[i] == '\r' || !after_cr)
			d->line++;
		broke = true;
		line_start = ++i;
	}
	if (broke)
		d->col = count_chars(s + line_start, n - line_start);
	else
		d->col += count_chars(s, n);
	if (n > 0)
		d->last_cr = s[n - 1] == '\r';
}

/* Text checked already (no NUL in it) is appended without a second look. */
static int emit_checked(pdx_decoder *d, pdx_buf *out, const char *s, size_t n)
{
	track(d, s, n);
	pdx_buf_append(out, s, n);
	return out->failed ? PDX_ENOMEM : 0;
}

static int emit(pdx_decoder *d, pdx_buf *out, const char *s, size_t n)
{
	const char *nul = memchr(s, '\0', n);
	size_t good = nul ? (size_t)(nul - s) : n;
	track(d, s, good);
	pdx_buf_append(out, s, good);
	if (out->failed)
		return PDX_ENOMEM;
	if (nul)
		return fail(d, PDX_E_NUL_BYTE, true,
		            pdx_aprintf("tệp chứa byte NUL: không phải tệp văn bản CSV%s", ""),
		            pdx_aprintf("the file contains a NUL byte: not a CSV text file%s", ""));
	return 0;
}

/* Length of the UTF-8 sequence at s (0: invalid), or -1 when it may be valid but is cut
 * short by the end of the buffer. */
static int utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	int len;
	unsigned lo = 0x80, hi = 0xbf;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f; /* no UTF-16 surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	for (int i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		unsigned b = s[i];
		if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xbf))
			return 0;
	}
	return len;
}

static int not_utf8(pdx_decoder *d, unsigned char byte)
{
	if (d->offset >= d->decided_at && d->decided_at > 0)
		return fail(
		    d, PDX_E_NOT_UTF8, true,
		    pdx_aprintf(
		        "byte 0x%02X không phải UTF-8, dù phần đầu tệp là UTF-8 nên tệp được "
		        "đọc là UTF-8; cả tệp bị bỏ qua. Hãy lưu tệp dạng \"CSV UTF-8\" trong "
		        "Excel, hoặc nếu tệp dùng bảng mã cũ, chỉ rõ --encoding cp1258 (hoặc "
		        "tcvn3)",
		        byte),
		    pdx_aprintf(
		        "byte 0x%02X is not UTF-8, although the start of the file is UTF-8 "
		        "and the file was read as UTF-8; the whole file is skipped. Save it "
		        "as \"CSV UTF-8\" in Excel or, if it is in a legacy encoding, name it "
		        "with --encoding cp1258 (or tcvn3)",
		        byte));
	return fail(
	    d, PDX_E_NOT_UTF8, true,
	    pdx_aprintf("byte 0x%02X không phải UTF-8; hãy lưu tệp dạng \"CSV UTF-8\" trong "
	                "Excel, hoặc chỉ rõ bảng mã cũ bằng --encoding cp1258 (hoặc tcvn3)",
	                byte),
	    pdx_aprintf("byte 0x%02X is not UTF-8; save the file as \"CSV UTF-8\" in Excel, "
	                "or name a legacy encoding with --encoding cp1258 (or tcvn3)",
	                byte));
}

static int open_iconv(pdx_decoder *d, const char *from)
{
	d->cd = iconv_open("UTF-8", from);
	if (d->cd == (iconv_t)-1) /* NOLINT(performance-no-int-to-ptr): iconv's own error value */
		return fail(d, PDX_E_UNSUPPORTED_ENCODING, false,
		            pdx_aprintf("hệ thống không chuyển được bảng mã %s", from),
		            pdx_aprintf("the system cannot convert from %s", from));
	d->cd_open = true;
	d->mode = D_ICONV;
	return 0;
}

/* Converts s[0..n) with iconv; an incomplete sequence at the end is carried over unless
 * `final`, where it is an error like an invalid one. */
static int run_iconv(pdx_decoder *d, const char *s, size_t n, bool final, pdx_buf *out)
{
	char obuf[16384];
	char *ip = (char *)s;
	size_t il = n;
	int rc = 0;
	while (il > 0 && !rc) {
		char *op = obuf;
		size_t ol = sizeof obuf;
		size_t r = iconv(d->cd, &ip, &il, &op, &ol);
		int e = errno;
		rc = emit(d, out, obuf, (size_t)(op - obuf));
		if (rc || r != (size_t)-1)
			continue;
		if (e == E2BIG)
			continue;
		if (e == EINVAL && !final && il < sizeof d->carry) {
			memcpy(d->carry, ip, il);
			d->n_carry = il;
			d->offset += (unsigned long long)(n - il);
			return 0;
		}
		unsigned long long at = d->offset + (unsigned long long)(ip - s);
		if (d->utf16)
			return fail(d, PDX_E_BAD_ENCODING, true,
			            pdx_aprintf("tệp UTF-16 bị hỏng ở byte %llu", at),
			            pdx_aprintf("broken UTF-16 file at byte %llu", at));
		return fail(
		    d, PDX_E_BAD_ENCODING, true,
		    pdx_aprintf("byte 0x%02X không thuộc bảng mã %s", (unsigned char)*ip,
		                d->legacy_name),
		    pdx_aprintf("byte 0x%02X is not valid %s", (unsigned char)*ip, d->legacy_name));
	}
	if (rc)
		return rc;
	d->offset += (unsigned long long)n;
	if (final) {
		/* CP1258 and TCVN3 are stateful in glibc: a base letter waits for a combining
		 * mark that may follow, so the last letter only comes out on this flush. */
		char *op = obuf;
		size_t ol = sizeof obuf;
		if (iconv(d->cd, NULL, NULL, &op, &ol) == (size_t)-1)
			return PDX_ENOMEM;
		return emit(d, out, obuf, (size_t)(op - obuf));
	}
	return 0;
}

/* The ASCII bytes (not NUL) at u, at least the first, which is one: a word at a time
 * in line, for the short runs between the letters of Vietnamese words, where a call
 * to pdx_ascii_prefix would cost more than it saves. */
static size_t ascii_run(const unsigned char *u, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (n >= 8) {
		const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
		uint64_t w;
		memcpy(&w, u, 8);
		/* a high bit, or a zero byte (exact up to the first one) */
		uint64_t m = (w & high) | ((w - ones) & ~w & high);
		return m ? (size_t)__builtin_ctzll(m) >> 3 : 8;
	}
#endif
	(void)n;
	return 1;
}

/* The valid UTF-8 at the start of u[0..n), without NUL and without a sequence cut
 * short at the end. The two- and three-byte letters of Vietnamese (C3 A1 á, E1 BB 87
 * ệ) are checked in line; the rest by utf8_seq. */
static size_t utf8_prefix(const unsigned char *u, size_t n)
{
	size_t i = pdx_utf8_fast_prefix((const char *)u, n);
	while (i < n && u[i]) {
		unsigned c = u[i];
		if (c < 0x80) {
			i += ascii_run(u + i, n - i);
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf && i + 1 < n && (u[i + 1] & 0xc0) == 0x80) {
			i += 2;
			continue;
		}
		if (c >= 0xe1 && c <= 0xec && i + 2 < n && (u[i + 1] & 0xc0) == 0x80 &&
		    (u[i + 2] & 0xc0) == 0x80) {
			i += 3;
			continue;
		}
		int k = utf8_seq(u + i, n - i);
		if (k <= 0)
			break;
		i += (size_t)k;
	}
	return i;
}

/* UTF-8 (and the ASCII prefix of an undecided file): checked, passed through. */
static int run_utf8(pdx_decoder *d, const char *s, size_t n, bool final, pdx_buf *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		size_t start = i;
		i += pdx_ascii_prefix(s + i, n - i);
		if (d->mode == D_UTF8)
			i += utf8_prefix(u + i, n - i);
		/* what was passed over holds no NUL: the loops stop at one */
		int rc = emit_checked(d, out, s + start, i - start);
		d->offset += (unsigned long long)(i - start);
		if (rc || i == n)
			return rc;
		if (u[i] == 0)
			return emit(d, out, s + i, 1);
		int k = utf8_seq(u + i, n - i);
		if (k < 0 && !final) {
			memcpy(d->carry, s + i, n - i);
			d->n_carry = n - i;
			return 0;
		}
		if (d->mode == D_ASCII) {
			/* the first non-ASCII byte decides */
			if (k > 0) {
				d->mode = D_UTF8;
				d->encoding = "utf-8";
				continue;
			}
			if (d->legacy_cs) {
				d->encoding = d->legacy_name;
				rc = open_iconv(d, d->legacy_cs);
				return rc ? rc : run_iconv(d, s + i, n - i, final, out);
			}
		}
		return not_utf8(d, u[i]);
	}
	return 0;
}

/* Looks like UTF-16 or UTF-32 without a byte-order mark: NUL bytes at every other (or
 * every fourth) position, as a text of ASCII letters gives. */
static const char *wide_without_bom(const unsigned char *u, size_t n)
{
	if (n > 4096)
		n = 4096;
	n &= ~(size_t)3;
	if (n < 8)
		return NULL;
	size_t z[4] = {0, 0, 0, 0};
	for (size_t i = 0; i < n; i++)
		z[i % 4] += u[i] == 0;
	size_t q = n / 4;
	if (z[1] == q && z[2] == q && z[3] == q && z[0] < q / 2)
		return "UTF-32 LE";
	if (z[0] == q && z[1] == q && z[2] == q && z[3] < q / 2)
		return "UTF-32 BE";
	size_t even = z[0] + z[2], odd = z[1] + z[3], half = n / 2;
	if (odd * 10 >= half * 4 && even * 20 < half)
		return "UTF-16 LE";
	if (even * 10 >= half * 4 && odd * 20 < half)
		return "UTF-16 BE";
	return NULL;
}

static int spreadsheet(pdx_decoder *d, const char *what_vi, const char *what_en, const char *save)
{
	return fail(d, PDX_E_SPREADSHEET, false,
	            pdx_aprintf("tệp này là %s, không phải tệp CSV; hãy mở bằng Excel hoặc "
	                        "LibreOffice và lưu lại dạng %s",
	                        what_vi, save),
	            pdx_aprintf("this file is %s, not a CSV file; open it in Excel or LibreOffice "
	                        "and save it as %s",
	                        what_en, save));
}

/* Decides the encoding from the held bytes, then decodes them. */
static int decide(pdx_decoder *d, bool final, pdx_buf *out)
{
	const unsigned char *u = (const unsigned char *)d->head.data;
	size_t n = d->head.len;
	const char *s = d->head.data;
	/* what the decision looks at: the first MiB (a file read from memory is held whole) */
	size_t look = n < HEAD_BYTES ? n : HEAD_BYTES;
	bool cut = !final || look < n;
	d->decided_at = look;
	if (n >= 4 && memcmp(u, "PK\x03\x04", 4) == 0) {
		static const char ods[] = "mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
		if (n >= 30 + sizeof ods - 1 && memcmp(u + 30, ods, sizeof ods - 1) == 0)
			return spreadsheet(d, "bảng tính LibreOffice (.ods)",
			                   "a LibreOffice spreadsheet (.ods)",
			                   "\"Text CSV (.csv)\" (UTF-8)");
		return spreadsheet(d, "bảng tính Excel (.xlsx) hoặc một tệp nén ZIP",
		                   "an Excel workbook (.xlsx) or a ZIP archive",
		                   "\"CSV UTF-8 (Comma delimited)\"");
	}
	/* .xls is not read: the readers of that binary format have long CVE histories */
	if (n >= 8 && memcmp(u, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
		return spreadsheet(d, "bảng tính Excel 97-2003 (.xls)",
		                   "an Excel 97-2003 workbook (.xls)",
		                   "\"Excel Workbook (.xlsx)\"");
	if (n >= 4 && (memcmp(u, "\xff\xfe\0\0", 4) == 0 || memcmp(u, "\0\0\xfe\xff", 4) == 0))
		return fail(
		    d, PDX_E_UNSUPPORTED_ENCODING, false,
		    pdx_aprintf("tệp dạng UTF-32 (có BOM %s) không được hỗ trợ; hãy lưu lại "
		                "dạng \"CSV UTF-8\"",
		                u[0] ? "LE" : "BE"),
		    pdx_aprintf("UTF-32 files (here with a %s byte-order mark) are not "
		                "supported; save the file as \"CSV UTF-8\"",
		                u[0] ? "LE" : "BE"));
	if (n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff))) {
		/* Excel's "Unicode Text": UTF-16 with a BOM, tab-delimited */
		bool be = u[0] == 0xfe;
		d->utf16 = true;
		d->encoding = be ? "utf-16be" : "utf-16le";
		d->offset = 2;
		int rc = open_iconv(d, be ? "UTF-16BE" : "UTF-16LE");
		if (rc)
			return rc;
		size_t skip = 2;
		/* a UTF-8 BOM inside the UTF-16 one (U+FEFF twice) is no text either */
		if (n >= 4 && ((!be && u[2] == 0xff && u[3] == 0xfe) ||
		               (be && u[2] == 0xfe && u[3] == 0xff))) {
			skip = 4;
			d->offset = 4;
		}
		return run_iconv(d, s + skip, n - skip, final, out);
	}
	if (n >= 3 && memcmp(u, "\xef\xbb\xbf", 3) == 0) {
		/* a UTF-8 BOM says what the file is, whatever --encoding says */
		d->mode = D_UTF8;
		d->encoding = "utf-8";
		d->offset = 3;
		return run_utf8(d, s + 3, n - 3, final, out);
	}
	const char *wide = wide_without_bom(u, n);
	if (wide)
		return fail(
		    d, PDX_E_UNSUPPORTED_ENCODING, false,
		    pdx_aprintf("tệp có vẻ là %s không có BOM (byte NUL xen giữa các chữ); "
		                "hãy lưu lại dạng \"CSV UTF-8\"",
		                wide),
		    pdx_aprintf("the file looks like %s without a byte-order mark (NUL bytes "
		                "between the letters); save it as \"CSV UTF-8\"",
		                wide));
	/* No mark: the held bytes decide. ASCII only: not yet (the first non-ASCII byte
	 * will); valid UTF-8: UTF-8; else the legacy encoding if one is named. */
	size_t i = 0;
	bool ascii = true, valid = true;
	while (i < look) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		ascii = false;
		int k = utf8_seq(u + i, look - i);
		if (k < 0 && cut)
			break; /* cut by the end of the first MiB: the rest decides */
		if (k <= 0) {
			valid = false;
			break;
		}
		i += (size_t)k;
	}
	if (ascii)
		d->mode = D_ASCII;
	else if (valid || !d->legacy_cs) {
		d->mode = D_UTF8;
		d->encoding = "utf-8";
	} else {
		d->encoding = d->legacy_name;
		int rc = open_iconv(d, d->legacy_cs);
		return rc ? rc : run_iconv(d, s, n, final, out);
	}
	return run_utf8(d, s, n, final, out);
}

int pdx_decoder_feed(pdx_decoder *d, const char *in, size_t len, bool final, pdx_buf *out)
{
	return pdx_decoder_feed_view(d, in, len, final, out, NULL, NULL);
}

int pdx_decoder_feed_view(pdx_decoder *d, const char *in, size_t len, bool final, pdx_buf *out,
                          const char **view, size_t *view_len)
{
	if (view) {
		*view = NULL;
		*view_len = 0;
	}
	if (d->mode == D_FAILED)
		return PDX_EINVALID;
	int rc;
	if (d->mode == D_START) {
		pdx_buf_append(&d->head, in, len);
		if (d->head.failed)
			return PDX_ENOMEM;
		if (d->head.len < HEAD_BYTES && !final)
			return 0;
		rc = decide(d, final, out);
		pdx_buf_free(&d->head);
	} else {
		/* an incomplete sequence held back from the last feed goes first */
		const char *s = in;
		size_t n = len;
		char joined[64];
		if (d->n_carry) {
			size_t take =
			    len < sizeof joined - d->n_carry ? len : sizeof joined - d->n_carry;
			memcpy(joined, d->carry, d->n_carry);
			memcpy(joined + d->n_carry, in, take);
			size_t held = d->n_carry;
			d->n_carry = 0;
			rc = d->mode == D_ICONV
			         ? run_iconv(d, joined, held + take, final && take == len, out)
			         : run_utf8(d, joined, held + take, final && take == len, out);
			if (rc || d->mode == D_FAILED)
				return rc ? rc : PDX_EINVALID;
			/* what of `joined` was not consumed is in carry again: only our bytes */
			size_t left = d->n_carry;
			d->n_carry = 0;
			if (left > take) /* still cut short: only possible at the very end */
				return 0;
			s = in + take - left;
			n = len - take + left;
		}
		if (view && d->mode == D_UTF8) {
			/* the valid text of a UTF-8 file is the caller's own bytes: handed back
			 * as they are, not copied (what follows it, if anything, is a cut
			 * sequence to carry or an error, never text) */
			size_t ok = utf8_prefix((const unsigned char *)s, n);
			track(d, s, ok);
			d->offset += (unsigned long long)ok;
			*view = s;
			*view_len = ok;
			s += ok;
			n -= ok;
		}
		rc = d->mode == D_ICONV ? run_iconv(d, s, n, final, out)
		                        : run_utf8(d, s, n, final, out);
	}
	if (!rc && final && d->mode == D_ASCII)
		d->encoding = "utf-8";
	return rc;
}
