// The booth page's own script: the few things the URL decides that are page settings rather than
// form values. Prefill (`?company=…`, `?email=…`, `?rep=…`, `?event=…`) and utm capture
// (`?utm_source=qr&utm_campaign=expo2026` into record.context.utm) are done by <intake-form>
// itself from the schema's `prefill` keys, so they need no code here.
//
//   ?kiosk         shared tablet: after each submission, a fresh empty form (no draft kept)
//   ?kiosk=8       … showing the thank-you screen for 8 seconds (default 5)
//   ?lang=zh-CN    the page and the form in Chinese (English, the default, is what index.html says)
const params = new URLSearchParams(location.search);
const form = document.getElementById('lead-form');

/**
 * The page's own texts in Chinese, by the `data-text` name of the element that shows each one, and
 * the document title. The English ones are in index.html. They are set with textContent, never as HTML.
 */
const chinese = {
  title: 'Northwind Robotics 亮相 Expo 2026 · 5 号馆 C21 展位',
  where: 'Expo 2026 · 5 号馆 · C21 展位',
  heading: '让您的仓库自己动起来的机器人',
  pitch: '感谢您的光临。留下联系方式，我们就把您刚才看到的演示发给您。',
  connection: '当前没有网络连接。您仍然可以提交表单：它会先保存在本设备上，网络恢复后立即发送。',
  thanksTitle: '谢谢！',
  thanksBody: '您的信息已转交我们的团队。祝您观展愉快！',
  footer: 'Northwind Robotics GmbH · Intake 示例中的虚构公司 ·',
  qrLink: '打印本页的二维码',
};

if (params.has('kiosk')) {
  form.setAttribute('kiosk', '');
  const seconds = Number(params.get('kiosk'));
  if (params.get('kiosk') !== '' && Number.isFinite(seconds) && seconds >= 0) form.setAttribute('kiosk-reset', String(Math.round(seconds * 1000)));
  document.documentElement.classList.add('kiosk');
}

const lang = params.get('lang');
if (lang === 'zh-CN' || lang === 'en') {
  form.setAttribute('locale', lang);
  document.documentElement.lang = lang;
  if (lang === 'zh-CN') {
    for (const element of document.querySelectorAll('[data-text]')) {
      const text = chinese[element.dataset.text];
      if (text !== undefined) element.textContent = text;
    }
    document.title = chinese.title;
  }
}

// A bad connection at the booth is normal: say so up front, so nobody walks away thinking the
// form failed. The form itself keeps the record in its outbox and sends it when the network is back.
const banner = document.getElementById('connection');
const showConnection = () => {
  banner.hidden = navigator.onLine;
};
addEventListener('online', showConnection);
addEventListener('offline', showConnection);
showConnection();
