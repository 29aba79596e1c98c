import type { IntakeRecord } from '../record/record.js';

/** A small well-formed record of a `contact` form, for delivery tests (tests only). */
export function sampleRecord(id: string = crypto.randomUUID()): IntakeRecord {
  return {
    id,
    form: { id: 'contact' },
    submittedAt: new Date().toISOString(),
    locale: 'en',
    data: { email: 'ann@example.com' },
    tags: [],
    consents: [],
    dedupeKey: null,
    context: { url: '', referrer: '', utm: {}, fillMs: 3000 },
  };
}
