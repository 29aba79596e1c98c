import { useState } from 'react';
import contactForm from '@intake/core/presets/contact.json';
import type { IntakeChangeDetail, IntakeSubmittedDetail } from '@intake/elements';

type Locale = 'en' | 'zh-CN';

/**
 * Where records go. Default: the receiver of examples/receiver (`pnpm --filter
 * @intake/example-receiver start`). `VITE_INTAKE_ENDPOINT` at build time, or `?endpoint=` in the
 * page address, points it elsewhere.
 */
const endpoint = new URLSearchParams(location.search).get('endpoint') ?? import.meta.env.VITE_INTAKE_ENDPOINT ?? 'http://localhost:8787/hooks/contact';

// The page's own texts; the form's texts come from the schema and the elements.
const texts = {
  en: {
    title: 'Intake in React 19',
    language: 'Language',
    lastChange: 'Last field changed',
    nothingChanged: 'No field changed yet.',
    lastRecord: 'Last submitted record',
    noRecord: 'Nothing submitted yet.',
    status: { delivered: 'Delivered to the webhook', queued: 'Saved on this device, will be sent' },
  },
  'zh-CN': {
    title: '在 React 19 中使用 Intake',
    language: '语言',
    lastChange: '最近修改的字段',
    nothingChanged: '尚未修改任何字段。',
    lastRecord: '最近提交的记录',
    noRecord: '尚未提交。',
    status: { delivered: '已送达', queued: '已保存在本设备，稍后发送' },
  },
} as const;

export function App() {
  const [locale, setLocale] = useState<Locale>('en');
  const [lastChange, setLastChange] = useState<IntakeChangeDetail | null>(null);
  const [submitted, setSubmitted] = useState<IntakeSubmittedDetail | null>(null);
  const t = texts[locale];

  return (
    <main lang={locale}>
      <header className="bar">
        <h1>{t.title}</h1>
        <div role="group" aria-label={t.language} className="locales">
          <button type="button" aria-pressed={locale === 'en'} lang="en" onClick={() => setLocale('en')}>
            English
          </button>
          <button type="button" aria-pressed={locale === 'zh-CN'} lang="zh-CN" onClick={() => setLocale('zh-CN')}>
            中文
          </button>
        </div>
      </header>

      {/* `schema` is an object, set as a property (a module constant: a new object on every
          render would load the form again). `locale` follows React state. The event props are
          the hyphenated event names, typed by @intake/elements/react. */}
      <intake-form
        schema={contactForm}
        locale={locale}
        endpoint={endpoint}
        onintake-change={(event) => setLastChange(event.detail)}
        onintake-submitted={(event) => setSubmitted(event.detail)}
      />

      <section aria-labelledby="activity" className="panel">
        <h2 id="activity">{t.lastChange}</h2>
        <p id="last-change">{lastChange ? `${lastChange.name}: ${JSON.stringify(lastChange.value)}` : t.nothingChanged}</p>
      </section>

      <section aria-labelledby="record-title" className="panel" aria-live="polite">
        <h2 id="record-title">{t.lastRecord}</h2>
        {submitted ? (
          <>
            <p id="record-status">
              {t.status[submitted.status]} · <code id="record-id">{submitted.record.id}</code>
            </p>
            <dl id="record-data">
              {Object.entries(submitted.record.data).map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>{Array.isArray(value) ? value.join(', ') : String(value)}</dd>
                </div>
              ))}
            </dl>
            <pre id="record-json">{JSON.stringify(submitted.record, null, 2)}</pre>
          </>
        ) : (
          <p>{t.noRecord}</p>
        )}
      </section>
    </main>
  );
}
