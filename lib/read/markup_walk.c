/* SPDX-License-Identifier: GPL-2.0-or-later */

/* markup_walk.c: the text of an HTML or XML tree in document order, as
 * lines: each element's kind (given by the format's reader) says whether it
 * is dropped, inline, a block, a heading, a line break, a table row or cell,
 * or preformatted. The walk keeps its own stack, so no nesting depth can
 * exhaust the C stack. */
#include "read/reader.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

/* The state of one walk: the text, and where each open block began. */
typedef struct {
	cm_textbuf *b;
	size_t *starts;
	size_t depth, cap;
	int in_pre;
	cm_element_kind (*kind_of)(const xmlNode *n);
	int furniture; /* drop blocks of site furniture */
} walk_state;

static int push(walk_state *w)
{
	if (w->depth == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 64;
		size_t *p = realloc(w->starts, cap * sizeof *p);
		if (!p)
			return cm_error_nomem();
		w->starts = p;
		w->cap = cap;
	}
	w->starts[w->depth++] = w->b->len;
	return 0;
}

static void text_node(walk_state *w, const char *s)
{
	const char *nl;

	if (!w->in_pre) {
		cm_textbuf_text(w->b, s, strlen(s));
		return;
	}
	while ((nl = strchr(s, '\n')) != NULL) {
		cm_textbuf_text(w->b, s, (size_t)(nl - s));
		cm_textbuf_break(w->b, 0);
		s = nl + 1;
	}
	cm_textbuf_text(w->b, s, strlen(s));
}

static void open_element(walk_state *w, cm_element_kind k)
{
	if (k == CM_EL_ROW || k == CM_EL_BLOCK || k == CM_EL_HEADING || k == CM_EL_PRE)
		cm_textbuf_break(w->b, k == CM_EL_HEADING);
	else if (k == CM_EL_CELL)
		cm_textbuf_cell(w->b);
	if (k == CM_EL_PRE)
		w->in_pre++;
}

/* Ends an element opened when the text was start bytes long: a block that
 * holds only furniture is taken back out. */
static void close_element(walk_state *w, cm_element_kind k, size_t start)
{
	cm_textbuf *b = w->b;

	if (k == CM_EL_PRE)
		w->in_pre--;
	if (k == CM_EL_INLINE || k == CM_EL_CELL)
		return;
	if (w->furniture && k != CM_EL_LINE && start < b->len && !b->failed &&
	    cm_furniture_is(b->p + start, b->len - start))
		b->len = start;
	cm_textbuf_break(b, k == CM_EL_HEADING);
}

/* Walks the children of root in document order, with no recursion (pages
 * nest deeply). */
static int walk(walk_state *w, xmlNode *root)
{
	xmlNode *n = root->children;
	int rc;

	while (n) {
		cm_element_kind k = n->type == XML_ELEMENT_NODE ? w->kind_of(n) : CM_EL_DROP;
		if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
			text_node(w, (const char *)n->content);
		if (n->type == XML_ELEMENT_NODE && k != CM_EL_DROP) {
			open_element(w, k);
			if ((rc = push(w)) < 0)
				return rc;
			if (n->children) {
				n = n->children;
				continue;
			}
			close_element(w, k, w->starts[--w->depth]);
		}
		while (!n->next && n->parent && n->parent != root) {
			n = n->parent;
			close_element(w, w->kind_of(n), w->starts[--w->depth]);
		}
		n = n->next;
	}
	return 0;
}

int cm_markup_walk(cm_textbuf *b, xmlNode *root, cm_element_kind (*kind_of)(const xmlNode *n),
		   int furniture)
{
	walk_state w = {.b = b, .kind_of = kind_of, .furniture = furniture};
	int rc = walk(&w, root);

	free(w.starts);
	return rc;
}
