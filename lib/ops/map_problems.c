/* SPDX-License-Identifier: GPL-2.0-or-later */

/* map_problems.c: the names of the map's statuses, problems and fields, and
 * the message of each problem of a citation (chimuc/map.h), with the
 * evidence of the corpus's readings (map_problems.h). */
#include "ops/map_problems.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/error.h"
#include "chimuc/map.h"

int cm_map_vprintf(char **out, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0 || !(*out = malloc((size_t)n + 1)))
		return cm_error_nomem();
	vsnprintf(*out, (size_t)n + 1, fmt, ap);
	return 0;
}

int cm_map_printf(char **out, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = cm_map_vprintf(out, fmt, ap);
	va_end(ap);
	return rc;
}

const char *cm_map_status_name(cm_map_status status)
{
	static const char *const names[] = {"in_corpus", "cited_only", "unknown", "ambiguous",
					    "inconsistent"};
	return (unsigned)status < sizeof names / sizeof names[0] ? names[status] : NULL;
}

static const char *const problem_names[] = {
	"date_mismatch", "issuer_mismatch", "other_year",       "cited_date",  "no_so",
	"symbol_space",  "wrong_dash",      "date_form",        "contradicts", "dates_differ",
	"term_mismatch", "type_mismatch",   "corpus_disagrees", "superseded",  "amended"};

const char *cm_map_field_name(cm_map_field field)
{
	static const char *const names[] = {"type", "date", "issuer", "term", "title"};
	return (unsigned)field < CM_MAP_FIELDS ? names[field] : NULL;
}

const char *cm_map_problem_name(cm_map_problem problem)
{
	for (size_t i = 0; i < sizeof problem_names / sizeof problem_names[0]; i++)
		if ((unsigned)problem == 1u << i)
			return problem_names[i];
	return NULL;
}

/* "2003, 2013". */
static int years_text(char **out, const cm_map_item *it)
{
	size_t n = 1;
	char *s;

	for (size_t i = 0; i < it->nyears; i++)
		n += (size_t)snprintf(NULL, 0, "%s%d", i ? ", " : "", it->years[i]);
	if (!(s = malloc(n)))
		return cm_error_nomem();
	*s = '\0';
	for (size_t i = 0, at = 0; i < it->nyears; i++)
		at += (size_t)snprintf(s + at, n - at, "%s%d", i ? ", " : "", it->years[i]);
	*out = s;
	return 0;
}

/* The documents listed in a message, at most. */
#define EVIDENCE_SHOWN 5

static const char *file_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* "in 2 documents: a.txt, b.txt", "the document itself: a.txt". */
static int evidence(char **out, const cm_map_reading *g, int from_self)
{
	size_t n = 64, at;
	char *s;

	for (size_t i = 0; i < g->count && i < EVIDENCE_SHOWN; i++)
		n += strlen(file_name(g->paths[i])) + 2;
	if (!(s = malloc(n)))
		return cm_error_nomem();
	at = (size_t)snprintf(s, n,
			      from_self ? "the document itself: " : "in %zu document%s: ", g->count,
			      g->count > 1 ? "s" : "");
	for (size_t i = 0; i < g->count && i < EVIDENCE_SHOWN; i++)
		at += (size_t)snprintf(s + at, n - at, "%s%s", i ? ", " : "",
				       file_name(g->paths[i]));
	if (g->count > EVIDENCE_SHOWN)
		snprintf(s + at, n - at, " and %zu more", g->count - EVIDENCE_SHOWN);
	*out = s;
	return 0;
}

/* "the draft names the issuer "A" but the corpus says "B" (in 2 documents:
 * …)": draft's value v of field f against the one reading. */
static int mismatch_message(char **out, const cm_map_item *it, cm_map_field f, const char *v)
{
	static const char *const verbs[] = {"uses the type word", "dates it", "names the issuer",
					    "gives the term", "titles it"};
	const cm_map_said *said = &it->said[f];
	char *ev = NULL;
	int rc;

	if (said->nreadings != 1)
		return cm_error_set(CM_EINVAL, "map: no consensus on the %s of %s",
				    cm_map_field_name(f), it->key);
	if ((rc = evidence(&ev, &said->readings[0], said->from_self)) < 0)
		return rc;
	if (said->from_self)
		rc = cm_map_printf(out, "the draft %s \"%s\" but the corpus says \"%s\" (%s)",
				   verbs[f], v, said->readings[0].value, ev);
	else
		rc = cm_map_printf(
			out, "the draft %s \"%s\" but the corpus says \"%s\" (%s; \"%s\" in none)",
			verbs[f], v, said->readings[0].value, ev, v);
	free(ev);
	return rc;
}

/* "the corpus disagrees on the issuer: "A" (in 2 documents: …) or "B" (in
 * 1 document: …); none is picked", for each such field. */
static int disagreement_message(char **out, const cm_map_item *it)
{
	char *s = NULL, *next, *ev = NULL;
	int rc = 0;

	for (int f = 0; f < CM_MAP_FIELDS && rc == 0; f++) {
		const cm_map_said *said = &it->said[f];
		if (said->nreadings < 2)
			continue;
		rc = cm_map_printf(&next, "%s%sthe corpus disagrees on the %s:", s ? s : "",
				   s ? "; " : "", cm_map_field_name((cm_map_field)f));
		free(s);
		s = rc < 0 ? NULL : next;
		for (size_t i = 0; i < said->nreadings && rc == 0; i++) {
			if ((rc = evidence(&ev, &said->readings[i], 0)) < 0)
				break;
			rc = cm_map_printf(&next, "%s%s \"%s\" (%s)", s, i ? " or" : "",
					   said->readings[i].value, ev);
			free(ev);
			free(s);
			s = rc < 0 ? NULL : next;
		}
	}
	if (rc == 0 && (rc = cm_map_printf(out, "%s; none is picked", s ? s : "")) < 0)
		*out = NULL;
	free(s);
	return rc;
}

/* "18/11/2024" of "2024-11-18" into out (16 bytes); other forms as they are. */
static const char *dmy(char out[16], const char *iso)
{
	if (iso && strlen(iso) == 10)
		snprintf(out, 16, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	else
		snprintf(out, 16, "%s", iso ? iso : "");
	return out;
}

/* "3080/QĐ-UBND was replaced by 3218/QĐ-UBND from 18/11/2024: cite that
 * instead" (repealed, ended: no longer in force). */
static int superseded_message(char **out, const cm_map_item *it)
{
	static const char *const verbs[] = {"replaced", "repealed", "amended", "ended"};
	char when[32] = "", d[16], by[CM_KEY_MAX];

	snprintf(by, sizeof by, "%.*s",
		 (int)strcspn(it->superseded_by ? it->superseded_by : "another document", "@"),
		 it->superseded_by ? it->superseded_by : "another document");

	if (it->validity_since)
		snprintf(when, sizeof when, " from %s", dmy(d, it->validity_since));
	if (it->superseded_how == CM_REL_REPLACES)
		return cm_map_printf(out, "%s was replaced by %s%s: cite that instead", it->base,
				     by, when);
	return cm_map_printf(out, "%s was %s by %s%s: it is no longer in force", it->base,
			     verbs[it->superseded_how], by, when);
}

/* "45/KH-UBND was amended (Điều 2) by 9/QĐ-UBND from 02/04/2024: cite it with
 * the amendment". */
static int amended_message(char **out, const cm_map_item *it)
{
	char when[32] = "", d[16], by[CM_KEY_MAX];
	const char *k = it->amended_by ? it->amended_by : "another document";

	snprintf(by, sizeof by, "%.*s", (int)strcspn(k, "@"), k);
	if (it->amended_since)
		snprintf(when, sizeof when, " from %s", dmy(d, it->amended_since));
	return cm_map_printf(out, "%s was amended%s%s%s by %s%s: cite it with the amendment",
			     it->base, it->amended_part ? " (" : "",
			     it->amended_part ? it->amended_part : "", it->amended_part ? ")" : "",
			     by, when);
}

int cm_map_problem_message(char **out, const cm_map_item *it, cm_map_problem problem)
{
	char *years = NULL;
	int rc;

	*out = NULL;
	if (!cm_map_problem_name(problem) || !(it->problems & (unsigned)problem))
		return cm_error_set(CM_EINVAL, "map: not a problem of %s", it->key);
	switch (problem) {
	case CM_MAP_DATE_MISMATCH:
	case CM_MAP_CITED_DATE: return mismatch_message(out, it, CM_MAP_DATE, it->date);
	case CM_MAP_ISSUER_MISMATCH: return mismatch_message(out, it, CM_MAP_ISSUER, it->issuer);
	case CM_MAP_TERM_MISMATCH: return mismatch_message(out, it, CM_MAP_TERM, it->term);
	case CM_MAP_TYPE_MISMATCH: return mismatch_message(out, it, CM_MAP_TYPE, it->type);
	case CM_MAP_CORPUS_DISAGREES: return disagreement_message(out, it);
	case CM_MAP_SUPERSEDED: return superseded_message(out, it);
	case CM_MAP_AMENDED: return amended_message(out, it);
	case CM_MAP_OTHER_YEAR:
		if ((rc = years_text(&years, it)) == 0)
			rc = cm_map_printf(out, "the corpus knows %s only as of %s", it->base,
					   years);
		free(years);
		return rc;
	case CM_MAP_NO_SO:
		return cm_map_printf(out, "missing \"số\" before the number: write \"%s số %s\"",
				     it->type, it->base);
	case CM_MAP_SYMBOL_SPACE:
	case CM_MAP_WRONG_DASH:
		return cm_map_printf(
			out, "the symbol has a space, a line break or a wrong dash: write %s",
			it->base);
	case CM_MAP_DATE_FORM:
		return cm_map_printf(out, "unusual date form \"%s\": write dd/mm/yyyy",
				     it->date_form);
	case CM_MAP_CONTRADICTS:
		return cm_map_printf(out, "the type word \"%s\" contradicts the code of %s",
				     it->type ? it->type : "", it->base);
	case CM_MAP_DATES_DIFFER:
		return cm_map_printf(out,
				     "the same document is cited with different dates: %s and %s",
				     it->date, it->other_date);
	default: return cm_error_set(CM_EINVAL, "map: not a problem of %s", it->key);
	}
}
