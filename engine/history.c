/* SPDX-License-Identifier: MIT */
/* The history store (pressdx/history.h) on SQLite.
 *
 * Why SQLite: a department keeps years of assessments on one desktop and the ministry
 * merges 34 provinces' files; a single-file database with transactions, crash safety
 * (WAL) and concurrent readers is what a well-kept library does better than code of
 * ours. The schema is STRICT, with foreign keys and integer points (hundredths), and
 * says its version in PRAGMA user_version so that a later pressdx can migrate it. */
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc.h"
#include "internal.h"
#include "pressdx/history.h"
#include "xml.h"

/* 'PDX1': marks the file as a pressdx history (PRAGMA application_id). */
#define APP_ID         0x50445831
#define SCHEMA_VERSION 2

struct pdx_history {
	sqlite3 *db;
	char *path;
};

/* Version 0 → 1: the whole schema. A later version appends its step; a database is
 * brought up one step at a time, each in the transaction that sets its version. */
static const char *const migrations[] = {
    "CREATE TABLE rubric ("
    "  id INTEGER PRIMARY KEY,"
    "  rubric_id TEXT NOT NULL,"
    "  sha256 TEXT NOT NULL UNIQUE,"
    "  xml TEXT NOT NULL"
    ") STRICT;"
    "CREATE TABLE source ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  sha256 TEXT,"
    "  imported_at INTEGER NOT NULL"
    ") STRICT;"
    "CREATE TABLE assessment ("
    "  id INTEGER PRIMARY KEY,"
    "  agency_id TEXT NOT NULL,"
    "  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),"
    "  stage TEXT NOT NULL CHECK (stage IN ('self', 'appraised')),"
    "  agency_name TEXT, province TEXT, owner TEXT, block TEXT, media TEXT,"
    "  rubric INTEGER NOT NULL REFERENCES rubric(id),"
    "  source INTEGER NOT NULL REFERENCES source(id),"
    "  total INTEGER NOT NULL CHECK (total >= 0),"
    "  level INTEGER NOT NULL,"
    "  level_name TEXT,"
    "  content_sha256 TEXT NOT NULL,"
    "  imported_at INTEGER NOT NULL,"
    "  superseded_at INTEGER,"
    "  superseded_by INTEGER REFERENCES assessment(id)"
    ") STRICT;"
    "CREATE UNIQUE INDEX assessment_current ON assessment(agency_id, year, stage)"
    "  WHERE superseded_at IS NULL;"
    "CREATE TABLE pillar_points ("
    "  assessment INTEGER NOT NULL REFERENCES assessment(id),"
    "  pillar TEXT NOT NULL,"
    "  points INTEGER NOT NULL,"
    "  PRIMARY KEY (assessment, pillar)"
    ") STRICT;"
    "CREATE TABLE answer ("
    "  assessment INTEGER NOT NULL REFERENCES assessment(id),"
    "  criterion TEXT NOT NULL,"
    "  answer TEXT,"
    "  evidence TEXT,"
    "  points INTEGER NOT NULL,"
    "  PRIMARY KEY (assessment, criterion)"
    ") STRICT;",
    /* 1 → 2: agencies renamed or merged (2025: 778 agencies after mergers) */
    "CREATE TABLE agency_alias ("
    "  old_id TEXT PRIMARY KEY,"
    "  new_id TEXT NOT NULL CHECK (new_id != old_id),"
    "  since TEXT NOT NULL CHECK (since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')"
    ") STRICT;",
};

const char *pdx_stage_name(pdx_stage s)
{
	return s == PDX_STAGE_APPRAISED ? "appraised" : "self";
}

/* A problem of the database file, with SQLite's own words in English. */
static int db_error(pdx_diags *d, const char *path, sqlite3 *db, int rc, const char *vi,
                    const char *en)
{
	const char *why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	char *v = pdx_aprintf("%s (%s)", vi, why), *e = pdx_aprintf("%s (%s)", en, why);
	int added =
	    v && e ? pdx_diag_addc(d, PDX_E_HISTORY, PDX_SEV_ERROR, path, 0, 0, NULL, NULL, v, e)
	           : PDX_ENOMEM;
	pdx_free(v);
	pdx_free(e);
	if (added)
		return PDX_ENOMEM;
	int base = rc & 0xff;
	return base == SQLITE_NOMEM                              ? PDX_ENOMEM
	       : base == SQLITE_NOTADB || base == SQLITE_CORRUPT ? PDX_EINVALID
	                                                         : PDX_EIO;
}

static int exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

static int pragma_int(sqlite3 *db, const char *sql, long long *v)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*v = sqlite3_column_int64(st, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

/* Brings an empty or older database to SCHEMA_VERSION; refuses one of another
 * application or of a newer version. */
static int migrate(pdx_history *h, bool readonly, pdx_diags *d)
{
	long long version = 0, app = 0, tables = 0;
	int rc = pragma_int(h->db, "PRAGMA user_version", &version);
	if (rc == SQLITE_OK)
		rc = pragma_int(h->db, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK)
		rc = pragma_int(h->db, "SELECT count(*) FROM sqlite_schema", &tables);
	if (rc != SQLITE_OK)
		return db_error(d, h->path, h->db, rc, "không đọc được cơ sở dữ liệu lịch sử",
		                "cannot read the history database");
	if ((tables && app != APP_ID) || (app && app != APP_ID)) {
		pdx_diag_addc(d, PDX_E_HISTORY, PDX_SEV_ERROR, h->path, 0, 0, NULL, NULL,
		              "tệp không phải cơ sở dữ liệu lịch sử của pressdx",
		              "the file is not a pressdx history database");
		return PDX_EINVALID;
	}
	if (version > SCHEMA_VERSION) {
		char *v = pdx_aprintf("cơ sở dữ liệu có lược đồ phiên bản %lld, mới hơn phiên bản "
		                      "%d mà chương trình này đọc được; hãy cập nhật pressdx",
		                      version, SCHEMA_VERSION);
		char *e = pdx_aprintf("the database has schema version %lld, newer than the %d "
		                      "this program reads; update pressdx",
		                      version, SCHEMA_VERSION);
		if (v && e)
			pdx_diag_addc(d, PDX_E_HISTORY, PDX_SEV_ERROR, h->path, 0, 0, NULL, NULL, v,
			              e);
		pdx_free(v);
		pdx_free(e);
		return v && e ? PDX_EINVALID : PDX_ENOMEM;
	}
	if (version == SCHEMA_VERSION)
		return 0;
	if (readonly && version > 0)
		return 0; /* an older schema is read as it is; the next import upgrades it */
	if (readonly) {
		pdx_diag_addc(d, PDX_E_HISTORY, PDX_SEV_ERROR, h->path, 0, 0, NULL, NULL,
		              "cơ sở dữ liệu lịch sử chưa có gì (chưa nhập lần nào)",
		              "the history database is empty (nothing imported yet)");
		return PDX_EINVALID;
	}
	/* WAL: readers never wait for an import, and a crash leaves the last commit */
	exec(h->db, "PRAGMA journal_mode=WAL");
	for (long long v = version; v < SCHEMA_VERSION; v++) {
		char *set = pdx_aprintf("PRAGMA application_id=%d; PRAGMA user_version=%lld;",
		                        APP_ID, v + 1);
		if (!set)
			return PDX_ENOMEM;
		rc = exec(h->db, "BEGIN IMMEDIATE");
		if (rc == SQLITE_OK)
			rc = exec(h->db, migrations[v]);
		if (rc == SQLITE_OK)
			rc = exec(h->db, set);
		if (rc == SQLITE_OK)
			rc = exec(h->db, "COMMIT");
		pdx_free(set);
		if (rc != SQLITE_OK) {
			int e =
			    db_error(d, h->path, h->db, rc, "không tạo được lược đồ cơ sở dữ liệu",
			             "cannot create the database schema");
			exec(h->db, "ROLLBACK");
			return e;
		}
	}
	return 0;
}

int pdx_history_open(pdx_history **out, const char *path, unsigned flags, pdx_diags *d)
{
	*out = NULL;
	if (!path)
		return PDX_EARG;
	pdx_history *h = pdx_calloc(1, sizeof(*h));
	if (!h || !(h->path = pdx_strdup(path))) {
		pdx_free(h);
		return PDX_ENOMEM;
	}
	bool readonly = flags & PDX_HISTORY_READONLY;
	struct stat st;
	if (!(flags & PDX_HISTORY_CREATE) && stat(path, &st) != 0 && errno == ENOENT) {
		pdx_free(h->path);
		pdx_free(h);
		return pdx_diag_addc(d, PDX_E_HISTORY, PDX_SEV_ERROR, path, 0, 0, NULL, NULL,
		                     "không có cơ sở dữ liệu lịch sử này; nhập phiếu trước bằng "
		                     "pressdx db import",
		                     "no such history database; import first with pressdx db "
		                     "import") == 0
		           ? PDX_EIO
		           : PDX_ENOMEM;
	}
	int oflags = readonly ? SQLITE_OPEN_READONLY
	                      : SQLITE_OPEN_READWRITE |
	                            (flags & PDX_HISTORY_CREATE ? SQLITE_OPEN_CREATE : 0);
	int rc = sqlite3_open_v2(path, &h->db, oflags | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc != SQLITE_OK) {
		int e = db_error(d, path, h->db, rc, "không mở được cơ sở dữ liệu lịch sử",
		                 "cannot open the history database");
		pdx_history_close(h);
		return e;
	}
	sqlite3_extended_result_codes(h->db, 1);
	/* a database from elsewhere is data: no triggers or views of its own may run code
	 * of ours, and SQL that would damage it is refused */
	sqlite3_db_config(h->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_db_config(h->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
	sqlite3_busy_timeout(h->db, 30000);
	rc = exec(h->db, "PRAGMA foreign_keys=ON");
	int e = rc == SQLITE_OK
	            ? migrate(h, readonly, d)
	            : db_error(d, path, h->db, rc, "không mở được cơ sở dữ liệu lịch sử",
	                       "cannot open the history database");
	if (e) {
		pdx_history_close(h);
		return e;
	}
	*out = h;
	return 0;
}

struct sqlite3 *pdx_history_db(pdx_history *h)
{
	return h->db;
}

void pdx_history_close(pdx_history *h)
{
	if (!h)
		return;
	sqlite3_close_v2(h->db);
	pdx_free(h->path);
	pdx_free(h);
}

/* ---- import ---- */

static int bind_text(sqlite3_stmt *st, int i, const char *s)
{
	return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

/* One statement run to its end; the id of a row it inserted in *id when asked. */
static int run(sqlite3 *db, const char *sql, const char *const *texts, const long long *ints,
               size_t n_texts, size_t n_ints, long long *row_id)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < n_texts; i++)
		rc = bind_text(st, (int)i + 1, texts[i]);
	for (size_t i = 0; rc == SQLITE_OK && i < n_ints; i++)
		rc = sqlite3_bind_int64(st, (int)(n_texts + i) + 1, ints[i]);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && row_id) {
			*row_id = sqlite3_column_int64(st, 0);
			rc = SQLITE_DONE;
		} else if (rc == SQLITE_ROW) {
			rc = SQLITE_DONE;
		}
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* What makes two imports of an assessment the same: the edition, the identity and every
 * answer and evidence as written. */
static int content_digest(const pdx_result *res, char out[65])
{
	pdx_buf b = {0};
	const pdx_assessment *a = res->assessment;
	const char *fields[] = {pdx_rubric_meta_get(res->rubric)->sha256,
	                        a->agency_id,
	                        a->agency_name,
	                        a->province,
	                        a->owner,
	                        a->block,
	                        a->media};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		pdx_buf_printf(&b, "%s\x1f", fields[i] ? fields[i] : "\x1e");
	for (size_t k = 0; k < pdx_rubric_criterion_count(res->rubric); k++) {
		const pdx_answer *x = res->criteria[k].answer;
		pdx_buf_printf(&b, "\n%s\x1f%s\x1f%s", res->criteria[k].criterion->id,
		               x && x->value ? x->value : "\x1e",
		               x && x->evidence ? x->evidence : "\x1e");
	}
	for (size_t q = 0; q < res->n_context; q++) {
		const pdx_answer *x = res->context[q];
		pdx_buf_printf(&b, "\n?%zu\x1f%s", q, x && x->value ? x->value : "\x1e");
	}
	char *text;
	size_t len;
	if (pdx_buf_finish(&b, &text, &len))
		return PDX_ENOMEM;
	pdx_sha256_hex(text, len, out);
	pdx_free(text);
	return 0;
}

/* The source row of `file` in this import (one per file), created on first use. */
typedef struct source_ids {
	const char **names;
	long long *ids;
	size_t n, cap;
} source_ids;

static int source_of(sqlite3 *db, source_ids *s, const char *file, long long now, long long *id)
{
	const char *name = file ? file : "-";
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->names[i], name) == 0) {
			*id = s->ids[i];
			return SQLITE_OK;
		}
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 8;
		const char **nn = pdx_realloc(s->names, cap * sizeof *nn);
		if (!nn)
			return SQLITE_NOMEM;
		s->names = nn;
		long long *ni = pdx_realloc(s->ids, cap * sizeof *ni);
		if (!ni)
			return SQLITE_NOMEM;
		s->ids = ni;
		s->cap = cap;
	}
	/* the file's digest, when it can still be read (not standard input) */
	char hex[65], *data = NULL;
	size_t len = 0;
	const char *sha = NULL;
	if (strcmp(name, "-") != 0 && pdx_read_all(&data, &len, name, (size_t)1 << 30) == 0) {
		pdx_sha256_hex(data, len, hex);
		sha = hex;
	}
	pdx_free(data);
	const char *texts[] = {name, sha};
	long long ints[] = {now};
	int rc =
	    run(db, "INSERT INTO source(name, sha256, imported_at) VALUES (?, ?, ?) RETURNING id",
	        texts, ints, 2, 1, id);
	if (rc == SQLITE_OK) {
		s->names[s->n] = name;
		s->ids[s->n++] = *id;
	}
	return rc;
}

static int rubric_of(sqlite3 *db, const pdx_rubric *r, long long *id)
{
	const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
	size_t len;
	const char *xml = pdx_rubric_resolved_xml(r, &len);
	const char *texts[] = {m->id, m->sha256, xml};
	int rc = run(db, "INSERT OR IGNORE INTO rubric(rubric_id, sha256, xml) VALUES (?, ?, ?)",
	             texts, NULL, 3, 0, NULL);
	if (rc == SQLITE_OK)
		rc = run(db, "SELECT id FROM rubric WHERE sha256 = ?", texts + 1, NULL, 1, 0, id);
	return rc;
}

/* Stores one result; *what: 0 added, 1 replaced, 2 unchanged. */
static int store(sqlite3 *db, const pdx_result *res, pdx_stage stage, long long now,
                 source_ids *sources, int *what)
{
	const pdx_assessment *a = res->assessment;
	char digest[65];
	if (content_digest(res, digest))
		return SQLITE_NOMEM;
	long long rubric = 0, source = 0, current = -1;
	int rc = rubric_of(db, res->rubric, &rubric);
	const char *stage_name = pdx_stage_name(stage);
	/* the current version, and whether it is this one */
	sqlite3_stmt *st = NULL;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(
		    db,
		    "SELECT id, content_sha256 = ? FROM assessment WHERE agency_id "
		    "= ? AND year = ? AND stage = ? AND superseded_at IS NULL",
		    -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = bind_text(st, 1, digest);
	if (rc == SQLITE_OK)
		rc = bind_text(st, 2, a->agency_id);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int(st, 3, a->year);
	if (rc == SQLITE_OK)
		rc = bind_text(st, 4, stage_name);
	bool same = false;
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			current = sqlite3_column_int64(st, 0);
			same = sqlite3_column_int(st, 1) != 0;
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return rc;
	if (same) {
		*what = 2;
		return SQLITE_OK;
	}
	rc = source_of(db, sources, a->file, now, &source);
	if (rc == SQLITE_OK && current >= 0) {
		long long ints[] = {now, current};
		rc = run(db, "UPDATE assessment SET superseded_at = ? WHERE id = ?", NULL, ints, 0,
		         2, NULL);
	}
	long long id = 0;
	if (rc == SQLITE_OK) {
		const char *texts[] = {
		    a->agency_id, stage_name, a->agency_name, a->province,
		    a->owner,     a->block,   a->media,       res->level ? res->level->name : NULL,
		    digest};
		long long ints[] = {
		    a->year, rubric, source, res->total, res->level ? res->level->number : 0, now};
		rc = run(db,
		         "INSERT INTO assessment(agency_id, stage, agency_name, province, owner, "
		         "block, media, level_name, content_sha256, year, rubric, source, total, "
		         "level, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
		         "RETURNING id",
		         texts, ints, 9, 6, &id);
	}
	if (rc == SQLITE_OK && current >= 0) {
		long long ints[] = {id, current};
		rc = run(db, "UPDATE assessment SET superseded_by = ? WHERE id = ?", NULL, ints, 0,
		         2, NULL);
	}
	for (size_t k = 0; rc == SQLITE_OK && k < pdx_rubric_pillar_count(res->rubric); k++) {
		const char *texts[] = {pdx_rubric_pillar(res->rubric, k)->id};
		long long ints[] = {id, res->pillars[k]};
		rc = run(db,
		         "INSERT INTO pillar_points(pillar, assessment, points) VALUES (?, ?, ?)",
		         texts, ints, 1, 2, NULL);
	}
	for (size_t k = 0; rc == SQLITE_OK && k < pdx_rubric_criterion_count(res->rubric); k++) {
		const pdx_criterion_result *c = &res->criteria[k];
		const char *texts[] = {c->criterion->id, c->answer ? c->answer->value : NULL,
		                       c->answer ? c->answer->evidence : NULL};
		long long ints[] = {id, c->points};
		rc = run(db,
		         "INSERT INTO answer(criterion, answer, evidence, assessment, points) "
		         "VALUES (?, ?, ?, ?, ?)",
		         texts, ints, 3, 2, NULL);
	}
	*what = current >= 0 ? 1 : 0;
	return rc;
}

int pdx_history_import(pdx_history *h, pdx_result *const *results, size_t n, pdx_stage stage,
                       long long now, pdx_history_counts *counts, pdx_diags *d)
{
	pdx_history_counts c = {0};
	if (counts)
		*counts = c;
	if (!h || (n && !results))
		return PDX_EARG;
	for (size_t i = 0; i < n; i++) {
		if (!results[i]->criteria)
			return PDX_EARG; /* scored with totals_only: no answers to keep */
		if (!results[i]->assessment->year) {
			char *v =
			    pdx_aprintf("cơ quan %s: không có năm đánh giá, không lưu được vào "
			                "lịch sử; không lưu gì",
			                results[i]->assessment->agency_id);
			char *e =
			    pdx_aprintf("agency %s: no assessment year, it cannot be kept in the "
			                "history; nothing stored",
			                results[i]->assessment->agency_id);
			if (v && e)
				pdx_diag_addc(d, PDX_E_HISTORY, PDX_SEV_ERROR,
				              results[i]->assessment->file,
				              results[i]->assessment->line, 0, NULL,
				              results[i]->assessment->agency_id, v, e);
			pdx_free(v);
			pdx_free(e);
			return v && e ? PDX_EINVALID : PDX_ENOMEM;
		}
	}
	int rc = exec(h->db, "BEGIN IMMEDIATE");
	if (rc != SQLITE_OK)
		return db_error(d, h->path, h->db, rc, "không bắt đầu được giao dịch nhập",
		                "cannot begin the import");
	source_ids sources = {0};
	for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
		const pdx_result *res = results[i];
		if (pdx_result_errors(res) || res->unfilled) {
			const pdx_assessment *a = res->assessment;
			const char *why_vi =
			    res->unfilled ? "phiếu chưa điền" : "câu trả lời có lỗi";
			const char *why_en =
			    res->unfilled ? "an unfilled questionnaire" : "answer errors";
			char *v = pdx_aprintf("cơ quan %s năm %d không được lưu: %s", a->agency_id,
			                      a->year, why_vi);
			char *e = pdx_aprintf("agency %s, %d not stored: %s", a->agency_id, a->year,
			                      why_en);
			if (!v || !e ||
			    pdx_diag_addc(d, PDX_W_HISTORY_SKIPPED, PDX_SEV_WARNING, a->file,
			                  a->line, 0, NULL, a->agency_id, v, e))
				rc = SQLITE_NOMEM;
			pdx_free(v);
			pdx_free(e);
			c.skipped++;
			continue;
		}
		int what = 0;
		rc = store(h->db, res, stage, now, &sources, &what);
		if (rc == SQLITE_OK)
			*(what == 0 ? &c.added : what == 1 ? &c.replaced : &c.unchanged) += 1;
	}
	pdx_free(sources.names);
	pdx_free(sources.ids);
	if (rc == SQLITE_OK)
		rc = exec(h->db, "COMMIT");
	if (rc != SQLITE_OK) {
		int e = rc == SQLITE_NOMEM && !sqlite3_errcode(h->db)
		            ? PDX_ENOMEM
		            : db_error(d, h->path, h->db, rc, "nhập không thành, không lưu gì",
		                       "the import failed; nothing was stored");
		exec(h->db, "ROLLBACK");
		return e;
	}
	if (counts)
		*counts = c;
	return 0;
}

/* ---- agency aliases ---- */

/* Whether following new_id from `id` through `map` (and the pair old → new about to be
 * stored) comes back to `id`. */
static int alias_loop(sqlite3 *db, const char *old_id, const char *new_id, bool *loop)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "SELECT new_id FROM agency_alias WHERE old_id = ?", -1, &st,
	                            NULL);
	char *at = pdx_strdup(new_id);
	*loop = false;
	for (int hops = 0; rc == SQLITE_OK && at && hops < 64; hops++) {
		if (strcmp(at, old_id) == 0) {
			*loop = true;
			break;
		}
		sqlite3_reset(st);
		rc = sqlite3_bind_text(st, 1, at, -1, SQLITE_TRANSIENT);
		if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			char *next = pdx_strdup((const char *)sqlite3_column_text(st, 0));
			pdx_free(at);
			at = next;
			rc = at ? SQLITE_OK : SQLITE_NOMEM;
		} else {
			rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
			break;
		}
	}
	if (!at && rc == SQLITE_OK)
		rc = SQLITE_NOMEM;
	pdx_free(at);
	sqlite3_finalize(st);
	return rc;
}

int pdx_history_set_aliases(pdx_history *h, const pdx_agency_alias *a, size_t n, pdx_diags *d)
{
	if (!h || (n && !a))
		return PDX_EARG;
	int rc = exec(h->db, "BEGIN IMMEDIATE");
	int errors = 0;
	for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
		bool loop = false;
		rc = alias_loop(h->db, a[i].old_id, a[i].new_id, &loop);
		if (rc == SQLITE_OK && (loop || strcmp(a[i].old_id, a[i].new_id) == 0)) {
			char *v =
			    pdx_aprintf("%s → %s tạo thành vòng (một cơ quan đổi thành chính nó)",
			                a[i].old_id, a[i].new_id);
			char *e =
			    pdx_aprintf("%s → %s makes a loop (an agency renamed into itself)",
			                a[i].old_id, a[i].new_id);
			if (v && e)
				pdx_diag_addc(d, PDX_E_HISTORY, PDX_SEV_ERROR, a[i].file, a[i].line,
				              0, NULL, a[i].old_id, v, e);
			pdx_free(v);
			pdx_free(e);
			errors++;
			continue;
		}
		const char *texts[] = {a[i].old_id, a[i].new_id, a[i].since};
		if (rc == SQLITE_OK)
			rc = run(
			    h->db,
			    "INSERT INTO agency_alias(old_id, new_id, since) VALUES (?, ?, ?) ON "
			    "CONFLICT(old_id) DO UPDATE SET new_id = excluded.new_id, since = "
			    "excluded.since",
			    texts, NULL, 3, 0, NULL);
	}
	if (rc == SQLITE_OK && !errors)
		rc = exec(h->db, "COMMIT");
	if (rc != SQLITE_OK || errors) {
		int e = rc == SQLITE_OK
		            ? PDX_EINVALID
		            : db_error(d, h->path, h->db, rc,
		                       "không lưu được bảng đổi mã cơ quan, không lưu gì",
		                       "cannot store the agency aliases; nothing stored");
		exec(h->db, "ROLLBACK");
		return e;
	}
	return 0;
}

/* ---- checks ---- */

static int check_rows(pdx_history *h, pdx_diags *d, const char *sql, const char *vi, const char *en,
                      int *problems)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(h->db, sql, -1, &st, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *what = (const char *)sqlite3_column_text(st, 0);
		if (what && strcmp(what, "ok") == 0) {
			rc = SQLITE_OK;
			continue;
		}
		char *v = pdx_aprintf("%s: %s", vi, what ? what : "?");
		char *e = pdx_aprintf("%s: %s", en, what ? what : "?");
		if (v && e)
			pdx_diag_addc(d, PDX_E_HISTORY, PDX_SEV_ERROR, h->path, 0, 0, NULL, NULL, v,
			              e);
		pdx_free(v);
		pdx_free(e);
		(*problems)++;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int pdx_history_check(pdx_history *h, pdx_diags *d)
{
	int problems = 0;
	int rc = check_rows(h, d, "PRAGMA integrity_check", "SQLite", "SQLite", &problems);
	if (rc == SQLITE_OK)
		rc = check_rows(h, d,
		                "SELECT format('%s row %d -> %s', \"table\", rowid, parent) FROM "
		                "pragma_foreign_key_check",
		                "khóa ngoại hỏng", "broken foreign key", &problems);
	if (rc == SQLITE_OK)
		rc = check_rows(h, d,
		                "SELECT format('%s %d %s', agency_id, year, stage) FROM assessment "
		                "WHERE superseded_at IS NULL GROUP BY agency_id, year, stage "
		                "HAVING count(*) > 1",
		                "hai phiên bản hiện hành của cùng một đánh giá",
		                "two current versions of one assessment", &problems);
	if (rc == SQLITE_OK)
		rc = check_rows(h, d,
		                "SELECT format('%s %d %s: %d / %d', a.agency_id, a.year, a.stage, "
		                "a.total, coalesce(sum(p.points), 0)) FROM assessment a LEFT JOIN "
		                "pillar_points p ON p.assessment = a.id GROUP BY a.id HAVING "
		                "coalesce(sum(p.points), 0) != a.total",
		                "tổng điểm khác tổng các trụ cột (phần trăm điểm)",
		                "the total is not the sum of the pillars (hundredths)", &problems);
	if (rc == SQLITE_OK)
		rc = check_rows(h, d,
		                "SELECT format('%s %d %s: %d / %d', a.agency_id, a.year, a.stage, "
		                "a.total, coalesce(sum(x.points), 0)) FROM assessment a LEFT JOIN "
		                "answer x ON x.assessment = a.id GROUP BY a.id HAVING "
		                "coalesce(sum(x.points), 0) != a.total",
		                "tổng điểm khác tổng các tiêu chí (phần trăm điểm)",
		                "the total is not the sum of the criteria (hundredths)", &problems);
	/* each stored rubric is still the edition its digest names */
	sqlite3_stmt *st = NULL;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(h->db, "SELECT rubric_id, sha256, xml FROM rubric", -1, &st,
		                        NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		const char *sha = (const char *)sqlite3_column_text(st, 1);
		const char *xml = (const char *)sqlite3_column_text(st, 2);
		int xlen = sqlite3_column_bytes(st, 2);
		pdx_rubric *r = NULL;
		int lr =
		    xml ? pdx_rubric_load_memory(&r, xml, (size_t)xlen, id, NULL) : PDX_EINVALID;
		if (lr == PDX_ENOMEM) {
			sqlite3_finalize(st);
			return PDX_ENOMEM;
		}
		if (lr || !sha || strcmp(pdx_rubric_meta_get(r)->sha256, sha) != 0) {
			char *v =
			    pdx_aprintf("bộ chỉ số %s lưu trong cơ sở dữ liệu không còn đúng mã "
			                "băm của nó",
			                id ? id : "?");
			char *e = pdx_aprintf("the stored rubric %s no longer matches its digest",
			                      id ? id : "?");
			if (v && e)
				pdx_diag_addc(d, PDX_E_HISTORY, PDX_SEV_ERROR, h->path, 0, 0, NULL,
				              NULL, v, e);
			pdx_free(v);
			pdx_free(e);
			problems++;
		}
		pdx_rubric_free(r);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK && rc != SQLITE_DONE)
		return db_error(d, h->path, h->db, rc, "không kiểm tra được cơ sở dữ liệu",
		                "cannot check the database");
	return problems ? PDX_EINVALID : 0;
}
