// "Track my transfer": plain browser JavaScript against the relayer's REST API and its
// server-sent events; no build step. Everything shown comes from /api/v1.
(function () {
  'use strict';
  const api = '/api/v1';
  const results = document.getElementById('results');
  const status = document.getElementById('status');
  let source = null;
  const shown = new Map(); // card id -> the JSON it shows: an unchanged transfer is not redrawn

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') e.className = v; else if (k === 'data') Object.assign(e.dataset, v); else e.setAttribute(k, v);
    });
    children.forEach(c => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return e;
  }

  async function get(path) {
    const r = await fetch(api + path, { headers: { Accept: 'application/json' } });
    const body = await r.json();
    if (!r.ok) throw new Error((body.title || r.status) + ': ' + (body.detail || ''));
    return body;
  }

  function key(t) { return (t.kind === 'DEPOSIT' ? 'deposits/' : 'withdrawals/') + t.nonce; }

  function render(t) {
    const id = 'transfer-' + t.kind + '-' + t.nonce;
    const json = JSON.stringify(t);
    if (shown.get(id) === json && document.getElementById(id)) return;
    shown.set(id, json);
    const card = el('article', { class: 'transfer', id: id, data: { kind: t.kind, nonce: t.nonce } },
      el('h2', {}, (t.kind === 'DEPOSIT' ? 'Deposit ' : 'Withdrawal ') + '#' + t.nonce + ' · ' + t.amount + ' ' + (t.token.symbol || t.token.l1)),
      el('span', { class: 'stage', data: { stage: t.stage } }, t.stage),
      el('p', { class: 'reason' }, t.reason + (t.until ? ' (until ' + t.until + ')' : '')),
      t.nextStageDueAt ? el('p', { class: 'due' }, 'next stage expected by ' + t.nextStageDueAt) : '',
      el('p', {}, 'from ', el('span', { class: 'hash' }, t.sender || '?'), ' to ', el('span', { class: 'hash' }, t.recipient)),
      el('ol', { class: 'stages' }, ...t.stages.map(s => el('li', { data: { stage: s.stage } }, s.stage + ' · ' + s.at + (s.detail ? ' · ' + s.detail : '')))),
      el('ul', { class: 'txs' }, ...t.transactions.map(x => el('li', {}, x.chain + ' ' + x.role + ': ', el('span', { class: 'hash' }, x.hash)))));
    if (t.kind === 'WITHDRAWAL' && !['CLAIMED', 'DEBT', 'REVOKED'].includes(t.stage)) {
      const out = el('textarea', { class: 'claim-data', readonly: 'readonly', hidden: 'hidden' });
      const button = el('button', { class: 'claim', type: 'button' }, 'Self-claim: copy calldata');
      button.addEventListener('click', () => selfClaim(t, out));
      card.append(el('div', { class: 'self-claim' }, button, out));
    }
    if (t.stage === 'DEBT' && t.links.owed) {
      const out = el('textarea', { class: 'pull-data', readonly: 'readonly', hidden: 'hidden' });
      const button = el('button', { class: 'pull', type: 'button' }, 'Pull what the vault owes: copy calldata');
      button.addEventListener('click', () => pull(t, out));
      card.append(el('div', { class: 'owed' }, el('p', {}, 'The payout failed; the vault keeps it for ' + t.recipient + ', who pulls it with one call.'), button, out));
    }
    const old = document.getElementById(id);
    if (old) old.replaceWith(card); else results.append(card);
  }

  async function selfClaim(t, out) {
    try {
      const c = await get('/withdrawals/' + t.nonce + '/claim');
      const lines = [];
      if (c.postRoot) lines.push('# 1. post the root\ncast send ' + c.postRoot.to + ' ' + c.postRoot.data);
      lines.push('# ' + (c.postRoot ? '2' : '1') + '. claim\ncast send ' + c.claim.to + ' ' + c.claim.data);
      out.value = lines.join('\n');
      out.dataset.to = c.claim.to;
      out.dataset.data = c.claim.data;
      out.hidden = false;
      out.select();
      if (navigator.clipboard) navigator.clipboard.writeText(out.value).catch(() => {});
    } catch (e) {
      out.value = e.message;
      out.hidden = false;
    }
  }

  async function pull(t, out) {
    try {
      const owed = await get(t.links.owed.substring(api.length));
      const debt = owed.debts.find(d => d.token === t.token.l1);
      if (!debt) { out.value = 'nothing owed any more: it was pulled'; out.hidden = false; return; }
      out.value = '# from ' + debt.pull.from + ' (the owner; a contract makes this call itself):\n' +
        '# pays ' + debt.amount + ' ' + (debt.symbol || debt.token) + ' to ' + debt.pull.payTo + ' (add ?to=0x… to the owed URL for another address)\n' +
        'cast send ' + debt.pull.to + ' ' + debt.pull.data;
      out.dataset.to = debt.pull.to;
      out.dataset.data = debt.pull.data;
      out.hidden = false;
      out.select();
      if (navigator.clipboard) navigator.clipboard.writeText(out.value).catch(() => {});
    } catch (e) {
      out.value = e.message;
      out.hidden = false;
    }
  }

  async function refresh(kind, nonce) {
    try { render(await get('/' + (kind === 'DEPOSIT' ? 'deposits/' : 'withdrawals/') + nonce)); } catch (e) { status.textContent = e.message; }
  }

  function listen(path) {
    if (source) source.close();
    source = new EventSource(api + path);
    source.addEventListener('transfer', e => render(JSON.parse(e.data)));
    source.addEventListener('stage', e => { const s = JSON.parse(e.data); refresh(s.kind, s.nonce); });
    source.onopen = () => { status.dataset.live = 'true'; };
  }

  async function track(query, kind) {
    results.replaceChildren();
    shown.clear();
    status.textContent = 'looking…';
    try {
      if (/^0x[0-9a-fA-F]{64}$/.test(query)) {
        const list = await get('/transfers/tx/' + query);
        list.forEach(render);
        if (list.length === 1) listen('/' + key(list[0]) + '/events');
      } else if (/^0x[0-9a-fA-F]{40}$/.test(query)) {
        const page = await get('/addresses/' + query + '/transfers?size=20');
        page.items.forEach(render);
        listen('/addresses/' + query + '/events');
        if (page.items.length === 0) { status.textContent = 'no transfers yet; waiting for new ones'; return; }
      } else if (/^[0-9]+$/.test(query)) {
        render(await get('/' + kind + '/' + query));
        listen('/' + kind + '/' + query + '/events');
      } else {
        throw new Error('enter a 0x transaction hash, a 0x address or a nonce');
      }
      status.textContent = 'live';
    } catch (e) {
      status.textContent = e.message;
    }
  }

  document.getElementById('search').addEventListener('submit', e => {
    e.preventDefault();
    const q = document.getElementById('query').value.trim();
    history.replaceState(null, '', '?q=' + encodeURIComponent(q));
    track(q, document.getElementById('kind').value);
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) { document.getElementById('query').value = initial; track(initial, 'withdrawals'); }
}());
