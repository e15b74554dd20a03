/* SPDX-License-Identifier: GPL-2.0-or-later */

/* fuzz_graphml.c: libFuzzer target for the graph writers. The input is cut
 * into NUL-separated strings used as node ids, labels and relations; the
 * property: the GraphML written always re-parses with libxml2, with as many
 * node and edge elements as the graph holds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "chimuc/graph.h"
#include "chimuc/text.h"

static size_t count(xmlNodePtr n, const char *name)
{
	size_t k = 0;
	for (; n; n = n->next) {
		if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name))
			k++;
		k += count(n->children, name);
	}
	return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, *buf = NULL, *parts[6] = {0};
	size_t len, blen = 0, np = 0;
	cm_decode_info info;
	cm_graph *g;
	FILE *f;
	xmlDocPtr doc;

	if (cm_text_decode(&text, &len, &info, (const char *)data, size) < 0)
		return 0;
	for (char *p = text; np < 6 && p <= text + len; p += strlen(p) + 1)
		parts[np++] = p;
	if (cm_graph_new(&g) < 0)
		abort();
	for (size_t i = 0; i + 1 < np; i += 2) {
		cm_graph_node node = {.id = parts[i], .label = parts[i + 1], .path = parts[i + 1]};
		if (cm_graph_add_node(g, &node) < 0 ||
		    cm_graph_add_edge(g, parts[i], parts[np - 1], parts[i + 1]) < 0)
			abort();
	}
	f = open_memstream(&buf, &blen);
	if (!f || cm_graph_write_graphml(f, g) < 0)
		abort();
	fclose(f);
	doc = xmlReadMemory(buf, (int)blen, "g.graphml", "UTF-8",
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc)
		abort();
	if (count(xmlDocGetRootElement(doc), "node") != cm_graph_node_count(g) ||
	    count(xmlDocGetRootElement(doc), "edge") != cm_graph_edge_count(g))
		abort();
	xmlFreeDoc(doc);
	free(buf);
	cm_graph_free(g);
	free(text);
	return 0;
}
