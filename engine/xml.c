/* Safe XML loading shared by the rubric and plan loaders.
 *
 * Rubric and plan files are untrusted: they are edited by people and passed between
 * offices. Nothing in them may reach the network or the file system, so a DOCTYPE is
 * refused at the parser's first sight of it, before any entity is declared. */
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xml.h"

void pdx_xml_error(pdx_xml_ctx *x, long line, const char *id, const char *vi, const char *en)
{
	x->errors++;
	if (pdx_diag_addf(x->diags, PDX_SEV_ERROR, x->file, line, 0, id, NULL, vi, en))
		x->oom = 1;
}

typedef struct parse_state {
	long doctype_line;
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
	free(m);
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

typedef struct saved_channel {
	xmlGenericErrorFunc func;
	void *ctx;
} saved_channel;

static saved_channel silence(void)
{
	saved_channel s = {xmlGenericError, xmlGenericErrorContext};
	xmlSetGenericErrorFunc(NULL, quiet);
	return s;
}

static void restore(saved_channel s)
{
	xmlSetGenericErrorFunc(s.ctx, s.func);
}

xmlDocPtr pdx_xml_parse(pdx_xml_ctx *x, const char *data, size_t len, const char *kind_vi,
                        const char *kind_en)
{
	if (len > (size_t)INT32_MAX) {
		pdx_xml_error(x, 0, NULL, "tệp quá lớn", "file too large");
		return NULL;
	}
	if (len == 0) {
		pdx_xml_error(x, 1, NULL, "tệp trống", "empty file");
		return NULL;
	}
	xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(data, (int)len);
	if (!ctxt) {
		x->oom = 1;
		return NULL;
	}
	parse_state st = {0};
	ctxt->_private = &st;
	/* No NOENT (entities are never substituted), no DTDLOAD/DTDATTR, no network;
	 * errors are collected, never printed. The default depth limit (256) stands. */
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	                            XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
	ctxt->sax->internalSubset = on_doctype;
	saved_channel ch = silence();
	xmlParseDocument(ctxt);
	restore(ch);
	xmlDocPtr doc = ctxt->myDoc;
	if (st.doctype_line) {
		char *vi = pdx_aprintf("tệp %s không được có khai báo DOCTYPE (thực thể, DTD ngoài "
		                       "bị từ chối vì an toàn)",
		                       kind_vi);
		char *en = pdx_aprintf("a %s may not contain a DOCTYPE (entities and external DTDs "
		                       "are refused for safety)",
		                       kind_en);
		if (vi && en)
			pdx_xml_error(x, st.doctype_line, NULL, vi, en);
		else
			x->oom = 1;
		free(vi);
		free(en);
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
		free(msg);
		xmlFreeDoc(doc);
		doc = NULL;
	}
	ctxt->myDoc = NULL;
	xmlFreeParserCtxt(ctxt);
	return doc;
}

typedef struct schema_err {
	pdx_xml_ctx *x;
	const char *schema_name;
} schema_err;

static void on_schema_error(void *ctx, xmlErrorPtr e)
{
	schema_err *se = ctx;
	if (!e)
		return;
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
	free(msg);
}

int pdx_xml_validate(pdx_xml_ctx *x, xmlDocPtr doc, const char *schema, size_t schema_len,
                     const char *schema_name)
{
	schema_err se = {x, schema_name};
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(schema, (int)schema_len);
	if (!pc) {
		x->oom = 1;
		return -1;
	}
	xmlRelaxNGSetParserStructuredErrors(pc, on_schema_error, &se);
	saved_channel ch = silence();
	xmlRelaxNGPtr rng = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	if (!rng) {
		restore(ch);
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
	restore(ch);
	if (rc != 0 && x->errors == before)
		PDX_XERR(x, 0, NULL, "không đúng lược đồ %s", "does not match %s", schema_name);
	return rc == 0 ? 0 : -1;
}

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

static const char *clean_into(pdx_xml_ctx *x, pdx_arena *arena, xmlChar *t)
{
	char *c = pdx_utf8_clean((const char *)t, strlen((const char *)t));
	xmlFree(t);
	char *a = c ? pdx_arena_strdup(arena, c) : NULL;
	free(c);
	if (!a)
		x->oom = 1;
	return a;
}

const char *pdx_xml_text(pdx_xml_ctx *x, pdx_arena *arena, const xmlNode *n)
{
	if (!n)
		return NULL;
	xmlChar *t = xmlNodeGetContent(n);
	if (!t) {
		x->oom = 1;
		return NULL;
	}
	return clean_into(x, arena, t);
}

const char *pdx_xml_attr(pdx_xml_ctx *x, pdx_arena *arena, const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	return v ? clean_into(x, arena, v) : NULL;
}

long pdx_xml_line(const xmlNode *n)
{
	return xmlGetLineNo(n);
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
