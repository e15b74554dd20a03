/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_shard.c: the shards of an index: stub files read as Xapian reads
 * them (each form that must be read and each that must be refused), and
 * opening many shards: ids that say their shard, the vocabulary kept for a
 * shard, a remote shard that does not answer left down or failing the open
 * with all_shards, a missing local shard refused with its name. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chimuc/error.h"
#include "chimuc/index.h"
#include "chimuc/search.h"
#include "ops/shard.h"
#include "test_index.h"

typedef struct {
	const char *text;
	int rc;                   /* of cm_shards_parse_stub */
	size_t n;                 /* shards read */
	cm_shard_kind kind;       /* of the first */
	const char *name, *where; /* of the first */
	const char *args;         /* of the first, a program's */
	unsigned port;
} stub_case;

static const stub_case stubs[] = {
	{"remote 127.0.0.1:33333\n", 0, 1, CM_SHARD_TCP, "127.0.0.1:33333", "127.0.0.1", NULL,
	 33333},
	{"remote   db.lan:7\r\n", 0, 1, CM_SHARD_TCP, "db.lan:7", "db.lan", NULL, 7},
	{"remote [::1]:8000", 0, 1, CM_SHARD_TCP, "[::1]:8000", "[::1]", NULL, 8000},
	{"remote :ssh -T huyen xapian-progsrv /srv/idx\n", 0, 1, CM_SHARD_PROGRAM,
	 "ssh -T huyen xapian-progsrv /srv/idx", "ssh", "-T huyen xapian-progsrv /srv/idx", 0},
	{"remote :xapian-progsrv\n", 0, 1, CM_SHARD_PROGRAM, "xapian-progsrv", "xapian-progsrv", "",
	 0},
	{"auto /abs/db one\n", 0, 1, CM_SHARD_LOCAL, "/abs/db one", "/abs/db one", NULL, 0},
	{"auto rel\n", 0, 1, CM_SHARD_LOCAL, "/etc/chimuc/rel", "/etc/chimuc/rel", NULL, 0},
	{"glass g\nchert c\n", 0, 2, CM_SHARD_LOCAL, "/etc/chimuc/g", "/etc/chimuc/g", NULL, 0},
	{"# a comment\n\n  \t\nremote h:1\n# end", 0, 1, CM_SHARD_TCP, "h:1", "h", NULL, 1},
	{"remote h:1\nremote h:2\nauto x\n", 0, 3, CM_SHARD_TCP, "h:1", "h", NULL, 1},
	/* refused */
	{"", CM_EPARSE, 0, 0, NULL, NULL, NULL, 0},
	{"# only a comment\n", CM_EPARSE, 0, 0, NULL, NULL, NULL, 0},
	{"remote h:0\n", CM_EPARSE, 0, 0, NULL, NULL, NULL, 0},
	{"remote h:65536\n", CM_EPARSE, 0, 0, NULL, NULL, NULL, 0},
	{"remote h:12x\n", CM_EPARSE, 0, 0, NULL, NULL, NULL, 0},
	{"remote h:\n", CM_EPARSE, 0, 0, NULL, NULL, NULL, 0},
	{"remote hostonly\n", CM_EPARSE, 0, 0, NULL, NULL, NULL, 0},
	{"remote :\n", CM_EPARSE, 0, 0, NULL, NULL, NULL, 0},
	{"remote : ssh\n", CM_EPARSE, 0, 0, NULL, NULL, NULL, 0},
	{"remote\n", CM_EPARSE, 0, 0, NULL, NULL, NULL, 0},
	{"auto\n", CM_EPARSE, 0, 0, NULL, NULL, NULL, 0},
	{"inmemory\n", CM_EPARSE, 0, 0, NULL, NULL, NULL, 0},
	{"tcp h:1\n", CM_EPARSE, 0, 0, NULL, NULL, NULL, 0},
	{"remote h:1\nnonsense here\n", CM_EPARSE, 0, 0, NULL, NULL, NULL, 0},
};

Test(shard, stub_lines)
{
	for (size_t i = 0; i < sizeof stubs / sizeof stubs[0]; i++) {
		const stub_case *c = &stubs[i];
		cm_shards s = {0};
		int rc = cm_shards_parse_stub(&s, "/etc/chimuc/p.stub", c->text, strlen(c->text));

		cr_assert_eq(rc, c->rc, "case %zu: %d (%s)", i, rc, cm_error_last());
		if (rc == 0) {
			cr_assert_eq(s.size, c->n, "case %zu", i);
			cr_assert_eq(s.ptr[0].kind, c->kind, "case %zu", i);
			cr_assert_str_eq(s.ptr[0].name, c->name, "case %zu", i);
			cr_assert_str_eq(s.ptr[0].where, c->where, "case %zu", i);
			if (c->args)
				cr_assert_str_eq(s.ptr[0].args, c->args, "case %zu", i);
			cr_assert_eq(s.ptr[0].port, c->port, "case %zu", i);
		}
		cm_shards_release(&s);
	}
}

Test(shard, line_number_in_the_message)
{
	static const char text[] = "remote h:1\n\nbogus\n";
	cm_shards s = {0};

	cr_assert_eq(cm_shards_parse_stub(&s, "p.stub", text, strlen(text)), CM_EPARSE);
	cr_assert(strstr(cm_error_last(), "p.stub:3: not a stub line"), "%s", cm_error_last());
	cm_shards_release(&s);
}

Test(shard, a_nul_byte_is_no_stub_line)
{
	static const char text[] = "remote h:1\0 x\n";
	cm_shards s = {0};

	cr_assert_eq(cm_shards_parse_stub(&s, "p.stub", text, sizeof text - 1), CM_EPARSE);
	cm_shards_release(&s);
}

/* A stub file naming itself: refused past CM_STUB_DEPTH_MAX, no loop. */
Test(shard, nested_stubs_are_bounded)
{
	char path[] = "/tmp/cm-stub-XXXXXX";
	int fd = mkstemp(path);
	FILE *f;
	cm_shards s = {0};

	cr_assert(fd >= 0);
	cr_assert((f = fdopen(fd, "w")));
	fprintf(f, "auto %s\n", path);
	fclose(f);
	cr_assert_eq(cm_shards_add(&s, path), CM_ELIMIT);
	cr_assert(strstr(cm_error_last(), "nested more than 8 deep"), "%s", cm_error_last());
	cm_shards_release(&s);
	unlink(path);
}

static cm_index *open_many(int *rc, const char *const *paths, size_t n, int all)
{
	cm_index_options o = CM_INDEX_OPTIONS_INIT;
	cm_index *ix = NULL;

	o.paths = paths;
	o.n = n;
	o.timeout_ms = 2000;
	o.all_shards = all;
	*rc = cm_index_open_many(&ix, &o);
	return ix;
}

Test(shard, ids_say_their_shard)
{
	char *db = cm_test_sample_index();
	const char *paths[] = {db, db, db};
	cm_search_result *r = NULL;
	int rc;
	cm_index *ix = open_many(&rc, paths, 3, 0);

	cr_assert_eq(rc, 0, "%s", cm_error_last());
	cr_assert_eq(cm_index_shards(ix), 3);
	cr_assert_eq(cm_index_shards_down(ix), 0);
	cr_assert_eq(cm_index_shard_of(ix, 1), 0);
	cr_assert_eq(cm_index_shard_of(ix, 2), 1);
	cr_assert_eq(cm_index_shard_of(ix, 6), 2);
	cr_assert_eq(cm_index_shard_of(ix, 7), 0);
	cr_assert_str_eq(cm_index_shard_folder(ix, 1), db);
	cr_assert_eq(cm_search(&r, ix, "dan van kheo", 12, NULL), 0, "%s", cm_error_last());
	cr_assert_gt(cm_search_size(r), 0);
	for (size_t i = 0; i < cm_search_size(r); i++) {
		const cm_search_item *it = cm_search_get(r, i);
		cr_assert_str_eq(it->shard, cm_index_shard_name(ix, (it->docid - 1) % 3));
	}
	cm_search_free(r);
	cm_index_free(ix);
	free(db);
}

Test(shard, a_remote_shard_that_does_not_answer)
{
	char *db = cm_test_sample_index();
	char stub[] = "/tmp/cm-stub-XXXXXX";
	int fd = mkstemp(stub), rc;
	FILE *f;
	const char *paths[] = {db, stub};
	cm_index *ix;

	cr_assert(fd >= 0 && (f = fdopen(fd, "w")));
	fputs("remote 127.0.0.1:1\n", f); /* nothing listens on port 1 */
	fclose(f);
	ix = open_many(&rc, paths, 2, 0);
	cr_assert_eq(rc, 0, "%s", cm_error_last());
	cr_assert_eq(cm_index_shards_down(ix), 1);
	cr_assert(cm_index_shard_down(ix, 1));
	cr_assert_str_eq(cm_index_shard_name(ix, 1), "127.0.0.1:1");
	cr_assert_null(cm_index_shard_folder(ix, 1));
	cm_index_free(ix);

	ix = open_many(&rc, paths, 2, 1);
	cr_assert_eq(rc, CM_EIO);
	cr_assert_null(ix);
	cr_assert(strstr(cm_error_last(), "shard 127.0.0.1:1: "), "%s", cm_error_last());

	ix = open_many(&rc, paths + 1, 1, 0);
	cr_assert_eq(rc, CM_EIO, "the only shard down is an error");
	unlink(stub);
	free(db);
}

Test(shard, a_missing_local_shard_is_refused_by_name)
{
	char *db = cm_test_sample_index();
	const char *paths[] = {db, "/nonexistent/chimuc-shard"};
	int rc;
	cm_index *ix = open_many(&rc, paths, 2, 0);

	cr_assert_eq(rc, CM_ENOTFOUND);
	cr_assert_null(ix);
	cr_assert(strstr(cm_error_last(), "shard /nonexistent/chimuc-shard: "), "%s",
		  cm_error_last());
	free(db);
}
