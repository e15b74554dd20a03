// SPDX-License-Identifier: GPL-2.0-or-later

// search.js: the search view at "/": the query box, the facets of the
// whole match (type, issuer, year, with their counts), the hits with their
// snippet highlighted, and paging; all of it in the URL
// (/?q=dan+van+kheo&type=KH&page=2, limit= hits a page), so a link can be sent.
'use strict';

(function () {
  const PER_PAGE = 10;
  const PER_PAGE_MAX = 100;
  const FACETS = [
    ['type', 'Loại văn bản'],
    ['issuer', 'Cơ quan ban hành'],
    ['year', 'Năm'],
  ];
  const el = CM.el;

  function state(p) {
    const page = Math.max(1, parseInt(p.get('page') || '1', 10) || 1);
    const n = Math.min(PER_PAGE_MAX, Math.max(1, parseInt(p.get('limit') || '', 10) || PER_PAGE));
    return { q: p.get('q') || '', type: p.get('type'), issuer: p.get('issuer'), year: p.get('year'), limit: n === PER_PAGE ? null : n, page };
  }

  function form(s) {
    const input = el('input', {
      type: 'search', name: 'q', value: s.q, 'aria-label': 'Từ khóa',
      placeholder: 'Từ khóa, số hiệu… (gõ không dấu cũng được)', autofocus: true,
    });
    return el('form', {
      class: 'searchbar', role: 'search', action: '/',
      on: {
        submit: (ev) => {
          ev.preventDefault();
          CM.go(CM.url({ q: input.value.trim() }));
        },
      },
    }, input, el('button', { type: 'submit' }, 'Tìm'));
  }

  // The snippet with its highlights (byte offsets) marked.
  function snippet(text, highlights) {
    const at = CM.byteIndex(text);
    const marks = (highlights || []).map(([a, b]) => ({ start: at(a), end: at(b), make: (t) => el('mark', null, t) }));
    return el('p', { class: 'snippet' }, CM.marked(text, marks));
  }

  function hit(h) {
    return el('li', { class: 'hit card', data: { id: h.id } },
      el('h2', null, CM.docLink(h.id, h.title || h.path)),
      el('div', { class: 'meta' }, [h.type, h.number, CM.date(h.date)].filter(Boolean).join(' · ')),
      h.status ? CM.status(h.status) : null,
      h.snippet ? snippet(h.snippet, h.highlights) : null);
  }

  function facets(s, f) {
    const box = el('nav', { class: 'facets', 'aria-label': 'Lọc kết quả' });
    for (const [key, label] of FACETS) {
      const counts = (f && f[key]) || {};
      const names = Object.keys(counts).sort((a, b) => counts[b] - counts[a] || a.localeCompare(b));
      if (!names.length) continue;
      const ul = el('ul');
      for (const n of names) {
        const on = s[key] === n;
        const next = Object.assign({}, s, { [key]: on ? null : n, page: null });
        ul.append(el('li', null, el('a', { href: CM.url(next), class: on ? 'on' : null, 'aria-pressed': on ? 'true' : null, data: { facet: key, value: n } },
          el('bdi', null, n), ' (' + counts[n] + ')', on ? ' ✕' : '')));
      }
      CM.add(box, el('h2', null, label), ul);
    }
    return box;
  }

  const perPage = (s) => s.limit || PER_PAGE;

  function pager(s, total) {
    const pages = Math.ceil(total / perPage(s));
    if (pages <= 1) return null;
    const link = (page, text, rel) => el('a', { href: CM.url(Object.assign({}, s, { page: page > 1 ? page : null })), rel }, text);
    return el('nav', { class: 'pager', 'aria-label': 'Trang kết quả' },
      s.page > 1 ? link(s.page - 1, '← Trang trước', 'prev') : null,
      el('span', null, 'Trang ' + s.page + '/' + pages),
      s.page < pages ? link(s.page + 1, 'Trang sau →', 'next') : null);
  }

  CM.views.search = async function (box, p) {
    const s = state(p);
    CM.add(box, el('h1', null, 'Tìm văn bản'), form(s));
    if (!s.q) {
      CM.add(box, el('p', { class: 'muted' }, 'Ví dụ: ', el('a', { href: CM.url({ q: 'dan van kheo' }) }, 'dan van kheo'), ', ',
        el('a', { href: CM.url({ q: '25-NQ/TW' }) }, '25-NQ/TW')));
      return;
    }
    const api = '/api/search?' + new URLSearchParams(Object.entries({
      q: s.q, type: s.type, issuer: s.issuer, year: s.year, limit: perPage(s), offset: (s.page - 1) * perPage(s),
    }).filter(([, v]) => v !== null && v !== undefined && v !== ''));
    const r = await CM.api(api);
    const list = el('ol', { class: 'hits', start: (s.page - 1) * perPage(s) + 1, data: { total: r.total } }, r.hits.map(hit));
    CM.add(box, el('div', { class: 'results' }, facets(s, r.facets),
      el('section', { 'aria-label': 'Kết quả' },
        el('p', { class: 'muted' }, r.total + ' văn bản'),
        r.hits.length ? list : el('p', null, 'Không có văn bản nào.'),
        pager(s, r.total))));
  };
})();
