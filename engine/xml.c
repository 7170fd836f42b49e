/* SPDX-License-Identifier: MIT */
/* Safe XML loading shared by the rubric and plan loaders.
 *
 * Rubric and plan files are untrusted: they are edited by people and passed between
 * offices. Nothing in them may reach the network or the file system, so a DOCTYPE is
 * refused before any entity is declared; and no file may make libxml2 work for minutes,
 * so the bytes are first checked against limits (xml_scan.c). */
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlschemastypes.h>
#include <nettle/sha2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xml.h"

/* ---- libxml2's global initialisation ---- */

/* libxml2 2.9 initialises itself lazily. xmlInitParser is guarded by a lock of its own,
 * but the data type tables used by RELAX NG (xmlSchemaInitTypes, xmlRelaxNGInitTypes)
 * are built unguarded on the first schema parse: two threads loading their first rubric
 * at once would build them twice, concurrently. All three run once, here, before the
 * first parse or validation of any thread. */
static pthread_mutex_t libxml2_lock = PTHREAD_MUTEX_INITIALIZER;
static bool libxml2_ready;

static void libxml2_init(void)
{
	xmlInitParser();
	xmlSchemaInitTypes();
	xmlRelaxNGInitTypes();
}

/* A lock and a flag rather than pthread_once: the same guarantee, and one that helgrind
 * can follow (it does not see glibc's pthread_once fast path as an ordering, and would
 * report every libxml2 global the first thread wrote as raced by the others). A parse
 * costs one uncontended lock more. */
void pdx_xml_init(void)
{
	pthread_mutex_lock(&libxml2_lock);
	if (!libxml2_ready) {
		libxml2_init();
		libxml2_ready = true;
	}
	pthread_mutex_unlock(&libxml2_lock);
}

static void init_once(void)
{
	pdx_xml_init();
}

/* ---- diagnostics ---- */

static void add_error(pdx_xml_ctx *x, long line, long col, const char *id, const char *vi,
                      const char *en)
{
	x->errors++;
	if (x->oom)
		return;
	if (pdx_diag_addc(x->diags, x->code ? x->code : PDX_E_XML, PDX_SEV_ERROR, x->file, line,
	                  col, id, NULL, vi, en))
		x->oom = 1;
}

void pdx_xml_error(pdx_xml_ctx *x, long line, const char *id, const char *vi, const char *en)
{
	add_error(x, line, 0, id, vi, en);
}

void pdx_xml_error_owned(pdx_xml_ctx *x, long line, long col, char *vi, char *en)
{
	if (vi && en)
		add_error(x, line, col, NULL, vi, en);
	else
		x->oom = 1;
	pdx_free(vi);
	pdx_free(en);
}

void pdx_xml_doctype_error(pdx_xml_ctx *x, long line, const char *kind_vi, const char *kind_en)
{
	pdx_code was = x->code;
	x->code = PDX_E_XML_DOCTYPE;
	pdx_xml_error_owned(
	    x, line, 0,
	    pdx_aprintf("tệp %s không được có khai báo DOCTYPE (thực thể, DTD ngoài bị từ "
	                "chối vì an toàn)",
	                kind_vi),
	    pdx_aprintf("a %s may not contain a DOCTYPE (entities and external DTDs are "
	                "refused for safety)",
	                kind_en));
	x->code = was;
}

int pdx_xml_read_file(pdx_xml_ctx *x, const char *path, const pdx_xml_limits *lim, char **data,
                      size_t *len)
{
	int rc = pdx_read_all(data, len, path, lim->bytes);
	if (rc == PDX_EINVALID) {
		/* a regular file is refused by its size before a byte is read, a stream once
		 * past the limit (its whole size unknown) */
		struct stat st;
		size_t found = 0;
		if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode))
			found = (size_t)st.st_size;
		pdx_xml_too_big(x, lim, found);
	} else if (rc == PDX_EIO) {
		x->code = PDX_E_FILE_READ;
		pdx_xml_error(x, 0, NULL, "không đọc được tệp", "cannot read the file");
		x->code = 0;
	}
	return rc;
}

/* ---- parsing ---- */

typedef struct parse_state {
	long doctype_line;
	int oom;
} parse_state;

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
	xmlParserCtxtPtr c = ctx;
	parse_state *st = c->_private;
	(void)name;
	(void)ext;
	(void)sys;
	st->doctype_line = xmlSAX2GetLineNumber(c);
	xmlStopParser(c);
}

/* Every error of the parse passes here (the message of the last one is read after).
 * Out of memory, libxml2 stops parsing without always marking the document as not
 * well-formed: what was built so far would pass for the whole file. */
static void on_parse_error(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr c = ctx;
	parse_state *st = c ? c->_private : NULL;
	if (st && e && e->code == XML_ERR_NO_MEMORY)
		st->oom = 1;
}

/* libxml2's message on one line, without its advice to the programmer (an official
 * cannot "use XML_PARSE_HUGE option"). */
static char *trimmed_copy(const char *msg)
{
	char *m = pdx_strdup(msg);
	if (!m)
		return NULL;
	char *advice = strstr(m, " use XML_PARSE_HUGE option");
	if (advice)
		*advice = '\0';
	for (char *p = m; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	size_t n = strlen(m);
	while (n && m[n - 1] == ' ')
		m[--n] = '\0';
	/* libxml2 quotes the document's bytes as they are: keep the message UTF-8 */
	if (pdx_utf8_invalid(m, n) < 0)
		return m;
	pdx_buf b = {0};
	for (size_t i = 0; i < n;) {
		long bad = pdx_utf8_invalid(m + i, n - i);
		size_t good = bad < 0 ? n - i : (size_t)bad;
		pdx_buf_append(&b, m + i, good);
		i += good;
		if (i < n) {
			pdx_buf_printf(&b, "\\x%02x", (unsigned char)m[i]);
			i++;
		}
	}
	pdx_free(m);
	char *out;
	return pdx_buf_finish(&b, &out, NULL) ? NULL : out;
}

/* libxml2 reports some problems (an unsupported encoding, for one) through its
 * generic error channel, which prints to stderr whatever the parser options say. The
 * library never prints: for the duration of a parse or a validation this thread's
 * channel is silenced, then restored. */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

typedef pdx_xml_channel saved_channel;

pdx_xml_channel pdx_xml_silence(void)
{
	init_once();
	pdx_xml_channel s = {xmlGenericError, xmlGenericErrorContext};
	xmlSetGenericErrorFunc(NULL, quiet);
	return s;
}

void pdx_xml_restore(pdx_xml_channel s)
{
	xmlSetGenericErrorFunc(s.ctx, s.func);
}

static saved_channel silence(void)
{
	return pdx_xml_silence();
}

static void restore(saved_channel s)
{
	pdx_xml_restore(s);
}

/* libxml2's parse of bytes the pre-scan has passed, with the generic channel silenced
 * (libxml2 prints there when memory runs out even while creating the context). */
static xmlDocPtr parse_quietly(pdx_xml_ctx *x, const char *data, int len, const char *kind_vi,
                               const char *kind_en)
{
	xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(data, len);
	if (!ctxt) {
		x->oom = 1;
		return NULL;
	}
	parse_state st = {0};
	ctxt->_private = &st;
	/* No NOENT (entities are never substituted), no DTDLOAD/DTDATTR, no network;
	 * errors are collected, never printed. */
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	                            XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->serror = on_parse_error;
	xmlParseDocument(ctxt);
	xmlDocPtr doc = ctxt->myDoc;
	if (st.oom || ctxt->errNo == XML_ERR_NO_MEMORY) {
		x->oom = 1;
		xmlFreeDoc(doc);
		doc = NULL;
	} else if (st.doctype_line) {
		pdx_xml_doctype_error(x, st.doctype_line, kind_vi, kind_en);
		xmlFreeDoc(doc);
		doc = NULL;
	} else if (!ctxt->wellFormed || !doc) {
		const xmlError *e = xmlCtxtGetLastError(ctxt);
		char *msg = trimmed_copy(e && e->message ? e->message : "malformed XML");
		if (msg)
			PDX_XERR(x, e ? e->line : 0, NULL, "XML không hợp lệ: %s",
			         "malformed XML: %s", msg);
		else
			x->oom = 1;
		pdx_free(msg);
		xmlFreeDoc(doc);
		doc = NULL;
	}
	ctxt->myDoc = NULL;
	xmlFreeParserCtxt(ctxt);
	return doc;
}

xmlDocPtr pdx_xml_parse(pdx_xml_ctx *x, const char *data, size_t len, const pdx_xml_limits *lim,
                        const char *kind_vi, const char *kind_en)
{
	if (len > lim->bytes || len > (size_t)INT32_MAX) {
		pdx_xml_too_big(x, lim, len);
		return NULL;
	}
	if (len == 0) {
		pdx_xml_error(x, 1, NULL, "tệp trống", "empty file");
		return NULL;
	}
	if (pdx_xml_prescan(x, data, len, lim, kind_vi, kind_en) != 0)
		return NULL;
	init_once();
	saved_channel ch = silence();
	xmlDocPtr doc = parse_quietly(x, data, (int)len, kind_vi, kind_en);
	restore(ch);
	return doc;
}

/* ---- validation ---- */

typedef struct schema_err {
	pdx_xml_ctx *x;
	const char *schema_name;
} schema_err;

static void on_schema_error(void *ctx, xmlErrorPtr e)
{
	schema_err *se = ctx;
	if (!e)
		return;
	if (e->code == XML_ERR_NO_MEMORY) {
		se->x->oom = 1;
		return;
	}
	char *msg = trimmed_copy(e->message ? e->message : "schema error");
	if (!msg) {
		se->x->oom = 1;
		return;
	}
	long line = e->line;
	if (line <= 0 && e->node)
		line = xmlGetLineNo((const xmlNode *)e->node);
	/* libxml2 follows a precise message with a vaguer one without a line; keep the
	 * precise one. */
	if (line > 0 || se->x->errors == 0)
		PDX_XERR(se->x, line, NULL, "không đúng lược đồ %s: %s", "does not match %s: %s",
		         se->schema_name, msg);
	pdx_free(msg);
}

static int validate_quietly(pdx_xml_ctx *x, xmlDocPtr doc, const char *schema, size_t schema_len,
                            const char *schema_name)
{
	schema_err se = {x, schema_name};
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(schema, (int)schema_len);
	if (!pc) {
		x->oom = 1;
		return -1;
	}
	xmlRelaxNGSetParserStructuredErrors(pc, on_schema_error, &se);
	xmlRelaxNGPtr rng = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	if (!rng) {
		pdx_xml_error(x, 0, NULL, "lược đồ nhúng không đọc được",
		              "embedded schema failed to load");
		return -1;
	}
	xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(rng);
	int rc = -1, before = x->errors;
	if (vc) {
		xmlRelaxNGSetValidStructuredErrors(vc, on_schema_error, &se);
		rc = xmlRelaxNGValidateDoc(vc, doc);
		xmlRelaxNGFreeValidCtxt(vc);
	} else {
		x->oom = 1;
	}
	xmlRelaxNGFree(rng);
	if (rc != 0 && x->errors == before)
		PDX_XERR(x, 0, NULL, "không đúng lược đồ %s", "does not match %s", schema_name);
	return rc == 0 && !x->oom ? 0 : -1;
}

int pdx_xml_validate(pdx_xml_ctx *x, xmlDocPtr doc, const char *schema, size_t schema_len,
                     const char *schema_name)
{
	pdx_code was = x->code;
	x->code = PDX_E_XML_SCHEMA;
	init_once();
	saved_channel ch = silence();
	int rc = validate_quietly(x, doc, schema, schema_len, schema_name);
	restore(ch);
	x->code = was;
	return rc;
}

/* ---- reading elements ---- */

int pdx_xml_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

const xmlNode *pdx_xml_first(const xmlNode *parent, const char *name)
{
	for (const xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
		if (pdx_xml_is(c, name))
			return c;
	return NULL;
}

size_t pdx_xml_count(const xmlNode *parent, const char *name)
{
	size_t n = 0;
	for (const xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
		n += pdx_xml_is(c, name);
	return n;
}

/* The attribute node itself: found by walking the element's list, which allocates
 * nothing (no DTD, so no default attributes to look up either). */
static const xmlAttr *find_attr(const xmlNode *n, const char *name)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (!a->ns && strcmp((const char *)a->name, name) == 0)
			return a;
	return NULL;
}

int pdx_xml_has(const xmlNode *n, const char *name)
{
	return find_attr(n, name) != NULL;
}

long pdx_xml_line(const xmlNode *n)
{
	return xmlGetLineNo(n);
}

/* NFC, trimmed, into the arena; NULL (and x->oom) when out of memory. libxml2 hands
 * over valid UTF-8 only, so pdx_utf8_clean fails for want of memory alone. */
static const char *clean_into(pdx_xml_ctx *x, pdx_arena *arena, const char *t)
{
	char *c = pdx_utf8_clean(t, strlen(t));
	char *a = c ? pdx_arena_strdup(arena, c) : NULL;
	pdx_free(c);
	if (!a)
		x->oom = 1;
	return a;
}

/* A node's text when it is held in one place (no children, or one text node): read in
 * place, without the copy xmlNodeGetContent would make. */
static const char *text_in_place(const xmlNode *children)
{
	if (!children)
		return "";
	if (!children->next && children->type == XML_TEXT_NODE && children->content)
		return (const char *)children->content;
	return NULL;
}

const char *pdx_xml_text(pdx_xml_ctx *x, pdx_arena *arena, const xmlNode *n)
{
	if (!n)
		return NULL;
	const char *t = text_in_place(n->children);
	if (t)
		return clean_into(x, arena, t);
	/* mixed content (text around a comment, say): libxml2 concatenates it, and its
	 * NULL can only mean that memory ran out */
	saved_channel ch = silence();
	xmlChar *all = xmlNodeGetContent(n);
	restore(ch);
	if (!all) {
		x->oom = 1;
		return NULL;
	}
	const char *r = clean_into(x, arena, (const char *)all);
	xmlFree(all);
	return r;
}

const char *pdx_xml_attr(pdx_xml_ctx *x, pdx_arena *arena, const xmlNode *n, const char *name)
{
	const xmlAttr *a = find_attr(n, name);
	if (!a)
		return NULL; /* absent: the one case where NULL does not mean out of memory */
	const char *t = text_in_place(a->children);
	if (t)
		return clean_into(x, arena, t);
	saved_channel ch = silence();
	xmlChar *all = xmlNodeListGetString(a->doc, a->children, 1);
	restore(ch);
	if (!all) {
		x->oom = 1;
		return NULL;
	}
	const char *r = clean_into(x, arena, (const char *)all);
	xmlFree(all);
	return r;
}

void pdx_sha256_hex(const char *data, size_t len, char out[65])
{
	struct sha256_ctx sha;
	uint8_t digest[SHA256_DIGEST_SIZE];
	sha256_init(&sha);
	sha256_update(&sha, len, (const uint8_t *)data);
	sha256_digest(&sha, sizeof digest, digest);
	for (size_t i = 0; i < sizeof digest; i++)
		snprintf(out + 2 * i, 3, "%02x", digest[i]);
}
