/* SPDX-License-Identifier: MIT */
/* Growable buffers, arenas and small string helpers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void buf_reserve(pdx_buf *b, size_t extra)
{
	if (b->failed)
		return;
	if (extra > SIZE_MAX - b->len - 1) {
		b->failed = 1;
		return;
	}
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *p = pdx_realloc(b->data, cap);
	if (!p) {
		b->failed = 1;
		return;
	}
	b->data = p;
	b->cap = cap;
}

void pdx_buf_append(pdx_buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	if (b->failed)
		return;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void pdx_buf_puts(pdx_buf *b, const char *s)
{
	pdx_buf_append(b, s, strlen(s));
}

void pdx_buf_putc(pdx_buf *b, char c)
{
	pdx_buf_append(b, &c, 1);
}

void pdx_buf_printf(pdx_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = 1;
		return;
	}
	buf_reserve(b, (size_t)n);
	if (b->failed)
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

int pdx_buf_finish(pdx_buf *b, char **out, size_t *len)
{
	if (!b->failed && !b->data) {
		buf_reserve(b, 0);
		if (b->data)
			b->data[0] = '\0';
	}
	if (b->failed) {
		pdx_buf_free(b);
		*out = NULL;
		if (len)
			*len = 0;
		return PDX_ENOMEM;
	}
	*out = b->data;
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return 0;
}

void pdx_buf_free(pdx_buf *b)
{
	pdx_free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* Arena: a chain of blocks; large requests get a block of their own. */
struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[];
};

struct pdx_arena {
	struct arena_block *head;
};

pdx_arena *pdx_arena_new(void)
{
	return pdx_calloc(1, sizeof(pdx_arena));
}

void pdx_arena_free(pdx_arena *a)
{
	if (!a)
		return;
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		pdx_free(b);
		b = next;
	}
	pdx_free(a);
}

static void *arena_alloc(pdx_arena *a, size_t n, size_t align)
{
	n = (n + align - 1) / align * align;
	if (n == 0)
		n = align;
	struct arena_block *b = a->head;
	size_t used = b ? (b->used + align - 1) / align * align : 0;
	if (!b || used > b->size || b->size - used < n) {
		size_t size = n > 65536 ? n : 65536;
		b = pdx_malloc(sizeof(*b) + size);
		if (!b)
			return NULL;
		b->size = size;
		b->used = used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = (char *)b->data + used;
	b->used = used + n;
	return p;
}

void *pdx_arena_alloc(pdx_arena *a, size_t n)
{
	return arena_alloc(a, n, sizeof(max_align_t));
}

char *pdx_arena_strndup(pdx_arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1, 1); /* strings need no alignment: none is wasted */
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *pdx_arena_strdup(pdx_arena *a, const char *s)
{
	return s ? pdx_arena_strndup(a, s, strlen(s)) : NULL;
}

char *pdx_strdup(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = pdx_malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

char *pdx_vaprintf(const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	char *p = n < 0 ? NULL : pdx_malloc((size_t)n + 1);
	if (p)
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *pdx_aprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *p = pdx_malloc((size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

int64_t pdx_round_div(int64_t num, int64_t den)
{
	int64_t q = num / den, r = num % den;
	/* half away from zero: |r| * 2 >= den rounds the magnitude up */
	if (r < 0 ? -r >= den - (-r) : r >= den - r)
		q += num < 0 ? -1 : 1;
	return q;
}

const char *pdx_strerror(int code)
{
	switch (code) {
	case PDX_OK:
		return "success";
	case PDX_ENOMEM:
		return "out of memory";
	case PDX_EIO:
		return "input/output error";
	case PDX_EINVALID:
		return "invalid input";
	case PDX_EARG:
		return "invalid argument";
	default:
		return "unknown error";
	}
}

const char *pdx_version(void)
{
	return PRESSDX_VERSION;
}

int pdx_buf_collect(void *ctx, const char *data, size_t len)
{
	pdx_buf *b = ctx;
	pdx_buf_append(b, data, len);
	return b->failed ? PDX_ENOMEM : 0;
}
