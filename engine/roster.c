/* SPDX-License-Identifier: MIT */
/* Rosters (pressdx/roster.h): who is expected to submit, and who has not. */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "pressdx/roster.h"

struct pdx_roster {
	pdx_arena *arena;
	pdx_roster_entry *entries;
	char **keys;      /* each id's agency key (pdx_utf8_key), in the arena */
	const char *path; /* the roster's file or name, for diagnostics */
	size_t n, cap;
};

size_t pdx_roster_count(const pdx_roster *ro)
{
	return ro ? ro->n : 0;
}

const pdx_roster_entry *pdx_roster_entry_at(const pdx_roster *ro, size_t i)
{
	return ro && i < ro->n ? &ro->entries[i] : NULL;
}

void pdx_roster_free(pdx_roster *ro)
{
	if (!ro)
		return;
	pdx_free(ro->entries);
	pdx_free(ro->keys);
	pdx_arena_free(ro->arena);
	pdx_free(ro);
}

/* The rows as libcsv hands them over. */
enum { COL_ID, COL_NAME, COL_PROVINCE, COL_BLOCK, N_COLS };

typedef struct reader {
	pdx_roster *ro;
	const char *file;
	pdx_diags *diags;
	long line;             /* of the row being read */
	size_t field;          /* its cell being read */
	size_t col_of[N_COLS]; /* header position of each column, SIZE_MAX: none */
	bool header_seen;
	const char *cells[N_COLS]; /* this row's, arena copies */
	long cols[N_COLS];         /* 1-based column of each cell */
	bool filled;               /* a cell of this row, of any column, is not empty */
	int errors, oom;
} reader;

static void rerr(reader *R, long col, const char *vi, const char *en)
{
	if (pdx_diag_addc(R->diags, PDX_E_ROSTER, PDX_SEV_ERROR, R->file, R->line, col, NULL, NULL,
	                  vi, en))
		R->oom = 1;
	R->errors++;
}

static void on_cell(void *s, size_t len, void *ctx)
{
	reader *R = ctx;
	const char *text = s ? (const char *)s : "";
	char *t = pdx_arena_alloc(R->ro->arena, len + 1);
	if (!t) {
		R->oom = 1;
		return;
	}
	memcpy(t, text, len);
	t[len] = '\0';
	/* trimmed: a cell typed with a space around the id is the same id */
	char *b = t, *e = t + len;
	while (*b == ' ' || *b == '\t')
		b++;
	while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	if (!R->header_seen) {
		static const char *const names[N_COLS] = {"agency_id", "agency_name", "province",
		                                          "block"};
		for (int c = 0; c < N_COLS; c++)
			if (strcmp(b, names[c]) == 0 && R->col_of[c] == SIZE_MAX)
				R->col_of[c] = R->field;
	} else {
		R->filled |= *b != '\0';
		for (int c = 0; c < N_COLS; c++)
			if (R->col_of[c] == R->field) {
				R->cells[c] = *b ? b : NULL;
				R->cols[c] = (long)R->field + 1;
			}
	}
	R->field++;
}

static void on_row(int term, void *ctx)
{
	(void)term;
	reader *R = ctx;
	pdx_roster *ro = R->ro;
	bool blank = !R->filled;
	if (!R->header_seen) {
		R->header_seen = true;
		if (R->col_of[COL_ID] == SIZE_MAX)
			rerr(R, 1, "dòng tiêu đề cần cột agency_id",
			     "the header row needs an agency_id column");
	} else if (!blank && !R->cells[COL_ID]) {
		rerr(R, (long)R->col_of[COL_ID] + 1, "thiếu mã cơ quan",
		     "the agency id is missing");
	} else if (!blank) {
		char *key = pdx_utf8_key(R->cells[COL_ID], 0);
		char *kept = key ? pdx_arena_strdup(ro->arena, key) : NULL;
		pdx_free(key);
		if (!kept) {
			R->oom = 1;
		} else {
			for (size_t i = 0; i < ro->n; i++)
				if (strcmp(ro->keys[i], kept) == 0) {
					char *vi =
					    pdx_aprintf("mã cơ quan \"%s\" đã có ở dòng %ld",
					                R->cells[COL_ID], ro->entries[i].line);
					char *en =
					    pdx_aprintf("agency id \"%s\" is already on line %ld",
					                R->cells[COL_ID], ro->entries[i].line);
					if (vi && en)
						rerr(R, R->cols[COL_ID], vi, en);
					else
						R->oom = 1;
					pdx_free(vi);
					pdx_free(en);
					kept = NULL;
					break;
				}
		}
		if (kept && ro->n == ro->cap) {
			size_t cap = ro->cap ? 2 * ro->cap : 64;
			pdx_roster_entry *e = pdx_reallocarray(ro->entries, cap, sizeof *e);
			if (e)
				ro->entries = e;
			char **k = e ? pdx_reallocarray(ro->keys, cap, sizeof *k) : NULL;
			if (k)
				ro->keys = k;
			if (!e || !k)
				R->oom = 1;
			else
				ro->cap = cap;
		}
		if (kept && !R->oom) {
			ro->entries[ro->n] = (pdx_roster_entry){
			    R->cells[COL_ID], R->cells[COL_NAME], R->cells[COL_PROVINCE],
			    R->cells[COL_BLOCK], R->line};
			ro->keys[ro->n++] = kept;
		}
	}
	memset(R->cells, 0, sizeof R->cells);
	R->field = 0;
	R->filled = false;
}

int pdx_roster_load_memory(pdx_roster **out, const char *data, size_t len, const char *name,
                           pdx_diags *diags)
{
	*out = NULL;
	if (!data)
		return PDX_EARG;
	pdx_roster *ro = pdx_calloc(1, sizeof *ro);
	if (!ro || !(ro->arena = pdx_arena_new())) {
		pdx_free(ro);
		return PDX_ENOMEM;
	}
	reader R = {.ro = ro, .file = name ? name : "<roster>", .diags = diags};
	if (!(ro->path = pdx_arena_strdup(ro->arena, R.file))) {
		pdx_roster_free(ro);
		return PDX_ENOMEM;
	}
	for (int c = 0; c < N_COLS; c++)
		R.col_of[c] = SIZE_MAX;
	if (pdx_utf8_invalid(data, len) >= 0) {
		R.line = 1;
		rerr(&R, 0, "danh sách không phải UTF-8; hãy lưu là CSV UTF-8",
		     "the roster is not UTF-8; save it as CSV UTF-8");
	}
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		data += 3, len -= 3;
	struct csv_parser p;
	if (!R.errors && csv_init(&p, CSV_APPEND_NULL) != 0)
		R.oom = 1;
	else if (!R.errors) {
		csv_set_delim(&p, (unsigned char)pdx_csv_guess_delimiter(data, len));
		/* line by line, so that each row knows the line it is on */
		R.line = 1;
		for (size_t i = 0; i < len && !R.oom;) {
			const char *nl = memchr(data + i, '\n', len - i);
			size_t j = nl ? (size_t)(nl - data) + 1 : len;
			if (csv_parse(&p, data + i, j - i, on_cell, on_row, &R) != j - i)
				rerr(&R, 0, "CSV không đọc được", "unreadable CSV");
			i = j;
			R.line++;
		}
		R.line--;
		csv_fini(&p, on_cell, on_row, &R);
		csv_free(&p);
		if (!R.header_seen && !R.errors) {
			R.line = 1;
			rerr(&R, 0, "danh sách trống", "the roster is empty");
		}
	}
	if (R.oom || R.errors) {
		pdx_roster_free(ro);
		return R.oom ? PDX_ENOMEM : PDX_EINVALID;
	}
	*out = ro;
	return 0;
}

int pdx_roster_load_file(pdx_roster **out, const char *path, pdx_diags *diags)
{
	*out = NULL;
	char *data;
	size_t len;
	int rc = pdx_read_all(&data, &len, path, (size_t)64 << 20);
	if (rc) {
		if (rc != PDX_ENOMEM &&
		    pdx_diag_addc(diags, PDX_E_FILE_READ, PDX_SEV_ERROR, path, 0, 0, NULL, NULL,
		                  "không đọc được danh sách cơ quan", "cannot read the roster"))
			return PDX_ENOMEM;
		return rc;
	}
	rc = pdx_roster_load_memory(out, data, len, path, diags);
	pdx_free(data);
	return rc;
}

static int by_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* One year: every roster agency that no assessment of that year is for. */
static int check_year(const pdx_roster *ro, char **keys, const int *years, size_t n, int year,
                      size_t *missing, pdx_diags *d)
{
	for (size_t i = 0; i < ro->n; i++) {
		bool found = false;
		for (size_t k = 0; !found && k < n; k++)
			found = years[k] == year && keys[k] && strcmp(keys[k], ro->keys[i]) == 0;
		if (found)
			continue;
		const pdx_roster_entry *e = &ro->entries[i];
		char *vi = pdx_aprintf("%s%s%s có trong danh sách nhưng chưa nộp phiếu năm %d",
		                       e->agency_id, e->agency_name ? " — " : "",
		                       e->agency_name ? e->agency_name : "", year);
		char *en = pdx_aprintf("%s is on the roster but has not submitted for %d",
		                       e->agency_id, year);
		int rc = vi && en ? pdx_diag_addc(d, PDX_W_NOT_SUBMITTED, PDX_SEV_WARNING, ro->path,
		                                  e->line, 0, NULL, e->agency_id, vi, en)
		                  : PDX_ENOMEM;
		pdx_free(vi);
		pdx_free(en);
		if (rc)
			return PDX_ENOMEM;
		if (missing)
			(*missing)++;
	}
	return 0;
}

int pdx_roster_check(const pdx_roster *ro, const char *const *agency_ids, const int *years,
                     size_t n, int year, size_t *missing, pdx_diags *d)
{
	if (missing)
		*missing = 0;
	if (!ro || (n && (!agency_ids || !years)))
		return PDX_EARG;
	char **keys = pdx_calloc(n + 1, sizeof *keys);
	int *ys = pdx_calloc(n + 1, sizeof *ys);
	int rc = keys && ys ? 0 : PDX_ENOMEM;
	for (size_t k = 0; !rc && k < n; k++)
		if (agency_ids[k] && !(keys[k] = pdx_utf8_key(agency_ids[k], 0)))
			rc = PDX_ENOMEM;
	if (!rc && year) {
		rc = check_year(ro, keys, years, n, year, missing, d);
	} else if (!rc) {
		/* every year present, in order */
		memcpy(ys, years, n * sizeof *ys);
		qsort(ys, n, sizeof *ys, by_int);
		for (size_t k = 0; !rc && k < n; k++)
			if (ys[k] && (k == 0 || ys[k] != ys[k - 1]))
				rc = check_year(ro, keys, years, n, ys[k], missing, d);
	}
	for (size_t k = 0; keys && k < n; k++)
		pdx_free(keys[k]);
	pdx_free(keys);
	pdx_free(ys);
	return rc;
}

int pdx_roster_check_results(const pdx_roster *ro, pdx_result *const *results, size_t n, int year,
                             size_t *missing, pdx_diags *d)
{
	const char **ids = pdx_calloc(n + 1, sizeof *ids);
	int *years = pdx_calloc(n + 1, sizeof *years);
	int rc = ids && years ? 0 : PDX_ENOMEM;
	for (size_t i = 0; !rc && i < n; i++) {
		ids[i] = results[i]->assessment->agency_id;
		years[i] = results[i]->assessment->year;
	}
	if (!rc)
		rc = pdx_roster_check(ro, ids, years, n, year, missing, d);
	pdx_free(ids);
	pdx_free(years);
	return rc;
}
