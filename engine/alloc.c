/* SPDX-License-Identifier: MIT */
/* Every allocation of libpressdx goes through here.
 *
 * One door for memory, as in SQLite: an embedding program can route the library's
 * memory to its own allocator, and the allocation-failure test (tests/oom) fails the
 * Nth allocation of a run to prove that running out of memory is always a clean error,
 * never a crash or a different score. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void *std_malloc(size_t size, void *ctx)
{
	(void)ctx;
	return malloc(size);
}

static void *std_realloc(void *ptr, size_t size, void *ctx)
{
	(void)ctx;
	return realloc(ptr, size);
}

static void std_free(void *ptr, void *ctx)
{
	(void)ctx;
	free(ptr);
}

static pdx_allocator current = {std_malloc, std_realloc, std_free, NULL};

void pdx_set_allocator(const pdx_allocator *a)
{
	if (a && a->malloc && a->realloc && a->free)
		current = *a;
	else
		current = (pdx_allocator){std_malloc, std_realloc, std_free, NULL};
}

void *pdx_malloc(size_t size)
{
	return current.malloc(size ? size : 1, current.ctx);
}

void *pdx_calloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	size_t total = n * size;
	void *p = current.malloc(total ? total : 1, current.ctx);
	if (p)
		memset(p, 0, total);
	return p;
}

void *pdx_realloc(void *ptr, size_t size)
{
	return current.realloc(ptr, size ? size : 1, current.ctx);
}

void *pdx_reallocarray(void *ptr, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return pdx_realloc(ptr, n * size);
}

void pdx_free(void *ptr)
{
	if (ptr)
		current.free(ptr, current.ctx);
}
