/* SPDX-License-Identifier: MIT */
/* Private: bytes of a text file → UTF-8, streaming (decode.c). */
#ifndef PDX_DECODE_H
#define PDX_DECODE_H

#include "internal.h"

/* What a decoder found wrong; messages are malloc'd (freed by pdx_decoder_free). */
typedef struct pdx_decode_error {
	pdx_code code;
	long line, column; /* 1-based place in the text, 0 when not tied to one */
	char *vi, *en;
} pdx_decode_error;

typedef struct pdx_decoder pdx_decoder;

/* A decoder for one file. `legacy` is the encoding to use when the file is not UTF-8
 * ("cp1258", "tcvn3"; NULL or "utf-8": none). Returns 0, PDX_ENOMEM, or PDX_EARG for
 * an unknown encoding name. */
int pdx_decoder_new(pdx_decoder **out, const char *legacy);
void pdx_decoder_free(pdx_decoder *d);

/* Feeds `len` bytes (`final` with the last ones, possibly none) and appends the text
 * decoded so far to `out` as UTF-8, without a BOM. The first MiB is held back until the
 * encoding is decided (see decode.c). Returns 0, PDX_EINVALID (see pdx_decoder_error:
 * the file must then be rejected whole) or PDX_ENOMEM. A text chunk never ends inside a
 * UTF-8 sequence, nor with a CR whose LF may follow. */
int pdx_decoder_feed(pdx_decoder *d, const char *in, size_t len, bool final, pdx_buf *out);

/* pdx_decoder_feed, except that once a file is known to be UTF-8 the text that is the
 * input's own bytes is not copied: it is *view[0..*view_len), a part of `in`, and
 * comes after what was appended to `out` (a sequence cut short by the previous feed,
 * completed). *view_len is 0 when there is none. */
int pdx_decoder_feed_view(pdx_decoder *d, const char *in, size_t len, bool final, pdx_buf *out,
                          const char **view, size_t *view_len);

/* The encoding the file is read with, once decided ("utf-8", "utf-16le", "utf-16be",
 * "cp1258", "tcvn3"), else NULL. Static. */
const char *pdx_decoder_encoding(const pdx_decoder *d);

const pdx_decode_error *pdx_decoder_error(const pdx_decoder *d);

#endif
