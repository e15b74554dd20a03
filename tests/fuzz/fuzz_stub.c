/* SPDX-License-Identifier: GPL-2.0-or-later */

/* fuzz_stub.c: libFuzzer target for the stub files of many shards
 * (lib/ops/shard.h). Property: any input either gives at least one shard,
 * each with a name and a place (a TCP one with a port from 1 to 65535),
 * or fails with one of the documented codes; never a crash, leak or hang.
 * Inputs holding a '/' are skipped: the stub's folder does not exist, so
 * every path is a folder that is not there, never a file read as a stub. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "ops/shard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cm_shards s = {0};
	int rc;

	if (memchr(data, '/', size))
		return 0;
	rc = cm_shards_parse_stub(&s, "/nonexistent-chimuc-fuzz/p.stub", (const char *)data, size);
	if (rc == 0) {
		if (s.size == 0)
			abort();
		for (size_t i = 0; i < s.size; i++) {
			const cm_shard *sh = &s.ptr[i];
			if (!*sh->name || !*sh->where ||
			    (sh->kind == CM_SHARD_TCP && (sh->port < 1 || sh->port > 65535)) ||
			    (sh->kind == CM_SHARD_PROGRAM && !sh->args))
				abort();
		}
	} else if (rc != CM_EPARSE && rc != CM_ELIMIT && rc != CM_ENOMEM) {
		abort();
	}
	cm_shards_release(&s);
	return 0;
}
