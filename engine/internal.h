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

/* An arena: many small allocations freed at once, owned by one rubric or answer set. */
typedef struct pdx_arena pdx_arena;
pdx_arena *pdx_arena_new(void);
void pdx_arena_free(pdx_arena *a);
void *pdx_arena_alloc(pdx_arena *a, size_t n);
char *pdx_arena_strdup(pdx_arena *a, const char *s);
char *pdx_arena_strndup(pdx_arena *a, const char *s, size_t n);

char *pdx_strdup(const char *s);
char *pdx_aprintf(const char *fmt, ...) PDX_PRINTF(1, 2);

/* UTF-8 text (text.c). */
/* Offset of the first byte of an invalid UTF-8 sequence (or a NUL byte), or -1. */
long pdx_utf8_invalid(const char *s, size_t len);
/* NFC of s[0..len) with white space (ASCII, NBSP and Unicode spaces) trimmed at both
 * ends; malloc'd. NULL when out of memory or s is not valid UTF-8. */
char *pdx_utf8_clean(const char *s, size_t len);
/* Case-folded NFC copy (for case-insensitive matching), malloc'd. */
char *pdx_utf8_fold(const char *s);
/* Case-insensitive equality of two UTF-8 strings (Unicode case folding). */
int pdx_utf8_equal_fold(const char *a, const char *b);
/* A value from a user's file as it may stand inside a message: at most 60 characters
 * (then "…"), line breaks and other control characters shown as \n, \x1b…, so
 * that one message stays one line and cannot drive the terminal. malloc'd. */
char *pdx_excerpt(const char *s);
/* Number of code points (for terminal alignment). */
size_t pdx_utf8_width(const char *s);

/* Adds a diagnostic built from printf-style Vietnamese and English messages. */
int pdx_diag_addf(pdx_diags *d, pdx_severity sev, const char *file, long line, long col,
                  const char *criterion, const char *agency, const char *vi, const char *en);

/* max × percent/100 in hundredths, exact from the answer's digits (decimal.c). */
pdx_points pdx_linear_points(pdx_points max, const char *text);

/* Appends a CSV cell (see pdx_csv_cell) and "," or, when last, CRLF. */
void pdx_csv_put(pdx_buf *b, const char *cell, int last);

/* The text report's rubric line and provisional notice (report_text.c). */
void pdx_text_header(pdx_buf *b, const pdx_rubric *r);

/* Orders diagnostics by file (first appearance), line and column; stable. */
void pdx_diags_sort(pdx_diags *d);

/* Rounds num/den (den > 0) to the nearest integer, half away from zero. */
int64_t pdx_round_div(int64_t num, int64_t den);

/* JSON building blocks shared by the report serialisers (report_json.c). */
struct json_object;
struct json_object *pdx_json_points(pdx_points p);
struct json_object *pdx_json_rubric(const pdx_rubric *r, int *failed);
int pdx_json_finish(struct json_object *root, int failed, char **out, size_t *len);

#endif
