/* SPDX-License-Identifier: GPL-2.0-or-later */

/* doc.c: the doc operation (chimuc/doc.h): the document found as cites
 * finds it (ops/docfind.h), in one read of the index. */
#include "chimuc/doc.h"

#include <stdlib.h>

#include "chimuc/error.h"
#include "ops/docfind.h"

typedef struct {
	cm_docinfo *info;
	const char *doc;
} job;

static int run(void *ctx, cm_xdb *db)
{
	job *j = ctx;

	cm_docinfo_free(j->info);
	j->info = NULL;
	return cm_doc_find(&j->info, db, j->doc);
}

int cm_doc(cm_docinfo **out, cm_index *ix, const char *doc, const cm_doc_options *opts)
{
	static const cm_doc_options defaults = CM_DOC_OPTIONS_INIT;
	const cm_doc_options *o = opts ? opts : &defaults;
	job j = {NULL, doc};
	int rc;

	*out = NULL;
	if (o->version != CM_DOC_OPTIONS_VERSION)
		return cm_error_version("doc", o->version, CM_DOC_OPTIONS_VERSION);
	if ((rc = cm_index_read(ix, run, &j)) < 0) {
		cm_docinfo_free(j.info);
		return rc;
	}
	*out = j.info;
	return 0;
}
