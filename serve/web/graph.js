// SPDX-License-Identifier: GPL-2.0-or-later

// graph.js: the citation graph around a document (/?graph=ID&depth=1),
// drawn with cytoscape.js (vendor/, loaded when first needed): nodes
// coloured by type, edges by relation; a node opens its document (or, when
// the corpus only cites it, the graph around it). The same nodes are listed
// as links below for the keyboard; #graph says data-nodes and data-edges.
'use strict';

(function () {
  const el = CM.el;
  const PALETTE = ['#0b57d0', '#1e7d32', '#b3261e', '#a15c00', '#5b4bb7', '#00796b', '#c2185b', '#455a64', '#7cb342', '#6d4c41'];
  let loading = null;

  // Loads cytoscape.js once.
  function cytoscapeLoaded() {
    if (window.cytoscape) return Promise.resolve(window.cytoscape);
    if (!loading) {
      loading = new Promise((ok, fail) => {
        const s = el('script', { src: '/static/vendor/cytoscape.min.js' });
        s.addEventListener('load', () => ok(window.cytoscape));
        s.addEventListener('error', () => fail(new Error('không tải được cytoscape.js')));
        document.head.append(s);
      });
    }
    return loading;
  }

  // The same colour for the same name.
  function colours(names) {
    const m = new Map();
    [...new Set(names)].sort().forEach((n, i) => m.set(n, PALETTE[i % PALETTE.length]));
    return m;
  }

  function legend(title, m) {
    const ul = el('ul', { class: 'legend', 'aria-label': title });
    for (const [n, c] of m) {
      const li = el('li', null, el('bdi', null, n));
      li.style.setProperty('--swatch', c);
      ul.append(li);
    }
    return ul;
  }

  const target = (n) => (n.path ? CM.docHref(n.id) : CM.url({ graph: n.id }));

  CM.views.graph = async function (box, p) {
    const around = p.get('graph');
    const depth = Math.min(3, Math.max(1, parseInt(p.get('depth') || '1', 10) || 1));
    const r = await CM.api('/api/graph?' + new URLSearchParams({ around, depth }));
    const nodes = r.items.filter((i) => i.kind === 'node');
    const edges = r.items.filter((i) => i.kind === 'edge');
    const types = colours(nodes.map((n) => n.type || 'Khác'));
    const relations = colours(edges.map((e) => e.relation || 'trích dẫn'));
    const sel = el('select', { 'aria-label': 'Độ sâu' }, [1, 2, 3].map((d) => el('option', { value: d, selected: d === depth }, 'bậc ' + d)));
    sel.addEventListener('change', () => CM.go(CM.url({ graph: around, depth: sel.value > 1 ? sel.value : null })));
    box.graph = { nodes, edges, types, relations, around };
    CM.add(box, el('h1', null, 'Sơ đồ trích dẫn quanh ', el('bdi', null, around)),
      el('div', { class: 'toolbar' }, el('label', null, 'Độ sâu: ', sel),
        el('span', null, nodes.length + ' văn bản, ' + edges.length + ' quan hệ')),
      legend('Loại văn bản', types), legend('Quan hệ', relations),
      el('div', { id: 'graph', role: 'img', 'aria-label': 'Sơ đồ trích dẫn', data: { nodes: 0, edges: 0 } }),
      el('details', null, el('summary', null, 'Danh sách văn bản trong sơ đồ'),
        el('ul', { class: 'nodes' }, nodes.map((n) => el('li', null, el('a', { href: target(n) }, el('bdi', null, n.label || n.id)),
          n.path ? null : el('span', { class: 'muted' }, ' (chỉ được trích dẫn)'))))));
  };

  CM.views.graph.after = async function (box) {
    const g = box.graph;
    if (!g) return;
    const cytoscape = await cytoscapeLoaded();
    const container = box.querySelector('#graph');
    const cy = cytoscape({
      container,
      elements: [
        ...g.nodes.map((n) => ({ data: { id: n.id, label: n.id, title: n.label || n.id, colour: g.types.get(n.type || 'Khác'), node: n }, classes: n.path ? 'corpus' : 'cited' })),
        ...g.edges.filter((e) => e.from !== e.to).map((e, i) => ({ data: { id: 'e' + i, source: e.from, target: e.to, colour: g.relations.get(e.relation || 'trích dẫn') } })),
      ],
      style: [
        { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', 'font-size': 8, 'text-wrap': 'ellipsis', 'text-max-width': 110, 'text-background-color': '#fff', 'text-background-opacity': 0.7, width: 18, height: 18 } },
        { selector: 'node.cited', style: { 'background-opacity': 0.45, 'border-width': 1, 'border-color': 'data(colour)' } },
        { selector: 'node.centre', style: { width: 30, height: 30, 'font-weight': 'bold' } },
        { selector: 'edge', style: { width: 1.5, 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier' } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 12000, idealEdgeLength: () => 70, nodeOverlap: 12 },
    });
    cy.nodes().filter((n) => n.id() === g.around || n.id().startsWith(g.around + '@')).addClass('centre');
    cy.on('tap', 'node', (ev) => CM.go(target(ev.target.data('node'))));
    container.dataset.nodes = cy.nodes().length;
    container.dataset.edges = cy.edges().length;
    CM.cy = cy;
  };
})();
