/* SPDX-License-Identifier: GPL-2.0-or-later */

/* read_docx.c: the text of a Word (OOXML) document: the body of
 * word/document.xml in reading order (a line per paragraph, a line per table
 * row with its cells separated), then the footnotes; the title from
 * docProps/core.xml; whether a TCVN3 or VNI font is used. Entries are read
 * with hard limits against ZIP bombs, and XML with entity declarations is
 * refused. A body of (almost) no text whose drawings hold images is a scan
 * pasted into Word: each image (a:blip r:embed, v:imagedata r:id, through
 * word/_rels/document.xml.rels to word/media/…) is read by OCR where it
 * stands, once however often it is drawn. */
#include "read/reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#include "chimuc/array.h"
#include "chimuc/error.h"
#include "read/image.h"
#include "read/ocr_pages.h"
#include "util/lazylib.h"

/* The libzip functions used, found in the library loaded on first use
 * (lazylib.h): libzip and what it needs cost every chimuc run otherwise. */
/* clang-format off */
#define ZIP_FUNCTIONS(X, a) \
	X(a, zip_discard) X(a, zip_error_fini) X(a, zip_error_init) X(a, zip_error_strerror) \
	X(a, zip_fclose) X(a, zip_file_strerror) X(a, zip_fopen_index) X(a, zip_fread) \
	X(a, zip_name_locate) X(a, zip_open_from_source) X(a, zip_source_buffer_create) \
	X(a, zip_source_free) X(a, zip_stat_index) X(a, zip_strerror)
/* clang-format on */
CM_LAZYLIB(lz, libzip, ZIP_FUNCTIONS, CM_LIBZIP_SONAME, "DOCX support");

#define ENTRY_MAX ((zip_uint64_t)256 << 20)    /* bytes of one uncompressed entry */
#define RATIO_MAX 200                          /* uncompressed / compressed */
#define RATIO_MIN_SIZE ((zip_uint64_t)1 << 20) /* ratio checked above this */

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define NS_MC "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_V "urn:schemas-microsoft-com:vml"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_R_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"
#define NS_RELS "http://schemas.openxmlformats.org/package/2006/relationships"
#define RELS_ENTRY "word/_rels/document.xml.rels"

/* The images of a DOCX read by OCR: each entry name once, in the order
 * first drawn. */
typedef struct {
	zip_t *za;
	const xmlNode *rels; /* the root of RELS_ENTRY */
	cm_array_t(char *) names;
	cm_array_t(int) done;
	cm_ocr_run run;
	int rc; /* CM_ENOMEM met */
} docx_images;

typedef struct {
	cm_textbuf b;
	int in_cell;             /* inside a table cell: paragraphs don't break */
	const char *legacy_font; /* the first legacy font seen, or NULL */
	size_t drawn;            /* images drawn (r:embed ids met) */
	docx_images *images;     /* set: images are read by OCR where drawn */
} walker;

static int ratio_over(zip_uint64_t size, zip_uint64_t comp)
{
	return size > RATIO_MIN_SIZE && size / RATIO_MAX > comp;
}

/* Checks the sizes the archive declares for an entry before reading it. */
static int check_declared(const zip_stat_t *st, const char *name)
{
	if (!(st->valid & ZIP_STAT_SIZE) || !(st->valid & ZIP_STAT_COMP_SIZE))
		return cm_error_set(CM_EUNSUPPORTED, "damaged ZIP: no size for %s", name);
	if (st->size > ENTRY_MAX)
		return cm_error_set(CM_ELIMIT, "DOCX entry %s expands to more than 256 MiB", name);
	if (ratio_over(st->size, st->comp_size))
		return cm_error_set(CM_ELIMIT, "DOCX entry %s has a compression ratio over %d:1",
				    name, RATIO_MAX);
	return 0;
}

/* Decompresses the entry at index into a NUL-terminated buffer, never
 * trusting the declared size: reading stops past the same limits. */
static int read_index(zip_t *za, zip_int64_t index, const char *name, char **out, size_t *out_len)
{
	zip_stat_t st;
	zip_file_t *zf = NULL;
	char *buf = NULL, *p;
	size_t len = 0, cap = 0;
	zip_int64_t n;
	int rc;

	if (lz.zip_stat_index(za, (zip_uint64_t)index, 0, &st) < 0) {
		rc = cm_error_set(CM_EUNSUPPORTED, "damaged ZIP: %s", lz.zip_strerror(za));
		goto cleanup;
	}
	if ((rc = check_declared(&st, name)) < 0)
		goto cleanup;
	if (!(zf = lz.zip_fopen_index(za, (zip_uint64_t)index, 0))) {
		rc = cm_error_set(CM_EUNSUPPORTED, "cannot read DOCX entry %s: %s", name,
				  lz.zip_strerror(za));
		goto cleanup;
	}
	for (;;) {
		if (cap - len < 65536 + 1) {
			cap = cap ? cap * 2 : 65536 * 2;
			if (!(p = realloc(buf, cap))) {
				rc = cm_error_nomem();
				goto cleanup;
			}
			buf = p;
		}
		if ((n = lz.zip_fread(zf, buf + len, 65536)) < 0) {
			rc = cm_error_set(CM_EUNSUPPORTED, "damaged ZIP: %s: %s", name,
					  lz.zip_file_strerror(zf));
			goto cleanup;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > ENTRY_MAX) {
			rc = cm_error_set(CM_ELIMIT, "DOCX entry %s expands to more than 256 MiB",
					  name);
			goto cleanup;
		}
		if (ratio_over(len, st.comp_size)) {
			rc = cm_error_set(CM_ELIMIT,
					  "DOCX entry %s has a compression ratio over %d:1", name,
					  RATIO_MAX);
			goto cleanup;
		}
	}
	buf[len] = '\0';
	*out = buf;
	*out_len = len;
	buf = NULL;
	rc = 0;
cleanup:
	if (zf)
		lz.zip_fclose(zf);
	free(buf);
	return rc;
}

static int contains(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (s[i] == needle[0] && memcmp(s + i, needle, k) == 0)
			return 1;
	return 0;
}

/* Parses an entry; *doc is NULL if the archive has no such entry. */
static int parse_entry(zip_t *za, const char *name, xmlDoc **doc)
{
	xmlParserCtxt *ctxt = NULL;
	char *buf = NULL;
	size_t len = 0;
	zip_int64_t index;
	int rc;

	*doc = NULL;
	if ((index = lz.zip_name_locate(za, name, ZIP_FL_NOCASE)) < 0)
		return 0;
	if ((rc = read_index(za, index, name, &buf, &len)) < 0)
		goto cleanup;
	if (contains(buf, len, "<!ENTITY")) {
		rc = cm_error_set(CM_EUNSUPPORTED, "DOCX entry %s declares XML entities", name);
		goto cleanup;
	}
	if (len > INT_MAX || !(ctxt = xmlNewParserCtxt())) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	*doc = xmlCtxtReadMemory(ctxt, buf, (int)len, name, NULL,
				 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!*doc || !xmlDocGetRootElement(*doc)) {
		const char *why = ctxt->lastError.message;
		rc = cm_error_set(CM_EUNSUPPORTED, "DOCX entry %s is not well-formed XML: %.*s",
				  name, why ? (int)strcspn(why, "\n") : 0, why ? why : "");
		goto cleanup;
	}
	/* Entities declared in another encoding than the one searched above. */
	if ((*doc)->intSubset && (*doc)->intSubset->entities) {
		rc = cm_error_set(CM_EUNSUPPORTED, "DOCX entry %s declares XML entities", name);
		goto cleanup;
	}
	rc = 0;
cleanup:
	if (rc < 0 && *doc) {
		xmlFreeDoc(*doc);
		*doc = NULL;
	}
	if (ctxt)
		xmlFreeParserCtxt(ctxt);
	free(buf);
	return rc;
}

static int is_ns(const xmlNode *n, const char *href)
{
	return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, href) == 0;
}

static int is_w(const xmlNode *n, const char *name)
{
	return (is_ns(n, NS_W) || is_ns(n, NS_W_STRICT)) &&
	       strcmp((const char *)n->name, name) == 0;
}

/* The value of attribute name of n in namespace ns or ns_strict (NULL: in
 * none), borrowed from the tree, or NULL. */
static const char *attr_in(const xmlNode *n, const char *name, const char *ns,
			   const char *ns_strict)
{
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		const char *href = a->ns && a->ns->href ? (const char *)a->ns->href : NULL;
		if (strcmp((const char *)a->name, name) != 0 || !a->children ||
		    a->children->type != XML_TEXT_NODE)
			continue;
		if (ns ? href && (strcmp(href, ns) == 0 || strcmp(href, ns_strict) == 0) : !a->ns)
			return (const char *)a->children->content;
	}
	return NULL;
}

/* The value of a w: attribute, or NULL. */
static const char *w_attr(const xmlNode *n, const char *name)
{
	return attr_in(n, name, NS_W, NS_W_STRICT);
}

static const char *legacy_name(const char *font)
{
	if (!font)
		return NULL;
	if (strncasecmp(font, ".Vn", 3) == 0)
		return ".VnTime";
	if (strncasecmp(font, "VNI-", 4) == 0)
		return "VNI-Times";
	return NULL;
}

/* Notes a legacy font named by the w:rFonts in run properties rpr. */
static void note_fonts(walker *w, const xmlNode *rpr)
{
	for (const xmlNode *c = rpr->children; c && !w->legacy_font; c = c->next) {
		if (!is_w(c, "rFonts"))
			continue;
		w->legacy_font = legacy_name(w_attr(c, "ascii"));
		if (!w->legacy_font)
			w->legacy_font = legacy_name(w_attr(c, "hAnsi"));
	}
}

static void add_text(walker *w, const xmlNode *t)
{
	for (const xmlNode *c = t->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			cm_textbuf_text(&w->b, (const char *)c->content,
					strlen((const char *)c->content));
}

static void walk(walker *w, const xmlNode *n);

/* The relationship id of an image drawn (a:blip r:embed, v:imagedata
 * r:id), or NULL. */
static const char *image_id(const xmlNode *n)
{
	const char *name = (const char *)n->name, *want;

	if (is_ns(n, NS_A) && strcmp(name, "blip") == 0)
		want = "embed";
	else if (is_ns(n, NS_V) && strcmp(name, "imagedata") == 0)
		want = "id";
	else
		return NULL;
	return attr_in(n, want, NS_R, NS_R_STRICT);
}

/* *name = the entry (malloc'd) that relationship id of word/document.xml
 * targets inside the package, or NULL (none, or outside it). Errors:
 * CM_ENOMEM. */
static int image_entry(char **name, const xmlNode *rels, const char *id)
{
	const char *target = NULL, *base = "word/", *mode;

	*name = NULL;
	for (const xmlNode *c = rels ? rels->children : NULL; c && !target; c = c->next) {
		const char *rid;
		if (!is_ns(c, NS_RELS) || strcmp((const char *)c->name, "Relationship") != 0 ||
		    !(rid = attr_in(c, "Id", NULL, NULL)) || strcmp(rid, id) != 0)
			continue;
		mode = attr_in(c, "TargetMode", NULL, NULL);
		if (mode && strcmp(mode, "External") == 0)
			return 0;
		target = attr_in(c, "Target", NULL, NULL);
	}
	if (!target || !*target)
		return 0;
	if (*target == '/') {
		base = "";
		target++;
	} else if (strncmp(target, "../", 3) == 0) {
		base = "";
		target += 3;
	}
	if (!(*name = malloc(strlen(base) + strlen(target) + 1)))
		return cm_error_nomem();
	strcpy(*name, base);
	strcat(*name, target);
	return 0;
}

/* The index in im->names of entry name, added if new (-1: out of memory
 * or CM_OCR_PAGES_MAX reached, im->rc set). name is taken over. */
static long image_index(docx_images *im, char *name)
{
	char **slot;
	int *done;

	for (size_t i = 0; i < im->names.size; i++)
		if (strcmp(im->names.ptr[i], name) == 0) {
			free(name);
			return (long)i;
		}
	if (im->names.size >= CM_OCR_PAGES_MAX) {
		free(name);
		im->rc = cm_error_set(CM_ELIMIT, "DOCX draws more than %d images to read by OCR",
				      CM_OCR_PAGES_MAX);
		return -1;
	}
	if (!(slot = cm_array_alloc(im->names)) || !(done = cm_array_alloc(im->done))) {
		if (slot)
			im->names.size--;
		free(name);
		im->rc = cm_error_nomem();
		return -1;
	}
	*slot = name;
	return (long)im->names.size - 1;
}

/* Lists the image entries the ids drawn below n target, in order. */
static void list_images(docx_images *im, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c && im->rc == 0; c = c->next) {
		const char *id;
		char *name;
		if (c->type != XML_ELEMENT_NODE ||
		    (is_ns(c, NS_MC) && strcmp((const char *)c->name, "Fallback") == 0))
			continue;
		if ((id = image_id(c)) != NULL) {
			if ((im->rc = image_entry(&name, im->rels, id)) == 0 && name)
				image_index(im, name);
		}
		list_images(im, c);
	}
}

/* Reads the image drawn with relationship id by OCR into w's text, where
 * it stands, unless it was read already. */
static void read_image(walker *w, const char *id)
{
	docx_images *im = w->images;
	char *name, *data = NULL;
	size_t len;
	zip_int64_t index;
	long i;
	int rc;

	if (im->rc < 0 || (im->rc = image_entry(&name, im->rels, id)) < 0 || !name ||
	    (i = image_index(im, name)) < 0 || im->done.ptr[i])
		return;
	im->done.ptr[i] = 1;
	name = im->names.ptr[i];
	if ((index = lz.zip_name_locate(im->za, name, 0)) < 0)
		rc = cm_error_set(CM_EUNSUPPORTED, "DOCX has no entry %s", name);
	else if ((rc = read_index(im->za, index, name, &data, &len)) == 0)
		rc = cm_image_ocr_page(&w->b, &im->run, data, len, 0, (unsigned)i + 1,
				       (unsigned)im->names.size);
	free(data);
	if (rc < 0 && (rc = cm_ocr_run_end(&im->run, rc)) < 0)
		im->rc = rc;
}

static void walk_children(walker *w, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			walk(w, c);
}

/* A paragraph, row or line break ends a line, except inside a cell, where the
 * row's line goes on. */
static void end_line(walker *w)
{
	if (w->in_cell)
		cm_textbuf_text(&w->b, " ", 1);
	else
		cm_textbuf_break(&w->b, 0);
}

static int skipped(const xmlNode *n)
{
	/* Paragraph properties hold tab stops and the paragraph mark's font,
	 * mc:Fallback what mc:Choice holds in an older form: none of it text. */
	return is_w(n, "pPr") || is_w(n, "sectPr") ||
	       (is_ns(n, NS_MC) && strcmp((const char *)n->name, "Fallback") == 0);
}

static void walk(walker *w, const xmlNode *n)
{
	const char *id;

	if (skipped(n))
		return;
	if ((id = image_id(n)) != NULL) {
		w->drawn++;
		if (w->images)
			read_image(w, id);
	} else if (is_w(n, "rPr")) {
		note_fonts(w, n);
	} else if (is_w(n, "t")) {
		add_text(w, n);
	} else if (is_w(n, "tab")) {
		cm_textbuf_text(&w->b, " ", 1);
	} else if (is_w(n, "noBreakHyphen")) {
		cm_textbuf_text(&w->b, "-", 1);
	} else if (is_w(n, "br") || is_w(n, "cr")) {
		end_line(w);
	} else if (is_w(n, "tc")) {
		cm_textbuf_cell(&w->b);
		w->in_cell++;
		walk_children(w, n);
		w->in_cell--;
	} else if (is_w(n, "p") || is_w(n, "tr") || is_w(n, "tbl")) {
		walk_children(w, n);
		end_line(w);
	} else {
		walk_children(w, n);
	}
}

/* Each footnote but the separators Word keeps among them. */
static void walk_footnotes(walker *w, const xmlNode *root)
{
	for (const xmlNode *c = root->children; c; c = c->next) {
		const char *type;
		if (!is_w(c, "footnote"))
			continue;
		type = w_attr(c, "type");
		if (type &&
		    (strcmp(type, "separator") == 0 || strcmp(type, "continuationSeparator") == 0 ||
		     strcmp(type, "continuationNotice") == 0))
			continue;
		walk_children(w, c);
		cm_textbuf_break(&w->b, 0);
	}
}

/* The default run fonts of word/styles.xml: the document defaults and the
 * default paragraph style. */
static void walk_styles(walker *w, const xmlNode *root)
{
	for (const xmlNode *c = root->children; c; c = c->next) {
		const char *def = w_attr(c, "default");
		if (!is_w(c, "docDefaults") && !(is_w(c, "style") && def && strcmp(def, "1") == 0))
			continue;
		for (const xmlNode *d = c->children; d; d = d->next) {
			if (is_w(d, "rPr"))
				note_fonts(w, d);
			for (const xmlNode *e = d->children; e; e = e->next)
				if (is_w(e, "rPr"))
					note_fonts(w, e); /* w:rPrDefault/w:rPr */
		}
	}
}

/* The dc:title of docProps/core.xml, white space folded, or NULL. */
static int core_title(char **title, const xmlNode *root)
{
	xmlChar *s;
	int rc;

	*title = NULL;
	for (const xmlNode *c = root->children; c; c = c->next) {
		if (!is_ns(c, NS_DC) || strcmp((const char *)c->name, "title") != 0)
			continue;
		if (!(s = xmlNodeGetContent(c)))
			return cm_error_nomem();
		rc = cm_reader_field(title, (const char *)s, strlen((const char *)s));
		xmlFree(s);
		return rc;
	}
	return 0;
}

static int open_zip(zip_t **za, const char *data, size_t len)
{
	zip_error_t err;
	zip_source_t *src;
	int rc = 0;

	lz.zip_error_init(&err);
	if (!(src = lz.zip_source_buffer_create(data, len, 0, &err))) {
		rc = cm_error_nomem();
	} else if (!(*za = lz.zip_open_from_source(src, ZIP_RDONLY, &err))) {
		lz.zip_source_free(src);
		rc = cm_error_set(CM_EUNSUPPORTED, "damaged ZIP: %s", lz.zip_error_strerror(&err));
	}
	lz.zip_error_fini(&err);
	return rc;
}

/* The letters and digits (a character outside ASCII counted as one) of the
 * n bytes at s. */
static size_t letters(const char *s, size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		count += (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
			 c >= 0xC0;
	}
	return count;
}

/* Whether the images drawn are read by OCR, the body (in b) having been
 * walked. */
static int wants_ocr(const walker *w, const cm_ocr_request *ocr)
{
	if (w->drawn == 0 || ocr->mode == CM_OCR_NEVER)
		return 0;
	return ocr->mode == CM_OCR_ALWAYS || letters(w->b.p, w->b.len) < CM_DOCX_OCR_TEXT_MIN;
}

/* Walks the body again, its images read by OCR where drawn. */
static int walk_with_images(walker *w, zip_t *za, const xmlNode *body, cm_extracted *out,
			    const cm_ocr_request *ocr)
{
	docx_images im = {.za = za, .run = {.req = ocr, .x = out}};
	xmlDoc *rels = NULL;
	int rc;

	if ((rc = parse_entry(za, RELS_ENTRY, &rels)) < 0)
		return rc;
	im.rels = rels ? xmlDocGetRootElement(rels) : NULL;
	list_images(&im, body);
	if ((rc = im.rc) < 0)
		goto cleanup;
	cm_textbuf_free(&w->b);
	memset(&w->b, 0, sizeof w->b);
	w->images = &im;
	walk(w, body);
	w->images = NULL;
	if ((rc = im.rc) == 0 && letters(w->b.p, w->b.len) == 0 && im.run.wanted)
		rc = cm_ocr_run_nothing(&im.run, CM_OCR_WHAT_DOCX);
cleanup:
	cm_ocr_run_free(&im.run);
	for (size_t i = 0; i < im.names.size; i++)
		free(im.names.ptr[i]);
	cm_array_clear(im.names);
	cm_array_clear(im.done);
	xmlFreeDoc(rels);
	return rc;
}

int cm_read_docx(cm_extracted *out, const char *data, size_t len)
{
	return cm_read_docx_ocr(out, data, len, NULL);
}

int cm_read_docx_ocr(cm_extracted *out, const char *data, size_t len, const cm_ocr_request *ocr)
{
	walker w = {0};
	zip_t *za = NULL;
	xmlDoc *doc = NULL, *notes = NULL, *styles = NULL, *core = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	if (!ocr)
		ocr = &cm_ocr_request_auto;
	if ((rc = cm_lazylib_load(&libzip)) < 0)
		return rc;
	cm_reader_xml_init();
	if ((rc = open_zip(&za, data, len)) < 0)
		goto cleanup;
	if ((rc = parse_entry(za, "word/document.xml", &doc)) < 0)
		goto cleanup;
	if (!doc) {
		rc = cm_error_set(CM_EUNSUPPORTED, "not a DOCX (no word/document.xml)");
		goto cleanup;
	}
	if ((rc = parse_entry(za, "word/footnotes.xml", &notes)) < 0 ||
	    (rc = parse_entry(za, "word/styles.xml", &styles)) < 0 ||
	    (rc = parse_entry(za, "docProps/core.xml", &core)) < 0)
		goto cleanup;
	walk(&w, xmlDocGetRootElement(doc));
	if (wants_ocr(&w, ocr) &&
	    (rc = walk_with_images(&w, za, xmlDocGetRootElement(doc), out, ocr)) < 0)
		goto cleanup;
	if (ocr->mode == CM_OCR_NEVER && w.drawn > 0 && letters(w.b.p, w.b.len) == 0) {
		rc = cm_error_set(CM_EMISSING, "%s, read only by OCR (not with --ocr never)",
				  CM_OCR_WHAT_DOCX);
		goto cleanup;
	}
	if (notes) {
		cm_textbuf_break(&w.b, 1);
		walk_footnotes(&w, xmlDocGetRootElement(notes));
	}
	if (styles && !w.legacy_font)
		walk_styles(&w, xmlDocGetRootElement(styles));
	if (core && (rc = core_title(&out->title, xmlDocGetRootElement(core))) < 0)
		goto cleanup;
	if ((rc = cm_textbuf_finish(&out->text, &out->text_len, &w.b)) < 0)
		goto cleanup;
	out->legacy_font = w.legacy_font;
cleanup:
	if (rc < 0)
		cm_extracted_clear(out);
	cm_textbuf_free(&w.b);
	xmlFreeDoc(doc);
	xmlFreeDoc(notes);
	xmlFreeDoc(styles);
	xmlFreeDoc(core);
	if (za)
		lz.zip_discard(za);
	return rc;
}
