/* SPDX-License-Identifier: GPL-2.0-or-later */

/* read_xml.c: the text and metadata of an XML document: our own corpus
 * schema, Akoma Ntoso, or any other XML (all its text, elements as lines).
 *
 * Our schema (no namespace):
 *   <directive>
 *     <meta> <title>…</title> <date>yyyy-mm-dd</date>
 *            <type/> <number/> <issuer/> <place/> </meta>   (all optional)
 *     <body> any elements: <p>, <heading>, <table><row><cell>, <note>… </body>
 *   </directive>
 * The body is the indexed text; the title and date fill the document's own
 * where its text has none. Akoma Ntoso (any version's namespace): the text
 * of everything but <meta>, with <ref>, <docNumber>, <docDate>… inline so
 * that a reference reads as its sentence; the title from <docTitle> or
 * FRBRname, the date from the work's FRBRdate.
 *
 * Hardened: the bytes are decoded by us and parsed with no network, no DTD
 * and no entity substitution; a document that declares entities (the
 * billion laughs, an external entity naming a local file) is refused before
 * parsing. */
#include "read/reader.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "chimuc/error.h"

static int named(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlNode *child(xmlNode *parent, const char *name)
{
	for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
		if (named(c, name))
			return c;
	return NULL;
}

/* The first element called name at or below root (document order). */
static xmlNode *find(xmlNode *root, const char *name)
{
	xmlNode *n = root;

	while (n) {
		if (named(n, name))
			return n;
		if (n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			continue;
		}
		while (n != root && !n->next)
			n = n->parent;
		n = n == root ? NULL : n->next;
	}
	return NULL;
}

static const char *const akn_inline[] = {
	"ref",
	"mref",
	"rref",
	"docNumber",
	"docDate",
	"docTitle",
	"docType",
	"docProponent",
	"docStatus",
	"docAuthority",
	"date",
	"term",
	"def",
	"entity",
	"person",
	"organization",
	"location",
	"role",
	"quantity",
	"abbr",
	"inline",
	"span",
	"b",
	"i",
	"u",
	"sub",
	"sup",
	"num",
	"affectedDocument",
	"relatedDocument",
	"signature",
	"a",
	"em",
	"strong",
};

static cm_element_kind xml_kind(const xmlNode *n)
{
	const char *name = (const char *)n->name;

	if (strcmp(name, "meta") == 0)
		return CM_EL_DROP;
	if (strcmp(name, "eol") == 0 || strcmp(name, "br") == 0)
		return CM_EL_LINE;
	if (strcmp(name, "row") == 0 || strcmp(name, "tr") == 0)
		return CM_EL_ROW;
	if (strcmp(name, "cell") == 0 || strcmp(name, "td") == 0 || strcmp(name, "th") == 0)
		return CM_EL_CELL;
	if (strcmp(name, "heading") == 0)
		return CM_EL_HEADING;
	for (size_t i = 0; i < sizeof akn_inline / sizeof akn_inline[0]; i++)
		if (strcmp(name, akn_inline[i]) == 0)
			return CM_EL_INLINE;
	return CM_EL_BLOCK;
}

static int set_field(char **out, const xmlChar *s)
{
	return cm_reader_field(out, (const char *)s, s ? strlen((const char *)s) : 0);
}

static int set_content(char **out, xmlNode *n)
{
	xmlChar *s;
	int rc;

	if (!n)
		return 0;
	if (!(s = xmlNodeGetContent(n)))
		return cm_error_nomem();
	rc = set_field(out, s);
	xmlFree(s);
	return rc;
}

static int set_attr(char **out, xmlNode *n, const char *attr)
{
	xmlChar *s;
	int rc;

	if (!n || !(s = xmlGetProp(n, (const xmlChar *)attr)))
		return 0;
	rc = set_field(out, s);
	xmlFree(s);
	return rc;
}

/* Keeps *date only if it is an ISO date (yyyy-mm-dd, a time may follow). */
static void keep_iso_date(char **date)
{
	const char *d = *date;

	if (!d)
		return;
	for (int i = 0; i < 10; i++) {
		int digit = d[i] >= '0' && d[i] <= '9';
		if ((i == 4 || i == 7) ? d[i] != '-' : !digit) {
			free(*date);
			*date = NULL;
			return;
		}
	}
	(*date)[10] = '\0';
}

static int read_ours(cm_extracted *out, cm_textbuf *b, xmlNode *root)
{
	xmlNode *meta = child(root, "meta"), *body = child(root, "body");
	int rc;

	if ((rc = set_content(&out->title, child(meta, "title"))) < 0 ||
	    (rc = set_content(&out->date, child(meta, "date"))) < 0)
		return rc;
	return cm_markup_walk(b, body ? body : root, xml_kind, 0);
}

static int read_akoma_ntoso(cm_extracted *out, cm_textbuf *b, xmlNode *root)
{
	xmlNode *work = find(root, "FRBRWork");
	int rc;

	if ((rc = set_content(&out->title, find(root, "docTitle"))) < 0 ||
	    (!out->title && (rc = set_attr(&out->title, find(work, "FRBRname"), "value")) < 0) ||
	    (rc = set_attr(&out->date, find(work, "FRBRdate"), "date")) < 0)
		return rc;
	return cm_markup_walk(b, root, xml_kind, 0);
}

static int declares_entities(const char *s, size_t n)
{
	static const char decl[] = "<!ENTITY";

	for (size_t i = 0; i + sizeof decl - 1 <= n; i++)
		if (s[i] == '<' && memcmp(s + i, decl, sizeof decl - 1) == 0)
			return 1;
	return 0;
}

static int parse(xmlDocPtr *out, const char *utf8, size_t n)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	const xmlError *err;

	if (!ctxt)
		return cm_error_nomem();
	*out = xmlCtxtReadMemory(ctxt, utf8, (int)n, NULL, "UTF-8",
				 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
					 XML_PARSE_IGNORE_ENC | XML_PARSE_COMPACT);
	err = &ctxt->lastError;
	if (!*out || !ctxt->wellFormed) {
		int rc =
			cm_error_set(CM_EUNSUPPORTED, "not well-formed XML (line %d): %.*s",
				     err->line, err->message ? (int)strcspn(err->message, "\n") : 0,
				     err->message ? err->message : "");
		xmlFreeDoc(*out);
		*out = NULL;
		xmlFreeParserCtxt(ctxt);
		return rc;
	}
	xmlFreeParserCtxt(ctxt);
	return 0;
}

int cm_read_xml(cm_extracted *out, const char *data, size_t len)
{
	char *utf8 = NULL;
	size_t n;
	xmlDocPtr doc = NULL;
	xmlNode *root;
	cm_textbuf b = {0};
	int rc;

	memset(out, 0, sizeof *out);
	cm_reader_xml_init();
	if ((rc = cm_reader_decode(&utf8, &n, out, data, len, cm_reader_markup_hint(data, len))) <
	    0)
		goto cleanup;
	if (declares_entities(utf8, n)) {
		rc = cm_error_set(CM_EUNSUPPORTED, "refused: the XML declares entities "
						   "(entity expansion or an external entity)");
		goto cleanup;
	}
	if (n > (size_t)INT32_MAX) {
		rc = cm_error_set(CM_ELIMIT, "XML document over 2 GiB");
		goto cleanup;
	}
	if ((rc = parse(&doc, utf8, n)) < 0)
		goto cleanup;
	root = xmlDocGetRootElement(doc);
	if (named(root, "directive"))
		rc = read_ours(out, &b, root);
	else if (named(root, "akomaNtoso"))
		rc = read_akoma_ntoso(out, &b, root);
	else
		rc = cm_markup_walk(&b, root, xml_kind, 0);
	if (rc < 0)
		goto cleanup;
	keep_iso_date(&out->date);
	rc = cm_textbuf_finish(&out->text, &out->text_len, &b);
cleanup:
	if (rc < 0)
		cm_extracted_clear(out);
	cm_textbuf_free(&b);
	xmlFreeDoc(doc);
	free(utf8);
	return rc;
}
