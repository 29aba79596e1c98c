// The booth page's own script: the few things the URL decides that are page settings rather than
// form values. Prefill (`?company=…`, `?email=…`, `?rep=…`, `?event=…`) and utm capture
// (`?utm_source=qr&utm_campaign=expo2026` into record.context.utm) are done by <intake-form>
// itself from the schema's `prefill` keys, so they need no code here.
//
//   ?kiosk         shared tablet: after each submission, a fresh empty form (no draft kept)
//   ?kiosk=8       … showing the thank-you screen for 8 seconds (default 5)
//   ?lang=zh-CN    the form in Chinese
const params = new URLSearchParams(location.search);
const form = document.getElementById('lead-form');

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
