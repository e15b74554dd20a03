// SPDX-License-Identifier: GPL-2.0-or-later

// draft.js: the draft check (/?view=draft): a draft pasted (POST /api/map
// with its text) or a file uploaded (multipart/form-data, field "draft"),
// and for each citation its status, formal reference, precedents,
// problems, the documents it may mean and what is usually cited beside it,
// coloured by status.
'use strict';

(function () {
  const el = CM.el;

  function check(c) {
    const precedents = c.cited_by || [];
    return el('li', { class: 'card check check-' + (c.status || 'none'), data: { status: c.status || '', key: c.key || '' } },
      el('div', null, c.status ? CM.status(c.status) : null, ' ', el('strong', null, el('bdi', null, c.text || c.key || ''))),
      c.reference ? el('p', null, 'Trích dẫn chuẩn: ', el('bdi', { class: 'reference' }, c.reference)) : null,
      c.path ? el('p', null, el('a', { href: CM.docHref(c.path) }, 'Mở văn bản trong kho')) : null,
      (c.problems || []).length ? el('ul', { class: 'problems' }, c.problems.map((p) => el('li', null, typeof p === 'string' ? p : JSON.stringify(p)))) : null,
      precedents.length ? el('details', null, el('summary', null, 'Tiền lệ: ' + (c.cited_by_total || precedents.length) + ' văn bản đã trích dẫn'),
        el('ul', null, precedents.map((r) => el('li', null, CM.docLink(r.path, r.title || r.path), el('span', { class: 'muted' }, ' ' + CM.date(r.date)))))) : null,
      c.status !== 'in_corpus' && (c.candidates || []).length ? el('div', null, 'Có thể là: ', el('ul', { class: 'candidates' }, c.candidates.map((k) =>
        el('li', null, k.path ? CM.docLink(k.path, k.title || k.key) : el('bdi', null, k.key || ''), el('span', { class: 'muted' }, ' ' + CM.date(k.date)))))) : null,
      (c.co_cited || []).length ? el('p', { class: 'muted' }, 'Thường được trích dẫn cùng: ',
        c.co_cited.map((k, i) => [i ? ', ' : '', el('bdi', { title: k.why || '' }, k.key)])) : null);
  }

  function show(out, items) {
    const cites = items.filter((i) => i.kind !== 'suggestion');
    const counts = {};
    for (const c of cites) counts[c.status] = (counts[c.status] || 0) + 1;
    out.replaceChildren(el('h2', null, cites.length + ' trích dẫn'),
      el('p', null, Object.entries(counts).map(([s, n]) => [CM.status(s), ' ' + n + '  '])),
      el('ol', { class: 'hits checks' }, cites.map(check)));
  }

  async function run(out, init) {
    const main = document.getElementById('main');
    delete main.dataset.ready;
    out.replaceChildren(el('p', { class: 'muted' }, 'Đang kiểm tra…'));
    try {
      const r = await CM.api('/api/map', Object.assign({ method: 'POST' }, init));
      show(out, r.items);
    } catch (e) {
      out.replaceChildren(CM.error(e));
    }
    main.dataset.ready = 'draft-checked';
  }

  CM.views.draft = async function (box) {
    const out = el('section', { id: 'checks', 'aria-live': 'polite' });
    const text = el('textarea', { id: 'draft-text', name: 'text', 'aria-label': 'Nội dung dự thảo', placeholder: 'Dán nội dung dự thảo vào đây…' });
    const file = el('input', { type: 'file', name: 'draft', accept: '.docx,.pdf,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain' });
    CM.add(box, el('h1', null, 'Kiểm tra dự thảo'),
      el('form', { class: 'draftform', id: 'paste', on: { submit: (ev) => { ev.preventDefault(); run(out, { body: text.value, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }); } } },
        el('label', { for: 'draft-text' }, 'Dán dự thảo:'), text, el('div', null, el('button', { type: 'submit' }, 'Kiểm tra'))),
      el('form', { class: 'draftform', id: 'upload', enctype: 'multipart/form-data', on: { submit: (ev) => { ev.preventDefault(); if (file.files.length) run(out, { body: new FormData(ev.target) }); } } },
        el('label', null, 'Hoặc tải lên tệp (DOCX, PDF, văn bản): ', file), el('div', null, el('button', { type: 'submit' }, 'Tải lên và kiểm tra'))),
      out);
  };
})();
