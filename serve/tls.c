/* SPDX-License-Identifier: GPL-2.0-or-later */

/* tls.c: --tls-cert and --tls-key read and checked (tls.h): each file
 * whole, the certificate list and the key parsed by GnuTLS, then both set
 * on one credentials handle, which fails when they are not a pair. */
#include "tls.h"

#include <errno.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

/* path's bytes, NUL-terminated, into *out (the caller's). */
static int slurp(char **out, const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n;
	int rc = 0;

	*out = NULL;
	if (!f)
		return cm_error_set(CM_EIO, "%s: cannot read: %s", path, strerror(errno));
	if (!(buf = malloc(CM_SERVE_TLS_FILE_MAX + 1))) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	n = fread(buf, 1, CM_SERVE_TLS_FILE_MAX + 1, f);
	if (ferror(f))
		rc = cm_error_set(CM_EIO, "%s: cannot read: %s", path, strerror(errno));
	else if (n > CM_SERVE_TLS_FILE_MAX)
		rc = cm_error_set(CM_EIO, "%s: larger than %u bytes: not a certificate or key",
				  path, CM_SERVE_TLS_FILE_MAX);
	else if (n == 0)
		rc = cm_error_set(CM_EPARSE, "%s: empty", path);
	if (rc == 0) {
		buf[n] = '\0';
		*out = buf;
		buf = NULL;
	}
cleanup:
	free(buf);
	fclose(f);
	return rc;
}

static int check_cert(const char *pem, const char *path)
{
	gnutls_datum_t d = {(unsigned char *)pem, (unsigned)strlen(pem)};
	gnutls_x509_crt_t *list = NULL;
	unsigned n = 0;
	int e = gnutls_x509_crt_list_import2(&list, &n, &d, GNUTLS_X509_FMT_PEM, 0);

	if (e < 0)
		return cm_error_set(CM_EPARSE, "%s: not a PEM certificate: %s", path,
				    gnutls_strerror(e));
	for (unsigned i = 0; i < n; i++)
		gnutls_x509_crt_deinit(list[i]);
	gnutls_free(list);
	return 0;
}

static int check_key(const char *pem, const char *path)
{
	gnutls_datum_t d = {(unsigned char *)pem, (unsigned)strlen(pem)};
	gnutls_x509_privkey_t k;
	int e;

	if (gnutls_x509_privkey_init(&k) < 0)
		return cm_error_nomem();
	e = gnutls_x509_privkey_import2(k, &d, GNUTLS_X509_FMT_PEM, NULL, 0);
	gnutls_x509_privkey_deinit(k);
	if (e < 0)
		return cm_error_set(CM_EPARSE, "%s: not a PEM private key (without a password): %s",
				    path, gnutls_strerror(e));
	return 0;
}

static int check_pair(const cm_serve_tls *t, const char *key_path, const char *cert_path)
{
	gnutls_datum_t c = {(unsigned char *)t->cert, (unsigned)strlen(t->cert)};
	gnutls_datum_t k = {(unsigned char *)t->key, (unsigned)strlen(t->key)};
	gnutls_certificate_credentials_t cred;
	int e;

	if (gnutls_certificate_allocate_credentials(&cred) < 0)
		return cm_error_nomem();
	e = gnutls_certificate_set_x509_key_mem(cred, &c, &k, GNUTLS_X509_FMT_PEM);
	gnutls_certificate_free_credentials(cred);
	if (e < 0)
		return cm_error_set(CM_EPARSE, "%s: not the key of the certificate %s: %s",
				    key_path, cert_path, gnutls_strerror(e));
	return 0;
}

int cm_serve_tls_load(cm_serve_tls **out, const char *cert_path, const char *key_path)
{
	cm_serve_tls *t = NULL;
	int rc;

	*out = NULL;
	if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES)
		return cm_error_set(CM_EUNSUPPORTED,
				    "this libmicrohttpd is built without TLS: serve plain HTTP "
				    "on loopback behind a TLS reverse proxy");
	if (!(t = calloc(1, sizeof *t)))
		return cm_error_nomem();
	if ((rc = slurp(&t->cert, cert_path)) < 0 || (rc = check_cert(t->cert, cert_path)) < 0 ||
	    (rc = slurp(&t->key, key_path)) < 0 || (rc = check_key(t->key, key_path)) < 0 ||
	    (rc = check_pair(t, key_path, cert_path)) < 0) {
		cm_serve_tls_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

void cm_serve_tls_free(cm_serve_tls *t)
{
	if (!t)
		return;
	free(t->cert);
	if (t->key)
		explicit_bzero(t->key, strlen(t->key));
	free(t->key);
	free(t);
}
