/* SPDX-License-Identifier: MIT */
/* The province map: names as people write them → the official name on the map of the
 * assessment's year, and the unit of the new map an earlier one became part of. The
 * map is data (rubrics/provinces/provinces.xml); this file knows no province. */
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "pressdx/provinces.h"
#include "xml.h"

extern const char pdx_provinces_rng[];
extern const size_t pdx_provinces_rng_len;

typedef struct unit {
	const char *name;
	bool is_new; /* a unit of the new map */
	size_t now;  /* the new map's unit it is (part of): itself when is_new */
	long line;
} unit;

typedef struct key_ent {
	const char *key;
	size_t unit;
} key_ent;

struct pdx_provinces {
	pdx_arena *arena;
	unit *units;
	size_t n_units, n_new;
	key_ent *keys;
	size_t n_keys;
	int new_map_from;
	const char *source, *cite;
};

char *pdx_province_key(const char *name)
{
	char *k = pdx_utf8_key(name, PDX_KEY_STRIP_MARKS);
	if (!k)
		return NULL;
	static const char *const prefixes[] = {"thanh pho ", "tinh ", "tp. ", "tp.", "tp "};
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		size_t n = strlen(prefixes[i]);
		if (strncmp(k, prefixes[i], n) == 0 && k[n]) {
			memmove(k, k + n, strlen(k + n) + 1);
			break;
		}
	}
	/* "Bà Rịa - Vũng Tàu", "Ba Ria-Vung Tau" and "BaRia VungTau" are one name: keep
	 * letters and digits only (and any other script's bytes, so that no name becomes
	 * empty) */
	char *w = k;
	for (const char *r = k; *r; r++) {
		unsigned char c = (unsigned char)*r;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
			*w++ = *r;
	}
	if (w != k)
		*w = '\0';
	return k;
}

/* Edit distance of two keys (bytes), for the closest name to an unknown one. */
static size_t distance(const char *a, const char *b)
{
	size_t m = strlen(a), n = strlen(b);
	size_t *row = pdx_calloc(n + 1, sizeof *row);
	if (!row)
		return (size_t)-1;
	for (size_t j = 0; j <= n; j++)
		row[j] = j;
	for (size_t i = 1; i <= m; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= n; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	size_t d = row[n];
	pdx_free(row);
	return d;
}

typedef struct loader {
	pdx_xml_ctx x;
	pdx_provinces *p;
	size_t cap_keys;
} loader;

static void add_key(loader *L, const char *text, size_t u, long line)
{
	pdx_provinces *p = L->p;
	if (!text)
		return;
	char *k = pdx_province_key(text);
	const char *copy = k ? pdx_arena_strdup(p->arena, k) : NULL;
	pdx_free(k);
	if (!copy) {
		L->x.oom = 1;
		return;
	}
	/* one key, one unit of each map; the same unit may list a spelling twice */
	for (size_t i = 0; i < p->n_keys; i++) {
		const key_ent *e = &p->keys[i];
		if (strcmp(e->key, copy) != 0 || e->unit == u ||
		    p->units[e->unit].is_new != p->units[u].is_new)
			continue;
		PDX_XERR(&L->x, line, text,
		         "tên \"%s\" trùng với tên của \"%s\" (dòng %ld) khi bỏ dấu, hoa/thường "
		         "và \"tỉnh\"/\"thành phố\"",
		         "the name \"%s\" reads as that of \"%s\" (line %ld) once case, diacritics "
		         "and the kind are folded away",
		         text, p->units[e->unit].name, p->units[e->unit].line);
		return;
	}
	if (p->n_keys == L->cap_keys) {
		size_t cap = L->cap_keys ? L->cap_keys * 2 : 256;
		key_ent *g = pdx_reallocarray(p->keys, cap, sizeof *g);
		if (!g) {
			L->x.oom = 1;
			return;
		}
		p->keys = g;
		L->cap_keys = cap;
	}
	p->keys[p->n_keys++] = (key_ent){copy, u};
}

/* A unit (a <province> or <former>) and its keys: its name and its aliases. */
static void add_unit(loader *L, const xmlNode *n, size_t u, bool is_new, size_t now)
{
	pdx_provinces *p = L->p;
	unit *un = &p->units[u];
	un->name = pdx_xml_attr(&L->x, p->arena, n, "name");
	un->is_new = is_new;
	un->now = now;
	un->line = pdx_xml_line(n);
	add_key(L, un->name, u, un->line);
	for (const xmlNode *a = n->children; a; a = a->next)
		if (pdx_xml_is(a, "alias"))
			add_key(L, pdx_xml_text(&L->x, p->arena, a), u, pdx_xml_line(a));
}

static void load_map(loader *L, const xmlNode *root)
{
	pdx_provinces *p = L->p;
	const char *from = pdx_xml_attr(&L->x, p->arena, root, "new-map-from");
	p->new_map_from = from ? atoi(from) : 0;
	p->source = pdx_xml_text(&L->x, p->arena, pdx_xml_first(root, "source"));
	p->cite = pdx_xml_attr(&L->x, p->arena, root, "cite");
	size_t n = 0;
	for (const xmlNode *v = root->children; v; v = v->next)
		if (pdx_xml_is(v, "province"))
			n += 1 + pdx_xml_count(v, "former");
	p->units = pdx_arena_alloc(p->arena, (n + 1) * sizeof *p->units);
	if (!p->units) {
		L->x.oom = 1;
		return;
	}
	size_t u = 0;
	for (const xmlNode *v = root->children; v; v = v->next) {
		if (!pdx_xml_is(v, "province"))
			continue;
		size_t now = u;
		add_unit(L, v, u++, true, now);
		p->n_new++;
		for (const xmlNode *f = v->children; f; f = f->next)
			if (pdx_xml_is(f, "former"))
				add_unit(L, f, u++, false, now);
	}
	p->n_units = u;
}

int pdx_provinces_load_memory(pdx_provinces **out, const char *data, size_t len, const char *name,
                              pdx_diags *diags)
{
	*out = NULL;
	pdx_provinces *p = pdx_calloc(1, sizeof *p);
	if (!p || !(p->arena = pdx_arena_new())) {
		pdx_free(p);
		return PDX_ENOMEM;
	}
	loader L = {{diags, name ? name : "<provinces>", 0, 0, PDX_CODE_NONE}, p, 0};
	xmlDocPtr doc =
	    pdx_xml_parse(&L.x, data, len, &pdx_xml_plan_limits, "bản đồ tỉnh", "province map");
	if (doc && pdx_xml_validate(&L.x, doc, pdx_provinces_rng, pdx_provinces_rng_len,
	                            "provinces.rng") == 0)
		load_map(&L, xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	if (L.x.oom || L.x.errors || !doc) {
		int rc = L.x.oom ? PDX_ENOMEM : PDX_EINVALID;
		pdx_provinces_free(p);
		return rc;
	}
	*out = p;
	return 0;
}

int pdx_provinces_load_file(pdx_provinces **out, const char *path, pdx_diags *diags)
{
	*out = NULL;
	pdx_xml_ctx x = {diags, path, 0, 0, PDX_CODE_NONE};
	char *data;
	size_t len;
	int rc = pdx_xml_read_file(&x, path, &pdx_xml_plan_limits, &data, &len);
	if (rc)
		return rc;
	rc = pdx_provinces_load_memory(out, data, len, path, diags);
	pdx_free(data);
	return rc;
}

void pdx_provinces_free(pdx_provinces *p)
{
	if (!p)
		return;
	pdx_free(p->keys);
	pdx_arena_free(p->arena);
	pdx_free(p);
}

int pdx_provinces_new_map_from(const pdx_provinces *p)
{
	return p ? p->new_map_from : 0;
}

const char *pdx_provinces_source(const pdx_provinces *p)
{
	return p ? p->source : NULL;
}

size_t pdx_provinces_count(const pdx_provinces *p, bool new_map)
{
	return !p ? 0 : new_map ? p->n_new : p->n_units - p->n_new;
}

/* The unit of one map (new_map) whose key is k; SIZE_MAX when none. */
static size_t find_on(const pdx_provinces *p, const char *k, bool new_map)
{
	for (size_t i = 0; i < p->n_keys; i++)
		if (p->units[p->keys[i].unit].is_new == new_map && strcmp(p->keys[i].key, k) == 0)
			return p->keys[i].unit;
	return SIZE_MAX;
}

int pdx_provinces_find(const pdx_provinces *p, const char *written, int year, bool to_now,
                       pdx_province_match *m)
{
	if (!p || !written || !m)
		return PDX_EINVALID;
	*m = (pdx_province_match){PDX_PROVINCE_UNKNOWN, NULL, NULL, NULL};
	char *k = pdx_province_key(written);
	if (!k)
		return PDX_ENOMEM;
	bool new_map = year >= p->new_map_from, any = year == 0;
	size_t u = find_on(p, k, new_map || any);
	if (u == SIZE_MAX && (any || new_map))
		u = find_on(p, k, false); /* a former unit: year 0, or a slip on the new map */
	if (u != SIZE_MAX) {
		const unit *un = &p->units[u];
		bool former_on_new = !un->is_new && new_map;
		m->status = former_on_new ? PDX_PROVINCE_FORMER : PDX_PROVINCE_OK;
		m->name = to_now || former_on_new ? p->units[un->now].name : un->name;
		m->former = former_on_new ? un->name : NULL;
	} else {
		/* on either map: a former name misspelt is still the likeliest meaning. Only
		 * a near name is offered (an edit for every three letters at most): "Tỉnh
		 * Lúa" is no slip of "Huế" */
		size_t best = SIZE_MAX, len = strlen(k);
		/* a cell of any length may be written; no province name is near a long one,
		 * and the distance costs its length times each name's */
		for (size_t i = 0; len <= 64 && i < p->n_keys; i++) {
			const unit *un = &p->units[p->keys[i].unit];
			size_t d = distance(k, p->keys[i].key);
			if (d == (size_t)-1) {
				pdx_free(k);
				return PDX_ENOMEM;
			}
			if (d < best && d * 3 <= len) {
				best = d;
				m->closest = un->name;
			}
		}
	}
	pdx_free(k);
	return 0;
}

/* One province cell seen: its string (interned by the answer set: one pointer per
 * spelling) and map, and what it became. */
typedef struct seen {
	const char *written;
	int map; /* 0 earlier, 1 new, 2 unknown year */
	pdx_province_match m;
} seen;

static int warn(pdx_diags *d, const pdx_provinces *p, const pdx_assessment *a, const seen *s)
{
	char *shown = pdx_excerpt(s->written); /* a cell of a user's file, as messages show it */
	if (!shown)
		return PDX_ENOMEM;
	char *vi, *en;
	if (s->m.status == PDX_PROVINCE_FORMER) {
		vi = pdx_aprintf("tỉnh/thành \"%s\" đã nhập vào %s (%s); lượt đánh giá năm %d "
		                 "được tính cho %s",
		                 shown, s->m.name, p->cite, a->year, s->m.name);
		en = pdx_aprintf("\"%s\" is part of %s on the map in force from %d (%s); counted "
		                 "as %s",
		                 shown, s->m.name, p->new_map_from, p->cite, s->m.name);
	} else {
		const char *map_vi = s->map == 1 ? "sau sắp xếp 2025" : "trước sắp xếp 2025";
		const char *c = s->m.closest;
		vi = pdx_aprintf("tỉnh/thành \"%s\" không có trong danh sách tỉnh, thành phố "
		                 "(%s)%s%s%s; giữ nguyên như đã ghi",
		                 shown, s->map == 2 ? "cả hai bản đồ" : map_vi,
		                 c ? "; có phải \"" : "", c ? c : "", c ? "\"?" : "");
		en = pdx_aprintf("province \"%s\" is not on the %s map%s%s%s; kept as written",
		                 shown,
		                 s->map == 1   ? "2025"
		                 : s->map == 0 ? "pre-2025"
		                               : "either",
		                 c ? "; did you mean \"" : "", c ? c : "", c ? "\"?" : "");
	}
	int rc =
	    vi && en
	        ? pdx_diag_addc(d,
	                        s->m.status == PDX_PROVINCE_FORMER ? PDX_W_PROVINCE_FORMER
	                                                           : PDX_W_PROVINCE_UNKNOWN,
	                        PDX_SEV_WARNING, a->file, a->line, 0, NULL, a->agency_id, vi, en)
	        : PDX_ENOMEM;
	pdx_free(vi);
	pdx_free(en);
	pdx_free(shown);
	return rc;
}

int pdx_provinces_apply(const pdx_provinces *p, pdx_answers *set, bool to_now, pdx_diags *diags)
{
	if (!p || !set)
		return PDX_EINVALID;
	seen *v = NULL;
	size_t nv = 0, cap = 0;
	int rc = 0;
	for (size_t i = 0; !rc && i < pdx_answers_count(set); i++) {
		const pdx_assessment *a = pdx_answers_get(set, i);
		if (!a->province)
			continue;
		int map = a->year == 0 ? 2 : a->year >= p->new_map_from;
		size_t k = 0;
		while (k < nv && !(v[k].written == a->province && v[k].map == map))
			k++;
		if (k == nv) {
			if (nv == cap) {
				cap = cap ? cap * 2 : 32;
				seen *g = pdx_reallocarray(v, cap, sizeof *g);
				if (!g) {
					rc = PDX_ENOMEM;
					break;
				}
				v = g;
			}
			v[nv] = (seen){a->province, map, {0}};
			rc = pdx_provinces_find(p, a->province, a->year, to_now, &v[nv].m);
			if (!rc && v[nv].m.status != PDX_PROVINCE_OK && diags)
				rc = warn(diags, p, a, &v[nv]);
			nv++;
		}
		/* the name is copied into the set: the map may be freed before it */
		if (!rc && v[k].m.name && strcmp(v[k].m.name, a->province) != 0)
			rc = pdx_answers_set_province(set, i, v[k].m.name);
	}
	pdx_free(v);
	return rc;
}
