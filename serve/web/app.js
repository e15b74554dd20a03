// SPDX-License-Identifier: GPL-2.0-or-later

// app.js: what every view of the page shares: building elements (text is
// always set as text, never parsed as HTML), calling the JSON API, the
// state in the URL (links are real links; back and forward redraw), byte
// offsets of the API turned into string positions, status badges. Each
// view (search.js, doc.js, graph.js, deadlines.js, draft.js) registers in
// CM.views; the view is chosen from the URL.
'use strict';

const CM = (window.CM = { views: {}, seq: 0 });

// el('a', {href: '/x', class: 'c'}, 'text', child, ...): strings become text nodes.
CM.el = function (tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'on') for (const [ev, f] of Object.entries(v)) e.addEventListener(ev, f);
    else if (k === 'data') for (const [d, dv] of Object.entries(v)) e.dataset[d] = dv;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  CM.append(e, kids);
  return e;
};

// Bidi controls that would turn the text after them around (U+202A-202E,
// U+2066-2069): each kept, alone in an isolated span that shows its code.
const BIDI = /([\u202a-\u202e\u2066-\u2069])/;

function textNodes(s) {
  if (!BIDI.test(s)) return [document.createTextNode(s)];
  return s.split(BIDI).filter((p) => p !== '').map((p) => {
    if (!BIDI.test(p)) return document.createTextNode(p);
    const code = 'U+' + p.codePointAt(0).toString(16).toUpperCase();
    return CM.el('span', { class: 'bidi', title: code, data: { code } }, document.createTextNode(p));
  });
}

// Appends kids (nodes, strings, arrays; null and false left out) to e.
CM.append = function (e, kids) {
  for (const k of kids.flat(Infinity)) {
    if (k === null || k === undefined || k === false) continue;
    if (k instanceof Node) e.append(k);
    else e.append(...textNodes(String(k)));
  }
  return e;
};
CM.add = (e, ...kids) => CM.append(e, kids);

// The JSON of an API path; throws an Error with the API's message.
CM.api = async function (path, init) {
  const r = await fetch(path, init);
  let j = null;
  try {
    j = await r.json();
  } catch (e) {
    j = null;
  }
  if (!r.ok) throw new Error((j && j.error) || 'HTTP ' + r.status);
  return j;
};

// '/?a=1&b=x' from an object; empty values left out.
CM.url = function (params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '/?' + s : '/';
};

CM.docHref = (id) => CM.url({ doc: id });
CM.graphHref = (id) => CM.url({ graph: id });

// A link to a document of the corpus, its title isolated (bidi).
CM.docLink = function (id, title) {
  return CM.el('a', { href: CM.docHref(id), class: 'title' }, CM.el('bdi', null, title || id));
};

const STATUS = {
  in_corpus: 'Có trong kho',
  cited_only: 'Chỉ được trích dẫn',
  unknown: 'Không rõ',
  ambiguous: 'Nhập nhằng',
  inconsistent: 'Không thống nhất',
  in_force: 'Còn hiệu lực',
  amended: 'Được sửa đổi, bổ sung',
  replaced: 'Bị thay thế',
  repealed: 'Bị bãi bỏ',
  expired: 'Hết hiệu lực',
  not_yet: 'Chưa có hiệu lực',
};
// The badge of a status the API gave (its own word when not known here).
CM.status = function (s) {
  return CM.el('span', { class: 'status status-' + s, title: s, data: { status: s } }, STATUS[s] || s);
};

// A function from the API's UTF-8 byte offsets in text to string positions.
CM.byteIndex = function (text) {
  const at = new Map();
  let b = 0;
  let i = 0;
  for (const ch of text) {
    at.set(b, i);
    const c = ch.codePointAt(0);
    b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  at.set(b, i);
  return (off) => (at.has(off) ? at.get(off) : null);
};

// text cut at marks [{start, end, make(piece)}] (string positions, the
// earlier first, overlapping ones dropped): the pieces as nodes.
CM.marked = function (text, marks) {
  const out = [];
  let pos = 0;
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const m of marks) {
    if (m.start === null || m.end === null || m.start < pos || m.end <= m.start) continue;
    out.push(text.slice(pos, m.start), m.make(text.slice(m.start, m.end)));
    pos = m.end;
  }
  out.push(text.slice(pos));
  return out;
};

// "2018-02-28" as "28/02/2018"; "--10-15" as "15/10 hằng năm".
CM.date = function (iso) {
  if (!iso) return '';
  let m = /^--(\d\d)-(\d\d)$/.exec(iso);
  if (m) return m[2] + '/' + m[1] + ' hằng năm';
  m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso);
  if (m) return m[3] + '/' + m[2] + '/' + m[1];
  m = /^(\d{4})-(\d\d)$/.exec(iso);
  return m ? m[2] + '/' + m[1] : iso;
};

CM.error = (e) => CM.el('p', { class: 'error', role: 'alert' }, 'Lỗi: ' + e.message);

// Draws the view of the URL into main; data-ready says when it is drawn.
CM.render = async function () {
  const main = document.getElementById('main');
  const p = new URLSearchParams(location.search);
  const name = p.has('doc') ? 'doc' : p.has('graph') ? 'graph' : CM.views[p.get('view')] ? p.get('view') : 'search';
  const seq = ++CM.seq;
  delete main.dataset.ready;
  for (const a of document.querySelectorAll('.top nav a')) {
    const v = new URLSearchParams(new URL(a.href).search).get('view') || 'search';
    if (v === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const box = CM.el('div');
  try {
    await CM.views[name](box, p);
  } catch (e) {
    CM.add(box, CM.error(e));
  }
  if (seq !== CM.seq) return;
  main.replaceChildren(box);
  if (CM.views[name].after) {
    try {
      await CM.views[name].after(box, p);
    } catch (e) {
      CM.add(box, CM.error(e));
    }
  }
  main.dataset.ready = name;
};

// Goes to url inside the page (history kept).
CM.go = function (url) {
  history.pushState(null, '', url);
  CM.render().then(() => document.getElementById('main').focus({ preventScroll: true }));
  window.scrollTo(0, 0);
};

document.addEventListener('click', (ev) => {
  const a = ev.target.closest && ev.target.closest('a[href]');
  if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const u = new URL(a.href, location.href);
  if (u.origin !== location.origin || u.pathname !== '/' || a.hasAttribute('download')) return;
  ev.preventDefault();
  CM.go(u.pathname + u.search);
});
window.addEventListener('popstate', () => CM.render());
document.addEventListener('DOMContentLoaded', () => CM.render());
