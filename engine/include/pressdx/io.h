/* SPDX-License-Identifier: MIT */
/* pressdx — file helpers shared by front ends: whole-file reads and the output writer. */
#ifndef PRESSDX_IO_H
#define PRESSDX_IO_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Reads a whole file ("-" is standard input) into *out (malloc'd, NUL-terminated, the
 * caller frees it). Files larger than `max_bytes` are refused with PDX_EINVALID.
 * Returns 0, PDX_EIO (errno is kept), PDX_EINVALID or PDX_ENOMEM. */
PDX_EXTERN int pdx_read_all(char **out, size_t *len, const char *path, size_t max_bytes);

/* An output being written: a report, one file of a split report, a copy of a
 * workbook. Bytes given to pdx_output_write are buffered, and nothing a user can see
 * changes until pdx_output_commit:
 *
 * - a regular file (existing or not) is written into a temporary file in the same
 *   folder (unnamed with O_TMPFILE where the file system has it, else a hidden
 *   ".pressdx-PID-N.tmp"), flushed to disk, then put in place in one step (rename, or
 *   link for PDX_OUTPUT_NO_CLOBBER). Killed at any instant, the folder holds the old
 *   file or the new one; a hidden temporary may be left only by a kill between naming
 *   it and the rename, and the next output opened in that folder removes it (only
 *   temporaries of this naming, owned by the same user, that no living writer holds).
 *   A symbolic link is followed: the file it points to is replaced, the link stays.
 *   An existing file keeps its permissions (and owner, where allowed); a new one gets
 *   0666 less the process umask.
 * - anything else (a terminal, a pipe, a FIFO, /dev/null, /dev/stdout, standard
 *   output) is written directly: there is nothing to replace atomically.
 *
 * Every function returns 0 or a negative PDX_E… code. After a failure the output
 * keeps the first error (see pdx_output_error_get) and refuses further work with the
 * same code. No function prints, exits or reads the environment. One output belongs to
 * one thread at a time. */
typedef struct pdx_output pdx_output;

/* Flags of pdx_output_open. */
enum {
	/* Refuse to replace an existing regular file (errno EEXIST), checked when opening
	 * and again, race-free, when the file is put in place (a link, which fails if
	 * the name exists, instead of a rename). Outputs that are not regular files
	 * (a FIFO, /dev/null…) are written as usual. */
	PDX_OUTPUT_NO_CLOBBER = 1u << 0,
	/* Do not look for stale temporaries in the target's folder. Each open reads the
	 * whole folder once for them; a caller writing many files into one folder (one
	 * report per agency) tidies with the first open and passes this to the others. */
	PDX_OUTPUT_NO_TIDY = 1u << 1
};

/* The step an output failed at, for a message that names the real cause. */
typedef enum pdx_output_step {
	PDX_OUTPUT_STEP_NONE = 0, /* no failure */
	PDX_OUTPUT_STEP_OPEN,     /* finding or opening the target, or creating the
	                             temporary file in its folder */
	PDX_OUTPUT_STEP_WRITE,    /* writing bytes */
	PDX_OUTPUT_STEP_SYNC,     /* flushing the temporary file to disk */
	PDX_OUTPUT_STEP_COMMIT    /* putting the file in place (link, rename) or closing */
} pdx_output_step;

typedef struct pdx_output_error {
	int code;             /* 0, PDX_EIO or PDX_ENOMEM */
	int errnum;           /* errno of the call that failed (EEXIST for NO_CLOBBER) */
	pdx_output_step step; /* where it failed */
	/* The path the failing call was about: the target, the folder the temporary
	 * file is made in, or a link on the way; NULL for an output opened on a file
	 * descriptor. Owned by the output. */
	const char *path;
} pdx_output_error;

/* Opens `path` for writing (NULL or "-": standard output, as pdx_output_open_fd with
 * STDOUT_FILENO). `flags` is 0 or PDX_OUTPUT_NO_CLOBBER.
 *
 * Returns 0, PDX_EIO or PDX_ENOMEM. Except when it returns PDX_ENOMEM (then *out is
 * NULL), *out is an output even on failure, so that the error can be read with
 * pdx_output_error_get; free it with pdx_output_free in every case. */
PDX_EXTERN int pdx_output_open(pdx_output **out, const char *path, unsigned flags);

/* An output onto a file descriptor that the caller keeps (it is never closed here),
 * written directly. Returns 0 or PDX_ENOMEM. */
PDX_EXTERN int pdx_output_open_fd(pdx_output **out, int fd);

/* Appends `len` bytes. Returns 0, or PDX_EIO (a write failed: ENOSPC, EPIPE, EIO…). */
PDX_EXTERN int pdx_output_write(pdx_output *o, const void *data, size_t len);

/* Writes what is buffered and finishes: a regular file is synced and put in place;
 * a direct output is flushed (and closed when pdx_output_open opened it). Returns 0 or
 * PDX_EIO; on failure the target is as it was before pdx_output_open (a direct output
 * may have received part of the bytes). */
PDX_EXTERN int pdx_output_commit(pdx_output *o);

/* Discards the output: the temporary file is removed and the target is left as it
 * was (bytes already written to a direct output cannot be taken back). Nothing happens
 * after a commit. Returns 0. */
PDX_EXTERN int pdx_output_abort(pdx_output *o);

/* The first failure, or a struct with code 0. Valid until pdx_output_free. */
PDX_EXTERN const pdx_output_error *pdx_output_error_get(const pdx_output *o);

/* Aborts an output that was neither committed nor aborted, and frees it. NULL-safe. */
PDX_EXTERN void pdx_output_free(pdx_output *o);

/* Writes `len` bytes to `path` as one output (open, write, commit): the file is
 * replaced atomically or left as it was. Returns 0 or PDX_EIO (errno is kept) or
 * PDX_ENOMEM. */
PDX_EXTERN int pdx_write_atomic(const char *path, const char *data, size_t len);

#ifdef __cplusplus
}
#endif

#endif
