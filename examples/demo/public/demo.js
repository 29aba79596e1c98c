// The demo page: the language switch (language.js; it also sets `locale` on <intake-form>) and
// the delivery line (from the form's intake-* events). Text only: textContent, never innerHTML.
import { fill, setupLanguage } from './language.js';

const texts = {
  en: {
    title: 'Intake demo: the crm-lead form',
    heading: 'A lead form that posts to your own receiver',
    intro:
      'This page embeds the crm-lead preset with one script tag and one <intake-form> element. When you send it, your browser posts the normalized record (E.164 phone, lower-case email, option codes, tags, a dedupe key) to the Intake receiver running on this machine, which checks it again and appends it to a JSON-lines file.',
    inboxIntro: 'Every record that arrives is listed in the ',
    inboxLink: 'inbox',
    inboxOutro: '.',
    footer: 'Intake demo · the form runs under a strict Content-Security-Policy (no inline scripts or styles).',
    idle: 'Nothing sent yet.',
    sending: 'Sending record {id}…',
    delivered: 'Delivered: the receiver stored record {id} at {time}.',
    queued: 'Saved on this device: the receiver could not be reached. Record {id} will be sent when it can be.',
    rejected: 'The receiver refused the record: {message}',
  },
  'zh-CN': {
    title: 'Intake 演示：crm-lead 表单',
    heading: '提交到您自己的接收端的线索表单',
    intro:
      '本页用一个 script 标签和一个 <intake-form> 元素嵌入了 crm-lead 预设表单。提交后，浏览器会把规范化的记录（E.164 格式的电话、小写邮箱、选项代码、标签和去重键）发送到本机运行的 Intake 接收端，接收端再次校验后把它追加到 JSON Lines 文件中。',
    inboxIntro: '收到的每条记录都会列在',
    inboxLink: '收件箱',
    inboxOutro: '中。',
    footer: 'Intake 演示 · 表单在严格的内容安全策略（CSP）下运行，没有内联脚本或样式。',
    idle: '尚未提交。',
    sending: '正在发送记录 {id}…',
    delivered: '已送达：接收端已于 {time} 保存记录 {id}。',
    queued: '已保存在本设备：暂时无法连接接收端，记录 {id} 将在可以连接时自动发送。',
    rejected: '接收端拒绝了这条记录：{message}',
  },
};

const form = document.querySelector('intake-form');
const delivery = document.getElementById('delivery');
let locale = 'en';
/** The last delivery message, kept so a language switch can say it again in the new language. */
let last = { key: 'idle', params: {} };

function showDelivery(key, params = {}) {
  last = { key, params };
  delivery.dataset.state = key;
  const time = params.at ? new Date(params.at).toLocaleTimeString(locale) : '';
  delivery.textContent = fill(texts[locale][key], { ...params, time });
}

form?.addEventListener('intake-submit', (event) => showDelivery('sending', { id: event.detail.record.id }));
form?.addEventListener('intake-submitted', (event) => {
  const { record, status } = event.detail;
  showDelivery(status === 'delivered' ? 'delivered' : 'queued', { id: record.id, at: Date.now() });
});
form?.addEventListener('intake-error', (event) => {
  if (event.detail.kind === 'rejected') showDelivery('rejected', { message: event.detail.message });
});

setupLanguage(texts, (next) => {
  locale = next;
  form?.setAttribute('locale', locale);
  showDelivery(last.key, last.params);
});
