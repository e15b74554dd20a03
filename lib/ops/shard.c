/* SPDX-License-Identifier: GPL-2.0-or-later */

/* shard.c: the shards of an index (see shard.h): stub files read the way
 * Xapian reads them (a relative path is relative to the stub's folder), a
 * shard opened on its own, a remote shard's vocabulary rebuilt from its
 * terms. */
#include "ops/shard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/text.h"

/* Appends a shard: its name, where[0..len) and, for a program, its
 * arguments. */
static int push(cm_shards *out, cm_shard_kind kind, const char *name, const char *where, size_t len,
		const char *args, unsigned port)
{
	cm_shard *s = cm_array_alloc(*out);

	if (!s)
		return cm_error_nomem();
	*s = (cm_shard){.kind = kind, .port = port};
	if (!(s->name = strdup(name)) || !(s->where = strndup(where, len)) ||
	    (args && !(s->args = strdup(args)))) {
		free(s->name);
		free(s->where);
		out->size--;
		return cm_error_nomem();
	}
	return 0;
}

static int add(cm_shards *out, const char *arg, int depth);

/* path relative to the folder of the stub file stub, unless absolute. */
static int stub_path(char **out, const char *stub, const char *path)
{
	const char *slash = strrchr(stub, '/');
	size_t dir = slash ? (size_t)(slash - stub) + 1 : 0;

	if (path[0] == '/')
		dir = 0;
	if (!(*out = malloc(dir + strlen(path) + 1)))
		return cm_error_nomem();
	memcpy(*out, stub, dir);
	strcpy(*out + dir, path);
	return 0;
}

/* A `remote` line's target: ":PROGRAM ARGS" or "HOST:PORT"; -1 if it is
 * neither. */
static int add_remote(cm_shards *out, const char *target)
{
	const char *colon = strrchr(target, ':');
	char *end;
	unsigned long port;

	if (target[0] == ':') {
		size_t prog = strcspn(target + 1, " ");
		const char *args = target + 1 + prog;
		if (!prog)
			return -1;
		return push(out, CM_SHARD_PROGRAM, target + 1, target + 1, prog,
			    *args ? args + 1 : "", 0);
	}
	if (!colon || colon == target || !colon[1])
		return -1;
	port = strtoul(colon + 1, &end, 10);
	if (*end || port == 0 || port > 65535)
		return -1;
	return push(out, CM_SHARD_TCP, target, target, (size_t)(colon - target), NULL,
		    (unsigned)port);
}

/* One line of the stub file stub, NUL-terminated and without its newline:
 * 0, -1 if not understood, or a CM_E code. */
static int stub_line(cm_shards *out, const char *stub, char *line, int depth)
{
	char *sp, *path = NULL;
	int rc;

	line[strcspn(line, "\r")] = '\0';
	line += strspn(line, " \t");
	if (!*line || *line == '#')
		return 0;
	if (!(sp = strpbrk(line, " \t")))
		return -1;
	*sp++ = '\0';
	sp += strspn(sp, " \t");
	if (!*sp)
		return -1;
	if (!strcmp(line, "remote"))
		return add_remote(out, sp);
	if (strcmp(line, "auto") && strcmp(line, "glass") && strcmp(line, "chert"))
		return -1;
	if ((rc = stub_path(&path, stub, sp)) == 0)
		rc = add(out, path, depth + 1);
	free(path);
	return rc;
}

static int parse_stub(cm_shards *out, const char *stub, const char *text, size_t len, int depth)
{
	size_t before = out->size, at = 0;
	int rc = 0, n = 0;

	if (depth > CM_STUB_DEPTH_MAX)
		return cm_error_set(CM_ELIMIT, "%s: stub files nested more than %d deep", stub,
				    CM_STUB_DEPTH_MAX);
	while (rc == 0 && at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - text) : len;
		char *line = strndup(text + at, end - at);
		n++;
		if (!line)
			return cm_error_nomem();
		rc = strlen(line) < end - at ? -1 : stub_line(out, stub, line, depth);
		free(line);
		if (rc == -1)
			rc = cm_error_set(CM_EPARSE,
					  "%s:%d: not a stub line (auto PATH, remote HOST:PORT or "
					  "remote :PROGRAM ARGS)",
					  stub, n);
		at = end + 1;
	}
	if (rc == 0 && out->size == before)
		rc = cm_error_set(CM_EPARSE, "%s: a stub file naming no database", stub);
	return rc;
}

int cm_shards_parse_stub(cm_shards *out, const char *stub, const char *text, size_t len)
{
	return parse_stub(out, stub, text, len, 0);
}

static int add_stub(cm_shards *out, const char *stub, int depth)
{
	FILE *f = fopen(stub, "rb");
	char *text = NULL;
	size_t len;
	int rc;

	if (!f)
		return cm_error_set(CM_EIO, "%s: cannot read this stub file", stub);
	if (!(text = malloc(CM_STUB_MAX_BYTES + 1))) {
		fclose(f);
		return cm_error_nomem();
	}
	len = fread(text, 1, CM_STUB_MAX_BYTES + 1, f);
	if (ferror(f))
		rc = cm_error_set(CM_EIO, "%s: cannot read this stub file", stub);
	else if (len > CM_STUB_MAX_BYTES)
		rc = cm_error_set(CM_ELIMIT, "%s: a stub file larger than %d bytes (not a stub?)",
				  stub, CM_STUB_MAX_BYTES);
	else
		rc = parse_stub(out, stub, text, len, depth);
	free(text);
	fclose(f);
	return rc;
}

static int add(cm_shards *out, const char *arg, int depth)
{
	struct stat st;

	if (stat(arg, &st) == 0 && S_ISREG(st.st_mode))
		return add_stub(out, arg, depth);
	return push(out, CM_SHARD_LOCAL, arg, arg, strlen(arg), NULL, 0);
}

int cm_shards_add(cm_shards *out, const char *arg)
{
	return add(out, arg, 0);
}

int cm_shard_open(cm_shard *s, unsigned timeout_ms)
{
	int rc;

	switch (s->kind) {
	case CM_SHARD_LOCAL: rc = cm_xdb_open(&s->db, s->where); break;
	case CM_SHARD_TCP: rc = cm_xdb_open_remote(&s->db, s->where, s->port, timeout_ms); break;
	default: rc = cm_xdb_open_remote_program(&s->db, s->where, s->args, timeout_ms); break;
	}
	if (rc == 0 && (rc = cm_index_format_check(s->db, 0)) < 0) {
		cm_xdb_free(s->db);
		s->db = NULL;
	}
	return rc;
}

/* The words of db with diacritics, under their folded form, into v. Terms
 * with a prefix (capital letters: chimuc/schema.h) are skipped over. */
static int read_vocab(cm_vocab *v, cm_xdb *db)
{
	cm_xterms *it;
	const char *t;
	size_t len;
	unsigned count;
	int rc;

	if ((rc = cm_xdb_allterms(&it, db, "", 0)) < 0)
		return rc;
	while ((rc = cm_xterms_next(&t, &len, &count, it)) == 1) {
		cm_tokenizer tz;
		cm_token tok;
		if (t[0] >= 'A' && t[0] <= 'Z') {
			if ((rc = cm_xterms_skip_to(it, "[", 1)) < 0)
				break;
			continue;
		}
		cm_tokenizer_init(&tz, t, len);
		if ((rc = cm_tokenizer_next(&tok, &tz)) < 0)
			break;
		if (rc == 1 && tok.exact_len == len && !memcmp(tok.exact, t, len) &&
		    cm_token_has_diacritics(&tok) &&
		    (rc = cm_vocab_add(v, tok.folded, tok.folded_len, tok.exact, tok.exact_len)) <
			    0)
			break;
	}
	cm_xterms_free(it);
	return rc < 0 ? rc : 0;
}

int cm_shard_keep_vocab(cm_shard *s, cm_xdb *db)
{
	int rc;

	if (s->kind == CM_SHARD_LOCAL || !s->db)
		return 0;
	if (!s->vocab) {
		if ((rc = cm_vocab_new(&s->vocab)) < 0)
			return rc;
		if ((rc = read_vocab(s->vocab, s->db)) < 0) {
			cm_vocab_free(s->vocab);
			s->vocab = NULL;
			return rc;
		}
	}
	for (size_t i = 0; i < cm_vocab_count(s->vocab); i++) {
		const char *f, *e;
		size_t fl, el;
		cm_vocab_get(&f, &fl, &e, &el, s->vocab, i);
		if ((rc = cm_xdb_keep_synonym(db, f, fl, e, el)) < 0)
			return rc;
	}
	return 0;
}

void cm_shards_release(cm_shards *shards)
{
	for (size_t i = 0; i < shards->size; i++) {
		cm_shard *s = &shards->ptr[i];
		cm_xdb_free(s->db);
		cm_vocab_free(s->vocab);
		free(s->name);
		free(s->where);
		free(s->args);
	}
	cm_array_clear(*shards);
}
