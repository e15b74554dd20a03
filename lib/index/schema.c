/* SPDX-License-Identifier: GPL-2.0-or-later */

/* schema.c: builds and parses the terms, metadata keys, value slot lines
 * and stored forms of a chimuc index (chimuc/schema.h). The only file of
 * lib/, indexer/ and query/ that spells a prefix. */
#include "chimuc/schema.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/hash.h"

/* printf into buf: the length, or CM_ELIMIT when it does not fit. */
static int put(char *buf, size_t len, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

static int put(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= len) {
		if (len)
			buf[0] = '\0';
		return cm_error_set(CM_ELIMIT, "term or stored value longer than %zu bytes",
				    len ? len - 1 : 0);
	}
	return n;
}

int cm_term(char *buf, size_t len, const char *prefix, const char *value)
{
	return put(buf, len, "%s%s", prefix, value);
}

int cm_term_cites(char *buf, size_t len, const char *key)
{
	return cm_term(buf, len, CM_PREFIX_CITES, key);
}

int cm_term_cites_year(char *buf, size_t len, const char *base, int year)
{
	return put(buf, len, "%s%s@%d", CM_PREFIX_CITES, base, year);
}

int cm_term_claims(char *buf, size_t len, const char *key)
{
	return cm_term(buf, len, CM_PREFIX_CLAIMS, key);
}

int cm_term_number(char *buf, size_t len, const char *key)
{
	return cm_term(buf, len, CM_PREFIX_NUMBER, key);
}

int cm_term_type(char *buf, size_t len, const char *code)
{
	return cm_term(buf, len, CM_PREFIX_TYPE, code);
}

int cm_term_issuer(char *buf, size_t len, const char *code)
{
	return cm_term(buf, len, CM_PREFIX_ISSUER, code);
}

int cm_term_year(char *buf, size_t len, const char *iso)
{
	return put(buf, len, "%s%.4s", CM_PREFIX_YEAR, iso);
}

int cm_term_date(char *buf, size_t len, const char *iso)
{
	size_t n = strlen(iso);

	if (iso[0] != '-' && n == 10)
		return put(buf, len, "%s%.4s%.2s%.2s", CM_PREFIX_DATE, iso, iso + 5, iso + 8);
	if (iso[0] != '-' && n == 7 && iso[4] == '-')
		return put(buf, len, "%s%.4s%.2s", CM_PREFIX_DATE, iso, iso + 5);
	return cm_error_set(CM_EINVAL, "%s: not a date or month", iso);
}

int cm_iso_is_day(const char *iso)
{
	size_t n = strlen(iso);

	return (n == 10 && iso[0] != '-' && iso[4] == '-' && iso[7] == '-') ||
	       (n == 7 && iso[0] == '-' && iso[1] == '-' && iso[4] == '-');
}

int cm_term_day_month(char *buf, size_t len, const char *iso)
{
	const char *md;

	if (!cm_iso_is_day(iso))
		return cm_error_set(CM_EINVAL, "%s: not a day", iso);
	md = iso + (iso[0] == '-' ? 2 : 5);
	return put(buf, len, "%s%.2s%.2s", CM_PREFIX_DAY_MONTH, md, md + 3);
}

void cm_document_id_term(char *buf, size_t *out_len, const char *path)
{
	size_t plen = strlen(path);
	int n;

	if (1 + plen <= CM_ID_TERM_MAX) {
		n = snprintf(buf, CM_ID_TERM_MAX + 1, "%s%s", CM_PREFIX_ID, path);
	} else {
		/* Keep a readable prefix (so that prefix walks by folder still
		 * work for ordinary folders) and make it unique with a hash. */
		const size_t keep = CM_ID_TERM_MAX - 1 - 17;
		n = snprintf(buf, CM_ID_TERM_MAX + 1, "%s%.*s#%016" PRIx64, CM_PREFIX_ID, (int)keep,
			     path, cm_hash64(path, plen));
	}
	*out_len = (size_t)n;
}

int cm_term_id_folder(char *buf, size_t len, const char *folder)
{
	size_t n = strlen(folder);

	return put(buf, len, "%s%s%s", CM_PREFIX_ID, folder, n && folder[n - 1] == '/' ? "" : "/");
}

int cm_meta_failed_key(char *buf, size_t len, const char *idterm)
{
	return cm_term(buf, len, CM_FAILED_PREFIX, idterm);
}

int cm_failed_record_format(char **out, size_t *out_len, const cm_failed_record *r)
{
	size_t cap = r->mtime_len + strlen(r->reason) + 48;
	char *s = malloc(cap);
	int n;

	if (!s)
		return cm_error_nomem();
	n = snprintf(s, cap, "%.*s %" PRIu64 " %d %s", (int)r->mtime_len, r->mtime, r->size,
		     r->code, r->reason);
	*out = s;
	*out_len = (size_t)n;
	return 0;
}

int cm_failed_record_parse(cm_failed_record *out, const char *record)
{
	const char *sp = strchr(record, ' ');
	char *end;
	long code;

	if (!sp || sp == record || !(sp[1] >= '0' && sp[1] <= '9'))
		goto bad;
	out->mtime = record;
	out->mtime_len = (size_t)(sp - record);
	out->size = (uint64_t)strtoull(sp + 1, &end, 10);
	if (*end != ' ')
		goto bad;
	code = strtol(end + 1, &end, 10);
	if (*end != ' ')
		goto bad;
	out->code = (int)code;
	out->reason = end + 1;
	return 0;
bad:
	return cm_error_set(CM_EINVAL, "not a failure record");
}

int cm_mtime_format(char *buf, size_t len, const struct timespec *t)
{
	return put(buf, len, "%lld.%09ld", (long long)t->tv_sec, (long)t->tv_nsec);
}

int cm_mtime_parse(struct timespec *out, const char *s)
{
	char *end;
	long long sec;
	long nsec;

	errno = 0;
	sec = strtoll(s, &end, 10);
	if (end == s || *end != '.' || errno)
		goto bad;
	s = end + 1;
	if (strspn(s, "0123456789") != 9 || s[9])
		goto bad;
	nsec = strtol(s, NULL, 10);
	out->tv_sec = (time_t)sec;
	out->tv_nsec = nsec;
	return 0;
bad:
	return cm_error_set(CM_EINVAL, "not a stored mtime (seconds.nanoseconds)");
}

int cm_size_format(char *buf, size_t len, uint64_t size)
{
	return put(buf, len, "%" PRIu64, size);
}

int cm_size_parse(uint64_t *out, const char *s)
{
	char *end;
	unsigned long long v;

	errno = 0;
	if (!*s || strspn(s, "0123456789") != strlen(s))
		goto bad;
	v = strtoull(s, &end, 10);
	if (errno)
		goto bad;
	*out = (uint64_t)v;
	return 0;
bad:
	return cm_error_set(CM_EINVAL, "not a stored size (decimal bytes)");
}

int cm_hash_format(char *buf, size_t len, uint64_t hash)
{
	return put(buf, len, "%016" PRIx64, hash);
}

int cm_hash_parse(uint64_t *out, const char *s)
{
	if (strspn(s, "0123456789abcdef") != 16 || s[16])
		return cm_error_set(CM_EINVAL, "not a stored hash (16 hex digits)");
	*out = (uint64_t)strtoull(s, NULL, 16);
	return 0;
}

char *cm_slot_line_split(const char **fields, size_t n, char *s)
{
	for (size_t i = 0; i < n; i++) {
		char *tab = i + 1 < n ? strchr(s, '\t') : NULL;
		if (tab)
			*tab = '\0';
		fields[i] = *s ? s : NULL;
		s = tab ? tab + 1 : s + strlen(s);
	}
	return s;
}

static int put_char(cm_slot_buf *buf, char c)
{
	char *p = cm_array_alloc(*buf);

	if (!p)
		return CM_ENOMEM;
	*p = c;
	return 0;
}

int cm_slot_line_append(cm_slot_buf *buf, const char *const *fields, size_t n, char end)
{
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		for (const char *s = fields[i] ? fields[i] : ""; *s && rc == 0; s++)
			rc = put_char(buf, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
		if (rc == 0)
			rc = put_char(buf, i + 1 < n ? '\t' : end);
	}
	return rc;
}
