/* SPDX-License-Identifier: GPL-2.0-or-later */

/* shard.h: the shards of an index (chimuc/index.h): each --db argument
 * read as a folder or as a Xapian stub file (lines `auto PATH`, `glass
 * PATH`, `chert PATH`, `remote HOST:PORT`, `remote :PROGRAM ARGS`, blank
 * lines and # comments), each shard opened on its own (a remote one with a
 * timeout) and its vocabulary read when it cannot serve synonyms. Internal
 * to the library.
 *
 * Ownership: a cm_shards and every string and database in it are its own
 * (cm_shards_release). */
#ifndef CHIMUC_OPS_SHARD_H
#define CHIMUC_OPS_SHARD_H

#include "chimuc/array.h"
#include "chimuc/vocab.h"
#include "chimuc/xapian_c.h"

/* How deep stub files may name other stub files. */
#define CM_STUB_DEPTH_MAX 8
/* The largest stub file read (a --db naming a big file is no stub). */
#define CM_STUB_MAX_BYTES (1 << 20)

typedef enum { CM_SHARD_LOCAL, CM_SHARD_TCP, CM_SHARD_PROGRAM } cm_shard_kind;

typedef struct {
	cm_shard_kind kind;
	char *name;      /* as messages name it: the path, HOST:PORT or PROGRAM ARGS */
	char *where;     /* the folder, the host or the program */
	char *args;      /* the program's arguments */
	unsigned port;   /* the TCP port */
	cm_xdb *db;      /* NULL while it does not answer */
	cm_vocab *vocab; /* a remote shard's vocabulary, once read */
} cm_shard;

typedef cm_array_t(cm_shard) cm_shards;

/* Appends the shards that arg names (a folder, or every line of a stub
 * file) to out. Errors: CM_EPARSE (a stub line not understood, named with
 * its file and line), CM_ELIMIT (stubs nested past CM_STUB_DEPTH_MAX),
 * CM_EIO, CM_ENOMEM. */
int cm_shards_add(cm_shards *out, const char *arg);

/* Appends the shards of the stub file text[0..len) (named stub, whose
 * folder relative paths start from) to out. Errors as cm_shards_add's. */
int cm_shards_parse_stub(cm_shards *out, const char *stub, const char *text, size_t len);

/* Opens s (a remote one waiting at most timeout_ms) and checks its format:
 * 0; CM_EIO when a remote shard does not answer; CM_ENOTFOUND,
 * CM_EUNSUPPORTED (the message names the shard), the binding's. */
int cm_shard_open(cm_shard *s, unsigned timeout_ms);

/* Keeps in db, as synonyms, the vocabulary of the remote shard s (its
 * words with diacritics under their folded form), read from its terms the
 * first time. */
int cm_shard_keep_vocab(cm_shard *s, cm_xdb *db);

void cm_shards_release(cm_shards *shards);

#endif
