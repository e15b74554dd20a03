/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_deadlines.c: `chimuc deadlines`: the deadlines and occasions (or with
 * --all every date) of the indexed documents, optionally on a day or in a
 * period, sorted by date, as text, JSON Lines or iCalendar. The index
 * narrows the documents (XD/XDM terms); each document's stored date list
 * gives the mentions and their sentences. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/date.h"
#include "chimuc/diag.h"
#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/ical.h"
#include "ops/citegraph.h"
#include "cli.h"
#include "page.h"

static const char usage_text[] =
	"Usage: chimuc deadlines [OPTION]...\n"
	"List the deadlines and occasions of the indexed documents, sorted by date,\n"
	"each with its document and the sentence around it.\n"
	"\n"
	"  --db DIR        the index\n"
	"  --on DATE       only that date: 15/10 (that day in every year: occasions\n"
	"                  and deadlines alike), 15/10/2024 or 2024-10-15, 2024-06\n"
	"  --from DATE     only from that day or month on (2024-06-01, 2024-06, 2024)\n"
	"  --to DATE       only up to that day or month\n"
	"  --type T        only documents of that type (KH, \"Kế hoạch\", NQ…)\n"
	"  --all           every date mentioned, not only deadlines and occasions\n"
	"  --json          one JSON object per line: path, title, iso, resolved, kind\n"
	"                  (deadline, occasion, date), text, context, occasion,\n"
	"                  recurrence, start, end\n"
	"  --ics           an iCalendar (RFC 5545) file with one event per line of the\n"
	"                  list; day-month occasions recur yearly\n" CM_PAGE_HELP
	"  -h, --help      show this help\n"
	"Every matching date is listed; --count gives the total of a paged listing.\n";

typedef struct {
	const char *db, *on, *from, *to, *type;
	int all, json, ics;
	cm_page page;
} options;

typedef struct {
	char key[CM_ISO_MAX]; /* resolved, else iso: the sort key */
	char iso[CM_ISO_MAX], resolved[CM_ISO_MAX];
	const char *kind;
	char *path, *title, *text, *context, *occasion, *recurrence;
	long start, end;
} item;

typedef struct {
	item *v;
	size_t n, cap;
} items;

/* The lowest and highest day (YYYYMMDD) an ISO value covers. */
static int iso_days(const char *iso, char lo[9], char hi[9])
{
	size_t n = strlen(iso);

	if (n == 10 && iso[0] != '-') {
		snprintf(lo, 9, "%.4s%.2s%.2s", iso, iso + 5, iso + 8);
		memcpy(hi, lo, 9);
	} else if (n == 7 && iso[4] == '-') {
		snprintf(lo, 9, "%.4s%.2s00", iso, iso + 5);
		snprintf(hi, 9, "%.4s%.2s99", iso, iso + 5);
	} else if (n == 7 && iso[5] == 'Q' && iso[6] >= '1' && iso[6] <= '4') {
		int q = iso[6] - '0';
		snprintf(lo, 9, "%.4s%c%c00", iso, '0' + (3 * q - 2) / 10, '0' + (3 * q - 2) % 10);
		snprintf(hi, 9, "%.4s%c%c99", iso, '0' + 3 * q / 10, '0' + 3 * q % 10);
	} else if (n == 4 && iso[0] != '-') {
		snprintf(lo, 9, "%s0000", iso);
		snprintf(hi, 9, "%s9999", iso);
	} else {
		return 0;
	}
	return 1;
}

/* 1 if the date mention d matches --on/--from/--to. */
static int wanted(const options *o, const char *on_iso, const char *iso, const char *key)
{
	char lo[9], hi[9], blo[9], bhi[9];

	if (o->on && on_iso[0] == '-') /* a day-month: any year */
		return strlen(iso) >= 7 && !strcmp(iso + strlen(iso) - 5, on_iso + 2);
	if (o->on)
		return iso_days(key, lo, hi) && iso_days(on_iso, blo, bhi) &&
		       strcmp(lo, bhi) <= 0 && strcmp(hi, blo) >= 0;
	if (!o->from && !o->to)
		return 1;
	if (!iso_days(key, lo, hi))
		return 0;
	if (o->from && (!iso_days(o->from, blo, bhi) || strcmp(hi, blo) < 0))
		return 0;
	if (o->to && (!iso_days(o->to, blo, bhi) || strcmp(lo, bhi) > 0))
		return 0;
	return 1;
}

static long jlong(json_object *o, const char *key)
{
	json_object *v;
	return json_object_object_get_ex(o, key, &v) ? (long)json_object_get_int64(v) : 0;
}

static int jbool(json_object *o, const char *key)
{
	json_object *v;
	return json_object_object_get_ex(o, key, &v) && json_object_get_boolean(v);
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int add_item(items *l, const cm_docinfo *info, json_object *d, const char *kind)
{
	const char *iso = cm_json_str(d, "iso"), *resolved = cm_json_str(d, "resolved");
	item *it;

	if (l->n == l->cap) {
		item *v = realloc(l->v, (l->cap = l->cap ? 2 * l->cap : 64) * sizeof *v);
		if (!v)
			return cm_error_nomem();
		l->v = v;
	}
	it = &l->v[l->n];
	memset(it, 0, sizeof *it);
	snprintf(it->iso, sizeof it->iso, "%s", iso);
	snprintf(it->resolved, sizeof it->resolved, "%s", resolved ? resolved : "");
	snprintf(it->key, sizeof it->key, "%s", resolved ? resolved : iso);
	it->kind = kind;
	it->start = jlong(d, "start");
	it->end = jlong(d, "end");
	it->path = strdup(cm_docinfo_path(info));
	it->title = strdup(cm_docinfo_title(info));
	it->text = cm_doc_excerpt(info, d, "start", "end");
	it->context = cm_doc_excerpt(info, d, "ctx_start", "ctx_end");
	it->occasion = dup_or_null(cm_json_str(d, "occasion"));
	it->recurrence = dup_or_null(cm_json_str(d, "recurrence"));
	l->n++;
	if (!it->path || !it->title || !it->text || !it->context)
		return cm_error_nomem();
	return 0;
}

static void free_items(items *l)
{
	for (size_t i = 0; i < l->n; i++) {
		item *it = &l->v[i];
		free(it->path);
		free(it->title);
		free(it->text);
		free(it->context);
		free(it->occasion);
		free(it->recurrence);
	}
	free(l->v);
}

static int collect_doc(items *l, const options *o, const char *on_iso, const cm_docinfo *info)
{
	json_object *dates;
	int rc = 0;

	if (!json_object_object_get_ex(cm_docinfo_json(info), "dates", &dates))
		return 0;
	for (size_t i = 0; i < json_object_array_length(dates) && rc == 0; i++) {
		json_object *d = json_object_array_get_idx(dates, i);
		const char *iso = cm_json_str(d, "iso"), *resolved = cm_json_str(d, "resolved");
		const char *kind = cm_json_str(d, "occasion") && !jbool(d, "in_citation")
					   ? "occasion"
				   : jbool(d, "deadline") ? "deadline"
							  : "date";
		if (!iso || (!o->all && !strcmp(kind, "date")))
			continue;
		if (!strcmp(kind, "occasion") &&
		    !strcmp(cm_json_str(d, "range") ? cm_json_str(d, "range") : "", "start") &&
		    !o->all)
			continue; /* the historical origin of an anniversary */
		if (wanted(o, on_iso, iso, resolved ? resolved : iso))
			rc = add_item(l, info, d, kind);
	}
	return rc;
}

/* q FILTER the documents of type (XT term). */
static int restrict_type(cm_xquery **q, const char *user_type)
{
	const char *type = cm_citation_type_from_user(user_type);
	const char *code = cm_citation_type_code(type);
	char term[16];
	cm_xquery *t, *pair[2], *both;
	int rc, n;

	if (!code)
		return cm_error_set(CM_EINVAL, "unknown document type '%s'", user_type);
	n = snprintf(term, sizeof term, "XT%s", code);
	if ((rc = cm_xquery_term(&t, term, (size_t)n, 1, 0)) < 0)
		return rc;
	pair[0] = *q;
	pair[1] = t;
	rc = cm_xquery_combine(&both, CM_XQ_FILTER, pair, 2, 0);
	cm_xquery_free(t);
	if (rc == 0) {
		cm_xquery_free(*q);
		*q = both;
	}
	return rc;
}

static int collect(items *l, cm_xdb *db, const options *o, const char *on_iso)
{
	cm_xquery *q = NULL;
	cm_xenquire *e = NULL;
	cm_xmset *m = NULL;
	unsigned count;
	char range[64];
	int rc;

	if (o->on)
		rc = cm_date_filter(&q, db, o->on);
	else if (o->from || o->to) {
		snprintf(range, sizeof range, "%s..%s", o->from ? o->from : "0001",
			 o->to ? o->to : "9999");
		rc = cm_date_filter(&q, db, range);
	} else {
		rc = cm_xquery_match_all(&q);
	}
	if (rc == 0 && o->type)
		rc = restrict_type(&q, o->type);
	if (rc < 0 || (rc = cm_xdb_doccount(&count, db)) < 0 ||
	    (rc = cm_xenquire_new(&e, db)) < 0 || (rc = cm_xenquire_set_query(e, q)) < 0 ||
	    (rc = cm_xenquire_set_sort_by_docid(e)) < 0 ||
	    (rc = cm_xenquire_mset(&m, e, 0, count)) < 0)
		goto cleanup;
	for (unsigned i = 0; i < cm_xmset_size(m) && rc == 0; i++) {
		cm_xdoc *doc = NULL;
		cm_docinfo *info = NULL;
		if ((rc = cm_xmset_document(&doc, m, i)) == 0 &&
		    (rc = cm_docinfo_load(&info, doc)) == 0)
			rc = collect_doc(l, o, on_iso, info);
		cm_docinfo_free(info);
		cm_xdoc_free(doc);
	}
cleanup:
	cm_xmset_free(m);
	cm_xenquire_free(e);
	cm_xquery_free(q);
	return rc;
}

static int by_date(const void *a, const void *b)
{
	const item *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c == 0)
		c = strcmp(x->path, y->path);
	return c ? c : (x->start > y->start) - (x->start < y->start);
}

static void print_json(const item *it)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "path", json_object_new_string(it->path));
	json_object_object_add(o, "title", json_object_new_string(it->title));
	json_object_object_add(o, "iso", json_object_new_string(it->iso));
	json_object_object_add(o, "resolved",
			       it->resolved[0] ? json_object_new_string(it->resolved) : NULL);
	json_object_object_add(o, "kind", json_object_new_string(it->kind));
	json_object_object_add(o, "text", json_object_new_string(it->text));
	json_object_object_add(o, "context", json_object_new_string(it->context));
	json_object_object_add(o, "occasion", cm_cli_json_string(it->occasion));
	json_object_object_add(o, "recurrence", cm_cli_json_string(it->recurrence));
	json_object_object_add(o, "start", json_object_new_int64(it->start));
	json_object_object_add(o, "end", json_object_new_int64(it->end));
	cm_cli_json_line(o);
}

static void print_text(const item *it)
{
	printf("%-10s  %-8s  ", it->key, it->kind);
	cm_diag_path(stdout, it->path);
	printf("\n            %s\n", it->context);
}

/* The last day of a month or quarter, the day itself, or 0 for a day-month. */
static void event_day(const item *it, int *y, int *m, int *d)
{
	static const int last[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	const char *k = it->key;

	*y = *m = *d = 0;
	if (k[0] == '-') {
		sscanf(k, "--%2d-%2d", m, d);
		return;
	}
	if (strlen(k) == 10) {
		sscanf(k, "%4d-%2d-%2d", y, m, d);
		return;
	}
	if (k[5] == 'Q')
		*m = 3 * (k[6] - '0');
	else
		sscanf(k + 5, "%2d", m);
	sscanf(k, "%4d", y);
	*d = last[*m - 1] + (*m == 2 && *y % 4 == 0 && (*y % 100 != 0 || *y % 400 == 0));
}

/* The events of items [from, to) of l. */
static int write_ics(const items *l, size_t from, size_t to)
{
	cm_ical *cal = NULL;
	char *text = NULL;
	int rc;

	if ((rc = cm_ical_new(&cal)) < 0)
		return rc;
	for (size_t i = from; i < to && rc == 0; i++) {
		const item *it = &l->v[i];
		char uid[1200], summary[400];
		cm_ical_event ev;
		snprintf(uid, sizeof uid, "%s#%ld@chimuc", it->path, it->start);
		snprintf(summary, sizeof summary, "%s: %s", it->kind,
			 it->occasion ? it->occasion : it->title);
		ev = (cm_ical_event){.uid = uid, .summary = summary, .description = it->context};
		event_day(it, &ev.year, &ev.month, &ev.day);
		if (it->iso[0] == '-') { /* a day-month occasion: every year */
			ev.yearly = 1;
			ev.year = 0;
		}
		rc = cm_ical_add(cal, &ev, it->resolved[0] ? atoi(it->resolved) : 2000);
	}
	if (rc == 0 && (rc = cm_ical_text(&text, cal)) == 0)
		fputs(text, stdout);
	free(text);
	cm_ical_free(cal);
	return rc;
}

static int parse_options(options *o, int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
						 {"on", required_argument, NULL, 'o'},
						 {"from", required_argument, NULL, 'f'},
						 {"to", required_argument, NULL, 't'},
						 {"all", no_argument, NULL, 'a'},
						 {"json", no_argument, NULL, 'j'},
						 {"ics", no_argument, NULL, 'i'},
						 {"help", no_argument, NULL, 'h'},
						 {"type", required_argument, NULL, 'T'},
						 CM_PAGE_OPTIONS,
						 {NULL, 0, NULL, 0}};
	int c;

	*o = (options){.page = CM_PAGE_ALL};
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': o->db = optarg; break;
		case 'o': o->on = optarg; break;
		case 'f': o->from = optarg; break;
		case 't': o->to = optarg; break;
		case 'a': o->all = 1; break;
		case 'j': o->json = 1; break;
		case 'i': o->ics = 1; break;
		case 'T': o->type = optarg; break;
		case CM_PAGE_OPT_LIMIT:
		case CM_PAGE_OPT_OFFSET:
		case CM_PAGE_OPT_COUNT:
			if (cm_page_option(&o->page, c, optarg, "deadlines"))
				return CM_EXIT_USAGE;
			break;
		case 'h': fputs(usage_text, stdout); return CM_EXIT_OK;
		default: return cm_cli_usage_error("deadlines", "unknown option");
		}
	}
	if (optind < argc)
		return cm_cli_usage_error("deadlines", "unexpected argument '%s'", argv[optind]);
	if (o->on && (o->from || o->to))
		return cm_cli_usage_error("deadlines", "--on excludes --from and --to");
	if (o->json && o->ics)
		return cm_cli_usage_error("deadlines", "--json and --ics exclude each other");
	return -1;
}

/* Normalizes a --from/--to value to ISO (or a bare year). */
static int normalize_bound(const char **value, char buf[CM_ISO_MAX])
{
	if (!*value || (strlen(*value) == 4 && strspn(*value, "0123456789") == 4))
		return 0;
	if (cm_date_parse_user(buf, *value) < 0 || buf[0] == '-')
		return -1;
	*value = buf;
	return 0;
}

int cm_cmd_deadlines(int argc, char **argv)
{
	options o;
	items l = {0};
	cm_xdb *db = NULL;
	char *dbpath = NULL, on_iso[CM_ISO_MAX] = "", from[CM_ISO_MAX], to[CM_ISO_MAX];
	int status, rc = 0;

	if ((status = parse_options(&o, argc, argv)) >= 0)
		return status;
	if (o.on && cm_date_parse_user(on_iso, o.on) < 0)
		return cm_cli_usage_error("deadlines", "%s", cm_error_last());
	if (normalize_bound(&o.from, from) < 0 || normalize_bound(&o.to, to) < 0)
		return cm_cli_usage_error("deadlines",
					  "--from and --to need a dated day, month or year");
	if ((status = cm_cli_open(&db, &dbpath, o.db)) >= 0)
		return status;
	for (int attempt = 0; attempt < CM_CLI_RETRIES; attempt++) {
		int changed;
		free_items(&l);
		l = (items){0};
		if ((rc = collect(&l, db, &o, on_iso)) != CM_EMODIFIED ||
		    cm_xdb_reopen(&changed, db) < 0)
			break;
	}
	if (rc == 0) {
		size_t first = l.n, end = l.n;
		if (l.n)
			qsort(l.v, l.n, sizeof *l.v, by_date);
		for (size_t i = 0; i < l.n; i++)
			if (cm_page_take(&o.page)) {
				first = first < i ? first : i;
				end = i + 1;
			}
		if (o.page.count)
			cm_page_finish(&o.page);
		else if (o.ics)
			rc = write_ics(&l, first, end);
		else
			for (size_t i = first; i < end; i++)
				o.json ? print_json(&l.v[i]) : print_text(&l.v[i]);
	}
	if (rc < 0)
		cm_diag(CM_PROGRAM, dbpath, "%s", cm_error_last());
	free_items(&l);
	cm_xdb_free(db);
	free(dbpath);
	return rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
