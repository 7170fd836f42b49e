/* SPDX-License-Identifier: MIT */
/* The report model as one self-contained HTML page: CSS and SVG inline, no script, no
 * request to any other address (a system font stack that has Vietnamese), lang="vi",
 * a print stylesheet for A4, readable 360 px wide.
 *
 * Written with libxml2's xmlTextWriter, so every text and attribute is escaped by
 * construction; control characters a user's file may hold (which no HTML may carry)
 * are shown as \xNN first, as the text reports show them. The writer's memory buffer is
 * emptied into the document's after every event: a page of any length is written with
 * one section in memory. Text is UTF-8 as is, never numeric entities. */
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

typedef struct html_doc {
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
	const pdx_column *cols;
	size_t n_cols;
	unsigned charts; /* for ids */
	bool in_notes;
	bool in_figures; /* a <dl> of consecutive figures is open */
	int failed;
	pdx_lang lang;
} html_doc;

static const char css[] =
    ":root{--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--accent:#0b5cad}"
    "*{box-sizing:border-box}"
    "body{margin:0 auto;max-width:62rem;padding:1rem;color:var(--ink);"
    "font:15px/1.45 \"Segoe UI\",Roboto,\"Noto Sans\",\"Helvetica Neue\",Arial,"
    "\"Liberation Sans\",sans-serif}"
    "h1{font-size:1.35rem;margin:.6rem 0 .1rem}h2{font-size:1.1rem;margin:1.4rem 0 .4rem}"
    ".en{color:var(--muted);margin:0 0 .6rem}"
    ".rubric{color:var(--muted);margin:0}"
    ".notice{border-left:4px solid #bf8700;background:#fff8c5;padding:.5rem .75rem;"
    "margin:.6rem 0}"
    ".scroll{overflow-x:auto}"
    "table{border-collapse:collapse;width:100%;margin:.3rem 0 .8rem}"
    "th,td{border-bottom:1px solid var(--line);padding:.3rem .45rem;text-align:left;"
    "vertical-align:top}"
    "th{background:#f6f8fa;font-weight:600}"
    "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    "td.level{font-weight:600}"
    ".level-5{color:#116329}.level-4{color:#1a7f37}.level-3{color:#0b5cad}"
    ".level-2{color:#9a6700}.level-1{color:#cf222e}"
    "dl.figures{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.3rem 0}"
    "dl.figures div{min-width:8rem}dl.figures dt{color:var(--muted);font-size:.85rem}"
    "dl.figures dd{margin:0;font-size:1.2rem;font-weight:600}"
    "figure.chart{margin:.4rem 0}figure.chart svg{width:100%;max-width:42rem;height:auto}"
    ".bar{fill:var(--accent)}.track{fill:#eaeef2}"
    "svg text{font-size:12px;fill:var(--ink)}"
    ".seg{stroke:#fff}.seg.level-1{fill:#ffd8d3}.seg.level-2{fill:#fff1c2}"
    ".seg.level-3{fill:#d8ebff}.seg.level-4{fill:#d2f4dc}.seg.level-5{fill:#a7e3b8}"
    ".ring{fill:none;stroke:var(--line)}.area{fill:rgba(11,92,173,.25);stroke:var(--accent);"
    "stroke-width:2}figure.radar{max-width:20rem}"
    ".target{fill:#cf222e}.marker{fill:var(--ink)}svg text.value{font-weight:600}svg "
    "text.bound{fill:var(--muted)}"
    "body.score main>section{break-before:page}"
    "body.score main>section:first-child{break-before:auto}"
    ".notes p{margin:.3rem 0}.note-warning{color:#9a6700}.note-error{color:#cf222e}"
    "@media print{@page{size:A4;margin:12mm}body{max-width:none;padding:0;font-size:9pt;"
    "line-height:1.3}h1{font-size:13pt}h2{font-size:11.5pt;margin:.2rem 0 .3rem}"
    "th,td{padding:.08rem .3rem}dl.figures{gap:.2rem 1rem}dl.figures dd{font-size:10.5pt}"
    "figure.chart svg{max-width:11cm}section{break-inside:auto}h2{break-after:avoid}"
    "tr{break-inside:avoid}thead{display:table-header-group}.scroll{overflow:visible}}";

/* Text safe for HTML: the controls no HTML document may hold (all C0 but tab and line
 * breaks, DEL, the C1 range) written as \xNN, the rest as given. malloc'd; NULL when
 * out of memory. */
static char *visible(const char *s)
{
	pdx_buf b = {0};
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f)
			pdx_buf_printf(&b, "\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			pdx_buf_printf(&b, "\\u%04x", *++p);
		else
			pdx_buf_putc(&b, (char)*p);
	}
	char *out = NULL;
	size_t len;
	return pdx_buf_finish(&b, &out, &len) ? NULL : out;
}

#define X(s) ((const xmlChar *)(s))

/* Each returns nothing: the first failure is remembered in h->failed. */
static void open_el(html_doc *h, const char *name)
{
	if (xmlTextWriterStartElement(h->w, X(name)) < 0)
		h->failed = 1;
}

static void close_el(html_doc *h)
{
	/* </td>, never <td/>: HTML has no self-closing element but the void ones */
	if (xmlTextWriterFullEndElement(h->w) < 0)
		h->failed = 1;
}

static void attr(html_doc *h, const char *name, const char *value)
{
	char *v = visible(value);
	if (!v || xmlTextWriterWriteAttribute(h->w, X(name), X(v)) < 0)
		h->failed = 1;
	pdx_free(v);
}

static void text(html_doc *h, const char *s)
{
	char *v = visible(s);
	if (!v || xmlTextWriterWriteString(h->w, X(v)) < 0)
		h->failed = 1;
	pdx_free(v);
}

/* <name class=…>text</name> */
static void element(html_doc *h, const char *name, const char *cls, const char *s)
{
	open_el(h, name);
	if (cls)
		attr(h, "class", cls);
	text(h, s);
	close_el(h);
}

/* Moves what the writer produced into the document's buffer. */
static void drain(html_doc *h, pdx_buf *b)
{
	if (xmlTextWriterFlush(h->w) < 0)
		h->failed = 1;
	int n = xmlBufferLength(h->buf);
	if (n > 0)
		pdx_buf_append(b, (const char *)xmlBufferContent(h->buf), (size_t)n);
	xmlBufferEmpty(h->buf);
	if (h->failed)
		b->failed = 1;
}

static void close_notes(html_doc *h)
{
	if (h->in_notes)
		close_el(h); /* aside */
	h->in_notes = false;
}

/* Consecutive figures share one <dl>; any other part closes it. */
static void close_figures(html_doc *h)
{
	if (h->in_figures)
		close_el(h); /* dl */
	h->in_figures = false;
}

static void h_begin(void *self, pdx_buf *b, const pdx_rubric *r, const char *kind,
                    const char *title_vi, const char *title_en)
{
	html_doc *h = self;
	if (xmlTextWriterWriteRaw(h->w, X("<!DOCTYPE html>\n")) < 0)
		h->failed = 1;
	open_el(h, "html");
	attr(h, "lang", h->lang == PDX_LANG_EN ? "en" : "vi");
	open_el(h, "head");
	open_el(h, "meta");
	attr(h, "charset", "utf-8");
	if (xmlTextWriterEndElement(h->w) < 0) /* a void element: <meta …/> */
		h->failed = 1;
	open_el(h, "meta");
	attr(h, "name", "viewport");
	attr(h, "content", "width=device-width, initial-scale=1");
	if (xmlTextWriterEndElement(h->w) < 0)
		h->failed = 1;
	element(h, "title", NULL, title_vi);
	/* our own constant, and CSS is no HTML text: written as it is */
	open_el(h, "style");
	if (xmlTextWriterWriteRaw(h->w, X(css)) < 0)
		h->failed = 1;
	close_el(h);
	close_el(h); /* head */
	open_el(h, "body");
	attr(h, "class", kind);
	open_el(h, "header");
	char *line = pdx_rubric_line(r, h->lang);
	if (!line)
		h->failed = 1;
	element(h, "p", "rubric", line);
	pdx_free(line);
	const char *notice = pdx_rubric_notice_lang(r, h->lang);
	if (notice)
		element(h, "p", "notice", notice);
	element(h, "h1", NULL, title_vi);
	if (title_en) {
		open_el(h, "p");
		attr(h, "class", "en");
		attr(h, "lang", "en");
		text(h, title_en);
		close_el(h);
	}
	close_el(h); /* header */
	open_el(h, "main");
	drain(h, b);
}

static void h_section(void *self, pdx_buf *b, const char *heading, const pdx_doc_key *keys,
                      size_t n_keys)
{
	html_doc *h = self;
	close_figures(h);
	(void)keys;
	(void)n_keys;
	close_notes(h);
	open_el(h, "section");
	element(h, "h2", NULL, heading);
	drain(h, b);
}

static void h_section_end(void *self, pdx_buf *b)
{
	html_doc *h = self;
	close_figures(h);
	close_el(h); /* section */
	drain(h, b);
}

static bool numeric(pdx_cell_type t)
{
	return t == PDX_CELL_POINTS || t == PDX_CELL_PERCENT || t == PDX_CELL_COUNT ||
	       t == PDX_CELL_YEAR;
}

static void h_table(void *self, pdx_buf *b, const char *name, const pdx_column *cols, size_t n)
{
	html_doc *h = self;
	close_figures(h);
	h->cols = cols;
	h->n_cols = n;
	open_el(h, "div");
	attr(h, "class", "scroll");
	open_el(h, "table");
	attr(h, "class", name);
	open_el(h, "thead");
	open_el(h, "tr");
	for (size_t i = 0; i < n; i++) {
		if (!pdx_column_shown(&cols[i], true))
			continue;
		open_el(h, "th");
		attr(h, "scope", "col");
		if (numeric(cols[i].type))
			attr(h, "class", "num");
		text(h, cols[i].label);
		close_el(h);
	}
	close_el(h); /* tr */
	close_el(h); /* thead */
	open_el(h, "tbody");
	drain(h, b);
}

static void h_row(void *self, pdx_buf *b, const pdx_cell *cells)
{
	html_doc *h = self;
	open_el(h, "tr");
	for (size_t i = 0; i < h->n_cols; i++) {
		if (!pdx_column_shown(&h->cols[i], true))
			continue;
		char num[64], cls[48];
		const pdx_cell *c = &cells[i];
		open_el(h, "td");
		if (numeric(c->type)) {
			attr(h, "class", "num");
		} else if (c->type == PDX_CELL_LEVEL) {
			snprintf(cls, sizeof cls, "level level-%lld", c->n);
			attr(h, "class", cls);
		}
		text(h, pdx_cell_format(c, num, sizeof num));
		close_el(h);
	}
	close_el(h); /* tr */
	drain(h, b);
}

static void h_table_end(void *self, pdx_buf *b)
{
	html_doc *h = self;
	close_el(h); /* tbody */
	close_el(h); /* table */
	close_el(h); /* div */
	drain(h, b);
}

static void h_figure(void *self, pdx_buf *b, bool in_section, const char *key, const char *label,
                     pdx_cell value)
{
	html_doc *h = self;
	(void)key;
	if (!in_section)
		return; /* for machines; the notes say it to people */
	char num[64];
	if (!h->in_figures) {
		open_el(h, "dl");
		attr(h, "class", "figures");
		h->in_figures = true;
	}
	open_el(h, "div");
	attr(h, "class", key);
	element(h, "dt", NULL, label);
	element(h, "dd", NULL, pdx_cell_format(&value, num, sizeof num));
	close_el(h);
	drain(h, b);
}

/* <figure class=…><svg viewBox=… role="img"> titled by `title` for screen readers: the
 * opening of every chart (the caller draws, then close_chart). */
static void open_chart(html_doc *h, const char *cls, const char *viewbox, const char *title)
{
	char id[32];
	close_figures(h);
	snprintf(id, sizeof id, "chart-%u", ++h->charts);
	open_el(h, "figure");
	attr(h, "class", cls);
	open_el(h, "svg");
	attr(h, "xmlns", "http://www.w3.org/2000/svg");
	attr(h, "viewBox", viewbox);
	attr(h, "role", "img");
	attr(h, "aria-labelledby", id);
	open_el(h, "title");
	attr(h, "id", id);
	text(h, title);
	close_el(h);
}

/* A horizontal bar per item, its number written beside it: the chart is read without
 * colour and by a screen reader (the title, and the numbers as text). */
static void h_bars(void *self, pdx_buf *b, const char *title, const pdx_bar *bars, size_t n)
{
	html_doc *h = self;
	const int row = 36, bar_w = 480;
	char v[160];
	snprintf(v, sizeof v, "0 0 %d %zu", bar_w + 110, (size_t)row * n + 4);
	open_chart(h, "chart", v, title);
	for (size_t i = 0; i < n; i++) {
		long long max = bars[i].max > 0 ? bars[i].max : 1;
		long long val = bars[i].value < 0 ? 0 : bars[i].value > max ? max : bars[i].value;
		long long w = val * bar_w / max;
		size_t y = (size_t)row * i;
		char a[32], m[32];
		/* the label above its bar: a pillar's name is long */
		open_el(h, "text");
		attr(h, "x", "0");
		snprintf(v, sizeof v, "%zu", y + 13);
		attr(h, "y", v);
		text(h, bars[i].label);
		close_el(h);
		for (int k = 0; k < 2; k++) {
			open_el(h, "rect");
			attr(h, "class", k ? "bar" : "track");
			attr(h, "x", "0");
			snprintf(v, sizeof v, "%zu", y + 17);
			attr(h, "y", v);
			snprintf(v, sizeof v, "%lld", k ? w : (long long)bar_w);
			attr(h, "width", v);
			attr(h, "height", "14");
			close_el(h);
		}
		if (bars[i].target >= 0) {
			/* the target: a mark across the bar where it should reach */
			long long at = bars[i].target > max ? max : bars[i].target;
			open_el(h, "rect");
			attr(h, "class", "target");
			snprintf(v, sizeof v, "%lld", at * bar_w / max - 1);
			attr(h, "x", v);
			snprintf(v, sizeof v, "%zu", y + 13);
			attr(h, "y", v);
			attr(h, "width", "3");
			attr(h, "height", "22");
			open_el(h, "title");
			snprintf(v, sizeof v, "%s %s",
			         pdx_label(h->lang, N_("target"), "mục tiêu (target)"),
			         pdx_points_format((pdx_points)bars[i].target, a, sizeof a));
			text(h, v);
			close_el(h);
			close_el(h);
		}
		open_el(h, "text");
		attr(h, "class", "value");
		snprintf(v, sizeof v, "%d", bar_w + 8);
		attr(h, "x", v);
		snprintf(v, sizeof v, "%zu", y + 29);
		attr(h, "y", v);
		snprintf(v, sizeof v, "%s / %s",
		         pdx_points_format((pdx_points)bars[i].value, a, sizeof a),
		         pdx_points_format((pdx_points)bars[i].max, m, sizeof m));
		text(h, v);
		close_el(h);
	}
	close_el(h); /* svg */
	element(h, "figcaption", NULL, title);
	close_el(h); /* figure */
	drain(h, b);
}

/* sin(x) without the maths library: x brought into [-pi, pi], then the Taylor series
 * to x^15 (error below 1e-6 there; a drawing needs far less). */
static double sine(double x)
{
	const double pi = 3.14159265358979323846;
	while (x > pi)
		x -= 2 * pi;
	while (x < -pi)
		x += 2 * pi;
	double term = x, sum = x;
	for (int k = 1; k <= 7; k++) {
		term *= -x * x / ((2 * k) * (2 * k + 1));
		sum += term;
	}
	return sum;
}

/* A polygon of value/max on n axes from the centre, rings at a quarter, half, three
 * quarters and the whole, each axis labelled. */
static void h_radar(void *self, pdx_buf *b, const char *title, const pdx_bar *bars, size_t n)
{
	html_doc *h = self;
	const double pi = 3.14159265358979323846, cx = 160, cy = 130, rad = 95;
	char v[64];
	pdx_buf pts = {0};
	open_chart(h, "chart radar", "0 0 320 260", title);
	for (int ring = 1; ring <= 4; ring++) {
		pts.len = 0;
		for (size_t i = 0; i < n; i++) {
			double a = 2 * pi * (double)i / (double)n;
			pdx_buf_printf(&pts, "%s%.1f,%.1f", i ? " " : "",
			               cx + rad * ring / 4 * sine(a),
			               cy - rad * ring / 4 * sine(a + pi / 2));
		}
		pdx_buf_putc(&pts, '\0');
		open_el(h, "polygon");
		attr(h, "class", "ring");
		attr(h, "points", pts.failed ? "" : pts.data);
		close_el(h);
	}
	pts.len = 0;
	for (size_t i = 0; i < n; i++) {
		double a = 2 * pi * (double)i / (double)n;
		double share = bars[i].max > 0 ? (double)bars[i].value / (double)bars[i].max : 0;
		share = share < 0 ? 0 : share > 1 ? 1 : share;
		pdx_buf_printf(&pts, "%s%.1f,%.1f", i ? " " : "", cx + rad * share * sine(a),
		               cy - rad * share * sine(a + pi / 2));
		double lx = cx + (rad + 14) * sine(a), ly = cy - (rad + 14) * sine(a + pi / 2);
		open_el(h, "text");
		attr(h, "class", "axis");
		snprintf(v, sizeof v, "%.1f", lx);
		attr(h, "x", v);
		snprintf(v, sizeof v, "%.1f", ly + 4);
		attr(h, "y", v);
		attr(h, "text-anchor", lx < cx - 5 ? "end" : lx > cx + 5 ? "start" : "middle");
		/* the short name: what precedes the first space ("TC1") */
		const char *sp = strchr(bars[i].label, ' ');
		size_t len = sp ? (size_t)(sp - bars[i].label) : strlen(bars[i].label);
		char shortname[32];
		snprintf(shortname, sizeof shortname, "%.*s", (int)(len < 31 ? len : 31),
		         bars[i].label);
		text(h, shortname);
		close_el(h);
	}
	pdx_buf_putc(&pts, '\0');
	open_el(h, "polygon");
	attr(h, "class", "area");
	attr(h, "points", pts.failed ? "" : pts.data);
	close_el(h);
	if (pts.failed)
		h->failed = 1;
	pdx_buf_free(&pts);
	close_el(h); /* svg */
	element(h, "figcaption", NULL, title);
	close_el(h); /* figure */
	drain(h, b);
}

/* Per row a bar cut into its categories (segment colours by category: the level
 * colours), and the counts written out below it for print and screen readers. */
static void h_stacked(void *self, pdx_buf *b, const char *title, const char *const *categories,
                      size_t n_cat, const pdx_stack_row *rows, size_t n_rows)
{
	html_doc *h = self;
	const long long width = 480, row = 40;
	char v[160];
	snprintf(v, sizeof v, "0 0 %lld %lld", width + 20, row * (long long)n_rows + 4);
	open_chart(h, "chart stacked", v, title);
	for (size_t i = 0; i < n_rows; i++) {
		long long all = 0, x = 0, y = row * (long long)i;
		for (size_t c = 0; c < n_cat; c++)
			all += rows[i].counts[c] > 0 ? rows[i].counts[c] : 0;
		open_el(h, "text");
		attr(h, "x", "0");
		snprintf(v, sizeof v, "%lld", y + 13);
		attr(h, "y", v);
		text(h, rows[i].label);
		close_el(h);
		for (size_t c = 0; all && c < n_cat; c++) {
			long long n = rows[i].counts[c] > 0 ? rows[i].counts[c] : 0;
			if (!n)
				continue;
			long long w = n * width / all;
			/* the last segment takes what rounding down left: the bar is whole */
			size_t rest = c + 1;
			while (rest < n_cat && rows[i].counts[rest] <= 0)
				rest++;
			if (rest == n_cat)
				w = width - x;
			open_el(h, "rect");
			snprintf(v, sizeof v, "seg level-%zu", c + 1);
			attr(h, "class", v);
			snprintf(v, sizeof v, "%lld", x);
			attr(h, "x", v);
			snprintf(v, sizeof v, "%lld", y + 17);
			attr(h, "y", v);
			snprintf(v, sizeof v, "%lld", w);
			attr(h, "width", v);
			attr(h, "height", "16");
			open_el(h, "title");
			snprintf(v, sizeof v, "%lld", n);
			char *t = pdx_aprintf("%s: %s", categories[c], v);
			if (!t)
				h->failed = 1;
			text(h, t);
			pdx_free(t);
			close_el(h);
			close_el(h);
			x += w;
		}
	}
	close_el(h); /* svg */
	open_el(h, "figcaption");
	text(h, title);
	for (size_t i = 0; i < n_rows; i++) {
		open_el(h, "br");
		if (xmlTextWriterEndElement(h->w) < 0) /* void: <br/> */
			h->failed = 1;
		text(h, rows[i].label);
		text(h, ":");
		for (size_t c = 0; c < n_cat; c++) {
			text(h, c ? " · " : " ");
			text(h, categories[c]);
			snprintf(v, sizeof v, " %lld", rows[i].counts[c]);
			text(h, v);
		}
	}
	close_el(h); /* figcaption */
	close_el(h); /* figure */
	drain(h, b);
}

/* The rubric's levels as bands on a 0..max scale, each with its lower bound, and a
 * marker at `value`: where an agency stands and how far the next level is. */
static void h_band(void *self, pdx_buf *b, const char *title, const pdx_level *levels, size_t n,
                   long long value, long long max)
{
	html_doc *h = self;
	const long long width = 600, top = 22;
	char v[160], t[32], box[32];
	snprintf(box, sizeof box, "0 0 %lld 70", width + 20);
	snprintf(v, sizeof v, "%s: %s / %s", title,
	         pdx_points_format((pdx_points)value, t, sizeof t),
	         pdx_points_format((pdx_points)max, t + 16, sizeof t - 16));
	open_chart(h, "chart band", box, v);
	for (size_t i = 0; i < n; i++) {
		long long lo = levels[i].min < 0 ? 0 : levels[i].min > max ? max : levels[i].min;
		long long hi = i + 1 < n ? levels[i + 1].min : max;
		hi = hi < lo ? lo : hi > max ? max : hi;
		long long x = 10 + lo * width / max, w = (hi - lo) * width / max;
		open_el(h, "rect");
		snprintf(v, sizeof v, "seg level-%d", levels[i].number);
		attr(h, "class", v);
		snprintf(v, sizeof v, "%lld", x);
		attr(h, "x", v);
		snprintf(v, sizeof v, "%lld", top);
		attr(h, "y", v);
		snprintf(v, sizeof v, "%lld", w);
		attr(h, "width", v);
		attr(h, "height", "18");
		close_el(h);
		open_el(h, "text");
		attr(h, "class", "bound");
		snprintf(v, sizeof v, "%lld", x);
		attr(h, "x", v);
		attr(h, "y", "54");
		text(h, pdx_level_bound(&levels[i], true, t, sizeof t));
		close_el(h);
		open_el(h, "text");
		attr(h, "class", "name");
		snprintf(v, sizeof v, "%lld", x + 3);
		attr(h, "x", v);
		attr(h, "y", "66");
		text(h, pdx_name_lang(h->lang, levels[i].name, levels[i].name_en));
		close_el(h);
	}
	long long at = value < 0 ? 0 : value > max ? max : value;
	long long mx = 10 + at * width / max;
	open_el(h, "rect");
	attr(h, "class", "marker");
	snprintf(v, sizeof v, "%lld", mx - 1);
	attr(h, "x", v);
	attr(h, "y", "14");
	attr(h, "width", "3");
	attr(h, "height", "34");
	close_el(h);
	open_el(h, "text");
	attr(h, "class", "value");
	snprintf(v, sizeof v, "%lld", mx > width - 30 ? width - 30 : mx);
	attr(h, "x", v);
	attr(h, "y", "11");
	text(h, pdx_points_format((pdx_points)value, t, sizeof t));
	close_el(h);
	close_el(h); /* svg */
	element(h, "figcaption", NULL, title);
	close_el(h); /* figure */
	drain(h, b);
}

static void h_note(void *self, pdx_buf *b, bool in_section, pdx_note_kind kind, const char *vi,
                   const char *en)
{
	html_doc *h = self;
	close_figures(h);
	if (!in_section && !h->in_notes) {
		open_el(h, "aside");
		attr(h, "class", "notes");
		h->in_notes = true;
	}
	open_el(h, "p");
	attr(h, "class",
	     kind == PDX_NOTE_ERROR     ? "note note-error"
	     : kind == PDX_NOTE_WARNING ? "note note-warning"
	                                : "note");
	text(h, vi);
	if (en) {
		text(h, " ");
		open_el(h, "span");
		attr(h, "lang", "en");
		text(h, "(");
		text(h, en);
		text(h, ")");
		close_el(h);
	}
	/* a document's note is a sentence: its full stop, unless it has one (a notice) */
	const char *last = en ? en : vi;
	size_t n = strlen(last);
	if (!in_section && !(n && last[n - 1] == '.'))
		text(h, ".");
	close_el(h);
	drain(h, b);
}

static void h_end(void *self, pdx_buf *b)
{
	html_doc *h = self;
	close_figures(h);
	close_notes(h);
	close_el(h); /* main */
	close_el(h); /* body */
	close_el(h); /* html */
	if (xmlTextWriterWriteRaw(h->w, X("\n")) < 0)
		h->failed = 1;
	drain(h, b);
}

static void h_free(void *self)
{
	html_doc *h = self;
	if (!h)
		return;
	if (h->w)
		xmlFreeTextWriter(h->w);
	if (h->buf)
		xmlBufferFree(h->buf);
	pdx_free(h);
}

static const pdx_doc_sink html_sink = {
    .begin = h_begin,
    .section = h_section,
    .section_end = h_section_end,
    .table = h_table,
    .row = h_row,
    .table_end = h_table_end,
    .figure = h_figure,
    .bars = h_bars,
    .band = h_band,
    .radar = h_radar,
    .stacked = h_stacked,
    .note = h_note,
    .end = h_end,
    .free = h_free,
};

void *pdx_doc_html_new(const pdx_doc_sink **sink, pdx_lang lang)
{
	*sink = &html_sink;
	html_doc *h = pdx_calloc(1, sizeof(*h));
	if (!h)
		return NULL;
	h->lang = lang;
	h->buf = xmlBufferCreate();
	h->w = h->buf ? xmlNewTextWriterMemory(h->buf, 0) : NULL;
	if (!h->w) {
		h_free(h);
		return NULL;
	}
	return h;
}
