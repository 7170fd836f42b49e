/* pressdx — file helpers shared by front ends. */
#ifndef PRESSDX_IO_H
#define PRESSDX_IO_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Reads a whole file ("-" is standard input) into *out (malloc'd, NUL-terminated, the
 * caller frees it). Files larger than `max_bytes` are refused with PDX_EINVALID.
 * Returns 0, PDX_EIO (errno is kept), PDX_EINVALID or PDX_ENOMEM. */
int pdx_read_all(char **out, size_t *len, const char *path, size_t max_bytes);

/* Writes `len` bytes to `path` atomically: into a temporary file in the same folder,
 * flushed to disk, then renamed over `path`; on any failure the temporary file is
 * removed and `path` is untouched. Returns 0 or PDX_EIO (errno is kept). */
int pdx_write_atomic(const char *path, const char *data, size_t len);

#ifdef __cplusplus
}
#endif

#endif
