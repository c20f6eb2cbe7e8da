// flywheel dashboard: live status strip, refresh of pages built from an older database state, tree buttons.
(() => {
  const POLL_MS = 2000;
  // A running round changes the database every few seconds: rebuild a page at most this often.
  const REFRESH_MS = 5000;
  let refreshedAt = Date.now();
  const body = document.body;
  const live = document.getElementById('live');
  let busy = false;

  function span(text, attrs) {
    const el = document.createElement('span');
    el.textContent = text;
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
    return el;
  }

  function show(status) {
    if (!live) return;
    const parts = [];
    if (status.round) {
      const r = status.round;
      const counts = Object.entries(r.samples).map(([k, v]) => `${k} ${v}`).join(', ');
      parts.push(span(`round ${r.id} ${r.status} · ${r.openJobs} open jobs${counts ? ` · ${counts}` : ''}`, { 'data-live': 'round', 'data-open-jobs': String(r.openJobs) }));
    }
    for (const [name, c] of Object.entries(status.queues)) {
      const busyCounts = ['waiting', 'active', 'delayed', 'failed'].filter((k) => c[k] > 0).map((k) => `${c[k]} ${k}`);
      if (busyCounts.length) parts.push(span(`${name}: ${busyCounts.join(', ')}`, { 'data-queue': name, 'data-waiting': String(c.waiting), 'data-active': String(c.active) }));
    }
    if (!parts.length) parts.push(span('queues idle', { 'data-live': 'idle' }));
    live.replaceChildren(...parts);
  }

  async function refreshMain() {
    const res = await fetch(location.href, { headers: { accept: 'text/html' } });
    if (!res.ok) return;
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const fresh = doc.querySelector('main');
    const current = document.querySelector('main');
    if (fresh && current) current.replaceWith(document.adoptNode(fresh));
    body.dataset.fingerprint = doc.body.dataset.fingerprint;
  }

  async function poll() {
    if (busy) return;
    busy = true;
    try {
      const res = await fetch('/api/live', { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(String(res.status));
      const status = await res.json();
      show(status);
      if (status.fingerprint !== body.dataset.fingerprint && body.dataset.refresh && Date.now() - refreshedAt >= REFRESH_MS) {
        refreshedAt = Date.now();
        await refreshMain();
      }
    } catch {
      if (live) live.replaceChildren(span('live status unavailable', { 'data-live': 'offline' }));
    } finally {
      busy = false;
    }
  }

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-tree]') : null;
    if (!button) return;
    const open = button.getAttribute('data-tree') === 'expand';
    for (const d of document.querySelectorAll('#tree details')) d.open = open;
  });

  void poll();
  setInterval(poll, POLL_MS);
})();
