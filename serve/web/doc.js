// SPDX-License-Identifier: GPL-2.0-or-later

// doc.js: a document's view (/?doc=ID): its identity, its text with the
// citations marked (a link to the cited document when the corpus has it,
// else a card of what the corpus knows of it) and its dates and deadlines
// marked; its validity (replaced, repealed, amended: by which document,
// since when, the sentence that says so; claims that disagree shown as
// such); what it cites; "Được trích dẫn bởi" with a depth (/?doc=ID&depth=2).
'use strict';

(function () {
  const el = CM.el;

  function fact(label, value) {
    return value ? [el('dt', null, label), el('dd', null, el('bdi', null, value))] : null;
  }

  // The card of a citation: what the corpus knows of the cited document,
  // and the documents citing it.
  function citeCard(c) {
    const card = el('div', { class: 'card citecard', role: 'note' },
      el('strong', null, el('bdi', null, c.text || c.key)), ' ',
      c.status ? CM.status(c.status) : null,
      el('dl', null, fact('Khóa', c.key), fact('Loại', c.type), fact('Số', c.number), fact('Ký hiệu', c.symbol),
        fact('Ngày', CM.date(c.date)), fact('Cơ quan', c.issuer), fact('Quan hệ', c.relation), fact('Nhiệm kỳ', c.term)),
      el('p', { class: 'muted' }, 'Văn bản này không có trong kho; chỉ biết qua các văn bản trích dẫn nó.'),
      c.key ? el('p', null, el('a', { href: CM.graphHref(c.key) }, 'Sơ đồ trích dẫn')) : null);
    if (c.key) {
      CM.api('/api/cited-by?' + new URLSearchParams({ ref: c.key, limit: 20 }))
        .then((r) => card.append(el('p', null, 'Được trích dẫn bởi ' + r.total + ' văn bản:'), el('ul', null, r.items.map(citedByItem))))
        .catch((e) => card.append(CM.error(e)));
    }
    return card;
  }

  // One citation in the text: a link or a button opening its card.
  function citeMark(c, piece) {
    if (c.id) return el('a', { class: 'cite', href: CM.docHref(c.id), title: c.key || '' }, piece);
    const b = el('button', { type: 'button', class: 'cite', 'aria-expanded': 'false', title: c.key || '' }, piece);
    let card = null;
    b.addEventListener('click', () => {
      if (card) {
        card.remove();
        card = null;
        b.setAttribute('aria-expanded', 'false');
        return;
      }
      card = citeCard(c);
      b.setAttribute('aria-expanded', 'true');
      b.closest('.text').after(card);
      card.scrollIntoView({ block: 'nearest' });
    });
    return b;
  }

  function dateMark(d, piece) {
    const t = el('time', { class: d.deadline ? 'deadline' : 'date', datetime: d.resolved || d.iso || null, title: d.deadline ? 'Thời hạn' : 'Ngày' }, piece);
    return t;
  }

  // The text with its citations (found by their words, in order) and dates (byte offsets).
  function text(doc) {
    const t = doc.text || '';
    const at = CM.byteIndex(t);
    const marks = [];
    let from = 0;
    for (const c of doc.cites || []) {
      if (!c.text) continue;
      let i = t.indexOf(c.text, from);
      if (i < 0) i = t.indexOf(c.text);
      if (i < 0) continue;
      from = i + c.text.length;
      marks.push({ start: i, end: i + c.text.length, make: (piece) => citeMark(c, piece) });
    }
    for (const d of doc.dates || []) marks.push({ start: at(d.start), end: at(d.end), make: (piece) => dateMark(d, piece) });
    return el('div', { class: 'text', lang: 'vi' }, CM.marked(t, marks));
  }

  function citesList(doc) {
    const items = (doc.cites || []).map((c) => el('li', { data: { key: c.key || '' } },
      c.id ? CM.docLink(c.id, c.text || c.key) : el('bdi', null, c.text || c.key),
      c.relation ? el('span', { class: 'muted' }, ' (' + c.relation + ')') : null, ' ',
      c.status ? CM.status(c.status) : null));
    return el('section', { class: 'cites' }, el('h2', null, 'Văn bản này trích dẫn (' + items.length + ')'),
      items.length ? el('ul', null, items) : el('p', { class: 'muted' }, 'Không trích dẫn văn bản nào.'));
  }

  function citedByItem(r) {
    const id = r.number || r.path;
    return el('li', { data: { path: r.path || '' } }, CM.docLink(id, r.title || r.path),
      el('span', { class: 'muted' }, ' ' + [CM.date(r.date), r.relation, r.depth > 1 ? 'bậc ' + r.depth : null].filter(Boolean).join(' · ')),
      r.status ? [' ', CM.status(r.status)] : null);
  }

  async function citedBy(doc, depth) {
    let items = doc.cited_by || [];
    let total = items.length;
    if (doc.number && depth > 1) {
      const r = await CM.api('/api/cited-by?' + new URLSearchParams({ ref: doc.number, depth, limit: 1000 }));
      items = r.items;
      total = r.total;
    }
    const sel = el('select', { id: 'depth', 'aria-label': 'Độ sâu' }, [1, 2, 3].map((d) => el('option', { value: d, selected: d === depth }, 'bậc ' + d)));
    sel.addEventListener('change', () => CM.go(CM.url({ doc: new URLSearchParams(location.search).get('doc'), depth: sel.value > 1 ? sel.value : null })));
    return el('section', { class: 'cited-by' },
      el('h2', null, 'Được trích dẫn bởi (' + total + ')'),
      doc.number ? el('label', null, 'Độ sâu: ', sel) : null,
      items.length ? el('ul', null, items.map(citedByItem)) : el('p', { class: 'muted' }, 'Chưa văn bản nào trong kho trích dẫn văn bản này.'),
      total > items.length ? el('p', { class: 'muted' }, 'và ' + (total - items.length) + ' văn bản khác') : null);
  }

  const RELATION = { replaces: 'thay thế', repeals: 'bãi bỏ', amends: 'sửa đổi, bổ sung', expires: 'hết hiệu lực' };

  // One claim on the document's validity: the document making it (a link
  // when the corpus has it), what it does, to which part, from when, its
  // sentence; marked when it disagrees with another.
  function claim(b, disputed) {
    return el('li', { class: disputed ? 'conflict' : null, data: { key: b.key || '', relation: b.relation || '' } },
      b.id || b.path ? CM.docLink(b.key || b.path, b.key || b.path) : el('bdi', null, b.key || ''),
      ' ' + (RELATION[b.relation] || b.relation || ''),
      b.part ? ' ' + b.part : '', b.date ? ' từ ' + CM.date(b.date) : '',
      b.context ? el('blockquote', null, el('bdi', null, b.context)) : null);
  }

  // The validity as /api/doc gives it (chimuc status --json), or nothing:
  // the claims (by), those that disagree (conflicts, drawn from them) marked.
  function validity(doc) {
    const v = doc.validity;
    if (!v || !v.status) return null;
    const id = (b) => b.key + ' ' + b.relation;
    const claims = v.by || [];
    const disputed = new Set((v.conflicts || []).map(id));
    return el('section', { class: 'validity', data: { status: v.status } },
      el('h2', null, 'Hiệu lực'),
      el('p', null, CM.status(v.status), v.since ? ' từ ' + CM.date(v.since) : ''),
      disputed.size ? el('p', { class: 'conflict-note', role: 'note' }, 'Các văn bản được đánh dấu nói khác nhau về hiệu lực của văn bản này.') : null,
      claims.length ? el('ul', { class: 'by' }, claims.map((b) => claim(b, disputed.has(id(b))))) : null);
  }

  // The deadlines and occasions, each as the text says it.
  function deadlines(doc) {
    const ds = (doc.dates || []).filter((d) => d.deadline || d.occasion);
    const t = doc.text || '';
    const at = CM.byteIndex(t);
    const said = (d) => (at(d.start) !== null && at(d.end) !== null ? t.slice(at(d.start), at(d.end)) : CM.date(d.iso));
    if (!ds.length) return null;
    return el('section', { class: 'deadlines' }, el('h2', null, 'Thời hạn và ngày kỷ niệm'),
      el('ul', null, ds.map((d) => el('li', null, el('strong', null, el('time', { datetime: d.resolved || null }, said(d))),
        d.recurrence ? ' (' + d.recurrence + ')' : '', ': ', el('bdi', null, d.task || d.occasion || d.context || ''),
        d.actor ? el('span', { class: 'muted' }, ' — ' + d.actor) : null))));
  }

  CM.views.doc = async function (box, p) {
    const id = p.get('doc');
    const depth = Math.min(3, Math.max(1, parseInt(p.get('depth') || '1', 10) || 1));
    const doc = await CM.api('/api/doc/' + encodeURIComponent(id));
    const self = doc.self || {};
    CM.add(box, 
      el('h1', { class: 'title' }, el('bdi', null, doc.title || doc.path)),
      el('p', { class: 'doc-meta' }, [doc.type, doc.number, CM.date(doc.date), self.issuer, self.place].filter(Boolean).join(' · '),
        doc.validity && doc.validity.status ? [' ', CM.status(doc.validity.status)] : null),
      el('p', { class: 'doc-meta' }, 'Tệp: ', el('bdi', { class: 'path' }, doc.path || '')),
      doc.number ? el('p', null, el('a', { href: CM.graphHref(doc.number) }, 'Sơ đồ trích dẫn quanh văn bản này')) : null,
      validity(doc),
      el('div', { class: 'lists' }, citesList(doc), await citedBy(doc, depth)),
      deadlines(doc),
      el('h2', null, 'Toàn văn'),
      text(doc));
  };
})();
