/* SPDX-License-Identifier: GPL-2.0-or-later */

/* index.c: the read-only index handle of chimuc/index.h: its shards (see
 * shard.h) combined into one Xapian database, a shard that does not answer
 * replaced by an empty one (so that the documents of the others keep their
 * ids), and the bounded rerun after "database modified" or a lost shard. */
#include "chimuc/index.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chimuc/document.h"
#include "chimuc/error.h"
#include "ops/shard.h"

struct cm_index {
	cm_xdb *db;    /* the shards combined; the only shard's own when one */
	cm_xdb *empty; /* stands in for the shards down */
	char *path;    /* the first argument, as given */
	cm_shards shards;
	unsigned timeout_ms;
	int all_shards;
	time_t retried; /* when the shards down were last tried again */
};

/* The message of the error rc, prefixed by the shard's name. */
static int shard_error(const cm_shard *s, int rc)
{
	char *msg = strdup(cm_error_last());

	if (!msg)
		return cm_error_nomem();
	rc = cm_error_set(rc, "shard %s: %s", s->name, msg);
	free(msg);
	return rc;
}

static int remote_vocab(void *ctx, cm_xdb *db)
{
	cm_index *ix = ctx;
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < ix->shards.size; i++)
		if ((rc = cm_shard_keep_vocab(&ix->shards.ptr[i], db)) < 0)
			rc = shard_error(&ix->shards.ptr[i], rc);
	return rc;
}

/* ix->db anew over the shards that answer and the empty stand-in for the
 * others. */
static int combine(cm_index *ix)
{
	size_t n = ix->shards.size;
	cm_xdb **subs = NULL, *db = NULL;
	int rc;

	if (n == 1 && ix->shards.ptr[0].db) {
		ix->db = ix->shards.ptr[0].db;
		cm_xdb_on_first_synonyms(ix->db, remote_vocab, ix);
		return 0;
	}
	if (cm_index_shards_down(ix) == n)
		return cm_error_set(CM_EIO, "no shard answered (%zu shards, each within %u ms)", n,
				    ix->timeout_ms);
	if (!ix->empty && (rc = cm_xdb_open_empty(&ix->empty)) < 0)
		return rc;
	if (!(subs = calloc(n, sizeof *subs)))
		return cm_error_nomem();
	for (size_t i = 0; i < n; i++)
		subs[i] = ix->shards.ptr[i].db ? ix->shards.ptr[i].db : ix->empty;
	if ((rc = cm_xdb_combine(&db, subs, n)) == 0) {
		cm_xdb_free(ix->db);
		ix->db = db;
		cm_xdb_on_first_synonyms(ix->db, remote_vocab, ix);
	}
	free(subs);
	return rc;
}

/* Opens shard s; one that does not answer is left down (NULL), unless
 * --all-shards or the only one. */
static int open_shard(cm_index *ix, cm_shard *s)
{
	int rc = cm_shard_open(s, ix->timeout_ms);

	if (rc == CM_EIO && s->kind != CM_SHARD_LOCAL && !ix->all_shards && ix->shards.size > 1)
		return 0;
	if (rc < 0 && ix->shards.size > 1)
		return shard_error(s, rc);
	return rc;
}

int cm_index_open_many(cm_index **out, const cm_index_options *opts)
{
	cm_index *ix = NULL;
	int rc;

	*out = NULL;
	if (opts->version != CM_INDEX_OPTIONS_VERSION)
		return cm_error_version("index", opts->version, CM_INDEX_OPTIONS_VERSION);
	if (opts->n == 0)
		return cm_error_set(CM_EINVAL, "no index given");
	if (!(ix = calloc(1, sizeof *ix)) || !(ix->path = strdup(opts->paths[0]))) {
		rc = cm_error_nomem();
		goto fail;
	}
	ix->timeout_ms = opts->timeout_ms ? opts->timeout_ms : CM_INDEX_SHARD_TIMEOUT_MS;
	ix->all_shards = opts->all_shards;
	for (size_t i = 0; i < opts->n; i++)
		if ((rc = cm_shards_add(&ix->shards, opts->paths[i])) < 0)
			goto fail;
	for (size_t i = 0; i < ix->shards.size; i++)
		if ((rc = open_shard(ix, &ix->shards.ptr[i])) < 0)
			goto fail;
	if ((rc = combine(ix)) < 0)
		goto fail;
	ix->retried = time(NULL);
	*out = ix;
	return 0;
fail:
	cm_index_free(ix);
	return rc;
}

int cm_index_open(cm_index **out, const char *path)
{
	cm_index_options o = CM_INDEX_OPTIONS_INIT;

	o.paths = &path;
	o.n = 1;
	return cm_index_open_many(out, &o);
}

void cm_index_free(cm_index *ix)
{
	if (!ix)
		return;
	if (ix->shards.size > 1 || !ix->shards.size || !ix->shards.ptr[0].db)
		cm_xdb_free(ix->db);
	cm_xdb_free(ix->empty);
	cm_shards_release(&ix->shards);
	free(ix->path);
	free(ix);
}

/* Tries the shards down again (at most every CM_INDEX_SHARD_RETRY seconds):
 * *back is the number that answer now. */
static int retry_down(size_t *back, cm_index *ix)
{
	time_t now = time(NULL);

	*back = 0;
	if (now - ix->retried < CM_INDEX_SHARD_RETRY)
		return 0;
	ix->retried = now;
	for (size_t i = 0; i < ix->shards.size; i++) {
		cm_shard *s = &ix->shards.ptr[i];
		int rc;
		if (s->db)
			continue;
		if ((rc = cm_shard_open(s, ix->timeout_ms)) == 0)
			++*back;
		else if (rc != CM_EIO)
			return shard_error(s, rc);
	}
	return 0;
}

int cm_index_revision(uint64_t *out, cm_index *ix)
{
	unsigned long long rev = 0;
	int rc;

	*out = 0;
	if (ix->shards.size > 1)
		return cm_error_set(CM_EUNSUPPORTED, "an index of %zu shards has no one revision",
				    ix->shards.size);
	rc = cm_xdb_revision(&rev, ix->db);
	*out = rev;
	return rc;
}

const char *cm_index_path(const cm_index *ix)
{
	return ix->path;
}

cm_xdb *cm_index_xdb(cm_index *ix)
{
	return ix->db;
}

size_t cm_index_shards(const cm_index *ix)
{
	return ix->shards.size;
}

const char *cm_index_shard_name(const cm_index *ix, size_t i)
{
	return i < ix->shards.size ? ix->shards.ptr[i].name : NULL;
}

const char *cm_index_shard_folder(const cm_index *ix, size_t i)
{
	return i < ix->shards.size && ix->shards.ptr[i].kind == CM_SHARD_LOCAL
		       ? ix->shards.ptr[i].where
		       : NULL;
}

int cm_index_shard_down(const cm_index *ix, size_t i)
{
	return i < ix->shards.size && !ix->shards.ptr[i].db;
}

size_t cm_index_shards_down(const cm_index *ix)
{
	size_t n = 0;

	for (size_t i = 0; i < ix->shards.size; i++)
		n += !ix->shards.ptr[i].db;
	return n;
}

size_t cm_index_shard_of(const cm_index *ix, cm_xdocid id)
{
	return id && ix->shards.size ? (size_t)(id - 1) % ix->shards.size : 0;
}

/* After a failed read: a remote shard that no longer answers is tried with
 * a new connection, and put down if that fails too. *renewed is the
 * number of shards renewed or put down. */
static int find_lost(size_t *renewed, cm_index *ix)
{
	*renewed = 0;
	for (size_t i = 0; i < ix->shards.size; i++) {
		cm_shard *s = &ix->shards.ptr[i];
		int changed, rc;
		if (!s->db || s->kind == CM_SHARD_LOCAL || cm_xdb_reopen(&changed, s->db) == 0)
			continue;
		cm_xdb_free(s->db);
		s->db = NULL;
		++*renewed;
		if ((rc = cm_shard_open(s, ix->timeout_ms)) == 0)
			continue;
		if (rc != CM_EIO)
			return shard_error(s, rc);
		if (ix->all_shards)
			return cm_error_set(CM_EIO, "shard %s did not answer (--all-shards)",
					    s->name);
	}
	return *renewed ? combine(ix) : 0;
}

/* After rc (CM_EIO) from a read of many shards: 1 if shards were renewed
 * or put down (the read is to run again), else rc with its message. */
static int recover(cm_index *ix, int rc)
{
	char *msg = strdup(cm_error_last());
	size_t renewed;
	int err;

	if (!msg)
		return cm_error_nomem();
	if ((err = find_lost(&renewed, ix)) == 0)
		err = renewed ? 1 : cm_error_set(rc, "%s", msg);
	free(msg);
	return err;
}

int cm_index_refresh(int *changed, cm_index *ix)
{
	size_t back = 0;
	int rc;

	if (ix->shards.size > 1 && cm_index_shards_down(ix)) {
		if ((rc = retry_down(&back, ix)) < 0 || (back && (rc = combine(ix)) < 0))
			return rc;
	}
	rc = cm_xdb_reopen(changed, ix->db);
	if (rc == CM_EIO && ix->shards.size > 1 && (rc = recover(ix, rc)) == 1)
		rc = cm_xdb_reopen(changed, ix->db);
	if (rc == 0 && back)
		*changed = 1;
	return rc;
}

int cm_index_read(cm_index *ix, cm_index_read_fn read, void *ctx)
{
	int rc = 0, changed;

	for (int run = 1; run <= CM_INDEX_RETRIES; run++) {
		rc = read(ctx, ix->db);
		if (rc == CM_EIO && ix->shards.size > 1) {
			if ((rc = recover(ix, rc)) != 1)
				return rc;
			continue;
		}
		if (rc != CM_EMODIFIED)
			return rc;
		if (run < CM_INDEX_RETRIES && (rc = cm_xdb_reopen(&changed, ix->db)) < 0)
			return rc;
	}
	return cm_error_set(CM_EMODIFIED,
			    "the index kept changing while it was read (%d tries): try again",
			    CM_INDEX_RETRIES);
}
