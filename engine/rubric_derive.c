/* SPDX-License-Identifier: MIT */
/* An edition written as its differences from the edition it extends.
 *
 * The index changes a little from one decision to the next (1827 added one criterion
 * to 951 and moved two level bounds), so a new edition is best written as what changed.
 * The differences are applied to the base's XML, not to its model: the result is then
 * an ordinary whole rubric, checked by the same grammar and the same semantic rules,
 * and a derived edition can never mean something a whole one could not say. */
#include "rubric_derive.h"

#include <libxml/xmlsave.h>
#include <stdlib.h>
#include <string.h>

extern const char pdx_rubric_rng[];
extern const size_t pdx_rubric_rng_len;

#define START_WHOLE   "<start><ref name=\"whole\"/></start>"
#define START_DERIVED "<start><ref name=\"derived\"/></start>"

const char *pdx_rubric_doc_extends(const xmlDoc *doc)
{
	const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	for (const xmlAttr *a = root ? root->properties : NULL; a; a = a->next)
		if (!a->ns && strcmp((const char *)a->name, "extends") == 0 && a->children &&
		    a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

int pdx_rubric_validate_derived(pdx_xml_ctx *x, xmlDocPtr doc)
{
	const char *at = strstr(pdx_rubric_rng, START_WHOLE);
	if (!at) { /* the grammar and this file disagree: a build mistake, not the user's */
		pdx_xml_error(x, 0, NULL, "lược đồ bộ chỉ số thiếu phần cho bộ chỉ số mở rộng",
		              "the rubric schema lacks the grammar of a derived rubric");
		return -1;
	}
	size_t head = (size_t)(at - pdx_rubric_rng),
	       tail = pdx_rubric_rng_len - head - strlen(START_WHOLE);
	size_t len = head + strlen(START_DERIVED) + tail;
	char *rng = pdx_malloc(len + 1);
	if (!rng) {
		x->oom = 1;
		return -1;
	}
	memcpy(rng, pdx_rubric_rng, head);
	memcpy(rng + head, START_DERIVED, strlen(START_DERIVED));
	memcpy(rng + head + strlen(START_DERIVED), at + strlen(START_WHOLE), tail);
	rng[len] = '\0';
	int rc = pdx_xml_validate(x, doc, rng, len, "rubric.rng");
	pdx_free(rng);
	return rc;
}

/* ---- the tree ---- */

static const char *attr_of(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (!a->ns && strcmp((const char *)a->name, name) == 0)
			return a->children && a->children->type == XML_TEXT_NODE
			           ? (const char *)a->children->content
			           : "";
	return NULL;
}

static bool is_elem(const xmlNode *n)
{
	return n && n->type == XML_ELEMENT_NODE;
}

static bool named(const xmlNode *n, const char *name)
{
	return is_elem(n) && strcmp((const char *)n->name, name) == 0;
}

/* Comments and whitespace between elements go: the resolved rubric is data, and a
 * base's comments describe the base. The base's lines go too: they number another
 * file, and an error in the result must not point into the derived one at them. */
static void strip(xmlNode *n, bool keep_lines)
{
	xmlNode *c = n->children;
	while (c) {
		xmlNode *next = c->next;
		if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE ||
		    (c->type == XML_TEXT_NODE && xmlIsBlankNode(c))) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		} else if (is_elem(c)) {
			if (!keep_lines)
				c->line = 0;
			strip(c, keep_lines);
		}
		c = next;
	}
}

static long level_number(const xmlNode *n)
{
	const char *v = attr_of(n, "number");
	if (!v)
		v = attr_of(n, "level");
	return v ? strtol(v, NULL, 10) : 0;
}

static xmlNode *find_id(xmlNode *n, const char *id)
{
	for (xmlNode *c = n->children; c; c = c->next) {
		if (!is_elem(c))
			continue;
		if (named(c, "pillar") || named(c, "component") || named(c, "criterion") ||
		    named(c, "question")) {
			const char *v = attr_of(c, "id");
			if (v && strcmp(v, id) == 0)
				return c;
		}
		if (named(c, "pillar") || named(c, "component") || named(c, "context")) {
			xmlNode *found = find_id(c, id);
			if (found)
				return found;
		}
	}
	return NULL;
}

static xmlNode *first_child(xmlNode *n, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (named(c, name))
			return c;
	return NULL;
}

static xmlNode *find_level(xmlNode *root, long number)
{
	for (xmlNode *c = first_child(root, "levels") ? first_child(root, "levels")->children
	                                              : NULL;
	     c; c = c->next)
		if (named(c, "level") && level_number(c) == number)
			return c;
	return NULL;
}

typedef struct derive {
	pdx_xml_ctx *x;
	xmlDocPtr doc;
	xmlNode *root;
	const char *base_id; /* copied: the root's id attribute is replaced */
} derive;

/* The element an operation names by ref="ID" or level="N", or NULL after an error. */
static xmlNode *target(derive *D, const xmlNode *op)
{
	const char *ref = attr_of(op, "ref");
	xmlNode *t = ref ? find_id(D->root, ref) : find_level(D->root, level_number(op));
	if (!t) {
		if (ref)
			PDX_XERR(
			    D->x, xmlGetLineNo(op), ref,
			    "<%s>: không có phần tử mã \"%s\" trong bộ chỉ số %s mà tệp này mở "
			    "rộng",
			    "<%s>: there is no element \"%s\" in %s, the edition this file extends",
			    (const char *)op->name, ref, D->base_id);
		else
			PDX_XERR(D->x, xmlGetLineNo(op), NULL,
			         "<%s>: không có mức số %ld trong bộ chỉ số %s mà tệp này mở rộng",
			         "<%s>: there is no level %ld in %s, the edition this file extends",
			         (const char *)op->name, level_number(op), D->base_id);
	}
	return t;
}

static xmlNode *copy(derive *D, const xmlNode *n)
{
	xmlNode *c = xmlDocCopyNode((xmlNode *)n, D->doc, 1);
	if (!c)
		D->x->oom = 1;
	return c;
}

/* Where a child goes among its siblings: header elements of the rubric and the parts of
 * an element each have their place in the grammar; 0 for anything placed by position. */
static int rank_of(const char *name)
{
	static const char *const order[] = {"title",  "title-en", "decision", "issuer", "date",
	                                    "source", "years",    "levels",   "pillar", "context"};
	static const char *const parts[] = {"name", "name-en", "source"};
	for (size_t i = 0; i < sizeof order / sizeof *order; i++)
		if (strcmp(name, order[i]) == 0)
			return (int)i + 1;
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		if (strcmp(name, parts[i]) == 0)
			return (int)i + 1;
	return 0;
}

/* Puts `c` in place of parent's child of the same name, or else before the first child
 * that comes later in the grammar's order (or last when `rank_of` knows neither). */
static void put_in_order(xmlNode *parent, xmlNode *c)
{
	xmlNode *same = first_child(parent, (const char *)c->name);
	if (same) {
		xmlReplaceNode(same, c);
		xmlFreeNode(same);
		return;
	}
	int rank = rank_of((const char *)c->name);
	for (xmlNode *s = parent->children; s; s = s->next)
		if (is_elem(s) && (rank_of((const char *)s->name) > rank ||
		                   rank_of((const char *)s->name) == 0)) {
			xmlAddPrevSibling(s, c);
			return;
		}
	xmlAddChild(parent, c);
}

static void remove_children(xmlNode *n, const char *name)
{
	xmlNode *c = n->children;
	while (c) {
		xmlNode *next = c->next;
		if (named(c, name)) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
		c = next;
	}
}

static void set_attr(derive *D, xmlNode *n, const char *name, const char *value)
{
	if (!xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)value))
		D->x->oom = 1;
}

/* change: attributes set (a bound given as min or above replaces the other), child
 * elements replace those of the same name (a scoring rule the whole rule), `drop`
 * removes optional children. */
static void op_change(derive *D, const xmlNode *op)
{
	xmlNode *t = target(D, op);
	if (!t)
		return;
	t->line = (unsigned short)(xmlGetLineNo(op) > 65535 ? 65535 : xmlGetLineNo(op));
	for (const xmlAttr *a = op->properties; a; a = a->next) {
		const char *name = (const char *)a->name;
		if (strcmp(name, "ref") == 0 || strcmp(name, "level") == 0 ||
		    strcmp(name, "drop") == 0)
			continue;
		if (strcmp(name, "min") == 0 || strcmp(name, "above") == 0)
			xmlUnsetProp(t,
			             (const xmlChar *)(strcmp(name, "min") == 0 ? "above" : "min"));
		set_attr(D, t, name, attr_of(op, name));
	}
	const char *drop = attr_of(op, "drop");
	if (drop) {
		/* the grammar allows only "source" and "name-en", space-separated */
		if (strstr(drop, "source"))
			remove_children(t, "source");
		if (strstr(drop, "name-en"))
			remove_children(t, "name-en");
	}
	bool rule_cleared = false;
	for (const xmlNode *c = op->children; c; c = c->next) {
		if (!is_elem(c))
			continue;
		xmlNode *n = copy(D, c);
		if (!n)
			return;
		if (rank_of((const char *)c->name)) {
			put_in_order(t, n);
			continue;
		}
		if (!rule_cleared) { /* linear, bands or options: the rule as a whole */
			remove_children(t, "linear");
			remove_children(t, "bands");
			remove_children(t, "option");
			rule_cleared = true;
		}
		xmlAddChild(t, n);
	}
}

static void op_remove(derive *D, const xmlNode *op)
{
	xmlNode *t = target(D, op);
	if (t) {
		xmlUnlinkNode(t);
		xmlFreeNode(t);
	}
}

static const xmlNode *first_elem(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (is_elem(c))
			return c;
	return NULL;
}

static void op_replace(derive *D, const xmlNode *op)
{
	xmlNode *t = target(D, op);
	xmlNode *n = t ? copy(D, first_elem(op)) : NULL;
	if (n) {
		xmlReplaceNode(t, n);
		xmlFreeNode(t);
	}
}

/* Whether an element of this id (or a level of this number) is already there. */
static bool taken(derive *D, const xmlNode *part)
{
	if (named(part, "level"))
		return find_level(D->root, level_number(part)) != NULL;
	const char *id = attr_of(part, "id");
	return id && find_id(D->root, id);
}

/* The element new parts of this kind go into: `to`, or where the rubric keeps them. */
static xmlNode *container(derive *D, const xmlNode *op, const xmlNode *part)
{
	const char *to = attr_of(op, "to");
	if (to) {
		xmlNode *p = find_id(D->root, to);
		if (!p)
			PDX_XERR(D->x, xmlGetLineNo(op), to,
			         "<add to>: không có phần tử mã \"%s\" trong bộ chỉ số %s",
			         "<add to>: there is no element \"%s\" in %s", to, D->base_id);
		return p;
	}
	if (named(part, "level"))
		return first_child(D->root, "levels");
	if (named(part, "question")) {
		xmlNode *ctx = first_child(D->root, "context");
		if (!ctx) {
			ctx = xmlNewDocNode(D->doc, NULL, (const xmlChar *)"context", NULL);
			if (!ctx)
				D->x->oom = 1;
			else
				xmlAddChild(D->root, ctx);
		}
		return ctx;
	}
	if (named(part, "pillar"))
		return D->root;
	PDX_XERR(D->x, xmlGetLineNo(op), NULL, "<add>: <%s> cần thuộc tính to=\"mã phần tử cha\"",
	         "<add>: a <%s> needs to=\"parent id\"", (const char *)part->name);
	return NULL;
}

/* add: each part after `after` (then after the one added before it), else after the
 * last element of its kind in the container; levels by their number. */
static void op_add(derive *D, const xmlNode *op)
{
	const char *after = attr_of(op, "after");
	xmlNode *prev = NULL;
	if (after) {
		prev = find_id(D->root, after);
		if (!prev) {
			PDX_XERR(D->x, xmlGetLineNo(op), after,
			         "<add after>: không có phần tử mã \"%s\" trong bộ chỉ số %s",
			         "<add after>: there is no element \"%s\" in %s", after,
			         D->base_id);
			return;
		}
	}
	for (const xmlNode *part = op->children; part; part = part->next) {
		if (!is_elem(part))
			continue;
		if (taken(D, part)) {
			const char *id = attr_of(part, "id");
			const char *key = id ? id : attr_of(part, "number");
			PDX_XERR(
			    D->x, xmlGetLineNo(part), id,
			    "<add>: bộ chỉ số %s đã có <%s> \"%s\"; dùng <replace> hoặc <change>",
			    "<add>: %s already has a <%s> \"%s\"; use <replace> or <change>",
			    D->base_id, (const char *)part->name, key ? key : "");
			continue;
		}
		xmlNode *into = prev ? prev->parent : container(D, op, part);
		if (!into)
			return;
		xmlNode *n = copy(D, part);
		if (!n)
			return;
		if (prev) {
			xmlAddNextSibling(prev, n);
			prev = n;
			continue;
		}
		xmlNode *last = NULL, *before = NULL;
		for (xmlNode *s = into->children; s; s = s->next) {
			if (!named(s, (const char *)part->name))
				continue;
			last = s;
			if (!before && named(part, "level") && level_number(s) > level_number(part))
				before = s;
		}
		if (before)
			xmlAddPrevSibling(before, n);
		else if (last)
			xmlAddNextSibling(last, n);
		else if (named(part, "pillar") && first_child(into, "context"))
			xmlAddPrevSibling(first_child(into, "context"), n);
		else
			xmlAddChild(into, n);
	}
}

xmlDocPtr pdx_rubric_derive(pdx_xml_ctx *x, const xmlDoc *derived, xmlDocPtr doc)
{
	derive D = {x, doc, xmlDocGetRootElement(doc), NULL};
	const xmlNode *droot = xmlDocGetRootElement(derived);
	char *base_id = NULL;
	if (!D.root || !droot || !attr_of(D.root, "id")) {
		pdx_xml_error(x, 0, NULL, "bộ chỉ số gốc không có mã", "the base rubric has no id");
		goto out;
	}
	base_id = pdx_strdup(attr_of(D.root, "id"));
	if (!base_id) {
		x->oom = 1;
		goto out;
	}
	D.base_id = base_id;
	strip((xmlNode *)doc, false); /* the document's own children: its comments too */
	D.root->line = (unsigned short)xmlGetLineNo(droot);

	static const char *const own[] = {"id", "total", "status"};
	for (size_t i = 0; i < sizeof own / sizeof *own; i++)
		if (attr_of(droot, own[i]))
			set_attr(&D, D.root, own[i], attr_of(droot, own[i]));
	for (const xmlNode *c = droot->children; c && !x->oom; c = c->next) {
		if (!is_elem(c))
			continue;
		if (named(c, "change"))
			op_change(&D, c);
		else if (named(c, "remove"))
			op_remove(&D, c);
		else if (named(c, "replace"))
			op_replace(&D, c);
		else if (named(c, "add"))
			op_add(&D, c);
		else { /* a header element: the grammar allows no other */
			xmlNode *n = copy(&D, c);
			if (n)
				put_in_order(D.root, n);
		}
	}
	strip((xmlNode *)doc, true);
out:
	pdx_free(base_id);
	if (x->errors || x->oom) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

int pdx_rubric_dump(xmlDocPtr doc, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	xmlChar *mem = NULL;
	int size = 0;
	xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
	if (!mem || size < 0) {
		xmlFree(mem);
		return PDX_ENOMEM;
	}
	*out = pdx_malloc((size_t)size + 1);
	if (!*out) {
		xmlFree(mem);
		return PDX_ENOMEM;
	}
	memcpy(*out, mem, (size_t)size);
	(*out)[size] = '\0';
	*len = (size_t)size;
	xmlFree(mem);
	return 0;
}
