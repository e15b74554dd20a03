// SPDX-License-Identifier: GPL-2.0-or-later

// deadlines.js: the deadlines view: a month calendar
// (/?view=deadlines&month=2018-10) and a day-month view, every year
// (/?view=deadlines&on=15/10), its items grouped by the body that owes them;
// each with its document, and the iCalendar (.ics) of what is shown.
'use strict';

(function () {
  const el = CM.el;
  const LIMIT = 1000;
  const DAYS = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'];
  const pad = (n) => String(n).padStart(2, '0');

  function thisMonth() {
    const d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1);
  }

  function docOf(i) {
    return CM.docLink(i.path, i.title || i.path);
  }

  function item(i) {
    return el('li', { class: 'card deadline', data: { path: i.path } },
      el('strong', null, el('time', { datetime: i.resolved || null }, i.text || CM.date(i.iso))), ' ',
      i.recurrence ? el('span', { class: 'muted' }, '(' + i.recurrence + ') ') : null,
      i.status ? [CM.status(i.status), ' '] : null,
      el('bdi', null, i.task || i.occasion || ''), el('br'),
      docOf(i),
      i.recipient ? el('div', { class: 'muted' }, 'Gửi tới: ', el('bdi', null, i.recipient)) : null,
      el('div', { class: 'muted' }, el('bdi', null, i.context || '')));
  }

  function toolbar(on, month, ics) {
    const onInput = el('input', { type: 'text', name: 'on', value: on || '', placeholder: '15/10', size: 6, 'aria-label': 'Ngày/tháng' });
    const monthInput = el('input', { type: 'month', name: 'month', value: month || '', 'aria-label': 'Tháng' });
    return el('div', { class: 'toolbar' },
      el('form', { on: { submit: (ev) => { ev.preventDefault(); CM.go(CM.url({ view: 'deadlines', on: onInput.value.trim() })); } } },
        el('label', null, 'Ngày hằng năm: ', onInput), ' ', el('button', { type: 'submit' }, 'Xem')),
      el('form', { on: { submit: (ev) => { ev.preventDefault(); CM.go(CM.url({ view: 'deadlines', month: monthInput.value })); } } },
        el('label', null, 'Tháng: ', monthInput), ' ', el('button', { type: 'submit' }, 'Xem lịch')),
      el('a', { class: 'button', href: ics, download: 'chimuc.ics' }, 'Tải lịch .ics'));
  }

  // 15/10 every year, grouped by the body that owes each item.
  async function dayMonth(box, on) {
    const q = new URLSearchParams({ on, by: 'actor', limit: LIMIT });
    const r = await CM.api('/api/deadlines?' + q);
    CM.add(box, el('h1', null, 'Ngày ' + on + ' hằng năm'), toolbar(on, null, '/api/deadlines?' + new URLSearchParams({ on, format: 'ics' })),
      el('p', { class: 'muted' }, r.total + ' mục, trong ' + new Set(r.items.map((i) => i.path)).size + ' văn bản'));
    let actor;
    let ul = null;
    for (const i of r.items) {
      if (!ul || i.actor !== actor) {
        actor = i.actor;
        ul = el('ul', { class: 'hits' });
        CM.add(box, el('section', { class: 'actor' }, el('h2', null, el('bdi', null, actor || 'Chưa rõ cơ quan thực hiện')), ul));
      }
      ul.append(item(i));
    }
    if (r.total > r.items.length) CM.add(box, el('p', { class: 'muted' }, 'Chỉ hiện ' + r.items.length + ' mục đầu.'));
  }

  // The month's calendar, Monday first.
  async function calendar(box, month) {
    const [y, m] = month.split('-').map(Number);
    const r = await CM.api('/api/deadlines?' + new URLSearchParams({ from: month, to: month, limit: LIMIT }));
    const byDay = new Map();
    for (const i of r.items) {
      const d = /^\d{4}-\d\d-(\d\d)$/.exec(i.resolved || '');
      if (!d) continue;
      const k = Number(d[1]);
      if (!byDay.has(k)) byDay.set(k, []);
      byDay.get(k).push(i);
    }
    const first = (new Date(y, m - 1, 1).getDay() + 6) % 7;
    const days = new Date(y, m, 0).getDate();
    const rows = [];
    let row = el('tr');
    for (let c = 0; c < first; c++) row.append(el('td', { class: 'out' }));
    for (let d = 1; d <= days; d++) {
      const items = byDay.get(d) || [];
      row.append(el('td', { data: { day: d, count: items.length } },
        el('a', { href: CM.url({ view: 'deadlines', on: d + '/' + m }), 'aria-label': 'Ngày ' + d + '/' + m + ' hằng năm' }, String(d)),
        items.length ? el('span', { class: 'count', 'aria-hidden': 'true' }, String(items.length)) : null,
        items.length ? el('ul', null, items.map((i) => el('li', { title: i.task || i.occasion || '' },
          el('a', { href: CM.docHref(i.path) }, el('bdi', null, i.task || i.occasion || i.title || ''))))) : null));
      if ((first + d) % 7 === 0) {
        rows.push(row);
        row = el('tr');
      }
    }
    if (row.children.length) rows.push(row);
    const prev = m === 1 ? y - 1 + '-12' : y + '-' + pad(m - 1);
    const next = m === 12 ? y + 1 + '-01' : y + '-' + pad(m + 1);
    CM.add(box, el('h1', null, 'Lịch thời hạn tháng ' + m + '/' + y),
      toolbar(null, month, '/api/deadlines?' + new URLSearchParams({ from: month, to: month, format: 'ics' })),
      el('nav', { class: 'pager', 'aria-label': 'Tháng' },
        el('a', { href: CM.url({ view: 'deadlines', month: prev }) }, '← Tháng trước'),
        el('span', null, r.total + ' mục'),
        el('a', { href: CM.url({ view: 'deadlines', month: next }) }, 'Tháng sau →')),
      el('table', { class: 'calendar' }, el('thead', null, el('tr', null, DAYS.map((d) => el('th', { scope: 'col' }, d)))), el('tbody', null, rows)),
      r.items.length ? el('ul', { class: 'hits' }, r.items.map(item)) : null);
  }

  CM.views.deadlines = async function (box, p) {
    const on = p.get('on');
    if (on) return dayMonth(box, on);
    const month = /^\d{4}-\d\d$/.test(p.get('month') || '') ? p.get('month') : thisMonth();
    return calendar(box, month);
  };
})();
