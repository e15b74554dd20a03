/* SPDX-License-Identifier: GPL-2.0-or-later */

/* map_validity.c: a cited document's validity for the draft map
 * (map_validity.h), read through cm_validity_of. */
#include "ops/map_validity.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "ops/citegraph.h"
#include "ops/validity.h"

static int dup(char **out, const char *s)
{
	*out = NULL;
	if (s && !(*out = strdup(s)))
		return cm_error_nomem();
	return 0;
}

/* A claim the draft itself makes (its key, with or without year). */
static int by_draft(const cm_status_claim *c, const char *draft_key)
{
	char base[CM_KEY_MAX];

	if (!draft_key || !*draft_key || !c->key)
		return 0;
	snprintf(base, sizeof base, "%.*s", (int)strcspn(draft_key, "@"), draft_key);
	return cm_key_matches(c->key, base, 0);
}

int cm_map_validity_of(cm_map_validity *out, cm_xdb *db, const char *base, int year,
		       const char *today, const char *draft_key)
{
	cm_validity v;
	const cm_status_claim *d;
	int rc;

	*out = (cm_map_validity){CM_STATUS_UNKNOWN, NULL, NULL, CM_REL_REPLACES, NULL, NULL, NULL};
	if ((rc = cm_validity_of(&v, db, base, year, today)) < 0) {
		cm_validity_release(&v);
		return rc;
	}
	out->status = v.status;
	if ((d = cm_validity_decider(&v)) && !by_draft(d, draft_key)) {
		out->how = d->relation;
		if ((rc = dup(&out->by, d->key)) < 0 || (rc = dup(&out->since, d->date)) < 0)
			goto cleanup;
	} else if (d) {
		out->status = CM_STATUS_IN_FORCE;
	}
	for (size_t i = 0; i < v.claims.size && !out->by; i++) {
		const cm_status_claim *c = &v.claims.ptr[i];
		if (by_draft(c, draft_key) || (c->date && strcmp(c->date, today) > 0) ||
		    (c->relation != CM_REL_AMENDS && !c->part))
			continue;
		if ((rc = dup(&out->amended_by, c->key)) < 0 ||
		    (rc = dup(&out->amended_part, c->part)) < 0 ||
		    (rc = dup(&out->amended_since, c->date)) < 0)
			goto cleanup;
		break;
	}
cleanup:
	cm_validity_release(&v);
	if (rc < 0) {
		free(out->since);
		free(out->by);
		free(out->amended_by);
		free(out->amended_part);
		free(out->amended_since);
		*out = (cm_map_validity){
			CM_STATUS_UNKNOWN, NULL, NULL, CM_REL_REPLACES, NULL, NULL, NULL};
	}
	return rc;
}
