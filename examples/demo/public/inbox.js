// The inbox page: lists the records from GET /api/records (newest first) and refreshes every few
// seconds, in English or Chinese (language.js); links to the CSV of each form (GET
// /api/records.csv, masked unless the box is ticked). Text only: every value goes in through
// textContent, never innerHTML.
import { fill, setupLanguage } from './language.js';

const texts = {
  en: {
    title: 'Intake demo: inbox',
    heading: 'Inbox',
    intro:
      'The records the receiver has stored so far, newest first, read from its JSON-lines files by the demo server every few seconds. The receiver itself has no endpoint that hands records out.',
    footer: 'Intake demo · records are kept in the data directory printed by',
    footerEnd: '.',
    loading: 'Loading the records…',
    none: 'No records yet. Send the form and the record appears here.',
    one: '1 record received.',
    many: '{total} records received.',
    manyShown: '{total} records received (the newest {shown} shown).',
    failed: 'Could not read the records ({message}). Is pnpm demo still running?',
    checked: 'Checked at {time}.',
    company: 'Company',
    email: 'Email',
    phone: 'Phone (E.164)',
    tags: 'Tags',
    dedupeKey: 'Dedupe key',
    rawJson: 'Raw JSON',
    downloadCrmLead: 'Download CSV (business inquiries)',
    downloadContact: 'Download CSV (contact form)',
    unmasked: 'Unmasked: full phone numbers, names and emails (masked by default, e.g. 139****5678)',
  },
  'zh-CN': {
    title: 'Intake 演示：收件箱',
    heading: '收件箱',
    intro: '接收端至今保存的记录，最新的在前。演示服务器每隔几秒从接收端的 JSON Lines 文件中读取；接收端本身没有任何对外提供记录的接口。',
    footer: 'Intake 演示 · 记录保存在',
    footerEnd: '启动时显示的数据目录中。',
    loading: '正在读取记录…',
    none: '还没有记录。提交表单后，记录会出现在这里。',
    one: '已收到 1 条记录。',
    many: '已收到 {total} 条记录。',
    manyShown: '已收到 {total} 条记录（显示最新的 {shown} 条）。',
    failed: '无法读取记录（{message}）。pnpm demo 是否仍在运行？',
    checked: '检查时间：{time}。',
    company: '公司',
    email: '邮箱',
    phone: '电话（E.164）',
    tags: '标签',
    dedupeKey: '去重键',
    rawJson: '原始 JSON',
    downloadCrmLead: '下载 CSV（商务咨询）',
    downloadContact: '下载 CSV（联系表单）',
    unmasked: '不打码：完整的手机号、姓名和邮箱（默认打码，如 139****5678）',
  },
};

const refreshMs = 3000;
const list = document.getElementById('records');
const status = document.getElementById('inbox-status');
const checked = document.getElementById('inbox-checked');
const template = document.getElementById('record-template');
const unmasked = document.getElementById('download-unmasked');
let locale = 'en';
let lastBody = '';
/** What the status line says (a key of the texts and its values), so a switch says it again. */
let said = { key: 'loading', params: {} };
let lastStatus = '';
let checkedAt;

const value = (text) => (text === undefined || text === null || text === '' ? '—' : String(text));

function setStatus(key, params = {}) {
  said = { key, params };
  const message = fill(texts[locale][key], params);
  // Only a change is written, so screen readers hear news, not every refresh.
  if (message !== lastStatus) status.textContent = lastStatus = message;
}

function showChecked() {
  checked.textContent = checkedAt ? fill(texts[locale].checked, { time: checkedAt.toLocaleTimeString(locale) }) : '';
}

function renderRecord({ form, record }) {
  const item = template.content.firstElementChild.cloneNode(true);
  const slot = (name) => item.querySelector(`[data-slot="${name}"]`);
  for (const term of item.querySelectorAll('[data-term]')) term.textContent = texts[locale][term.dataset.term];
  const data = record.data ?? {};
  item.dataset.id = String(record.id);
  slot('name').textContent = value(data.contactName ?? data.name);
  const time = slot('submittedAt');
  time.dateTime = String(record.submittedAt ?? '');
  const at = new Date(record.submittedAt);
  time.textContent = Number.isNaN(at.getTime()) ? value(record.submittedAt) : at.toLocaleString(locale);
  slot('form').textContent = form;
  slot('company').textContent = value(data.company);
  slot('email').textContent = value(data.email);
  slot('phone').textContent = value(data.phone);
  const tags = slot('tags');
  const tagList = Array.isArray(record.tags) ? record.tags : [];
  if (tagList.length === 0) tags.textContent = '—';
  for (const tag of tagList) {
    const chip = document.createElement('span');
    chip.className = 'tag';
    chip.textContent = String(tag);
    tags.append(chip, ' ');
  }
  slot('dedupeKey').textContent = value(record.dedupeKey);
  slot('json').textContent = JSON.stringify(record, null, 2);
  return item;
}

function render(body) {
  const { total, entries } = JSON.parse(body);
  // Keep the raw JSON of a record open across refreshes.
  const open = new Set([...list.querySelectorAll('li.record')].filter((item) => item.querySelector('details').open).map((item) => item.dataset.id));
  const items = entries.map(renderRecord);
  for (const item of items) if (open.has(item.dataset.id)) item.querySelector('details').open = true;
  list.replaceChildren(...items);
  if (total === 0) setStatus('none');
  else if (total === 1) setStatus('one');
  else setStatus(entries.length < total ? 'manyShown' : 'many', { total, shown: entries.length });
}

async function refresh() {
  try {
    const response = await fetch('/api/records', { cache: 'no-store', headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = await response.text();
    checkedAt = new Date();
    showChecked();
    if (body === lastBody) return;
    lastBody = body;
    render(body);
  } catch (error) {
    setStatus('failed', { message: error.message });
  }
}

/** Points the download links at the CSV of their form, in the page's language, masked unless asked. */
function updateDownloads() {
  for (const link of document.querySelectorAll('a[data-form]')) {
    const query = new URLSearchParams({ form: link.dataset.form, lang: locale });
    if (unmasked.checked) query.set('mask', '0');
    link.href = `/api/records.csv?${query}`;
  }
}
unmasked.addEventListener('change', updateDownloads);

setupLanguage(texts, (next) => {
  locale = next;
  updateDownloads();
  setStatus(said.key, said.params);
  showChecked();
  if (lastBody) render(lastBody);
});

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
