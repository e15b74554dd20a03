/* SPDX-License-Identifier: GPL-2.0-or-later */

/* auth.c: the users of --auth FILE and their check (auth.h): crypt_rn of
 * the password with the stored hash as its setting, compared in constant
 * time. */
#include "auth.h"

#include <crypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/array.h"
#include "chimuc/error.h"

typedef struct {
	char *user, *hash;
} user;

struct cm_serve_auth {
	cm_array_t(user) users;
};

/* A hash for unknown users (of "x"), so that they cost one crypt too. */
static const char dummy[] = "$6$chimucdummysalt$bM.sN5pwQRmBA/7lz5OF6M2rpzSwIkhWeHOurveUStWZL"
			    "V7M81t6iwEof9qWohXkjpg35XstRNZuKAJXzwrPB/";

void cm_serve_auth_free(cm_serve_auth *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->users.size; i++) {
		free(a->users.ptr[i].user);
		free(a->users.ptr[i].hash);
	}
	cm_array_clear(a->users);
	free(a);
}

/* Takes the line "user:hash" (its end of line removed). */
static int add_line(cm_serve_auth *a, char *line, unsigned no, const char *path)
{
	char *colon = strchr(line, ':');
	user *u;

	if (!colon || colon == line || colon[1] != '$' || strchr(colon + 1, ':'))
		return cm_error_set(CM_EPARSE, "%s:%u: not user:$id$salt$hash", path, no);
	*colon = '\0';
	for (size_t i = 0; i < a->users.size; i++)
		if (!strcmp(a->users.ptr[i].user, line))
			return cm_error_set(CM_EPARSE, "%s:%u: user %s given twice", path, no,
					    line);
	if (!(u = cm_array_alloc(a->users)))
		return cm_error_nomem();
	if (!(u->user = strdup(line)) || !(u->hash = strdup(colon + 1)))
		return cm_error_nomem();
	return 0;
}

int cm_serve_auth_load(cm_serve_auth **out, const char *path)
{
	cm_serve_auth *a = calloc(1, sizeof *a);
	FILE *f = NULL;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	unsigned no = 0;
	int rc = 0;

	*out = NULL;
	if (!a)
		return cm_error_nomem();
	if (!(f = fopen(path, "r"))) {
		rc = cm_error_set(CM_ENOTFOUND, "%s: cannot open the users' file", path);
		goto cleanup;
	}
	while (rc == 0 && (n = getline(&line, &cap, f)) >= 0) {
		no++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n > 0 && line[0] != '#')
			rc = add_line(a, line, no, path);
	}
	if (rc == 0 && ferror(f))
		rc = cm_error_set(CM_EIO, "%s: cannot read the users' file", path);
	if (rc == 0 && a->users.size == 0)
		rc = cm_error_set(CM_EPARSE, "%s: no user in it", path);
cleanup:
	if (f)
		fclose(f);
	free(line);
	if (rc < 0)
		cm_serve_auth_free(a);
	else
		*out = a;
	return rc;
}

/* 1 if a and b are the same string, in a time that depends on their
 * lengths only. */
static int same(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	unsigned char diff = na != nb;

	for (size_t i = 0; i < na && i < nb; i++)
		diff |= (unsigned char)(a[i] ^ b[i]);
	return diff == 0;
}

int cm_serve_auth_check(const cm_serve_auth *a, const char *name, const char *password)
{
	const char *hash = dummy;
	struct crypt_data *data;
	const char *out;
	int ok = 0;

	if (!name || !password)
		return 0;
	for (size_t i = 0; i < a->users.size; i++)
		if (!strcmp(a->users.ptr[i].user, name))
			hash = a->users.ptr[i].hash;
	if (!(data = calloc(1, sizeof *data)))
		return 0;
	out = crypt_rn(password, hash, data, (int)sizeof *data);
	ok = out && out[0] == '$' && same(out, hash) && hash != dummy;
	free(data);
	return ok;
}
