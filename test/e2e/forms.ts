// The form the end-to-end tests submit: one field of every kind that changes shape on the way
// (numbers, booleans, arrays, consents, dates, line breaks, non-ASCII text), so a format that
// loses or retypes anything shows.

/** Where and how a page delivers. */
export interface SubmitJson {
  readonly url: string;
  readonly format?: 'json' | 'text' | 'form';
  readonly timeoutMs?: number;
  readonly retries?: number;
}

const fields = [
  { type: 'text', name: 'name', label: 'Name', required: true },
  { type: 'email', name: 'email', label: 'Email', required: true },
  { type: 'phone', name: 'phone', label: 'Phone', defaultCountry: 'US' },
  { type: 'number', name: 'seats', label: 'Seats', min: 1, integer: true },
  { type: 'date', name: 'visit', label: 'Visit date' },
  {
    type: 'select',
    name: 'industry',
    label: 'Industry',
    options: [
      { value: 'mfg', label: 'Manufacturing' },
      { value: 'energy', label: 'Energy' },
    ],
  },
  {
    type: 'checkboxes',
    name: 'interests',
    label: 'Interests',
    options: [
      { value: 'demo', label: 'A demo' },
      { value: 'pricing', label: 'Pricing' },
      { value: 'support', label: 'Support' },
    ],
  },
  { type: 'boolean', name: 'newsletter', label: 'Send me the newsletter' },
  { type: 'textarea', name: 'message', label: 'Message' },
  { type: 'hidden', name: 'campaign', default: 'expo-2026' },
  { type: 'consent', name: 'privacy', label: 'I agree to the privacy policy', required: true, version: '2026-01' },
];

/** The form JSON (`e2e-lead`), with `submit` when given. */
export function leadForm(submit?: SubmitJson): Record<string, unknown> {
  return {
    id: 'e2e-lead',
    version: 2,
    locale: 'en',
    title: 'Talk to sales',
    fields,
    tags: [{ tag: 'wants-demo', when: { field: 'interests', contains: 'demo' } }],
    dedupe: ['email'],
    ...(submit ? { submit } : {}),
  };
}

/** Every field filled, as a person might type it (raw values for the `values` property). */
export const fullValues = {
  name: '  Zoë   Ng ',
  email: 'Zoe.Ng@Example.COM',
  phone: '(415) 555-2671',
  seats: '１２',
  visit: '2026-12-01',
  industry: 'energy',
  interests: ['pricing', 'demo'],
  newsletter: true,
  message: '第一行\r\nline two & a = sign',
  privacy: true,
};

/** Only the required fields, distinguished by `n`. */
export function minimalValues(n: number | string): Record<string, unknown> {
  return { name: `Person ${n}`, email: `person-${n}@example.com`, privacy: true };
}
