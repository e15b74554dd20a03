/* SPDX-License-Identifier: GPL-2.0-or-later */

/* read_html.c: the text of a web page. The bytes are decoded by us (the
 * <meta charset> and legacy font names as hints) and parsed by libxml2's
 * HTML parser in recovery mode, with no network, no DTD and no entity
 * loading. The body is read in document order: block elements end lines,
 * table rows are lines with their cells separated, <pre> keeps its lines;
 * scripts, styles, navigation, headers, footers, asides, forms and menus
 * are dropped, and so is every block that is only site furniture. The
 * <title> becomes the title. */
#include "read/reader.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "chimuc/error.h"

static const struct {
	const char *name;
	cm_element_kind kind;
} elements[] = {
	{"script", CM_EL_DROP},      {"style", CM_EL_DROP},    {"nav", CM_EL_DROP},
	{"header", CM_EL_DROP},      {"footer", CM_EL_DROP},   {"aside", CM_EL_DROP},
	{"form", CM_EL_DROP},        {"menu", CM_EL_DROP},     {"noscript", CM_EL_DROP},
	{"template", CM_EL_DROP},    {"iframe", CM_EL_DROP},   {"object", CM_EL_DROP},
	{"svg", CM_EL_DROP},         {"button", CM_EL_DROP},   {"select", CM_EL_DROP},
	{"head", CM_EL_DROP},        {"textarea", CM_EL_DROP}, {"p", CM_EL_BLOCK},
	{"div", CM_EL_BLOCK},        {"li", CM_EL_BLOCK},      {"ul", CM_EL_BLOCK},
	{"ol", CM_EL_BLOCK},         {"dl", CM_EL_BLOCK},      {"dt", CM_EL_BLOCK},
	{"dd", CM_EL_BLOCK},         {"table", CM_EL_BLOCK},   {"blockquote", CM_EL_BLOCK},
	{"section", CM_EL_BLOCK},    {"article", CM_EL_BLOCK}, {"main", CM_EL_BLOCK},
	{"center", CM_EL_BLOCK},     {"address", CM_EL_BLOCK}, {"figure", CM_EL_BLOCK},
	{"figcaption", CM_EL_BLOCK}, {"caption", CM_EL_BLOCK}, {"hr", CM_EL_BLOCK},
	{"body", CM_EL_BLOCK},       {"h1", CM_EL_HEADING},    {"h2", CM_EL_HEADING},
	{"h3", CM_EL_HEADING},       {"h4", CM_EL_HEADING},    {"h5", CM_EL_HEADING},
	{"h6", CM_EL_HEADING},       {"br", CM_EL_LINE},       {"tr", CM_EL_ROW},
	{"td", CM_EL_CELL},          {"th", CM_EL_CELL},       {"pre", CM_EL_PRE},
};

static cm_element_kind html_kind(const xmlNode *n)
{
	for (size_t i = 0; i < sizeof elements / sizeof elements[0]; i++)
		if (strcasecmp((const char *)n->name, elements[i].name) == 0)
			return elements[i].kind;
	return CM_EL_INLINE;
}

static xmlNode *child_named(xmlNode *parent, const char *name)
{
	for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcasecmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

static int read_title(cm_extracted *out, xmlNode *html)
{
	xmlNode *title = child_named(child_named(html, "head"), "title");
	xmlChar *s;
	int rc;

	if (!title)
		return 0;
	if (!(s = xmlNodeGetContent(title)))
		return cm_error_nomem();
	rc = cm_reader_field(&out->title, (const char *)s, strlen((const char *)s));
	xmlFree(s);
	return rc;
}

/* Parses the page; a parser that gave up (a page nested beyond libxml2's
 * limit) would lose the rest of the text, so that is an error. */
static int parse(htmlDocPtr *out, const char *utf8, size_t n)
{
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	int rc = 0;

	if (!ctxt)
		return cm_error_nomem();
	*out = htmlCtxtReadMemory(ctxt, utf8, (int)n, NULL, "UTF-8",
				  HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
					  HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC |
					  HTML_PARSE_COMPACT);
	if (ctxt->lastError.level == XML_ERR_FATAL && ctxt->disableSAX) {
		rc = cm_error_set(
			CM_EUNSUPPORTED, "HTML page not readable: %.*s",
			(int)strcspn(ctxt->lastError.message ? ctxt->lastError.message : "", "\n"),
			ctxt->lastError.message ? ctxt->lastError.message : "");
		xmlFreeDoc(*out);
		*out = NULL;
	}
	htmlFreeParserCtxt(ctxt);
	return rc;
}

int cm_read_html(cm_extracted *out, const char *data, size_t len)
{
	char *utf8 = NULL;
	size_t n;
	htmlDocPtr doc = NULL;
	xmlNode *html, *body;
	cm_textbuf b = {0};
	int rc;

	memset(out, 0, sizeof *out);
	cm_reader_xml_init();
	if ((rc = cm_reader_decode(&utf8, &n, out, data, len, cm_reader_markup_hint(data, len))) <
	    0)
		goto cleanup;
	if (n > (size_t)INT32_MAX) {
		rc = cm_error_set(CM_ELIMIT, "HTML page over 2 GiB");
		goto cleanup;
	}
	if ((rc = parse(&doc, utf8, n)) < 0)
		goto cleanup;
	if (!doc || !(html = xmlDocGetRootElement(doc))) {
		rc = cm_error_set(CM_EUNSUPPORTED, "HTML page with no content");
		goto cleanup;
	}
	if ((rc = read_title(out, html)) < 0)
		goto cleanup;
	body = child_named(html, "body");
	if ((rc = cm_markup_walk(&b, body ? body : html, html_kind, 1)) < 0)
		goto cleanup;
	rc = cm_textbuf_finish(&out->text, &out->text_len, &b);
cleanup:
	if (rc < 0)
		cm_extracted_clear(out);
	cm_textbuf_free(&b);
	xmlFreeDoc(doc);
	free(utf8);
	return rc;
}
