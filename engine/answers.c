/* SPDX-License-Identifier: MIT */
/* The answer set: assessments (agency × year) and their rows, whatever the reader.
 *
 * Every reader adds rows through pdx_answers_add_row, so that the rules users rely on
 * hold for CSV files, workbooks and programs alike (see answers.h). Storage is compact:
 * strings are interned once per set (ids, names, answers and evidence repeat), and a
 * row is 16 bytes in a page of its assessment, so that memory grows with the answers
 * kept and not with the files read or the columns nothing reads. A source is a
 * transaction: everything it adds is undone when it is rolled back. */
/* madvise's MADV_HUGEPAGE is a Linux extension (see add_chunks) */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "internal.h"

static const char *const field_names[PDX_FIELD_COUNT] = {
    "agency_id", "agency_name", "province",  "owner",  "block",
    "media",     "year",        "criterion", "answer", "evidence"};

const char *pdx_field_name(pdx_field f)
{
	return (unsigned)f < PDX_FIELD_COUNT ? field_names[f] : "?";
}

/* ---- interned strings: id 0 is "none" ---- */

typedef struct intern {
	pdx_arena *arena;
	const char **str; /* id → string */
	uint32_t *len;    /* id → its length */
	uint32_t *hash;   /* id → its hash, so that growing never hashes again */
	uint32_t n, cap;
	uint32_t *slots; /* open addressing: id, or 0 for a free slot */
	uint32_t n_slots;
} intern;

/* Eight bytes at a time, mixed as in MurmurHash3's finaliser: the cells hashed are
 * mostly short ids and words, but evidence notes can be long. */
static uint32_t hash_str(const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15u ^ (uint64_t)n;
	for (; n >= 8; s += 8, n -= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	uint64_t w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53u;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	return (uint32_t)h;
}

static int intern_grow(intern *t)
{
	uint32_t n = t->n_slots ? t->n_slots * 2 : 1024;
	if (n <= t->n_slots)
		return PDX_ENOMEM;
	uint32_t *slots = pdx_calloc(n, sizeof(*slots));
	if (!slots)
		return PDX_ENOMEM;
	for (uint32_t id = 1; id < t->n; id++) {
		uint32_t h = t->hash[id] & (n - 1);
		while (slots[h])
			h = (h + 1) & (n - 1);
		slots[h] = id;
	}
	pdx_free(t->slots);
	t->slots = slots;
	t->n_slots = n;
	return 0;
}

static int intern_reserve(intern *t)
{
	if (t->n < t->cap)
		return 0;
	if (t->cap >= UINT32_MAX / 2)
		return PDX_ENOMEM;
	uint32_t cap = t->cap ? t->cap * 2 : 1024;
	const char **str = pdx_reallocarray(t->str, cap, sizeof(*str));
	if (str)
		t->str = str;
	uint32_t *len = str ? pdx_reallocarray(t->len, cap, sizeof(*len)) : NULL;
	if (len)
		t->len = len;
	uint32_t *hash = len ? pdx_reallocarray(t->hash, cap, sizeof(*hash)) : NULL;
	if (!hash)
		return PDX_ENOMEM; /* the arrays that did grow are kept: nothing is lost */
	t->hash = hash;
	t->cap = cap;
	return 0;
}

/* The id of s[0..len), added when new; 0 for an empty string. *id is set on success. */
static int intern_n(intern *t, const char *s, size_t len, uint32_t *id)
{
	*id = 0;
	if (!s || !len)
		return 0;
	if (len > UINT32_MAX)
		return PDX_ENOMEM;
	if ((t->n + 1) * 2 > t->n_slots && intern_grow(t))
		return PDX_ENOMEM;
	uint32_t hv = hash_str(s, len), mask = t->n_slots - 1, h = hv & mask;
	for (uint32_t k; (k = t->slots[h]); h = (h + 1) & mask)
		if (t->hash[k] == hv && t->len[k] == len && memcmp(t->str[k], s, len) == 0) {
			*id = k;
			return 0;
		}
	if (intern_reserve(t))
		return PDX_ENOMEM;
	char *copy = pdx_arena_strndup(t->arena, s, len);
	if (!copy)
		return PDX_ENOMEM;
	if (t->n == 0)
		t->str[t->n++] = NULL; /* id 0 */
	t->str[t->n] = copy;
	t->len[t->n] = (uint32_t)len;
	t->hash[t->n] = hv;
	t->slots[h] = t->n;
	*id = t->n++;
	return 0;
}

static int intern_s(intern *t, const char *s, uint32_t *id)
{
	return intern_n(t, s, s ? strlen(s) : 0, id);
}

static const char *str_of(const intern *t, uint32_t id)
{
	return id ? t->str[id] : NULL;
}

/* ---- answer rows: pages of one assessment ----
 *
 * Rows live in pages of PAGE slots: a head, then up to PAGE - 1 rows of one
 * assessment, all from one source and with the same answer and criterion columns
 * (what a row shares with its neighbours is said once per page). An assessment's
 * pages are linked, so its rows may come from anywhere in the files — interleaved
 * agencies cost no more than sorted ones — and a row costs 16 bytes. Pages are
 * allocated in order, in chunks, so a rolled-back source gives its pages back by
 * moving one mark. */

#define NIL          UINT32_MAX
#define PAGE         16u
#define CHUNK_BITS   12 /* slots per chunk: 4,096 (64 KiB) */
#define CHUNK        ((uint32_t)1 << CHUNK_BITS)
#define SMALL_CHUNKS 32u /* chunks allocated one by one, then slabs of: */
#define SLAB_CHUNKS  32u /* 2 MiB */
#define HUGE_PAGE    ((size_t)2 << 20)

typedef struct rec {
	uint32_t criterion, value, evidence; /* interned; 0 when the cell is empty */
	uint32_t line;
} rec;

typedef struct page_head {
	uint32_t next; /* the assessment's next page, or NIL */
	uint32_t src;  /* index into the sources */
	uint16_t count;
	uint16_t col_answer, col_criterion, unused;
} page_head;

typedef union slot {
	rec r;
	page_head h;
} page_slot;

/* ---- agencies: ids compared by their NFKC case-folded form ---- */

#define MAX_SPELLINGS 4

typedef struct agency_rec {
	uint32_t key;                   /* interned comparison key */
	uint32_t spelling;              /* the first spelling, shown everywhere */
	uint32_t warned[MAX_SPELLINGS]; /* other spellings already reported */
	/* the year of its latest row in the source being read (see year inheritance) */
	uint32_t last_epoch;
	int last_year;
	/* its rows in this source started without a year: where, and as what year */
	uint32_t blank_epoch;
	long blank_line;
	int blank_year;
	bool late_warned;
} agency_rec;

/* A spelling of an agency id as written, and the agency it names: the key (NFKC,
 * case folding) is computed once per spelling, not once per row. */
typedef struct spelling {
	uint32_t raw, agency;
} spelling;

/* ---- assessments ---- */

/* The identity cells an assessment keeps (PDX_FIELD_NAME … PDX_FIELD_MEDIA). */
#define META_FIRST PDX_FIELD_NAME
#define META_COUNT (PDX_FIELD_MEDIA - PDX_FIELD_NAME + 1)

typedef struct assess {
	pdx_assessment pub;
	const pdx_answers *set;
	pdx_diags *diags; /* made with its first diagnostic; pub.diags is then it */
	uint32_t agency;
	uint32_t first, last;      /* pages, NIL when none */
	uint32_t meta[META_COUNT]; /* interned identity cells, 0 when not given */
	uint32_t meta_src[META_COUNT];
	uint32_t meta_line[META_COUNT];
	uint32_t conflicts;      /* a bit per field whose conflict was reported */
	uint32_t touched;        /* epoch of the source that last added to it */
	uint32_t index;          /* its place in the set's items */
	struct assess *replaces; /* with --supersede: the assessment it will replace */
} assess;

/* What a source changed in an assessment it did not create, to undo it. */
typedef struct snap {
	assess *a;
	uint32_t last;
	size_t count, n_diags;
	uint32_t meta[META_COUNT];
	uint32_t meta_src[META_COUNT];
	uint32_t meta_line[META_COUNT];
	uint32_t conflicts, touched;
} snap;

typedef struct source_priv {
	pdx_source pub;
	long api_rows;   /* calls of pdx_answers_add: their "line" in diagnostics */
	size_t sig_rows; /* skipped signature rows */
	long sig_line;
	const char *sig_text;
} source_priv;

struct pdx_answers {
	pdx_answers_options opts;
	pdx_arena *arena;
	intern strings;
	page_slot **chunks; /* the first SMALL_CHUNKS allocated one by one, the rest carved
	                       out of slabs */
	uint32_t n_chunks, n_slots;
	void **slabs;
	agency_rec *agencies;
	uint32_t n_agencies, cap_agencies;
	uint32_t *agency_slots; /* key id → agency index + 1 */
	uint32_t n_agency_slots;
	uint32_t n_slabs;
	spelling *spellings; /* every spelling seen, in order */
	uint32_t n_spellings, cap_spellings;
	uint32_t *spelling_slots; /* raw id → spelling index + 1 */
	uint32_t n_spelling_slots;
	assess **items;
	size_t n_items, cap_items;
	uint32_t *assess_slots; /* (agency, year) → item index + 1 */
	uint32_t n_assess_slots;
	source_priv *sources;
	size_t n_sources, cap_sources;
	/* the open source */
	bool open;
	bool implicit; /* the open source is the one pdx_answers_add opened by itself */
	uint32_t epoch;
	int default_year;
	size_t mark_items;
	uint32_t mark_slots, mark_agencies, mark_spellings;
	snap *snaps;
	size_t n_snaps, cap_snaps;
	/* the previous row's agency cell and assessment: rows come in runs */
	uint32_t last_raw, last_agency;
	assess *last_assess;
};

pdx_answers *pdx_answers_new(const pdx_answers_options *opts)
{
	pdx_answers *s = pdx_calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	if (opts)
		s->opts = *opts;
	s->arena = pdx_arena_new();
	s->strings.arena = s->arena;
	s->last_agency = NIL;
	if (!s->arena) {
		pdx_free(s);
		return NULL;
	}
	return s;
}

static void assess_free(assess *a)
{
	if (!a)
		return;
	pdx_diags_free(a->diags);
	pdx_free(a);
}

void pdx_answers_free(pdx_answers *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_items; i++)
		assess_free(s->items[i]);
	pdx_free(s->items);
	pdx_free(s->assess_slots);
	for (uint32_t i = 0; i < s->n_chunks && i < SMALL_CHUNKS; i++)
		pdx_free(s->chunks[i]);
	pdx_free(s->chunks);
	for (uint32_t i = 0; i < s->n_slabs; i++)
		pdx_free(s->slabs[i]);
	pdx_free(s->slabs);
	pdx_free(s->agencies);
	pdx_free(s->agency_slots);
	pdx_free(s->spellings);
	pdx_free(s->spelling_slots);
	pdx_free(s->strings.str);
	pdx_free(s->strings.len);
	pdx_free(s->strings.hash);
	pdx_free(s->strings.slots);
	pdx_free(s->sources);
	pdx_free(s->snaps);
	pdx_arena_free(s->arena);
	pdx_free(s);
}

size_t pdx_answers_count(const pdx_answers *s)
{
	return s ? s->n_items : 0;
}

const pdx_assessment *pdx_answers_get(const pdx_answers *s, size_t i)
{
	return s && i < s->n_items ? &s->items[i]->pub : NULL;
}

int pdx_answers_set_province(pdx_answers *s, size_t i, const char *province)
{
	if (!s || i >= s->n_items || s->open)
		return PDX_EINVALID;
	uint32_t id;
	if (intern_s(&s->strings, province, &id))
		return PDX_ENOMEM;
	/* only what readers see: the rows' own value (meta) still decides whether a later
	 * row's province conflicts */
	s->items[i]->pub.province = str_of(&s->strings, id);
	return 0;
}

size_t pdx_answers_source_count(const pdx_answers *s)
{
	return s ? s->n_sources : 0;
}

const pdx_source *pdx_answers_source(const pdx_answers *s, size_t i)
{
	return s && i < s->n_sources ? &s->sources[i].pub : NULL;
}

static page_slot *slot_at(const pdx_answers *s, uint32_t i)
{
	return &s->chunks[i >> CHUNK_BITS][i & (CHUNK - 1)];
}

static page_head *head_at(const pdx_answers *s, uint32_t page)
{
	return &slot_at(s, page)->h;
}

/* The cursor is the slot of the row last returned, plus one. */
bool pdx_assessment_next_answer(const pdx_assessment *a, size_t *cursor, pdx_answer *out)
{
	if (!a || !cursor || !out)
		return false;
	const assess *x = (const assess *)a;
	const pdx_answers *s = x->set;
	uint32_t i;
	if (*cursor == 0) {
		if (x->first == NIL)
			return false;
		i = x->first + 1;
	} else {
		uint32_t at = (uint32_t)(*cursor - 1), page = at & ~(PAGE - 1);
		if (at - page < head_at(s, page)->count) {
			i = at + 1;
		} else {
			page = head_at(s, page)->next;
			if (page == NIL)
				return false;
			i = page + 1;
		}
	}
	const page_head *h = head_at(s, i & ~(PAGE - 1));
	const rec *r = &slot_at(s, i)->r;
	const pdx_source *src = &s->sources[h->src].pub;
	out->criterion = str_of(&s->strings, r->criterion);
	out->value = str_of(&s->strings, r->value);
	out->evidence = str_of(&s->strings, r->evidence);
	out->file = src->file;
	out->sheet = src->sheet;
	out->encoding = src->encoding;
	out->line = (long)r->line;
	out->column = h->col_answer;
	out->criterion_column = h->col_criterion;
	*cursor = (size_t)i + 1;
	return true;
}

/* ---- hashes of agencies and assessments ---- */

static uint32_t mix(uint32_t a, uint32_t b)
{
	uint64_t h = ((uint64_t)a << 32 | b) * 0x9e3779b97f4a7c15u;
	return (uint32_t)(h >> 32);
}

/* A table for `count` entries, at most half full: the current one cleared when it is
 * large enough (never shrunk, so that rebuilding after a rollback cannot fail), else a
 * new one. Returns NULL when out of memory (the current table is then untouched). */
static uint32_t *table_for(uint32_t *cur, uint32_t n_cur, uint32_t count, uint32_t *n_slots)
{
	if (cur && n_cur >= count * 2 + 2) {
		memset(cur, 0, n_cur * sizeof(*cur));
		*n_slots = n_cur;
		return cur;
	}
	uint32_t n = 64;
	while (n < count * 2 + 2 && n < UINT32_MAX / 2)
		n *= 2;
	*n_slots = n;
	return pdx_calloc(n, sizeof(uint32_t));
}

static void table_set(uint32_t **slots, uint32_t *n_slots, uint32_t *t, uint32_t n)
{
	if (t != *slots)
		pdx_free(*slots);
	*slots = t;
	*n_slots = n;
}

static int agency_rehash(pdx_answers *s)
{
	uint32_t n;
	uint32_t *slots = table_for(s->agency_slots, s->n_agency_slots, s->n_agencies, &n);
	if (!slots)
		return PDX_ENOMEM;
	for (uint32_t i = 0; i < s->n_agencies; i++) {
		uint32_t h = mix(s->agencies[i].key, 0) & (n - 1);
		while (slots[h])
			h = (h + 1) & (n - 1);
		slots[h] = i + 1;
	}
	table_set(&s->agency_slots, &s->n_agency_slots, slots, n);
	return 0;
}

static int spelling_rehash(pdx_answers *s)
{
	uint32_t n;
	uint32_t *slots = table_for(s->spelling_slots, s->n_spelling_slots, s->n_spellings, &n);
	if (!slots)
		return PDX_ENOMEM;
	for (uint32_t i = 0; i < s->n_spellings; i++) {
		uint32_t h = mix(s->spellings[i].raw, 1) & (n - 1);
		while (slots[h])
			h = (h + 1) & (n - 1);
		slots[h] = i + 1;
	}
	table_set(&s->spelling_slots, &s->n_spelling_slots, slots, n);
	return 0;
}

static uint32_t assess_hash(const assess *a)
{
	return mix(a->agency, (uint32_t)a->pub.year);
}

static int assess_rehash(pdx_answers *s)
{
	uint32_t n;
	uint32_t *slots = table_for(s->assess_slots, s->n_assess_slots, (uint32_t)s->n_items, &n);
	if (!slots)
		return PDX_ENOMEM;
	/* later items first win: a shadow (--supersede) is found before what it replaces */
	for (size_t i = s->n_items; i-- > 0;) {
		uint32_t h = assess_hash(s->items[i]) & (n - 1);
		bool dup = false;
		while (slots[h]) {
			const assess *o = s->items[slots[h] - 1];
			dup |= o->agency == s->items[i]->agency &&
			       o->pub.year == s->items[i]->pub.year;
			h = (h + 1) & (n - 1);
		}
		if (!dup)
			slots[h] = (uint32_t)i + 1;
	}
	table_set(&s->assess_slots, &s->n_assess_slots, slots, n);
	return 0;
}

static assess *find_assess(const pdx_answers *s, uint32_t agency, int year)
{
	if (!s->n_assess_slots)
		return NULL;
	uint32_t h = mix(agency, (uint32_t)year) & (s->n_assess_slots - 1);
	for (uint32_t k; (k = s->assess_slots[h]); h = (h + 1) & (s->n_assess_slots - 1)) {
		assess *a = s->items[k - 1];
		if (a->agency == agency && a->pub.year == year)
			return a;
	}
	return NULL;
}

/* ---- diagnostics ---- */

static int add_diag(pdx_diags *to, pdx_code code, pdx_severity sev, const pdx_source *src,
                    long line, long col, const char *crit, const char *agency, char *vi, char *en)
{
	int rc = PDX_ENOMEM;
	if (to && vi && en) {
		pdx_diag d = {sev, code, src->file, src->sheet, line, col, crit, agency, vi, en};
		rc = pdx_diags_add(to, &d);
	}
	pdx_free(vi);
	pdx_free(en);
	return rc;
}

/* The assessment's own diagnostics, made when it gets its first: most assessments
 * have none, and 50,000 empty lists are memory for nothing. NULL when out of memory. */
static pdx_diags *diags_of(assess *a)
{
	if (!a->diags) {
		a->diags = pdx_diags_new();
		if (a->diags)
			a->pub.diags = a->diags;
	}
	return a->diags;
}

/* ---- sources ---- */

int pdx_answers_begin(pdx_answers *s, const char *file, const char *sheet, const char *encoding,
                      int default_year)
{
	if (!s)
		return PDX_EARG;
	if (s->open && s->implicit) {
		/* the answers a program added without a source of its own end there */
		pdx_diags *quiet = pdx_diags_new();
		int rc = quiet ? pdx_answers_commit(s, quiet) : PDX_ENOMEM;
		pdx_diags_free(quiet);
		if (rc)
			return rc;
	}
	if (s->open)
		return PDX_EARG;
	if (s->n_sources >= UINT32_MAX - 1)
		return PDX_ENOMEM;
	if (s->n_sources == s->cap_sources) {
		size_t cap = s->cap_sources ? s->cap_sources * 2 : 8;
		source_priv *p = pdx_reallocarray(s->sources, cap, sizeof(*p));
		if (!p)
			return PDX_ENOMEM;
		s->sources = p;
		s->cap_sources = cap;
	}
	source_priv *src = &s->sources[s->n_sources];
	memset(src, 0, sizeof(*src));
	src->pub.file = pdx_arena_strdup(s->arena, file ? file : "<answers>");
	src->pub.sheet = sheet ? pdx_arena_strdup(s->arena, sheet) : NULL;
	src->pub.encoding = encoding ? pdx_arena_strdup(s->arena, encoding) : NULL;
	if (!src->pub.file || (sheet && !src->pub.sheet) || (encoding && !src->pub.encoding))
		return PDX_ENOMEM;
	s->open = true;
	s->epoch++;
	s->default_year = default_year;
	s->mark_items = s->n_items;
	s->mark_slots = s->n_slots;
	s->mark_agencies = s->n_agencies;
	s->mark_spellings = s->n_spellings;
	s->n_snaps = 0;
	s->last_raw = 0;
	s->last_agency = NIL;
	s->last_assess = NULL;
	return 0;
}

static source_priv *cur(pdx_answers *s)
{
	return &s->sources[s->n_sources];
}

void pdx_internal_source_encoding(pdx_answers *s, const char *encoding)
{
	if (s && s->open)
		cur(s)->pub.encoding = encoding; /* a static name */
}

static const char **meta_field(assess *a, int m)
{
	const char **f[META_COUNT] = {&a->pub.agency_name, &a->pub.province, &a->pub.owner,
	                              &a->pub.block, &a->pub.media};
	return f[m];
}

/* Saves what the open source is about to change in an assessment it did not create. */
static int touch(pdx_answers *s, assess *a)
{
	if (a->touched == s->epoch)
		return 0;
	/* an assessment made by this source has its epoch already: this one is older */
	if (s->n_snaps == s->cap_snaps) {
		size_t cap = s->cap_snaps ? s->cap_snaps * 2 : 16;
		snap *p = pdx_reallocarray(s->snaps, cap, sizeof(*p));
		if (!p)
			return PDX_ENOMEM;
		s->snaps = p;
		s->cap_snaps = cap;
	}
	snap *sn = &s->snaps[s->n_snaps++];
	sn->a = a;
	sn->last = a->last;
	sn->count = a->pub.n_answers;
	sn->n_diags = pdx_diags_count(a->pub.diags);
	memcpy(sn->meta, a->meta, sizeof sn->meta);
	memcpy(sn->meta_src, a->meta_src, sizeof sn->meta_src);
	memcpy(sn->meta_line, a->meta_line, sizeof sn->meta_line);
	sn->conflicts = a->conflicts;
	sn->touched = a->touched;
	a->touched = s->epoch;
	return 0;
}

static int add_item(pdx_answers *s, assess *a)
{
	if (s->n_items >= PDX_MAX_ASSESSMENTS)
		return PDX_EINVALID;
	if (s->n_items == s->cap_items) {
		size_t cap = s->cap_items ? s->cap_items * 2 : 16;
		assess **p = pdx_reallocarray(s->items, cap, sizeof(*p));
		if (!p)
			return PDX_ENOMEM;
		s->items = p;
		s->cap_items = cap;
	}
	a->index = (uint32_t)s->n_items;
	s->items[s->n_items++] = a;
	if ((s->n_items + 1) * 2 > s->n_assess_slots) {
		if (!assess_rehash(s))
			return 0; /* the new table has it */
		s->n_items--;     /* not added after all: the set is as it was */
		return PDX_ENOMEM;
	}
	uint32_t h = assess_hash(a) & (s->n_assess_slots - 1);
	/* a shadow takes the slot of what it replaces */
	for (uint32_t k; (k = s->assess_slots[h]); h = (h + 1) & (s->n_assess_slots - 1)) {
		const assess *o = s->items[k - 1];
		if (o->agency == a->agency && o->pub.year == a->pub.year)
			break;
	}
	s->assess_slots[h] = (uint32_t)s->n_items;
	return 0;
}

static int new_assess(assess **out, pdx_answers *s, uint32_t agency, int year, long line)
{
	assess *a = *out = pdx_calloc(1, sizeof(*a));
	if (!a)
		return PDX_ENOMEM;
	a->set = s;
	a->agency = agency;
	a->first = a->last = NIL;
	a->touched = s->epoch;
	a->pub.agency_id = str_of(&s->strings, s->agencies[agency].spelling);
	a->pub.year = year;
	a->pub.file = cur(s)->pub.file;
	a->pub.sheet = cur(s)->pub.sheet;
	a->pub.line = line;
	a->pub.diags = pdx_diags_empty();
	int rc = add_item(s, a);
	if (rc) {
		assess_free(a);
		*out = NULL;
	}
	return rc;
}

/* The assessment of (agency, year) for the open source: found, made, or — with
 * --supersede, when an earlier source made it — a new one that will replace it. */
static int get_assess(assess **out, pdx_answers *s, uint32_t agency, int year, long line)
{
	assess *a = s->last_assess;
	if (a && a->agency == agency && a->pub.year == year) {
		*out = a; /* the previous row's: touched (or made, or shadowed) already */
		return 0;
	}
	a = find_assess(s, agency, year);
	int rc;
	if (a && s->opts.supersede && a->touched != s->epoch) {
		assess *old = a;
		if (!(rc = new_assess(&a, s, agency, year, line)))
			a->replaces = old;
	} else if (a) {
		rc = touch(s, a);
	} else {
		rc = new_assess(&a, s, agency, year, line);
	}
	*out = s->last_assess = rc ? NULL : a;
	return rc;
}

/* ---- agencies ---- */

static int add_spelling(pdx_answers *s, uint32_t raw, uint32_t agency)
{
	if (s->n_spellings == s->cap_spellings) {
		if (s->cap_spellings >= UINT32_MAX / 4)
			return PDX_ENOMEM;
		uint32_t cap = s->cap_spellings ? s->cap_spellings * 2 : 64;
		spelling *p = pdx_reallocarray(s->spellings, cap, sizeof(*p));
		if (!p)
			return PDX_ENOMEM;
		s->spellings = p;
		s->cap_spellings = cap;
	}
	s->spellings[s->n_spellings++] = (spelling){raw, agency};
	if ((s->n_spellings + 1) * 2 > s->n_spelling_slots) {
		if (!spelling_rehash(s))
			return 0;
		s->n_spellings--;
		return PDX_ENOMEM;
	}
	uint32_t h = mix(raw, 1) & (s->n_spelling_slots - 1);
	while (s->spelling_slots[h])
		h = (h + 1) & (s->n_spelling_slots - 1);
	s->spelling_slots[h] = s->n_spellings;
	return 0;
}

/* The agency a key names, added when new. */
static int agency_of_key(pdx_answers *s, uint32_t key, uint32_t raw, uint32_t *out)
{
	if (s->n_agency_slots) {
		uint32_t h = mix(key, 0) & (s->n_agency_slots - 1);
		for (uint32_t k; (k = s->agency_slots[h]); h = (h + 1) & (s->n_agency_slots - 1))
			if (s->agencies[k - 1].key == key) {
				*out = k - 1;
				return 0;
			}
	}
	if (s->n_agencies == s->cap_agencies) {
		if (s->cap_agencies >= UINT32_MAX / 4)
			return PDX_ENOMEM;
		uint32_t cap = s->cap_agencies ? s->cap_agencies * 2 : 64;
		agency_rec *p = pdx_reallocarray(s->agencies, cap, sizeof(*p));
		if (!p)
			return PDX_ENOMEM;
		s->agencies = p;
		s->cap_agencies = cap;
	}
	agency_rec *g = &s->agencies[s->n_agencies++];
	memset(g, 0, sizeof(*g));
	g->key = key;
	g->spelling = raw;
	if ((s->n_agencies + 1) * 2 > s->n_agency_slots) {
		if (agency_rehash(s)) {
			s->n_agencies--;
			return PDX_ENOMEM;
		}
	} else {
		uint32_t h = mix(key, 0) & (s->n_agency_slots - 1);
		while (s->agency_slots[h])
			h = (h + 1) & (s->n_agency_slots - 1);
		s->agency_slots[h] = s->n_agencies;
	}
	*out = s->n_agencies - 1;
	return 0;
}

/* NFKC + case folding (pdx_utf8_key): "C1", "c1" and "Ｃ1" are one agency. The key is
 * computed once per spelling: later rows find the spelling by its interned id. */
static int find_agency(pdx_answers *s, uint32_t raw, uint32_t *out)
{
	if (raw == s->last_raw && s->last_agency != NIL) {
		*out = s->last_agency;
		return 0;
	}
	if (s->n_spelling_slots) {
		uint32_t h = mix(raw, 1) & (s->n_spelling_slots - 1);
		for (uint32_t k; (k = s->spelling_slots[h]);
		     h = (h + 1) & (s->n_spelling_slots - 1))
			if (s->spellings[k - 1].raw == raw) {
				*out = s->last_agency = s->spellings[k - 1].agency;
				s->last_raw = raw;
				return 0;
			}
	}
	char *k = pdx_utf8_key(str_of(&s->strings, raw), 0);
	if (!k)
		return PDX_ENOMEM; /* the id is valid UTF-8: the reader checked it */
	uint32_t key;
	int rc = intern_s(&s->strings, k, &key);
	pdx_free(k);
	uint32_t before = s->n_agencies;
	if (!rc)
		rc = agency_of_key(s, key, raw, out);
	if (!rc && (rc = add_spelling(s, raw, *out)) && s->n_agencies != before) {
		s->n_agencies = before; /* a new agency that no spelling names is taken back */
		if (agency_rehash(s))
			rc = PDX_ENOMEM;
	}
	if (rc)
		return rc;
	s->last_raw = raw;
	s->last_agency = *out;
	return 0;
}

/* "C1" read where "c1" came first: one agency, said once per spelling. */
static int check_spelling(pdx_answers *s, assess *a, uint32_t raw, const pdx_row *row)
{
	agency_rec *g = &s->agencies[a->agency];
	if (raw == g->spelling)
		return 0;
	int slot = -1;
	for (int i = 0; i < MAX_SPELLINGS && slot < 0; i++) {
		if (g->warned[i] == raw)
			return 0;
		if (!g->warned[i])
			slot = i;
	}
	if (slot < 0)
		return 0; /* enough said about this agency's spellings */
	g->warned[slot] = raw;
	char *now = pdx_excerpt(str_of(&s->strings, raw));
	char *first = pdx_excerpt(a->pub.agency_id);
	int rc = now && first
	             ? add_diag(diags_of(a), PDX_W_AGENCY_SPELLING, PDX_SEV_WARNING, &cur(s)->pub,
	                        row->line, row->column[PDX_FIELD_AGENCY], NULL, a->pub.agency_id,
	                        pdx_aprintf("mã cơ quan \"%s\" được coi là \"%s\" (chỉ khác chữ "
	                                    "hoa/thường hoặc dạng ký tự)",
	                                    now, first),
	                        pdx_aprintf("agency id \"%s\" is taken as \"%s\" (they differ "
	                                    "only in case or character form)",
	                                    now, first))
	             : PDX_ENOMEM;
	pdx_free(now);
	pdx_free(first);
	return rc;
}

/* ---- rows ---- */

static const char *cell(const pdx_row *row, pdx_field f)
{
	const char *c = row->cell[f];
	return c && *c ? c : NULL;
}

/* A year is a number from 1900 to 2999 written with its four digits; anything else
 * ("20024", "2025.0", "1000") is refused, so that a typo never becomes a separate
 * assessment silently. Returns 0, or 1 (not a number) / 2 (out of range). */
static int parse_year(const char *s, int *year)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 1;
	if (n != 4)
		return n > 0 && n < 10 ? 2 : 1;
	/* four digits, checked above: no strtol on every row */
	*year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	return *year >= 1900 && *year <= 2999 ? 0 : 2;
}

static uint32_t line32(long line)
{
	return line > 0 && line <= (long)UINT32_MAX ? (uint32_t)line : 0;
}

/* Identity cells of an assessment must agree between its rows; a clash is reported
 * once per field, not once per row. Interned: equal text is an equal id. */
static int check_meta(pdx_answers *s, assess *a, const pdx_row *row, const uint32_t *ids,
                      pdx_field f)
{
	uint32_t v = ids[f];
	int m = (int)f - META_FIRST;
	if (!v || v == a->meta[m])
		return 0;
	if (!a->meta[m]) {
		a->meta[m] = v;
		*meta_field(a, m) = str_of(&s->strings, v);
		a->meta_src[m] = (uint32_t)s->n_sources;
		a->meta_line[m] = line32(row->line);
		return 0;
	}
	if (f == PDX_FIELD_MEDIA || (a->conflicts & (1u << f)))
		return 0;
	a->conflicts |= 1u << f;
	char *now = pdx_excerpt(str_of(&s->strings, v)), *was = pdx_excerpt(*meta_field(a, m));
	const char *where = s->sources[a->meta_src[m]].pub.file;
	long at = (long)a->meta_line[m];
	int rc =
	    now && was
	        ? add_diag(diags_of(a), PDX_E_IDENTITY_CONFLICT, PDX_SEV_ERROR, &cur(s)->pub,
	                   row->line, row->column[f], NULL, a->pub.agency_id,
	                   pdx_aprintf("%s \"%s\" khác với \"%s\" ở dòng %ld của %s; mọi dòng "
	                               "của một cơ quan trong cùng năm phải giống nhau; giữ "
	                               "\"%s\"",
	                               field_names[f], now, was, at, where, was),
	                   pdx_aprintf("%s \"%s\" differs from \"%s\" on line %ld of %s; all "
	                               "rows of one agency and year must agree; \"%s\" is kept",
	                               field_names[f], now, was, at, where, was))
	        : PDX_ENOMEM;
	pdx_free(now);
	pdx_free(was);
	return rc;
}

/* Past SMALL_CHUNKS chunks (about 120,000 rows) a set is a large batch: its chunks come
 * SLAB_CHUNKS at a time from one allocation aligned to 2 MiB and marked for huge pages
 * where the system has them, so the kernel maps the rows' memory 2 MiB at a time
 * instead of faulting in every 4 KiB page (measured: a tenth of the time of scoring
 * 50,000 assessments went to those faults). */
static int add_chunks(pdx_answers *s)
{
	uint32_t n = s->n_chunks < SMALL_CHUNKS ? 1 : SLAB_CHUNKS;
	if (s->n_chunks > UINT32_MAX / 2)
		return PDX_ENOMEM;
	page_slot **p = pdx_reallocarray(s->chunks, (size_t)s->n_chunks + n, sizeof(*p));
	if (!p)
		return PDX_ENOMEM;
	s->chunks = p;
	if (n == 1) {
		p[s->n_chunks] = pdx_malloc(CHUNK * sizeof(page_slot));
		if (!p[s->n_chunks])
			return PDX_ENOMEM;
		s->n_chunks++;
		return 0;
	}
	void **slabs = pdx_reallocarray(s->slabs, (size_t)s->n_slabs + 1, sizeof(*slabs));
	if (!slabs)
		return PDX_ENOMEM;
	s->slabs = slabs;
	size_t bytes = (size_t)SLAB_CHUNKS * CHUNK * sizeof(page_slot);
	char *raw = pdx_malloc(bytes + HUGE_PAGE);
	if (!raw)
		return PDX_ENOMEM;
	slabs[s->n_slabs++] = raw;
	char *at = raw + (HUGE_PAGE - (uintptr_t)raw % HUGE_PAGE) % HUGE_PAGE;
#ifdef MADV_HUGEPAGE
	(void)madvise(at, bytes, MADV_HUGEPAGE); /* a hint: refused, nothing is lost */
#endif
	for (uint32_t k = 0; k < n; k++)
		p[s->n_chunks++] =
		    (page_slot *)(void *)(at + (size_t)k * CHUNK * sizeof(page_slot));
	return 0;
}

/* A new page for `a` at the end of the pages. */
static int new_page(pdx_answers *s, assess *a, uint32_t src, uint16_t ca, uint16_t cc)
{
	if (s->n_slots > PDX_MAX_ANSWER_SLOTS - PAGE)
		return PDX_EINVALID; /* rows are counted in 32 bits */
	if ((s->n_slots >> CHUNK_BITS) == s->n_chunks) {
		int rc = add_chunks(s);
		if (rc)
			return rc;
	}
	uint32_t page = s->n_slots;
	s->n_slots += PAGE;
	*head_at(s, page) = (page_head){NIL, src, 0, ca, cc, 0};
	if (a->last != NIL)
		head_at(s, a->last)->next = page;
	else
		a->first = page;
	a->last = page;
	return 0;
}

static int append_rec(pdx_answers *s, assess *a, const pdx_row *row, const uint32_t *ids)
{
	long ca = row->column[PDX_FIELD_ANSWER], cc = row->column[PDX_FIELD_CRITERION];
	uint16_t col_a = ca > 0 && ca <= UINT16_MAX ? (uint16_t)ca : 0;
	uint16_t col_c = cc > 0 && cc <= UINT16_MAX ? (uint16_t)cc : 0;
	uint32_t src = (uint32_t)s->n_sources;
	page_head *h = a->last != NIL ? head_at(s, a->last) : NULL;
	if (!h || h->count == PAGE - 1 || h->src != src || h->col_answer != col_a ||
	    h->col_criterion != col_c) {
		if (new_page(s, a, src, col_a, col_c))
			return PDX_ENOMEM;
		h = head_at(s, a->last);
	}
	rec *r = &slot_at(s, a->last + 1 + h->count)->r;
	r->criterion = ids[PDX_FIELD_CRITERION];
	r->value = ids[PDX_FIELD_ANSWER];
	r->evidence = ids[PDX_FIELD_EVIDENCE];
	r->line = line32(row->line);
	h->count++;
	a->pub.n_answers++;
	cur(s)->pub.rows++;
	return 0;
}

/* The year of a row whose year cell is empty: the nearest earlier row of its agency in
 * this source, else the default year, else unknown. */
static int row_year(pdx_answers *s, agency_rec *g, const pdx_row *row, int *year)
{
	const char *ys = cell(row, PDX_FIELD_YEAR);
	if (ys)
		return parse_year(ys, year);
	if (g->last_epoch == s->epoch) {
		*year = g->last_year;
		return 0;
	}
	*year = s->default_year;
	/* the agency's first row here has no year: remember it, in case a later one has */
	g->blank_epoch = s->epoch;
	g->blank_line = row->line;
	g->blank_year = *year;
	g->late_warned = false;
	return 0;
}

/* An agency whose rows start without a year and whose later row gives one: its first
 * rows went to another assessment than the user probably meant. */
static int check_late_year(pdx_answers *s, agency_rec *g, const pdx_row *row, int year)
{
	if (g->blank_epoch != s->epoch || g->late_warned || year == g->blank_year ||
	    !cell(row, PDX_FIELD_YEAR))
		return 0;
	g->late_warned = true;
	assess *a = find_assess(s, (uint32_t)(g - s->agencies), g->blank_year);
	if (!a)
		return 0;
	char was_vi[64], was_en[64];
	if (g->blank_year) {
		snprintf(was_vi, sizeof was_vi, "năm %d (năm mặc định --year)", g->blank_year);
		snprintf(was_en, sizeof was_en, "year %d (the default --year)", g->blank_year);
	} else {
		snprintf(was_vi, sizeof was_vi, "năm không rõ");
		snprintf(was_en, sizeof was_en, "an unknown year");
	}
	return add_diag(diags_of(a), PDX_W_YEAR_LATE, PDX_SEV_WARNING, &cur(s)->pub, g->blank_line,
	                row->column[PDX_FIELD_YEAR] > 0 ? row->column[PDX_FIELD_YEAR] : 0, NULL,
	                a->pub.agency_id,
	                pdx_aprintf("các dòng của cơ quan từ dòng %ld không ghi năm nên được tính "
	                            "là %s, nhưng dòng %ld ghi năm %d; nếu là cùng một phiếu, hãy "
	                            "ghi năm ở dòng đầu tiên",
	                            g->blank_line, was_vi, row->line, year),
	                pdx_aprintf("the agency's rows from line %ld have no year and were read as "
	                            "%s, but line %ld gives %d; if they are one questionnaire, "
	                            "write the year on its first row",
	                            g->blank_line, was_en, row->line, year));
}

/* A row the year of which cannot be read joins no assessment, but its agency is known:
 * the error goes with the agency's other rows when there are any. */
static int year_error(pdx_answers *s, uint32_t agency, const pdx_row *row, int why,
                      pdx_diags *diags)
{
	pdx_diags *to = diags;
	const char *agency_id = NULL;
	for (size_t i = 0; i < s->n_items; i++)
		/* only an assessment this source has touched: one of an earlier source is
		 * not rolled back with this one, so the error stays with the file (which
		 * is) and names the agency */
		if (s->items[i]->agency == agency && s->items[i]->touched == s->epoch) {
			to = diags_of(s->items[i]);
			if (!to)
				return PDX_ENOMEM;
			agency_id = s->items[i]->pub.agency_id;
			break;
		}
	if (!agency_id)
		agency_id = str_of(&s->strings, s->agencies[agency].spelling);
	char *y = pdx_excerpt(cell(row, PDX_FIELD_YEAR));
	if (!y)
		return PDX_ENOMEM;
	int rc =
	    why == 2
	        ? add_diag(to, PDX_E_YEAR, PDX_SEV_ERROR, &cur(s)->pub, row->line,
	                   row->column[PDX_FIELD_YEAR], NULL, agency_id,
	                   pdx_aprintf("năm \"%s\" nằm ngoài khoảng 1900–2999; dòng bị bỏ qua", y),
	                   pdx_aprintf("year \"%s\" is outside 1900–2999; row skipped", y))
	        : add_diag(to, PDX_E_YEAR, PDX_SEV_ERROR, &cur(s)->pub, row->line,
	                   row->column[PDX_FIELD_YEAR], NULL, agency_id,
	                   pdx_aprintf("năm \"%s\" không hợp lệ, cần 4 chữ số (ví dụ 2025); "
	                               "dòng bị bỏ qua",
	                               y),
	                   pdx_aprintf("invalid year \"%s\", expected four digits (e.g. "
	                               "2025); row skipped",
	                               y));
	pdx_free(y);
	return rc;
}

int pdx_internal_intern(pdx_answers *s, const char *text, size_t len, uint32_t hint, uint32_t *id)
{
	/* most cells repeat the cell above them (an agency's name on each of its 42
	 * rows): one comparison instead of a hash and a probe */
	if (pdx_internal_is(s, hint, text, len)) {
		*id = hint;
		return 0;
	}
	return intern_n(&s->strings, text, len, id);
}

bool pdx_internal_is(const pdx_answers *s, uint32_t id, const char *text, size_t len)
{
	const intern *t = &s->strings;
	return id && id < t->n && t->len[id] == len && memcmp(t->str[id], text, len) == 0;
}

const char *pdx_internal_string(const pdx_answers *s, uint32_t id)
{
	return str_of(&s->strings, id);
}

int pdx_internal_add_row(pdx_answers *s, const pdx_row *row, const uint32_t *ids, pdx_diags *diags)
{
	const char *id = cell(row, PDX_FIELD_AGENCY);
	const char *crit = cell(row, PDX_FIELD_CRITERION), *answer = cell(row, PDX_FIELD_ANSWER);
	if (!id) {
		if (row->problem) {
			pdx_diag d = *row->problem;
			return pdx_diags_add(diags, &d);
		}
		bool any = false;
		for (int f = 0; f < PDX_FIELD_COUNT; f++)
			any |= cell(row, (pdx_field)f) != NULL;
		if (!any)
			return 0;
		return add_diag(
		    diags, PDX_E_NO_AGENCY, PDX_SEV_ERROR, &cur(s)->pub, row->line,
		    row->column[PDX_FIELD_AGENCY], NULL, NULL,
		    pdx_aprintf("dòng không có agency_id (mã cơ quan); dòng bị bỏ qua%s", ""),
		    pdx_aprintf("row without an agency_id; row skipped%s", ""));
	}
	if (!crit && !answer && !row->problem) {
		/* "Người lập biểu", "Tổng biên tập (ký, đóng dấu)": not an agency */
		source_priv *src = cur(s);
		if (!src->sig_rows++) {
			src->sig_line = row->line;
			src->sig_text = pdx_arena_strdup(s->arena, id);
			if (!src->sig_text)
				return PDX_ENOMEM;
		}
		return 0;
	}
	uint32_t raw = ids[PDX_FIELD_AGENCY], ag;
	int rc = find_agency(s, raw, &ag);
	if (rc)
		return rc;
	agency_rec *g = &s->agencies[ag];
	int year = 0;
	int why = row_year(s, g, row, &year);
	if (why) {
		if (row->problem)
			year = g->last_epoch == s->epoch ? g->last_year : s->default_year;
		else
			return year_error(s, ag, row, why, diags);
	}
	rc = check_late_year(s, g, row, year);
	if (rc)
		return rc;
	g->last_epoch = s->epoch;
	g->last_year = year;
	assess *a;
	if ((rc = get_assess(&a, s, ag, year, row->line)))
		return rc;
	if ((rc = check_spelling(s, a, raw, row)))
		return rc;
	if (row->problem) {
		pdx_diag d = *row->problem;
		d.agency_id = a->pub.agency_id;
		pdx_diags *to = diags_of(a);
		return to ? pdx_diags_add(to, &d) : PDX_ENOMEM;
	}
	for (pdx_field f = PDX_FIELD_NAME; f <= PDX_FIELD_MEDIA; f++)
		if ((rc = check_meta(s, a, row, ids, f)))
			return rc;
	if (!crit)
		return add_diag(diags_of(a), PDX_E_NO_CRITERION, PDX_SEV_ERROR, &cur(s)->pub,
		                row->line, row->column[PDX_FIELD_CRITERION], NULL, a->pub.agency_id,
		                pdx_aprintf("dòng không có mã tiêu chí (cột criterion)%s", ""),
		                pdx_aprintf("row without a criterion id%s", ""));
	return append_rec(s, a, row, ids);
}

int pdx_answers_add_row(pdx_answers *s, const pdx_row *row, pdx_diags *diags)
{
	if (!s || !row)
		return PDX_EARG;
	if (!s->open)
		return PDX_EARG;
	/* the cells a row keeps are interned; the others only need to be looked at */
	static const pdx_field kept[] = {PDX_FIELD_AGENCY,    PDX_FIELD_NAME,   PDX_FIELD_PROVINCE,
	                                 PDX_FIELD_OWNER,     PDX_FIELD_BLOCK,  PDX_FIELD_MEDIA,
	                                 PDX_FIELD_CRITERION, PDX_FIELD_ANSWER, PDX_FIELD_EVIDENCE};
	uint32_t ids[PDX_FIELD_COUNT] = {0};
	for (size_t k = 0; k < sizeof kept / sizeof *kept; k++)
		if (intern_s(&s->strings, cell(row, kept[k]), &ids[kept[k]]))
			return PDX_ENOMEM;
	return pdx_internal_add_row(s, row, ids, diags);
}

/* A cell of pdx_answers_add, made what a reader hands over (NFC, trimmed); `*out` is
 * NULL for NULL. PDX_EARG when it is not UTF-8. */
static int api_cell(const char *in, char **out)
{
	*out = NULL;
	if (!in)
		return 0;
	size_t len = strlen(in);
	if (pdx_utf8_invalid(in, len) >= 0)
		return PDX_EARG;
	*out = pdx_utf8_clean(in, len);
	return *out ? 0 : PDX_ENOMEM;
}

int pdx_answers_add(pdx_answers *s, const char *agency_id, int year, const char *criterion,
                    const char *answer, const char *evidence, pdx_diags *diags)
{
	if (!s || !agency_id || !criterion || year < 0 || year > 9999)
		return PDX_EARG;
	if (!s->open) {
		int rc = pdx_answers_begin(s, "<api>", NULL, "utf-8", 0);
		if (rc)
			return rc;
		s->implicit = true;
	}
	const char *in[] = {agency_id, criterion, answer, evidence};
	const pdx_field at[] = {PDX_FIELD_AGENCY, PDX_FIELD_CRITERION, PDX_FIELD_ANSWER,
	                        PDX_FIELD_EVIDENCE};
	char *clean[4] = {NULL, NULL, NULL, NULL};
	pdx_row row;
	memset(&row, 0, sizeof row);
	int rc = 0;
	for (size_t k = 0; k < 4 && !rc; k++) {
		rc = api_cell(in[k], &clean[k]);
		row.cell[at[k]] = clean[k];
		row.column[at[k]] = (long)k + 1;
	}
	char y[8];
	if (year) {
		snprintf(y, sizeof y, "%d", year);
		row.cell[PDX_FIELD_YEAR] = y;
	}
	if (!rc) {
		row.line = ++cur(s)->api_rows;
		rc = pdx_answers_add_row(s, &row, diags);
	}
	for (size_t k = 0; k < 4; k++)
		pdx_free(clean[k]);
	return rc;
}

/* ---- ending a source ---- */

static void drop_items_from(pdx_answers *s, size_t from)
{
	for (size_t i = from; i < s->n_items; i++)
		assess_free(s->items[i]);
	s->n_items = from;
}

void pdx_answers_rollback(pdx_answers *s)
{
	if (!s || !s->open)
		return;
	drop_items_from(s, s->mark_items);
	for (size_t k = 0; k < s->n_snaps; k++) {
		snap *sn = &s->snaps[k];
		assess *a = sn->a;
		/* the source's rows are all in pages of its own, after the mark */
		a->last = sn->last;
		if (a->last != NIL)
			head_at(s, a->last)->next = NIL;
		else
			a->first = NIL;
		a->pub.n_answers = sn->count;
		pdx_diags_truncate(a->diags, sn->n_diags);
		memcpy(a->meta, sn->meta, sizeof a->meta);
		for (int m = 0; m < META_COUNT; m++)
			*meta_field(a, m) = str_of(&s->strings, a->meta[m]);
		memcpy(a->meta_src, sn->meta_src, sizeof a->meta_src);
		memcpy(a->meta_line, sn->meta_line, sizeof a->meta_line);
		a->conflicts = sn->conflicts;
		a->touched = sn->touched;
	}
	s->n_slots = s->mark_slots;
	bool agencies_added = s->n_agencies != s->mark_agencies;
	bool spellings_added = s->n_spellings != s->mark_spellings;
	s->n_agencies = s->mark_agencies;
	s->n_spellings = s->mark_spellings;
	/* the hashes may point at what was dropped: rebuilt in place (there are fewer
	 * entries than before, so no allocation and no failure) */
	if (agencies_added)
		(void)agency_rehash(s);
	if (spellings_added)
		(void)spelling_rehash(s);
	(void)assess_rehash(s);
	s->last_agency = NIL;
	s->last_assess = NULL;
	s->open = false;
	s->implicit = false;
	s->n_snaps = 0;
}

int pdx_answers_commit(pdx_answers *s, pdx_diags *diags)
{
	if (!s || !s->open)
		return PDX_EARG;
	source_priv *src = cur(s);
	int rc = 0;
	if (src->sig_rows) {
		char *shown = pdx_excerpt(src->sig_text);
		rc = shown
		         ? add_diag(
		               diags, PDX_W_SIGNATURE_ROWS, PDX_SEV_WARNING, &src->pub,
		               src->sig_line, 0, NULL, NULL,
		               pdx_aprintf("bỏ qua %zu dòng có mã cơ quan nhưng không có tiêu chí "
		                           "và câu trả lời (như dòng ký tên dưới phiếu), ví dụ "
		                           "\"%s\"",
		                           src->sig_rows, shown),
		               pdx_aprintf("%zu row%s with an agency cell but no criterion and no "
		                           "answer (like the signature lines under a form) "
		                           "skipped, e.g. \"%s\"",
		                           src->sig_rows, src->sig_rows == 1 ? "" : "s", shown))
		         : PDX_ENOMEM;
		pdx_free(shown);
	}
	/* --supersede: each assessment of this source takes the place of the one it
	 * replaces, whole */
	for (size_t i = s->mark_items; !rc && i < s->n_items; i++) {
		assess *a = s->items[i];
		if (!a->replaces)
			continue;
		char year_vi[32] = "năm không rõ", year_en[32] = "an unknown year";
		if (a->pub.year) {
			snprintf(year_vi, sizeof year_vi, "năm %d", a->pub.year);
			snprintf(year_en, sizeof year_en, "%d", a->pub.year);
		}
		rc = add_diag(
		    diags, PDX_W_SUPERSEDED, PDX_SEV_WARNING, &src->pub, a->pub.line, 0, NULL,
		    a->pub.agency_id,
		    pdx_aprintf("các câu trả lời %s ở tệp này thay thế toàn bộ câu trả lời "
		                "ở %s (--supersede)",
		                year_vi, a->replaces->pub.file),
		    pdx_aprintf("the answers for %s in this file replace all the answers "
		                "in %s (--supersede)",
		                year_en, a->replaces->pub.file));
	}
	if (rc) {
		pdx_answers_rollback(s);
		return rc;
	}
	size_t w = s->mark_items;
	bool moved = false;
	for (size_t i = s->mark_items; i < s->n_items; i++) {
		assess *a = s->items[i];
		if (!a->replaces) {
			a->index = (uint32_t)w;
			s->items[w++] = a;
			continue;
		}
		a->index = a->replaces->index;
		s->items[a->index] = a;
		assess_free(a->replaces);
		a->replaces = NULL;
		moved = true;
	}
	s->n_items = w;
	if (moved)
		(void)assess_rehash(s); /* fewer items than slots were made for: in place */
	s->open = false;
	s->implicit = false;
	s->n_snaps = 0;
	s->n_sources++;
	s->last_assess = NULL;
	return 0;
}
