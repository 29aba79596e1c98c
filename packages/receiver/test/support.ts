import { readFileSync } from 'node:fs';
import { createIntake, encodeRecord, parseForm, useRegionData, type Form, type IntakeRecord } from '@intake/core';
import { regionData } from '@intake/core/region-data';

// Records are made here the way the browser makes them, with the region data loaded.
useRegionData(regionData);

function preset(name: string): Form {
  const json = JSON.parse(readFileSync(new URL(`../../core/presets/${name}.json`, import.meta.url), 'utf8')) as unknown;
  const parsed = parseForm(json);
  if (!parsed.ok) throw new Error(`preset ${name} does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.form;
}

/** The presets the receiver is tested on. */
export const crmLead = preset('crm-lead');
export const contact = preset('contact');
/** The raw JSON of a preset, as a server would read it from a file. */
export const crmLeadJson = readFileSync(new URL('../../core/presets/crm-lead.json', import.meta.url), 'utf8');

export const contactValues = {
  name: 'Jane  Doe',
  email: 'Jane.Doe@Example.com',
  phone: '(415) 555-2671',
  topic: 'sales',
  message: 'Please call me back about pricing for 40 seats.',
  privacy: true,
};

/** Every field type of the crm-lead preset filled in, as a person would type it. */
export const crmLeadValues = {
  company: '上海示例科技有限公司',
  website: 'www.example.com',
  industry: '39',
  region: '310115',
  companySize: '200-999',
  contactName: '王伟',
  phone: '１３９ 1234-5678',
  email: 'Wang.Wei@Example.COM',
  interests: ['pricing', 'demo'],
  coreNeed: '希望统一管理展会和官网获取的客户线索，提升销售跟进效率。',
  urgency: 'immediate',
  budget: '100k-500k',
  expectedUsers: '５０',
  sourceChannel: 'expo',
  sourceDetail: '2026 上海工博会',
  firstContactDate: '2026-11-20',
  isDecisionMaker: true,
  decisionScope: ['technical-selection', 'budget-approval'],
  notes: 'Line one\r\nLine two',
  marketingOptIn: true,
  privacy: true,
};

export interface RecordOptions {
  /** Milliseconds between the form being shown and submitted. Default 5000. */
  readonly fillMs?: number;
  readonly honeypot?: string;
  readonly locale?: string;
  readonly url?: string;
}

/** A valid record made the way the browser makes it: `createIntake(form).toRecord()`. */
export async function makeRecord(form: Form, values: Readonly<Record<string, unknown>>, options: RecordOptions = {}): Promise<IntakeRecord> {
  let now = Date.parse('2026-11-23T08:15:00.000Z');
  const intake = createIntake(form, {
    ...(options.locale ? { locale: options.locale } : {}),
    context: { url: options.url ?? 'https://www.example.com/expo?utm_source=expo&utm_medium=qr&rep=li.na', referrer: 'https://www.example.com/' },
    now: () => now,
  });
  intake.setValues(values);
  if (options.honeypot) intake.honeypot = options.honeypot;
  now += options.fillMs ?? 5000;
  return intake.toRecord();
}

export const crmLeadRecord = (options?: RecordOptions) => makeRecord(crmLead, crmLeadValues, options);
export const contactRecord = (options?: RecordOptions) => makeRecord(contact, contactValues, options);

/** A copy of a record with some keys changed, as a client bypassing the browser would send it. */
export function tamper(record: IntakeRecord, change: (copy: Record<string, any>) => void): Record<string, any> {
  const copy = JSON.parse(JSON.stringify(record)) as Record<string, any>;
  change(copy);
  return copy;
}

export type Format = 'json' | 'text' | 'form';

/** A POST of a payload in one of the delivery formats, encoded by the core's own encoder. */
export function post(payload: unknown, format: Format = 'json', init: { headers?: Record<string, string>; url?: string } = {}): Request {
  const { body, contentType } = encodeRecord(payload, format);
  const headers: Record<string, string> = { 'content-type': contentType, ...init.headers };
  const id = (payload as { id?: unknown }).id;
  if (format === 'json' && typeof id === 'string' && !('idempotency-key' in headers)) headers['idempotency-key'] = id;
  return new Request(init.url ?? 'https://hooks.example.com/intake', { method: 'POST', headers, body });
}

/** The JSON body of an answer. */
export async function answerOf(response: Response): Promise<{ message: string; id?: string; issues?: { code: string; path: (string | number)[]; message: string }[] }> {
  return (await response.json()) as never;
}
