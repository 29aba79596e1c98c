// The inbox page: lists the records from GET /api/records (newest first) and refreshes every few
// seconds. Text only: every value goes in through textContent, never innerHTML.
(() => {
  'use strict';

  const refreshMs = 3000;
  const list = document.getElementById('records');
  const status = document.getElementById('inbox-status');
  const checked = document.getElementById('inbox-checked');
  const template = document.getElementById('record-template');
  let lastBody = '';
  let lastStatus = '';

  const text = (value) => (value === undefined || value === null || value === '' ? '—' : String(value));

  function setStatus(message) {
    // Only a change is written, so screen readers hear news, not every refresh.
    if (message !== lastStatus) status.textContent = lastStatus = message;
  }

  function renderRecord({ form, record }) {
    const item = template.content.firstElementChild.cloneNode(true);
    const slot = (name) => item.querySelector(`[data-slot="${name}"]`);
    const data = record.data ?? {};
    item.dataset.id = String(record.id);
    slot('name').textContent = text(data.contactName ?? data.name);
    const time = slot('submittedAt');
    time.dateTime = String(record.submittedAt ?? '');
    const at = new Date(record.submittedAt);
    time.textContent = Number.isNaN(at.getTime()) ? text(record.submittedAt) : at.toLocaleString();
    slot('form').textContent = form;
    slot('company').textContent = text(data.company);
    slot('email').textContent = text(data.email);
    slot('phone').textContent = text(data.phone);
    const tags = slot('tags');
    const tagList = Array.isArray(record.tags) ? record.tags : [];
    if (tagList.length === 0) tags.textContent = '—';
    for (const tag of tagList) {
      const chip = document.createElement('span');
      chip.className = 'tag';
      chip.textContent = String(tag);
      tags.append(chip, ' ');
    }
    slot('dedupeKey').textContent = text(record.dedupeKey);
    slot('json').textContent = JSON.stringify(record, null, 2);
    return item;
  }

  async function refresh() {
    try {
      const response = await fetch('/api/records', { cache: 'no-store', headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = await response.text();
      checked.textContent = `Checked at ${new Date().toLocaleTimeString()}.`;
      if (body === lastBody) return;
      lastBody = body;
      const { total, entries } = JSON.parse(body);
      // Keep the raw JSON of a record open across refreshes.
      const open = new Set([...list.querySelectorAll('li.record')].filter((item) => item.querySelector('details').open).map((item) => item.dataset.id));
      const items = entries.map(renderRecord);
      for (const item of items) if (open.has(item.dataset.id)) item.querySelector('details').open = true;
      list.replaceChildren(...items);
      setStatus(
        total === 0
          ? 'No records yet. Send the form and the record appears here.'
          : `${total} ${total === 1 ? 'record' : 'records'} received${entries.length < total ? ` (the newest ${entries.length} shown)` : ''}.`,
      );
    } catch (error) {
      setStatus(`Could not read the records (${error.message}). Is pnpm demo still running?`);
    }
  }

  let timer;
  const schedule = () => {
    clearTimeout(timer);
    if (document.visibilityState === 'visible') timer = setTimeout(() => refresh().finally(schedule), refreshMs);
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') refresh().finally(schedule);
    else clearTimeout(timer);
  });
  refresh().finally(schedule);
})();
