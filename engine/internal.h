/* SPDX-License-Identifier: MIT */
/* Private helpers of libpressdx; never included by front ends. */
#ifndef PDX_INTERNAL_H
#define PDX_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>

#include "pressdx/pressdx.h"

#if defined(__GNUC__)
#define PDX_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define PDX_PRINTF(f, a)
#endif

/* The language of a report (issue 12, §4). A pdx_format argument carries it above its
 * low bits (PDX_FORMAT_LANG, common.h): every function taking a format splits it with
 * these and checks both parts (pdx_format_valid) before anything else. */
#define PDX_FORMAT_PLAIN_MASK ((1u << PDX_FORMAT_LANG_SHIFT) - 1u)
static inline pdx_format pdx_format_plain(pdx_format fmt)
{
	return (pdx_format)((unsigned)fmt & PDX_FORMAT_PLAIN_MASK);
}
static inline pdx_lang pdx_format_lang_of(pdx_format fmt)
{
	return (pdx_lang)((unsigned)fmt >> PDX_FORMAT_LANG_SHIFT);
}
/* Whether both the plain format and the language are ones the library knows. */
static inline bool pdx_format_valid(pdx_format fmt)
{
	return pdx_format_plain(fmt) <= PDX_FORMAT_XLSX && pdx_format_lang_of(fmt) <= PDX_LANG_EN;
}

/* The library's own texts for people (headings, labels) are written once, in English,
 * marked N_("…"); their Vietnamese is in po/vi.po, the catalogue the command shares,
 * compiled into the library (po/po2c.py → pdx_vi_catalog; i18n.c). */
#define N_(s) s
/* The English message for a count: `one` when n is 1, else `many` (both marked N_(),
 * both translated; Vietnamese has one form). A conditional of two literals, so that the
 * compiler still checks either format against its arguments. */
#define PDX_PLURAL(n, one, many) ((n) == 1 ? (one) : (many))
/* The Vietnamese of `en`, or `en` itself when the catalogue has none. */
const char *pdx_tr(const char *en);
/* A label in `lang`: PDX_LANG_EN `en`, PDX_LANG_VI its Vietnamese (pdx_tr), and
 * PDX_LANG_BOTH `both` — the "vi (en)" form reports have always written, kept byte for
 * byte (its gloss may be shorter than the English label) — or, NULL, the Vietnamese
 * alone, where the both form never had an English gloss. */
const char *pdx_label(pdx_lang lang, const char *en, const char *both);
/* A text the rubric gives in Vietnamese and maybe English (a pillar's name, name_en):
 * the English one in PDX_LANG_EN when there is one, else the Vietnamese (it is data). */
static inline const char *pdx_name_lang(pdx_lang lang, const char *vi, const char *en)
{
	return lang == PDX_LANG_EN && en ? en : vi;
}
/* printf of the English format `en_fmt` (PDX_LANG_EN) or of its Vietnamese (otherwise),
 * malloc'd (NULL: out of memory). The both form is the caller's: the sentences that
 * have always been Vietnamese only stay so. */
char *pdx_trf(pdx_lang lang, const char *en_fmt, ...) PDX_PRINTF(2, 3);
/* The rubric's provisional notice in `lang` (meta->notice is the both form: Vietnamese
 * " / " English); NULL for an all-official rubric. Lives as long as r. */
const char *pdx_rubric_notice_lang(const pdx_rubric *r, pdx_lang lang);

/* Memory (alloc.c): every allocation of the library goes through these, so that an
 * embedding program's allocator and the allocation-failure test see all of them. A
 * request of 0 bytes returns a unique pointer; pdx_calloc/pdx_reallocarray check the
 * multiplication. */
void *pdx_malloc(size_t size);
void *pdx_calloc(size_t n, size_t size);
void *pdx_realloc(void *ptr, size_t size);
void *pdx_reallocarray(void *ptr, size_t n, size_t size);

/* A growable byte buffer. On allocation failure it sets `failed` and ignores further
 * appends, so a builder checks once at the end instead of after every call. */
typedef struct pdx_buf {
	char *data;
	size_t len, cap;
	int failed;
} pdx_buf;

void pdx_buf_append(pdx_buf *b, const char *s, size_t n);
void pdx_buf_puts(pdx_buf *b, const char *s);
void pdx_buf_putc(pdx_buf *b, char c);
void pdx_buf_printf(pdx_buf *b, const char *fmt, ...) PDX_PRINTF(2, 3);
/* Hands the NUL-terminated contents to the caller; returns PDX_ENOMEM if anything
 * failed (and frees the buffer). */
int pdx_buf_finish(pdx_buf *b, char **out, size_t *len);
void pdx_buf_free(pdx_buf *b);
/* A pdx_write_fn that appends to the pdx_buf `ctx` (a whole document in memory). */
int pdx_buf_collect(void *ctx, const char *data, size_t len);

/* Appends to a text report a sentence in `lang`: in the both form `both_fmt` (the
 * report's "vi (en)" line as it has always been), else pdx_trf's; the two formats take
 * the same arguments. */
void pdx_buf_tr(pdx_buf *b, pdx_lang lang, const char *both_fmt, const char *en_fmt, ...)
    PDX_PRINTF(4, 5);

/* Whether two loaded rubrics are the same edition, byte for byte (the two sides of a
 * diff load their rubric each: the pointers differ even for one file). */
bool pdx_rubric_same(const pdx_rubric *a, const pdx_rubric *b);

/* The SQLite connection of a history store (history.c), for its report. */
struct sqlite3;
struct sqlite3 *pdx_history_db(pdx_history *h);
/* The index of the pillar with this id, or -1 (a few pillars: a linear search). */
long pdx_rubric_find_pillar(const pdx_rubric *r, const char *id);

/* A level's lower bound as reports print it: "80" (the total reaches it) or ">80" (a
 * strict bound); short_form drops trailing zero decimals. Returns buf. */
char *pdx_level_bound(const pdx_level *level, bool short_form, char *buf, size_t size);

/* An arena: many small allocations freed at once, owned by one rubric or answer set. */
typedef struct pdx_arena pdx_arena;
pdx_arena *pdx_arena_new(void);
void pdx_arena_free(pdx_arena *a);
void *pdx_arena_alloc(pdx_arena *a, size_t n);
char *pdx_arena_strdup(pdx_arena *a, const char *s);
char *pdx_arena_strndup(pdx_arena *a, const char *s, size_t n);

char *pdx_strdup(const char *s);
char *pdx_aprintf(const char *fmt, ...) PDX_PRINTF(1, 2);
/* pdx_aprintf of a va_list (left unused: the caller va_ends it). */
char *pdx_vaprintf(const char *fmt, va_list ap) PDX_PRINTF(1, 0);

/* UTF-8 text (text.c). */
/* Offset of the first byte of an invalid UTF-8 sequence (or a NUL byte), or -1. */
long pdx_utf8_invalid(const char *s, size_t len);
/* The delimiter of a small CSV table typed by people (report_util.c): ',' ';' or tab,
 * whichever is most frequent outside quotes over the whole text. */
char pdx_csv_guess_delimiter(const char *s, size_t len);
/* Adds edition e to v unless v holds it already (the same rubric: pdx_rubric_same); v
 * has room for it. The editions a report's results come from, each once, in order. */
void pdx_editions_add(const pdx_rubric **v, size_t *n, const pdx_rubric *e);
/* NFC of s[0..len) with white space (ASCII, NBSP and Unicode spaces) trimmed at both
 * ends; malloc'd. NULL when out of memory or s is not valid UTF-8. */
char *pdx_utf8_clean(const char *s, size_t len);
/* Appends the NFC of s[0..len), white space trimmed, and a NUL to `out`, using
 * `scratch` (kept between calls) instead of allocating per call. Returns 0,
 * PDX_EINVALID (not UTF-8) or PDX_ENOMEM. */
int pdx_utf8_clean_into(pdx_buf *out, pdx_buf *scratch, const char *s, size_t len);
/* Whether s[0..len) (valid UTF-8) is certainly already what pdx_utf8_clean makes of it:
 * not empty, no white space at either end, and only code points that NFC leaves alone
 * (ASCII, Latin-1, Vietnamese letters in composed form). False means "clean it", not
 * "it changes": readers skip the normalisation of the cells for which it is true. */
bool pdx_utf8_is_clean(const char *s, size_t len);
/* The length of the run of ASCII bytes other than NUL that s[0..len) starts with,
 * eight bytes at a time. */
size_t pdx_ascii_prefix(const char *s, size_t len);
/* A prefix of s[0..len) that is whole, valid UTF-8 without NUL, found 32 bytes at a
 * time where the CPU has AVX2 (utf8_avx2.c); 0 where it has not. Not the longest
 * such prefix: the caller checks on from there, byte by byte. */
size_t pdx_utf8_fast_prefix(const char *s, size_t len);
/* The sort key of `s` in Vietnamese alphabetical order (collate.c): keys compared with
 * pdx_collate_keys_cmp order their texts as pdx_collate does, up to texts that differ
 * only in what the order ignores. *key malloc'd (*len bytes). 0 or PDX_ENOMEM. */
int pdx_collate_key(const char *s, char **key, size_t *len);
int pdx_collate_keys_cmp(const char *ka, size_t la, const char *kb, size_t lb);
/* The offset of the first CR or LF in s[0..len), or len. */
size_t pdx_find_break(const char *s, size_t len);
/* Case-folded NFC copy (for case-insensitive matching), malloc'd. */
char *pdx_utf8_fold(const char *s);
/* Case-insensitive equality of two UTF-8 strings (Unicode case folding): 1 equal, 0
 * not, PDX_ENOMEM when it could not be told. */
int pdx_utf8_equal_fold(const char *a, const char *b);
/* A comparison key: NFKC, Unicode case folding, every dash (U+2010–U+2015, U+2212,
 * U+FE58, U+FE63, U+FF0D) as '-', every run of white space (ASCII, NBSP, Zs, U+200B,
 * U+FEFF) as one ' ', trimmed. With PDX_KEY_STRIP_MARKS also without diacritics (NFKD,
 * combining marks dropped, đ/Đ → d), for names typed without accents ("Hai Phong" =
 * "Hải Phòng"). malloc'd; NULL when out of memory or `s` is not valid UTF-8. */
char *pdx_utf8_key(const char *s, unsigned flags);
#define PDX_KEY_STRIP_MARKS 1u
/* A province name as people write it: "Thành phố Hải Phòng", "TP. Hải Phòng", "hai
 * phong" and "Hải Phòng" are one province. The key drops case, diacritics, a leading
 * "tỉnh"/"thành phố"/"TP." and everything but letters and digits; malloc'd
 * (provinces.c). */
char *pdx_province_key(const char *name);
/* A value from a user's file as it may stand inside a message: at most 60 characters
 * (then "…"); line breaks and other control characters shown as \n, \x1b…, and
 * characters that show nothing or look like a space (NBSP, U+200B, U+FEFF, soft
 * hyphen, C1 controls…) as U+00A0, U+200B…; bytes that are not UTF-8 as \xNN. So one
 * message stays one line, cannot drive the terminal, and shows what is really there.
 * malloc'd. */
char *pdx_excerpt(const char *s);
/* Appends a value from a user's file to a text report: control characters (C0, DEL,
 * C1) and bidirectional overrides are written as \x1b, \u009b, \u202e… so that no
 * value can drive a terminal or reorder what is printed; "\n" becomes \n. */
void pdx_buf_put_safe(pdx_buf *b, const char *s);
/* The width of what pdx_buf_put_safe writes for s, in code points. */
size_t pdx_safe_width(const char *s);
/* Number of code points (for terminal alignment). */
size_t pdx_utf8_width(const char *s);

/* Adds a diagnostic built from printf-style Vietnamese and English messages. */
int pdx_diag_addf(pdx_diags *d, pdx_severity sev, const char *file, long line, long col,
                  const char *criterion, const char *agency, const char *vi, const char *en);

/* The same with a code. */
int pdx_diag_addc(pdx_diags *d, pdx_code code, pdx_severity sev, const char *file, long line,
                  long col, const char *criterion, const char *agency, const char *vi,
                  const char *en);
/* An empty list that is never written: what an object without problems points to. */
const pdx_diags *pdx_diags_empty(void);
/* Drops the diagnostics after the first n (a rolled-back source's). */
void pdx_diags_truncate(pdx_diags *d, size_t n);

/* The answer set's side of a fast reader (csv_reader.c): strings interned by the
 * reader itself, so that a cell that repeats is never copied or normalised again, and
 * rows given as those ids. `text` must be clean (trimmed NFC). pdx_internal_add_row
 * is pdx_answers_add_row with ids[f] the interned row->cell[f] (0 when empty) for
 * every field but the year. `hint` is an id the text may have (the same column's
 * previous cell), or 0. */
int pdx_internal_intern(pdx_answers *set, const char *text, size_t len, uint32_t hint,
                        uint32_t *id);
const char *pdx_internal_string(const pdx_answers *set, uint32_t id);
/* Whether interned string `id` (0: none) is exactly text[0..len). */
bool pdx_internal_is(const pdx_answers *set, uint32_t id, const char *text, size_t len);
int pdx_internal_add_row(pdx_answers *set, const pdx_row *row, const uint32_t *ids,
                         pdx_diags *diags);
/* The encoding the open source of `set` turned out to be in (a static name). */
void pdx_internal_source_encoding(pdx_answers *set, const char *encoding);

/* Rows already split into cells — a worksheet (workbook.c) — read by the CSV reader's
 * rules (csv_reader.c): the first non-empty row is the header, long or wide layout,
 * every row through the same function into the set, the source committed or rolled
 * back whole. `file` and `sheet` must live until pdx_rows_end. */
typedef struct pdx_rows pdx_rows;
enum { PDX_ROWS_PLAIN = 0, PDX_ROWS_DATE = 1, PDX_ROWS_NO_VALUE = 2 };
int pdx_rows_begin(pdx_rows **out, pdx_answers *set, const char *file, const char *sheet,
                   const pdx_read_options *opts, pdx_diags *diags);
/* Row number `line`, cells[i] (lens[i] bytes, valid UTF-8; NULL: empty) in column i + 1;
 * flags[i] (may be NULL) a PDX_ROWS_* of each cell. 0 or PDX_ENOMEM. */
int pdx_rows_add(pdx_rows *w, long line, const char *const *cells, const size_t *lens, size_t n,
                 const unsigned char *flags);
/* Whether the source can still be read (no file-level error so far). */
bool pdx_rows_ok(const pdx_rows *w);
/* Whether a header row has been read. */
bool pdx_rows_has_header(const pdx_rows *w);
/* A problem of the source itself: it will be rolled back. Takes vi and en. */
void pdx_rows_fail(pdx_rows *w, pdx_code code, long line, long col, char *vi, char *en);
/* Ends the source (rc: the front end's own result, 0 when it read the whole sheet) and
 * frees w; returns as pdx_answers_read_file does. */
int pdx_rows_end(pdx_rows *w, int rc);

/* A workbook (.xlsx, .ods; workbook.c) read into the set by the rows above: the sheet
 * named `sheet`, or the first. */
int pdx_internal_read_workbook(pdx_answers *set, const char *path, const char *name,
                               const char *sheet, const pdx_read_options *opts, pdx_diags *diags);

/* The raw cells a reader reads, for the annotated copy of an answers file (checked.c):
 * `cell` receives every non-empty cell of the sheet (empty ones may come too) as the
 * reader got it — a CSV cell unquoted, a worksheet cell as its text (numbers written
 * as the reader writes them) — before trimming and NFC, at the row (the line where
 * a CSV record starts, the sheet's row) and 1-based column that the reader's
 * diagnostics give; beyond the header's columns too in a worksheet. `sheet` (may be
 * NULL) is told the worksheet's name before its first cell (not called for CSV).
 * With a hook a bad header (duplicate or missing column) does not stop the reading:
 * no row is added, the file is still rejected, but every cell reaches the hook. The
 * hook keeps its own failures (out of memory) to itself. */
typedef struct pdx_cell_hook {
	void (*cell)(void *ctx, long row, long col, const char *text, size_t len);
	void (*sheet)(void *ctx, const char *name);
	void *ctx;
} pdx_cell_hook;
/* pdx_answers_read_file and pdx_internal_read_workbook with a hook (NULL: none). */
int pdx_internal_read_file_hooked(pdx_answers *set, const char *path, const pdx_read_options *opts,
                                  pdx_diags *diags, const pdx_cell_hook *hook);
int pdx_internal_read_workbook_hooked(pdx_answers *set, const char *path, const char *name,
                                      const char *sheet, const pdx_read_options *opts,
                                      pdx_diags *diags, const pdx_cell_hook *hook);
/* Sets the hook of a worksheet's rows (after pdx_rows_begin; calls hook->sheet). */
void pdx_rows_set_hook(pdx_rows *w, const pdx_cell_hook *hook);

/* Appends a CSV cell (see pdx_csv_cell) and "," or, when last, CRLF. */
void pdx_csv_put(pdx_buf *b, const char *cell, int last);

/* The distinct source files of the rows of some assessments, in order of appearance:
 * one row of each (for its file and encoding). report_text.c. */
typedef struct pdx_files {
	pdx_answer *f;
	size_t n, cap;
	const char *last;
} pdx_files;
int pdx_files_of_results(pdx_files *fl, pdx_result *const *results, size_t n);
int pdx_files_of_set(pdx_files *fl, const pdx_answers *set);
void pdx_files_free(pdx_files *fl);

/* The text report's rubric line and provisional notice (report_text.c). */
void pdx_text_header(pdx_buf *b, const pdx_rubric *r, pdx_lang lang);
/* "Bộ chỉ số (rubric): id — title (decision)" in `lang`, malloc'd (NULL: out of memory). */
char *pdx_rubric_line(const pdx_rubric *r, pdx_lang lang);

/* The score report in parts, for pdx_report_writer (report_writer.c): what comes
 * before the agencies, one agency, and (text) the line for none. The text head
 * returns the width of the pillar labels; the JSON head ends inside the agencies'
 * array, which PDX_JSON_REPORT_TAIL and a line break close. */
/* A report may hold assessments scored by several editions (one per year): the heads
 * take every edition it uses, the first being the document's own; each agency is
 * written with the edition it was scored by (`r`). With several editions the text
 * names each agency's (name_edition), the CSV table adds a rubric_id column and takes
 * the pillar columns of all, by id, and JSON drops its single "rubric". */
void pdx_csv_report_head(pdx_buf *b, const pdx_rubric *const *editions, size_t n);
void pdx_csv_report_row(pdx_buf *b, const pdx_rubric *const *editions, size_t n,
                        const pdx_rubric *r, const pdx_result *res);
size_t pdx_text_report_head(pdx_buf *b, const pdx_rubric *const *editions, size_t n,
                            const pdx_files *fl, pdx_lang lang);
void pdx_text_report_agency(pdx_buf *b, const pdx_rubric *r, size_t width, const pdx_result *res,
                            bool name_edition, pdx_lang lang);
void pdx_text_report_none(pdx_buf *b, pdx_lang lang);
#define PDX_JSON_REPORT_TAIL "\n  ]\n}"
void pdx_json_report_head(pdx_buf *b, const pdx_rubric *const *editions, size_t n,
                          const pdx_files *fl);
void pdx_json_report_agency(pdx_buf *b, const pdx_rubric *r, const pdx_result *res, bool first);

/* Orders diagnostics by file (first appearance), line and column; stable. */
int pdx_diags_sort(pdx_diags *d);

/* Rounds num/den (den > 0) to the nearest integer, half away from zero. */
int64_t pdx_round_div(int64_t num, int64_t den);

/* JSON building blocks shared by the report serialisers (report_json.c). */
struct json_object;
struct json_object *pdx_json_points(pdx_points p);
struct json_object *pdx_json_rubric(const pdx_rubric *r, int *failed);
int pdx_json_finish(struct json_object *root, int failed, char **out, size_t *len);
/* Appends `o` pretty-printed as it would be nested `depth` levels deep in a document
 * (report_json.c): a document streamed part by part reads as one json-c wrote whole. */
void pdx_json_put_nested(pdx_buf *b, struct json_object *o, int depth);
/* The achieved share of a plan indicator as people read it (report_targets.c): with
 * the digits that show it is below a target it would equal once rounded ("66.6666…%"). */
void pdx_target_share(pdx_buf *b, const pdx_target_result *tr);
/* report_util.c: padded text cells (user text escaped, padded by printed width),
 * json-c additions that set *failed instead of leaking, CSV numbers. */
void pdx_text_padr(pdx_buf *b, const char *s, size_t width);
void pdx_text_padl(pdx_buf *b, const char *s, size_t width);
const char *pdx_or_unknown(const char *s, pdx_lang lang);
void pdx_jput(struct json_object *o, const char *k, struct json_object *v, int *failed);
void pdx_jstr(struct json_object *o, const char *k, const char *s, int *failed);
void pdx_jpush(struct json_object *a, struct json_object *v, int *failed);
struct json_object *pdx_jyear(int year);
void pdx_csv_num(pdx_buf *b, long long v, int last);
void pdx_csv_year(pdx_buf *b, int year);
void pdx_csv_pts(pdx_buf *b, pdx_points p, int last);

#endif
