/* SPDX-License-Identifier: GPL-2.0-or-later */

/* fuzz_query.c: libFuzzer target for the query language. Property: any
 * input either parses into a query whose description Xapian can give, or
 * fails with one of the documented codes; never a crash, leak or hang. */
#include <stdint.h>
#include <stdlib.h>

#include "chimuc/error.h"
#include "chimuc/query.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cm_query *q = NULL;
	char *desc = NULL;
	int rc = cm_query_parse(&q, NULL, (const char *)data, size);

	if (rc == 0) {
		if (cm_xquery_describe(&desc, cm_query_xapian(q)) < 0)
			abort();
		free(desc);
		cm_query_free(q);
	} else if (rc != CM_EINVAL && rc != CM_EPARSE && rc != CM_ELIMIT) {
		abort();
	}
	return 0;
}
